// A day's stock as read through the counters, and the rule that a campaign
// change may not take back what was already won or opened today.

#include "blindbox/draw.h"
#include "blindbox/stock.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace blindbox;
using namespace blindbox::test;

namespace {

// Counters as a host holds them after `gold` and `silver` wins on a day.
MemoryCounters counters_with(const char* date, int64_t gold, int64_t silver) {
    MemoryCounters counters;
    if (gold) counters.add_within(counter_key::prize_issued(day(date), "gold"), gold, gold);
    if (silver) counters.add_within(counter_key::prize_issued(day(date), "silver"), silver, silver);
    return counters;
}

json deck_campaign(int64_t boxes) {
    json document = base_campaign();
    document["pool"] = "deck";
    document["prize_table"] = {{"boxes", boxes},
                               {"prizes", {{{"id", "gold"}, {"name", "Gold"}, {"stock", 2}}}}};
    return document;
}

} // namespace

TEST_CASE("a day's stock lists every prize of the day's table with what was won and is left") {
    const Campaign campaign = must_parse(base_campaign());
    MemoryCounters counters = counters_with("2026-11-05", 2, 1);
    const DayStockReport report = day_stock(campaign, counters, day("2026-11-05"));
    REQUIRE(report.prizes.size() == 2);
    CHECK(report.prizes[0].prize->id == "gold");
    CHECK(report.prizes[0].stock == 2);
    CHECK(report.prizes[0].issued == 2);
    CHECK(report.prizes[0].left == 0);
    CHECK(report.prizes[1].issued == 1);
    CHECK(report.prizes[1].left == 4);
    CHECK(report.boxes == 0);

    SUBCASE("another day has its own counts") {
        const DayStockReport other = day_stock(campaign, counters, day("2026-11-06"));
        CHECK(other.prizes[0].issued == 0);
        CHECK(other.prizes[0].left == 2);
    }
    SUBCASE("a date override's table is the day's table") {
        json document = base_campaign();
        document["date_overrides"]["2026-11-05"] = {
            {"prizes", {{{"id", "gold"}, {"name", "Gold"}, {"stock", 9}, {"odds", "0.5"}}}}};
        const Campaign overridden = must_parse(document);
        const DayStockReport on_override = day_stock(overridden, counters, day("2026-11-05"));
        REQUIRE(on_override.prizes.size() == 1);
        CHECK(on_override.prizes[0].stock == 9);
        CHECK(on_override.prizes[0].left == 7);
    }
}

TEST_CASE("a deck's stock counts its boxes opened") {
    const Campaign campaign = must_parse(deck_campaign(10));
    MemoryCounters counters;
    CounterDayStock stock(counters, campaign.table_for(day("2026-11-05")), day("2026-11-05"));
    counters.add_within(stock.opened_key(), 4, 10);
    const DayStockReport report = day_stock(campaign, counters, day("2026-11-05"));
    CHECK(report.boxes == 10);
    CHECK(report.boxes_opened == 4);
}

TEST_CASE("stock may not drop below what was won today") {
    const Campaign current = must_parse(base_campaign());
    MemoryCounters counters = counters_with("2026-11-05", 0, 3);
    json document = base_campaign();
    document["prize_table"]["prizes"][1]["stock"] = 2;
    const Campaign proposed = must_parse(document);
    auto problem = change_problem(&current, proposed, counters, day("2026-11-05"));
    REQUIRE(problem);
    CHECK(problem->field == "/prize_table/prizes/1/stock");
    CHECK(problem->message == "stock 2 is below the 3 already won today (2026-11-05)");

    SUBCASE("stock equal to what was won is allowed") {
        document["prize_table"]["prizes"][1]["stock"] = 3;
        const Campaign enough = must_parse(document);
        CHECK_FALSE(change_problem(&current, enough, counters, day("2026-11-05")));
    }
    SUBCASE("another day's wins do not count") {
        CHECK_FALSE(change_problem(&current, proposed, counters, day("2026-11-06")));
    }
}

TEST_CASE("a prize won today may not be dropped from today's table") {
    const Campaign current = must_parse(base_campaign());
    MemoryCounters counters = counters_with("2026-11-05", 1, 0);
    json document = base_campaign();
    document["date_overrides"]["2026-11-05"] = {
        {"prizes", {{{"id", "silver"}, {"name", "Silver"}, {"stock", 5}, {"odds", "0.2"}}}}};
    const Campaign proposed = must_parse(document);
    auto problem = change_problem(&current, proposed, counters, day("2026-11-05"));
    REQUIRE(problem);
    CHECK(problem->field == "/date_overrides/2026-11-05/prizes");
    CHECK(problem->message == "prize \"gold\" was already won 1 time(s) today (2026-11-05); keep "
                              "it with stock of at least 1");

    SUBCASE("a prize never won today may go") {
        MemoryCounters untouched;
        CHECK_FALSE(change_problem(&current, proposed, untouched, day("2026-11-05")));
    }
}

TEST_CASE("problems are reported in the byte order of prize ids, first one only") {
    const Campaign current = must_parse(base_campaign());
    MemoryCounters counters = counters_with("2026-11-05", 2, 5);
    json document = base_campaign();
    document["prize_table"]["prizes"][0]["stock"] = 1;
    document["prize_table"]["prizes"][1]["stock"] = 1;
    const Campaign proposed = must_parse(document);
    auto problem = change_problem(&current, proposed, counters, day("2026-11-05"));
    REQUIRE(problem);
    CHECK(problem->field == "/prize_table/prizes/0/stock");
}

TEST_CASE("a deck may not have fewer boxes than were opened today") {
    const Campaign current = must_parse(deck_campaign(10));
    MemoryCounters counters;
    CounterDayStock stock(counters, current.table_for(day("2026-11-05")), day("2026-11-05"));
    counters.add_within(stock.opened_key(), 6, 10);
    const Campaign fewer = must_parse(deck_campaign(5));
    auto problem = change_problem(&current, fewer, counters, day("2026-11-05"));
    REQUIRE(problem);
    CHECK(problem->field == "/prize_table/boxes");
    CHECK(problem->message == "6 boxes were already opened today (2026-11-05)");
    CHECK_FALSE(change_problem(&current, must_parse(deck_campaign(6)), counters, day("2026-11-05")));
}

TEST_CASE("a first definition has nothing to keep") {
    MemoryCounters counters;
    CHECK_FALSE(change_problem(nullptr, must_parse(base_campaign()), counters, day("2026-11-05")));
}

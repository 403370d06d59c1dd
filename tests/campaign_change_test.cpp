// A campaign change against today's counters (what was won or opened today
// may not be taken back) and the changes the operator confirms.

#include "blindbox/campaign_change.h"
#include "blindbox/draw.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace blindbox;
using namespace blindbox::test;

namespace {

std::vector<std::string> kinds(const std::vector<CampaignChange>& changes) {
    std::vector<std::string> out;
    for (const auto& change : changes)
        out.emplace_back(to_string(change.kind));
    return out;
}

} // namespace

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
    CHECK_FALSE(
        change_problem(&current, must_parse(deck_campaign(6)), counters, day("2026-11-05")));
}

TEST_CASE("a first definition has nothing to keep") {
    MemoryCounters counters;
    CHECK_FALSE(change_problem(nullptr, must_parse(base_campaign()), counters, day("2026-11-05")));
}

TEST_CASE("the changes players would notice today are listed for the operator") {
    const Campaign current = must_parse(base_campaign());
    CHECK(changes_on_day(current, current, day("2026-11-05")).empty());

    json document = base_campaign();
    document["prize_table"]["prizes"][0]["stock"] = 1;
    document["prize_table"]["prizes"][0]["odds"] = "0.1";
    document["prize_table"]["prizes"][1] = {
        {"id", "bronze"}, {"name", "Bronze"}, {"stock", 9}, {"odds", "0.3"}};
    document["pacing"] = "even";
    const auto changes = changes_on_day(current, must_parse(document), day("2026-11-05"));
    CHECK(kinds(changes) == std::vector<std::string>{"stock", "removed", "added", "pacing"});
    CHECK(changes[0].prize_name == "Gold");
    CHECK(changes[0].before == "2");
    CHECK(changes[0].after == "1");
    CHECK(changes[1].prize_id == "silver");
    CHECK(changes[2].prize_id == "bronze");
    CHECK(changes[3].before == "none");
    CHECK(changes[3].after == "even");

    SUBCASE("odds are compared exactly, not as written") {
        json other = base_campaign();
        other["prize_table"]["prizes"][1]["odds"] = "1/5";
        CHECK(changes_on_day(current, must_parse(other), day("2026-11-05")).empty());
        other["prize_table"]["prizes"][1]["odds"] = "0.25";
        const auto odds = changes_on_day(current, must_parse(other), day("2026-11-05"));
        REQUIRE(odds.size() == 1);
        CHECK(odds[0].before == "1/5");
        CHECK(odds[0].after == "1/4");
    }
    SUBCASE("a switch to a deck lists the pool and boxes, not odds") {
        const auto deck = changes_on_day(current, must_parse(deck_campaign(10)), day("2026-11-05"));
        CHECK(kinds(deck) == std::vector<std::string>{"removed", "boxes", "pool"});
        CHECK(deck[1].before.empty());
        CHECK(deck[1].after == "10");
    }
}

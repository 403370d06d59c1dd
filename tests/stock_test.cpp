// A day's stock as read through the counters.

#include "blindbox/draw.h"
#include "blindbox/stock.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace blindbox;
using namespace blindbox::test;

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

// The core's rules for a campaign, on models built in code: no JSON here, so
// these hold whatever reads the definition (campaign_test.cpp checks the
// reader, its pointers and its messages).

#include "blindbox/campaign.h"

#include <doctest/doctest.h>

using namespace blindbox;

namespace {

Prize prize(const char* id, int64_t stock, Fraction odds = {}) {
    Prize p;
    p.id = id;
    p.name = id;
    p.stock = stock;
    p.odds = odds;
    return p;
}

} // namespace

TEST_CASE("a window runs forwards, for at most max_campaign_days days") {
    CHECK_FALSE(window_days_problem(20400, 20400).has_value());
    CHECK_FALSE(window_days_problem(20400, 20400 + max_campaign_days - 1).has_value());
    CHECK(window_days_problem(20400, 20399) == "must not be before first_day (2025-11-08)");
    CHECK(window_days_problem(20400, 20400 + max_campaign_days) ==
          "a campaign may run at most 3660 days");
}

TEST_CASE("opening hours close later the same day") {
    CHECK_FALSE(opening_hours_problem(10 * 60, 22 * 60).has_value());
    CHECK_FALSE(opening_hours_problem(0, 24 * 60).has_value());
    CHECK(opening_hours_problem(22 * 60, 2 * 60) ==
          "closes_at (02:00) must be later than opens_at (22:00): opening hours cannot cross "
          "midnight");
    CHECK(opening_hours_problem(600, 600).has_value());
}

TEST_CASE("an odds table is weighed on its common denominator") {
    PrizeTable table;
    table.prizes = {prize("gold", 2, Fraction::make(1, 10)),
                    prize("silver", 5, Fraction::make(1, 5))};
    CHECK_FALSE(weigh_odds_table(table).has_value());
    CHECK(table.common_denominator == 10);
    CHECK(table.prizes[0].weight == 1);
    CHECK(table.prizes[1].weight == 2);
    CHECK(table.total_weight == 3);
}

TEST_CASE("an odds table that adds up to more than 1 is refused and left unweighed") {
    PrizeTable table;
    table.prizes = {prize("a", 1, Fraction::make(2, 3)), prize("b", 1, Fraction::make(1, 2))};
    CHECK(weigh_odds_table(table) == "odds add up to 7/6 (1.166666667), more than 1");
    CHECK(table.common_denominator == 1);
    CHECK(table.total_weight == 0);
    CHECK(table.prizes[0].weight == 0);
}

TEST_CASE("an odds table without a common denominator below 2^62 is refused") {
    PrizeTable table;
    table.prizes = {prize("a", 1, Fraction::make(1, 999999937)),
                    prize("b", 1, Fraction::make(1, 999999929)),
                    prize("c", 1, Fraction::make(1, 999999893))};
    const auto problem = weigh_odds_table(table);
    REQUIRE(problem.has_value());
    CHECK(problem->rfind("the odds have no common denominator below 2^62", 0) == 0);
}

TEST_CASE("a deck's odds are its stock over its boxes, and stock may not pass the boxes") {
    PrizeTable table;
    table.boxes = 40;
    table.prizes = {prize("x", 2), prize("y", 6)};
    CHECK_FALSE(weigh_deck_table(table).has_value());
    CHECK(table.prizes[0].odds == Fraction::make(1, 20));
    CHECK(table.prizes[1].odds == Fraction::make(3, 20));

    table.prizes.push_back(prize("z", 33));
    CHECK(weigh_deck_table(table) == "prize stock adds up to 41, more than the 40 boxes");
}

TEST_CASE("the pity rule marks its prizes in every table, and nothing without a rule") {
    Campaign campaign;
    campaign.default_table.prizes = {prize("gold", 1), prize("silver", 1)};
    campaign.overrides.push_back({DayNumber{20400}, {}});
    campaign.overrides[0].table.prizes = {prize("silver", 1), prize("bronze", 1)};
    mark_pity_prizes(campaign);
    CHECK_FALSE(campaign.default_table.prizes[1].pity_eligible);

    campaign.pity = PityRule{3, {"silver"}};
    mark_pity_prizes(campaign);
    CHECK_FALSE(campaign.default_table.prizes[0].pity_eligible);
    CHECK(campaign.default_table.prizes[1].pity_eligible);
    CHECK(campaign.overrides[0].table.prizes[0].pity_eligible);
    CHECK_FALSE(campaign.overrides[0].table.prizes[1].pity_eligible);
}

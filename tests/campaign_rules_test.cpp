// The core's rules for a campaign, on models built in code: no JSON here, so
// these hold whatever reads the definition (campaign_test.cpp checks the
// reader, its pointers and its messages).

#include "blindbox/campaign.h"
#include "blindbox/campaign_rules.h"

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

// "pointer: message", or "" when there is no problem.
std::string line_of(const std::optional<ValidationError>& problem) {
    return problem ? problem->pointer + ": " + problem->message : "";
}

Campaign deck_campaign() {
    Campaign campaign;
    campaign.pool = PoolModel::deck;
    return campaign;
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

TEST_CASE("redistributing a sold-out prize's odds applies to the odds model only") {
    Campaign campaign;
    campaign.sold_out = SoldOutPolicy::redistribute;
    CHECK(line_of(sold_out_problem(campaign)) == "");

    Campaign deck = deck_campaign();
    CHECK(line_of(sold_out_problem(deck)) == "");
    deck.sold_out = SoldOutPolicy::redistribute;
    CHECK(line_of(sold_out_problem(deck)) ==
          "/sold_out: applies to the odds model only: a deck has no odds to redistribute");
}

TEST_CASE("even pacing applies to the odds model only") {
    Campaign campaign;
    campaign.pacing = Pacing::even;
    CHECK(line_of(pacing_problem(campaign)) == "");

    Campaign deck = deck_campaign();
    CHECK(line_of(pacing_problem(deck)) == "");
    deck.pacing = Pacing::even;
    CHECK(line_of(pacing_problem(deck)) == "/pacing: applies to the odds model only: a shuffled "
                                           "deck already spreads its prizes over the day");
}

TEST_CASE("a date override lies inside the campaign window, first and last day included") {
    Campaign campaign;
    campaign.first_day = 20400; // 2025-11-08
    campaign.last_day = 20409;  // 2025-11-17
    CHECK(line_of(override_day_problem(campaign, 20400)) == "");
    CHECK(line_of(override_day_problem(campaign, 20409)) == "");
    CHECK(line_of(override_day_problem(campaign, 20399)) ==
          "/date_overrides/2025-11-07: is outside the campaign window (2025-11-08 to 2025-11-17)");
    CHECK(line_of(override_day_problem(campaign, 20410)) ==
          "/date_overrides/2025-11-18: is outside the campaign window (2025-11-08 to 2025-11-17)");
}

TEST_CASE("the pity rule names each prize once, and only prizes some table holds") {
    Campaign campaign;
    campaign.default_table.prizes = {prize("gold", 1), prize("silver", 1)};
    campaign.overrides.push_back({DayNumber{20400}, {}});
    campaign.overrides[0].table.prizes = {prize("bronze", 1)};

    SUBCASE("prizes of the default table and of a date override may be named") {
        PityPrizeRules rules(campaign, true);
        CHECK(line_of(rules.check("silver", 0)) == "");
        CHECK(line_of(rules.check("bronze", 1)) == "");
    }
    SUBCASE("a prize named twice is reported where it is named again") {
        PityPrizeRules rules(campaign, true);
        CHECK(line_of(rules.check("gold", 0)) == "");
        CHECK(line_of(rules.check("gold", 2)) == "/pity/prizes/2: names prize \"gold\" twice");
    }
    SUBCASE("a prize no table holds is unknown") {
        PityPrizeRules rules(campaign, true);
        CHECK(line_of(rules.check("platinum", 1)) ==
              "/pity/prizes/1: unknown prize \"platinum\": not in the prize table or any date "
              "override");
        CHECK(line_of(rules.check("platinum", 2)) ==
              "/pity/prizes/2: names prize \"platinum\" twice");
    }
    SUBCASE("while a table could not be read, no prize counts as unknown, but repeats still do") {
        PityPrizeRules rules(campaign, false);
        CHECK(line_of(rules.check("platinum", 0)) == "");
        CHECK(line_of(rules.check("platinum", 1)) ==
              "/pity/prizes/1: names prize \"platinum\" twice");
    }
}

// Odds text as the console reads and shows it: the campaign parser's grammar
// and messages, exact sums and comparisons, and the pages' percentages.

#include "blindbox/odds_text.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace blindbox;
using namespace blindbox::test;

namespace {

// The message the campaign parser gives for these odds of the first prize.
std::string parser_problem(const json& odds) {
    json document = base_campaign();
    document["prize_table"]["prizes"][0]["odds"] = odds;
    ParseResult result = parse_campaign(document.dump());
    REQUIRE(result.errors.size() == 1);
    return result.errors[0].message;
}

Fraction odds(const char* text) {
    return *read_odds_text(text).odds;
}

} // namespace

TEST_CASE("odds text is read with the campaign parser's grammar and messages") {
    for (const char* text : {" 0.5", "1 / 2", "1/0", "0.1234567891", "1/10000000000", ".5",
                             "1/1000000000000000000", "abc", ""}) {
        CAPTURE(text);
        const OddsReading reading = read_odds_text(text);
        CHECK_FALSE(reading.odds);
        CHECK(reading.problem == parser_problem(text));
    }
    const OddsReading above = read_odds_text("3/2");
    CHECK_FALSE(above.odds);
    CHECK(above.problem == parser_problem("3/2"));
    CHECK(read_odds_text("1/144").odds == Fraction::make(1, 144));
    CHECK(read_odds_text("0.05").odds == Fraction::make(1, 20));
    CHECK(read_odds_text("1").odds == Fraction::make(1, 1));
}

TEST_CASE("a table's odds are summed exactly, with the parser's message over 1") {
    std::vector<OddsReading> table = {read_odds_text("0.3"), read_odds_text("1/3")};
    OddsTableSum sum = sum_odds(table);
    REQUIRE(sum.total);
    CHECK(*sum.total == Fraction::make(19, 30));
    CHECK_FALSE(sum.over_one);
    CHECK(sum.problem.empty());

    SUBCASE("over 1") {
        table.push_back(read_odds_text("0.5"));
        sum = sum_odds(table);
        CHECK(sum.over_one);
        json document = base_campaign();
        document["prize_table"]["prizes"][0]["odds"] = "0.3";
        document["prize_table"]["prizes"][1]["odds"] = "1/3";
        document["prize_table"]["prizes"].push_back(
            {{"id", "bronze"}, {"name", "Bronze"}, {"stock", 1}, {"odds", "0.5"}});
        ParseResult parsed = parse_campaign(document.dump());
        REQUIRE(parsed.errors.size() == 1);
        CHECK(sum.problem == parsed.errors[0].message);
    }
    SUBCASE("an entry that is not odds leaves no total") {
        table.push_back(read_odds_text("x"));
        CHECK_FALSE(sum_odds(table).total);
    }
}

TEST_CASE("odds compare exactly") {
    CHECK(compare(odds("0.5"), odds("1/2")) == 0);
    CHECK(compare(odds("0.002"), odds("0.5")) == -1);
    CHECK(compare(odds("1/3"), odds("0.333333333")) == 1);
}

TEST_CASE("the player page's percent moves the point and rounds half up") {
    CHECK(percent_text(odds("0.0005"), 4) == "0.0500%");
    CHECK(percent_text(odds("1/144"), 4) == "0.6944%");
    CHECK(percent_text(odds("1"), 4) == "100.0000%");
    CHECK(percent_text(odds("0"), 4) == "0%");
    CHECK(percent_text(odds("0.000000001"), 4) == "0.0000001%");
    CHECK(percent_text(odds("0.99999999"), 4) == "100.0000%");
    CHECK(percent_text(odds("1/3"), 2) == "33.33%");
}

TEST_CASE("the simulation page's percent has 2 places, 4 below 1%") {
    CHECK(percent_short(odds("1/3")) == "33.33%");
    CHECK(percent_short(odds("1/144")) == "0.6944%");
    CHECK(percent_short(odds("0.01")) == "1.00%");
    CHECK(percent_short(odds("0")) == "0%");
}

TEST_CASE("the console's percent keeps the digits that say something") {
    CHECK(percent_brief(odds("0.5")) == "50%");
    CHECK(percent_brief(odds("1/3")) == "33.3%");
    CHECK(percent_brief(odds("0.05")) == "5%");
    CHECK(percent_brief(odds("1/144")) == "0.694%");
    CHECK(percent_brief(odds("0.0000123")) == "0.0012%");
    CHECK(percent_brief(odds("0")) == "0%");
}

TEST_CASE("one in N is the share's inverse rounded half up") {
    CHECK(one_in(odds("1/144")) == u128{144});
    CHECK(one_in(odds("0.0005")) == u128{2000});
    CHECK(one_in(odds("0.4")) == u128{3}); // 2.5 rounds up
    CHECK(one_in(odds("1")) == u128{1});
    CHECK_FALSE(one_in(odds("0")));
}

TEST_CASE("fractions as the core writes them are read at any size") {
    CHECK(parse_fraction_text("1/144") == Fraction::make(1, 144));
    CHECK(parse_fraction_text("6/4") == Fraction::make(3, 2));
    CHECK(parse_fraction_text("1/123456789012345678901") ==
          Fraction::make(1, u128{123456789012345678ULL} * 1000 + 901));
    for (const char* bad : {"1/0", "0.5", "1 / 2", "/2", "1/", "-1/2", ""})
        CHECK_FALSE(parse_fraction_text(bad));
}

TEST_CASE("an odds report's shares are formatted like the operator's odds") {
    const auto effective = parse_share_text("5/123456789");
    REQUIRE(effective);
    CHECK(percent_text(*effective, 4) == "0.0000041%");
    CHECK(percent_text(*parse_share_text("1/123456789012345678"), 4) == "0%");
    CHECK(percent_text(*parse_share_text("1/2000"), 4) == "0.0500%");
    CHECK_FALSE(parse_share_text("3/2"));
    CHECK_FALSE(parse_share_text("1/1234567890123456789012345678901234567"));
}

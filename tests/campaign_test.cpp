#include "test_support.h"

#include <doctest/doctest.h>

using namespace blindbox;
using namespace blindbox::test;

namespace {

// The errors the validator reports for a document, as "pointer: message" lines.
std::vector<std::string> errors_of(const json& document) {
    ParseResult result = parse_campaign(document.dump());
    std::vector<std::string> lines;
    for (const auto& error : result.errors)
        lines.push_back(error.pointer + ": " + error.message);
    CHECK(result.campaign.has_value() == lines.empty());
    return lines;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("a valid campaign becomes a typed model with defaults filled in") {
    Campaign campaign = must_parse(base_campaign());
    CHECK(campaign.id == "test-campaign");
    CHECK(campaign.utc_offset_minutes == 480);
    CHECK(campaign.first_day == day("2026-11-01"));
    CHECK(campaign.last_day == day("2026-12-31"));
    CHECK(campaign.opens_at_minute == 0);
    CHECK(campaign.closes_at_minute == 24 * 60);
    CHECK(campaign.pool == PoolModel::odds);
    CHECK(campaign.sold_out == SoldOutPolicy::lose);
    CHECK(campaign.pacing == Pacing::none);
    CHECK(campaign.identity == Identity::open);
    CHECK(campaign.limits.draws_per_day == 1000);
    CHECK_FALSE(campaign.limits.draws_per_campaign.has_value());
    CHECK_FALSE(campaign.pity.has_value());
    REQUIRE(campaign.default_table.prizes.size() == 2);
    // 1/10 and 1/5 on the common denominator 10.
    CHECK(campaign.default_table.common_denominator == 10);
    CHECK(campaign.default_table.prizes[0].weight == 1);
    CHECK(campaign.default_table.prizes[1].weight == 2);
    CHECK(campaign.default_table.total_weight == 3);
}

TEST_CASE("odds are kept exactly, never rounded to whole percents or float slots") {
    json document = base_campaign();
    document["prize_table"]["prizes"] = json::parse(R"([
        {"id": "a", "name": "A", "stock": 10, "odds": "0.29"},
        {"id": "b", "name": "B", "stock": 10, "odds": "0.57"},
        {"id": "c", "name": "C", "stock": 10, "odds": "1/144"}
    ])");
    Campaign campaign = must_parse(document);
    const PrizeTable& table = campaign.default_table;
    CHECK(table.common_denominator == 3600);
    CHECK(table.prizes[0].weight == 1044); // 0.29 * 3600, not 28 of 100 slots
    CHECK(table.prizes[1].weight == 2052);
    CHECK(table.prizes[2].weight == 25);
}

TEST_CASE("odds that add up to more than 1 are rejected") {
    json document = base_campaign();
    document["prize_table"]["prizes"][0]["odds"] = "0.5";
    document["prize_table"]["prizes"][1]["odds"] = "0.500000001";
    CHECK(errors_of(document) ==
          Lines{"/prize_table/prizes: odds add up to 1000000001/1000000000 (1.000000001), more "
                "than 1"});
    SUBCASE("but exactly 1 is fine") {
        document["prize_table"]["prizes"][1]["odds"] = "1/2";
        CHECK(errors_of(document).empty());
    }
}

TEST_CASE("stock must be a whole number from 0 to 10^9") {
    const char* message =
        "/prize_table/prizes/0/stock: must be a whole number from 0 to 1000000000";
    for (json bad : {json(-1), json(2.5), json("5"), json(1000000001), json(nullptr)}) {
        CAPTURE(bad.dump());
        json document = base_campaign();
        document["prize_table"]["prizes"][0]["stock"] = bad;
        CHECK(errors_of(document) == Lines{message});
    }
}

TEST_CASE("prize ids are unique within a table") {
    json document = base_campaign();
    document["prize_table"]["prizes"][1]["id"] = "gold";
    CHECK(errors_of(document) ==
          Lines{"/prize_table/prizes/1/id: duplicate prize id \"gold\" (also at "
                "/prize_table/prizes/0)"});
}

TEST_CASE("unknown fields are rejected wherever they appear") {
    json document = base_campaign();
    document["colour"] = "red";
    document["prize_table"]["prizes"][0]["weight"] = 3;
    document["window"]["timezone"] = "Asia/Shanghai";
    CHECK(errors_of(document) == Lines{"/colour: unknown field \"colour\"",
                                       "/window/timezone: unknown field \"timezone\"",
                                       "/prize_table/prizes/0/weight: unknown field \"weight\""});
}

TEST_CASE("dates, offsets and hours must be well formed") {
    SUBCASE("a malformed date") {
        json document = base_campaign();
        document["window"]["first_day"] = "2026-02-30";
        CHECK(errors_of(document) ==
              Lines{"/window/first_day: is not a calendar date from 1970 on (2026-02-30)"});
        document["window"]["first_day"] = "2026-11-01T00:00";
        CHECK(errors_of(document) ==
              Lines{"/window/first_day: must be a date like \"2026-11-28\""});
    }
    SUBCASE("a malformed offset") {
        json document = base_campaign();
        document["utc_offset"] = "Asia/Shanghai";
        CHECK(errors_of(document) == Lines{"/utc_offset: must be a UTC offset like \"+08:00\" or "
                                           "\"-05:30\" (from -12:00 to +14:00)"});
    }
    SUBCASE("a malformed opening time") {
        json document = base_campaign();
        document["window"]["opens_at"] = "9am";
        CHECK(errors_of(document) ==
              Lines{"/window/opens_at: must be a time like \"10:00\" (00:00-23:59)"});
    }
}

TEST_CASE("a window must not end before it starts") {
    json document = base_campaign();
    document["window"]["last_day"] = "2026-10-31";
    CHECK(errors_of(document) ==
          Lines{"/window/last_day: must not be before first_day (2026-11-01)"});
    SUBCASE("and daily hours must close after they open") {
        json hours = base_campaign();
        hours["window"]["opens_at"] = "22:00";
        hours["window"]["closes_at"] = "10:00";
        CHECK(errors_of(hours) ==
              Lines{"/window/closes_at: closes_at (10:00) must be later than opens_at (22:00): "
                    "opening hours cannot cross midnight"});
    }
}

TEST_CASE("a table holds at most 256 prizes") {
    json document = base_campaign();
    json prizes = json::array();
    for (int i = 0; i < 257; ++i) {
        prizes.push_back({{"id", "p" + std::to_string(i)},
                          {"name", "Prize " + std::to_string(i)},
                          {"stock", 1},
                          {"odds", "1/1000"}});
    }
    document["prize_table"]["prizes"] = prizes;
    CHECK(errors_of(document) ==
          Lines{"/prize_table/prizes: must list at most 256 prizes (got 257)"});
    prizes.erase(prizes.end() - 1);
    document["prize_table"]["prizes"] = prizes;
    CHECK(errors_of(document).empty());
}

TEST_CASE("names and titles have length limits counted in characters") {
    json document = base_campaign();
    std::string long_name;
    for (int i = 0; i < 101; ++i)
        long_name += "盒";
    document["prize_table"]["prizes"][0]["name"] = long_name;
    CHECK(errors_of(document) ==
          Lines{"/prize_table/prizes/0/name: must be at most 100 characters (got 101)"});
    long_name.resize(long_name.size() - 3); // 100 characters of 3 bytes each
    document["prize_table"]["prizes"][0]["name"] = long_name;
    CHECK(errors_of(document).empty());
}

TEST_CASE("a pity rule may name only prizes that exist") {
    json document = base_campaign();
    document["pity"] = {{"after", 10}, {"prizes", {"silver", "platinum"}}};
    CHECK(errors_of(document) ==
          Lines{"/pity/prizes/1: unknown prize \"platinum\": not in the prize table or any date "
                "override"});
    SUBCASE("a prize that exists only in a date override counts") {
        document["date_overrides"] = json::parse(
            R"({"2026-11-11": {"prizes": [{"id": "platinum", "name": "P", "stock": 1, "odds": "0.01"}]}})");
        Campaign campaign = must_parse(document);
        CHECK(campaign.pity->prize_ids == std::vector<std::string>{"silver", "platinum"});
        CHECK(campaign.default_table.prizes[1].pity_eligible);
        CHECK_FALSE(campaign.default_table.prizes[0].pity_eligible);
    }
}

TEST_CASE("a pity rule's prizes are reported in the order written, each at its own place") {
    json document = base_campaign();
    document["pity"] = {{"after", 10}, {"prizes", {"gold", 7, "gold", "platinum"}}};
    CHECK(errors_of(document) ==
          Lines{"/pity/prizes/1: must be a prize id (a string)",
                "/pity/prizes/2: names prize \"gold\" twice",
                "/pity/prizes/3: unknown prize \"platinum\": not in the prize table or any date "
                "override"});
}

TEST_CASE("odds must be written as exact strings") {
    const char* message = "/prize_table/prizes/0/odds: must be a decimal like \"0.05\" (at most 9 "
                          "places) or a fraction like \"1/144\" (denominator at most 1000000000), "
                          "written as a string";
    for (json bad : {json(0.05), json("5%"), json("0.0500000001"), json("1/0")}) {
        CAPTURE(bad.dump());
        json document = base_campaign();
        document["prize_table"]["prizes"][0]["odds"] = bad;
        CHECK(errors_of(document) == Lines{message});
    }
    json above = base_campaign();
    above["prize_table"]["prizes"][0]["odds"] = "3/2";
    CHECK(errors_of(above) == Lines{"/prize_table/prizes/0/odds: must be at most 1 (got 3/2)"});
}

TEST_CASE("the deck model takes boxes, not odds") {
    json document = base_campaign();
    document["pool"] = "deck";
    CHECK(errors_of(document) ==
          Lines{"/prize_table/boxes: is required",
                "/prize_table/prizes/0/odds: the deck model takes no odds: a prize's odds are its "
                "stock over the boxes left",
                "/prize_table/prizes/1/odds: the deck model takes no odds: a prize's odds are its "
                "stock over the boxes left"});
    for (auto& prize : document["prize_table"]["prizes"])
        prize.erase("odds");
    document["prize_table"]["boxes"] = 6;
    CHECK(errors_of(document) ==
          Lines{"/prize_table/prizes: prize stock adds up to 7, more than the 6 boxes"});
    document["prize_table"]["boxes"] = 70;
    Campaign campaign = must_parse(document);
    CHECK(campaign.default_table.prizes[0].odds == Fraction::make(2, 70));
    SUBCASE("and redistribution or pacing make no sense for a deck") {
        document["sold_out"] = "redistribute";
        document["pacing"] = "even";
        CHECK(errors_of(document) ==
              Lines{"/sold_out: applies to the odds model only: a deck has no odds to "
                    "redistribute",
                    "/pacing: applies to the odds model only: a shuffled deck already spreads its "
                    "prizes over the day"});
    }
}

TEST_CASE("date overrides replace the table on their day, inside the window") {
    json document = base_campaign();
    document["date_overrides"] = json::parse(R"({
        "2026-11-11": {"prizes": [{"id": "gold", "name": "Gold", "stock": 50, "odds": "1/2"}]}
    })");
    Campaign campaign = must_parse(document);
    CHECK(campaign.table_for(day("2026-11-11")).prizes.size() == 1);
    CHECK(campaign.table_for(day("2026-11-11")).prizes[0].stock == 50);
    CHECK(campaign.table_for(day("2026-11-12")).prizes.size() == 2);

    document["date_overrides"]["2027-01-01"] = document["date_overrides"]["2026-11-11"];
    document["date_overrides"]["11/11"] = document["date_overrides"]["2026-11-11"];
    CHECK(errors_of(document) ==
          Lines{"/date_overrides/11~111: must be keyed by a date like \"2026-11-28\"",
                "/date_overrides/2027-01-01: is outside the campaign window (2026-11-01 to "
                "2026-12-31)"});
}

TEST_CASE("every problem is reported at once, and bad JSON says where") {
    json document = base_campaign();
    document.erase("title");
    document["limits"]["draws_per_day"] = 0;
    document["prize_table"]["prizes"][0]["id"] = "Gold Prize";
    CHECK(errors_of(document) ==
          Lines{"/title: is required",
                "/limits/draws_per_day: must be a whole number from 1 to 1000000",
                "/prize_table/prizes/0/id: must be 1-64 characters of a-z, 0-9, '-' and '_', "
                "starting with a letter or digit"});
    ParseResult broken = parse_campaign(R"({"id": "x", "title": })");
    REQUIRE(broken.errors.size() == 1);
    CHECK(broken.errors[0].pointer == "");
    CHECK(broken.errors[0].message.rfind("not valid JSON: syntax error at byte 22", 0) == 0);
    CHECK(parse_campaign("[]").errors[0].message == "must be an object");
}

TEST_CASE(
    "a theme sets the page's colours, pictures and texts beside the model, checked like the rest") {
    json document = base_campaign();
    document["theme"] = json::parse(R"({
        "primary_color": "#C8102E", "accent_color": "#ffd700",
        "logo": "/images/logo.svg", "box_image": "https://cdn.example.com/box.png",
        "headline": {"en": "Open a lucky box", "zh": "开一个福盒"},
        "intro": {"en": "Three boxes a day."}
    })");
    ParseResult parsed = parse_campaign(document.dump());
    REQUIRE(parsed.campaign.has_value());
    CHECK(parsed.theme.primary_color == "#C8102E");
    CHECK(parsed.theme.headline.zh == "开一个福盒");
    CHECK(parsed.theme.intro.zh.empty());

    document["theme"]["primary_color"] = "red";
    document["theme"]["logo"] = "javascript:alert(1)";
    document["theme"]["headline"]["fr"] = "Ouvrez";
    document["theme"]["font"] = "Comic Sans";
    CHECK(errors_of(document) ==
          Lines{"/theme/font: unknown field \"font\"",
                "/theme/primary_color: must be a colour like \"#c8102e\"",
                "/theme/logo: must be an http(s) URL or a path starting with /",
                "/theme/headline/fr: unknown field \"fr\""});
}

// draw() through counters: the clock, limits, duplicate requests, stock,
// pacing, the sold-out policies and pity, each rule a TEST_CASE. Over 400 lines
// on purpose: the draw's rules read together, over test_support.h's fixtures.

#include "blindbox/draw.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace blindbox;
using namespace blindbox::test;

namespace {

// Draws for `player` at `now` with entropy from `index`, all-or-nothing.
DrawResult draw_at(const Campaign& campaign, MemoryCounters& counters, int64_t now,
                   std::string_view player, uint64_t index, std::string_view request_id = {}) {
    DrawRequest request;
    request.now_unix = now;
    request.player = player;
    request.request_id = request_id;
    request.entropy = entropy_from_seed(42, index);
    counters.begin();
    DrawResult result = draw(campaign, counters, request);
    if (result.status == DrawStatus::conflict) {
        counters.rollback();
    } else {
        counters.commit();
    }
    return result;
}

json single_prize_campaign(int64_t stock, const char* odds) {
    json document = base_campaign();
    document["prize_table"]["prizes"] =
        json::array({{{"id", "gold"}, {"name", "Gold"}, {"stock", stock}, {"odds", odds}}});
    return document;
}

// Counters that refuse every write after the first `allowed` ones.
class FailingCounters final : public Counters {
  public:
    explicit FailingCounters(int allowed) : allowed_(allowed) {}
    int64_t get(std::string_view key) override { return inner.get(key); }
    bool add_within(std::string_view key, int64_t delta, int64_t cap) override {
        return allowed_-- > 0 && inner.add_within(key, delta, cap);
    }
    bool mark_once(std::string_view key) override { return allowed_-- > 0 && inner.mark_once(key); }
    MemoryCounters inner;

  private:
    int allowed_;
};

// Counters that pass through to `inner` and record every read and write.
class RecordingCounters final : public Counters {
  public:
    explicit RecordingCounters(Counters& inner) : inner_(inner) {}
    int64_t get(std::string_view key) override {
        reads.emplace_back(key);
        return inner_.get(key);
    }
    bool add_within(std::string_view key, int64_t delta, int64_t cap) override {
        ++writes;
        return inner_.add_within(key, delta, cap);
    }
    bool mark_once(std::string_view key) override {
        ++writes;
        return inner_.mark_once(key);
    }
    std::vector<std::string> reads;
    int writes = 0;

  private:
    Counters& inner_;
};

} // namespace

TEST_CASE("the campaign clock knows when boxes can be opened") {
    json document = base_campaign();
    document["window"]["opens_at"] = "10:00";
    document["window"]["closes_at"] = "22:00";
    Campaign campaign = must_parse(document);

    SUBCASE("before the first day it is scheduled, opening on the first day") {
        CampaignClock clock = campaign_clock(campaign, at(campaign, "2026-10-31", 12), false);
        CHECK(clock.status == CampaignStatus::scheduled);
        CHECK(clock.next_open_unix == at(campaign, "2026-11-01", 10));
    }
    SUBCASE("inside the hours it is open, with the seconds since opening") {
        CampaignClock clock = campaign_clock(campaign, at(campaign, "2026-11-05", 10, 30), false);
        CHECK(clock.status == CampaignStatus::open);
        CHECK(clock.day == day("2026-11-05"));
        CHECK(clock.seconds_since_open == 30 * 60);
    }
    SUBCASE("after closing it is scheduled for the next morning") {
        CampaignClock clock = campaign_clock(campaign, at(campaign, "2026-11-05", 22), false);
        CHECK(clock.status == CampaignStatus::scheduled);
        CHECK(clock.next_open_unix == at(campaign, "2026-11-06", 10));
    }
    SUBCASE("the operator's pause wins over the hours") {
        CHECK(campaign_clock(campaign, at(campaign, "2026-11-05", 12), true).status ==
              CampaignStatus::paused);
    }
    SUBCASE("after the last day's closing it has ended") {
        CHECK(campaign_clock(campaign, at(campaign, "2026-12-31", 21, 59), false).status ==
              CampaignStatus::open);
        CHECK(campaign_clock(campaign, at(campaign, "2026-12-31", 22), false).status ==
              CampaignStatus::ended);
        CHECK(campaign_clock(campaign, at(campaign, "2027-01-01", 12), true).status ==
              CampaignStatus::ended);
    }
}

TEST_CASE("a win takes one unit of the day's stock") {
    Campaign campaign = must_parse(single_prize_campaign(3, "1"));
    MemoryCounters counters;
    const int64_t now = at(campaign, "2026-11-05", 12);
    DrawResult result = draw_at(campaign, counters, now, "alice", 1);
    REQUIRE(result.status == DrawStatus::win);
    CHECK(result.prize->id == "gold");
    CHECK(result.player_draw_number == 1);
    CHECK(counters.get(counter_key::prize_issued(day("2026-11-05"), "gold")) == 1);
    CHECK(counters.get(counter_key::player_day_draws(day("2026-11-05"), "alice")) == 1);
    CHECK(counters.get(counter_key::player_draws("alice")) == 1);
}

TEST_CASE("a sold-out prize turns a win into a blank under the lose policy") {
    Campaign campaign = must_parse(single_prize_campaign(2, "1"));
    MemoryCounters counters;
    const int64_t now = at(campaign, "2026-11-05", 12);
    CHECK(draw_at(campaign, counters, now, "a", 1).status == DrawStatus::win);
    CHECK(draw_at(campaign, counters, now, "b", 2).status == DrawStatus::win);
    DrawResult third = draw_at(campaign, counters, now, "c", 3);
    CHECK(third.status == DrawStatus::blank);
    CHECK(third.decision.sold_out_prize == 0);
    CHECK(counters.get(counter_key::prize_issued(day("2026-11-05"), "gold")) == 2);
    SUBCASE("and the next day's stock is fresh") {
        CHECK(draw_at(campaign, counters, at(campaign, "2026-11-06", 9), "c", 4).status ==
              DrawStatus::win);
    }
}

TEST_CASE("redistribute gives a sold-out prize's odds to the prizes still in stock") {
    json document = base_campaign();
    document["sold_out"] = "redistribute";
    document["prize_table"]["prizes"] = json::parse(R"([
        {"id": "rare", "name": "Rare", "stock": 1, "odds": "1/2"},
        {"id": "common", "name": "Common", "stock": 1000, "odds": "1/2"}
    ])");
    Campaign campaign = must_parse(document);
    MemoryCounters counters;
    const int64_t now = at(campaign, "2026-11-05", 12);
    std::map<std::string, int> wins;
    for (int i = 0; i < 200; ++i) {
        DrawResult result = draw_at(campaign, counters, now, "p" + std::to_string(i), i);
        REQUIRE(result.status == DrawStatus::win); // odds add up to 1 and stock remains
        ++wins[result.prize->id];
    }
    CHECK(wins["rare"] == 1);
    CHECK(wins["common"] == 199);
}

TEST_CASE("a player never draws past the daily limit") {
    json document = base_campaign();
    document["limits"] = {{"draws_per_day", 2}, {"draws_per_campaign", 3}};
    Campaign campaign = must_parse(document);
    MemoryCounters counters;
    const int64_t day_one = at(campaign, "2026-11-05", 12);
    const int64_t day_two = at(campaign, "2026-11-06", 12);
    CHECK(draw_at(campaign, counters, day_one, "alice", 1).draws_today == 1);
    CHECK(draw_at(campaign, counters, day_one, "alice", 2).draws_today == 2);
    const auto before = counters.sorted();
    DrawResult refused = draw_at(campaign, counters, day_one, "alice", 3);
    CHECK(refused.status == DrawStatus::daily_limit_reached);
    CHECK(counters.sorted() == before); // a refusal writes nothing

    SUBCASE("another player is not affected") {
        CHECK(draw_at(campaign, counters, day_one, "bob", 4).draws_today == 1);
    }
    SUBCASE("the next day allows draws again, up to the campaign limit") {
        CHECK(draw_at(campaign, counters, day_two, "alice", 5).player_draw_number == 3);
        CHECK(draw_at(campaign, counters, day_two, "alice", 6).status ==
              DrawStatus::campaign_limit_reached);
    }
}

TEST_CASE("a repeated request id is recognised and draws nothing") {
    Campaign campaign = must_parse(base_campaign());
    MemoryCounters counters;
    const int64_t now = at(campaign, "2026-11-05", 12);
    DrawResult first = draw_at(campaign, counters, now, "alice", 1, "req-1");
    CHECK((first.status == DrawStatus::win || first.status == DrawStatus::blank));
    const auto before = counters.sorted();
    CHECK(draw_at(campaign, counters, now, "alice", 2, "req-1").status ==
          DrawStatus::duplicate_request);
    CHECK(counters.sorted() == before);
    SUBCASE("the same id from another player is a different request") {
        CHECK(draw_at(campaign, counters, now, "bob", 3, "req-1").status !=
              DrawStatus::duplicate_request);
    }
}

TEST_CASE("outside the window or while paused nothing is drawn") {
    Campaign campaign = must_parse(base_campaign());
    MemoryCounters counters;
    DrawResult early = draw_at(campaign, counters, at(campaign, "2026-10-31", 12), "a", 1);
    CHECK(early.status == DrawStatus::not_open);
    CHECK(early.clock.status == CampaignStatus::scheduled);
    DrawRequest paused;
    paused.now_unix = at(campaign, "2026-11-05", 12);
    paused.player = "a";
    paused.paused = true;
    DrawResult result = draw(campaign, counters, paused);
    CHECK(result.status == DrawStatus::not_open);
    CHECK(result.clock.status == CampaignStatus::paused);
    CHECK(counters.size() == 0);
}

TEST_CASE("the pity rule guarantees a prize after a run of blanks") {
    json document = base_campaign();
    document["prize_table"]["prizes"] = json::parse(R"([
        {"id": "jackpot", "name": "Jackpot", "stock": 5, "odds": "0"},
        {"id": "sticker", "name": "Sticker", "stock": 1, "odds": "0"}
    ])");
    document["pity"] = {{"after", 3}, {"prizes", {"sticker"}}};
    Campaign campaign = must_parse(document);
    MemoryCounters counters;
    const int64_t now = at(campaign, "2026-11-05", 12);
    for (int i = 1; i <= 3; ++i) {
        DrawResult blank = draw_at(campaign, counters, now, "alice", i);
        CHECK(blank.status == DrawStatus::blank);
        CHECK(blank.pity_streak == i);
    }
    DrawResult guaranteed = draw_at(campaign, counters, now, "alice", 4);
    REQUIRE(guaranteed.status == DrawStatus::win);
    CHECK(guaranteed.prize->id == "sticker");
    CHECK(guaranteed.decision.by_pity);
    CHECK(guaranteed.pity_streak == 0);
    CHECK(counters.get(counter_key::player_pity("alice")) == 0);

    SUBCASE("while stock lasts: with the set sold out the draw is an ordinary one") {
        for (int i = 5; i <= 7; ++i)
            draw_at(campaign, counters, now, "alice", i);
        DrawResult no_stock = draw_at(campaign, counters, now, "alice", 8);
        CHECK(no_stock.status == DrawStatus::blank);
        CHECK(no_stock.pity_streak == 4);
    }
}

TEST_CASE("even pacing releases a prize's daily stock over the opening hours") {
    json document = single_prize_campaign(10, "1");
    document["pacing"] = "even";
    document["window"]["opens_at"] = "10:00";
    document["window"]["closes_at"] = "20:00";
    Campaign campaign = must_parse(document);
    CHECK(released_stock(campaign, 10, 0) == 1);
    CHECK(released_stock(campaign, 10, 3600 - 1) == 1);
    CHECK(released_stock(campaign, 10, 3600) == 2);
    CHECK(released_stock(campaign, 10, 9 * 3600) == 10);
    CHECK(released_stock(campaign, 10, 10 * 3600) == 10);

    MemoryCounters counters;
    const int64_t opening = at(campaign, "2026-11-05", 10);
    CHECK(draw_at(campaign, counters, opening, "a", 1).status == DrawStatus::win);
    CHECK(draw_at(campaign, counters, opening + 60, "b", 2).status == DrawStatus::blank);
    CHECK(draw_at(campaign, counters, opening + 3600, "c", 3).status == DrawStatus::win);
    CHECK(draw_at(campaign, counters, opening + 3601, "d", 4).status == DrawStatus::blank);
}

TEST_CASE("a deck deals every box exactly once") {
    json document = base_campaign();
    document["pool"] = "deck";
    document["prize_table"] = json::parse(R"({"boxes": 20, "prizes": [
        {"id": "gold", "name": "Gold", "stock": 2},
        {"id": "silver", "name": "Silver", "stock": 5}
    ]})");
    Campaign campaign = must_parse(document);
    MemoryCounters counters;
    const int64_t now = at(campaign, "2026-11-05", 12);
    std::map<std::string, int> outcomes;
    for (int i = 0; i < 20; ++i) {
        DrawResult result = draw_at(campaign, counters, now, "p" + std::to_string(i), i);
        REQUIRE((result.status == DrawStatus::win || result.status == DrawStatus::blank));
        ++outcomes[result.prize ? result.prize->id : "blank"];
    }
    CHECK(outcomes == std::map<std::string, int>{{"blank", 13}, {"gold", 2}, {"silver", 5}});
    CHECK(draw_at(campaign, counters, now, "late", 99).status == DrawStatus::boxes_exhausted);
}

TEST_CASE("the same entropy gives the same decision") {
    Campaign campaign = must_parse(base_campaign());
    const PrizeTable& table = campaign.default_table;
    int64_t issued[] = {0, 0};
    int wins = 0;
    for (uint64_t i = 0; i < 1000; ++i) {
        ArrayDayStock first(issued, 2, 0), second(issued, 2, 0);
        Decision a = decide(campaign, table, 0, first, 0, entropy_from_seed(7, i));
        Decision b = decide(campaign, table, 0, second, 0, entropy_from_seed(7, i));
        CHECK(a.prize == b.prize);
        wins += a.win();
    }
    CHECK(wins > 200); // 30% odds: both outcomes occur
    CHECK(wins < 400);
}

TEST_CASE("a draw is all-or-nothing when the host refuses a write") {
    Campaign campaign = must_parse(single_prize_campaign(5, "1"));
    FailingCounters counters(2); // the day and total draw counters succeed, the stock fails
    DrawRequest request;
    request.now_unix = at(campaign, "2026-11-05", 12);
    request.player = "alice";
    counters.inner.begin();
    DrawResult result = draw(campaign, counters, request);
    CHECK(result.status == DrawStatus::conflict);
    counters.inner.rollback();
    CHECK(counters.inner.get(counter_key::player_draws("alice")) == 0);
}

TEST_CASE("effective odds follow the stock that is left") {
    json document = base_campaign();
    Campaign lose = must_parse(document);
    document["sold_out"] = "redistribute";
    Campaign redistribute = must_parse(document);
    int64_t gold_gone[] = {2, 0};

    SUBCASE("with all stock left, effective odds are the disclosed odds") {
        int64_t none[] = {0, 0};
        ArrayDayStock stock(none, 2, 0);
        OddsReport report = odds_now(lose, day("2026-11-05"), 0, stock);
        CHECK(report.prizes[0].effective == Fraction::make(1, 10));
        CHECK(report.prizes[1].effective == Fraction::make(1, 5));
        CHECK(report.win_effective == Fraction::make(3, 10));
    }
    SUBCASE("lose: a sold-out prize's chance becomes a blank") {
        ArrayDayStock stock(gold_gone, 2, 0);
        OddsReport report = odds_now(lose, day("2026-11-05"), 0, stock);
        CHECK(report.prizes[0].stock_left == 0);
        CHECK_FALSE(report.prizes[0].available);
        CHECK(report.prizes[0].effective == Fraction::make(0, 1));
        CHECK(report.prizes[1].effective == Fraction::make(1, 5));
        CHECK(report.win_effective == Fraction::make(1, 5));
    }
    SUBCASE("redistribute: it goes to the prizes still in stock") {
        ArrayDayStock stock(gold_gone, 2, 0);
        OddsReport report = odds_now(redistribute, day("2026-11-05"), 0, stock);
        CHECK(report.prizes[0].effective == Fraction::make(0, 1));
        CHECK(report.prizes[1].effective == Fraction::make(3, 10));
        CHECK(report.win_effective == Fraction::make(3, 10));
    }
    SUBCASE("deck: what is left over what is left") {
        json deck = base_campaign();
        deck["pool"] = "deck";
        deck["prize_table"] = json::parse(R"({"boxes": 10, "prizes": [
            {"id": "gold", "name": "Gold", "stock": 2}, {"id": "silver", "name": "Silver", "stock": 3}
        ]})");
        Campaign campaign = must_parse(deck);
        int64_t issued[] = {1, 0};
        ArrayDayStock stock(issued, 2, 4);
        OddsReport report = odds_now(campaign, day("2026-11-05"), 0, stock);
        CHECK(report.prizes[0].disclosed == Fraction::make(1, 5));
        CHECK(report.prizes[0].effective == Fraction::make(1, 6));
        CHECK(report.prizes[1].effective == Fraction::make(1, 2));
        CHECK(report.win_effective == Fraction::make(2, 3));
        CHECK(report.boxes_left == 6);
    }
}

TEST_CASE("a player's status before any draw is all zeros") {
    json document = base_campaign();
    document["pity"] = {{"after", 3}, {"prizes", {"silver"}}};
    Campaign campaign = must_parse(document);
    MemoryCounters counters;
    const int64_t now = at(campaign, "2026-11-05", 12);
    PlayerStatus status = player_status(campaign, counters, now, "alice", false);
    CHECK(status.clock.status == CampaignStatus::open);
    CHECK(status.clock.day == day("2026-11-05"));
    CHECK(status.draws_today == 0);
    CHECK(status.draws_total == 0);
    CHECK(status.pity_streak == 0);
    CHECK(player_status(campaign, counters, now, "alice", true).clock.status ==
          CampaignStatus::paused);
}

TEST_CASE("a player's status counts that player's draws today and in the campaign") {
    Campaign campaign = must_parse(base_campaign());
    MemoryCounters counters;
    const int64_t day_one = at(campaign, "2026-11-05", 12);
    const int64_t day_two = at(campaign, "2026-11-06", 12);
    for (int i = 1; i <= 3; ++i)
        draw_at(campaign, counters, day_one, "alice", i);
    draw_at(campaign, counters, day_two, "alice", 4);

    PlayerStatus first = player_status(campaign, counters, day_one, "alice", false);
    CHECK(first.draws_today == 3);
    CHECK(first.draws_total == 4);
    PlayerStatus second = player_status(campaign, counters, day_two, "alice", false);
    CHECK(second.draws_today == 1);
    CHECK(second.draws_total == 4);
    CHECK(second.pity_streak == 0); // no pity rule: no streak, whatever the draws were
    PlayerStatus other = player_status(campaign, counters, day_one, "bob", false);
    CHECK(other.draws_today == 0);
    CHECK(other.draws_total == 0);
}

TEST_CASE("a player's pity streak counts blanks and starts again after a win") {
    json document = base_campaign();
    document["prize_table"]["prizes"] = json::parse(R"([
        {"id": "jackpot", "name": "Jackpot", "stock": 5, "odds": "0"},
        {"id": "sticker", "name": "Sticker", "stock": 5, "odds": "0"}
    ])");
    document["pity"] = {{"after", 2}, {"prizes", {"sticker"}}};
    Campaign campaign = must_parse(document);
    MemoryCounters counters;
    const int64_t now = at(campaign, "2026-11-05", 12);
    for (int i = 1; i <= 2; ++i) {
        DrawResult blank = draw_at(campaign, counters, now, "alice", i);
        REQUIRE(blank.status == DrawStatus::blank);
        CHECK(player_status(campaign, counters, now, "alice", false).pity_streak == i);
    }
    REQUIRE(draw_at(campaign, counters, now, "alice", 3).status == DrawStatus::win);
    PlayerStatus after_win = player_status(campaign, counters, now, "alice", false);
    CHECK(after_win.pity_streak == 0);
    CHECK(after_win.draws_today == 3);
    CHECK(player_status(campaign, counters, now, "bob", false).pity_streak == 0);
}

TEST_CASE("a player's status never writes a counter") {
    json document = base_campaign();
    document["limits"] = {{"draws_per_day", 2}, {"draws_per_campaign", 3}};
    document["pity"] = {{"after", 3}, {"prizes", {"silver"}}};
    Campaign campaign = must_parse(document);
    MemoryCounters counters;
    const int64_t now = at(campaign, "2026-11-05", 12);
    player_status(campaign, counters, now, "alice", false);
    CHECK(counters.size() == 0);
    draw_at(campaign, counters, now, "alice", 1);
    draw_at(campaign, counters, now, "alice", 2);
    const auto before = counters.sorted();
    RecordingCounters recorder(counters);
    for (const char* player : {"alice", "bob"}) {
        player_status(campaign, recorder, now, player, false);
        player_status(campaign, recorder, at(campaign, "2026-10-31", 12), player, false);
        player_status(campaign, recorder, now, player, true);
    }
    CHECK(recorder.writes == 0);
    CHECK(counters.sorted() == before);

    SUBCASE("and reads the counters a draw reads for that player and day") {
        // Bob has not drawn, so his draw reads every counter (no limit stops it early).
        recorder.reads.clear();
        CHECK(player_status(campaign, recorder, now, "bob", false).draws_today == 0);
        const std::vector<std::string> status_reads = recorder.reads;
        CHECK(status_reads ==
              std::vector<std::string>{counter_key::player_day_draws(day("2026-11-05"), "bob"),
                                       counter_key::player_draws("bob"),
                                       counter_key::player_pity("bob")});
        recorder.reads.clear();
        DrawRequest request;
        request.now_unix = now;
        request.player = "bob";
        draw(campaign, recorder, request);
        for (const std::string& key : status_reads) {
            CAPTURE(key);
            CHECK(std::find(recorder.reads.begin(), recorder.reads.end(), key) !=
                  recorder.reads.end());
        }
    }
}

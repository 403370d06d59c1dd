// What a player may still do, returned by the draw itself: draws left today
// and in the campaign, and the pity countdown; and request ids marked per day.

#include "blindbox/draw.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace blindbox;
using namespace blindbox::test;

namespace {

json limited_campaign() {
    json document = base_campaign();
    document["limits"] = {{"draws_per_day", 3}, {"draws_per_campaign", 5}};
    document["pity"] = {{"after", 2}, {"prizes", {"silver"}}};
    // Blanks only, so the countdown runs.
    document["prize_table"]["prizes"][0]["odds"] = "0";
    document["prize_table"]["prizes"][1]["odds"] = "0";
    return document;
}

DrawResult draw_at(const Campaign& campaign, MemoryCounters& counters, int64_t now,
                   std::string_view request_id = {}) {
    DrawRequest request;
    request.now_unix = now;
    request.player = "alice";
    request.request_id = request_id;
    return draw(campaign, counters, request);
}

} // namespace

TEST_CASE("the draw returns the draws left today and in the campaign") {
    const Campaign campaign = must_parse(limited_campaign());
    MemoryCounters counters;
    const int64_t noon = at(campaign, "2026-11-05", 12);
    DrawResult first = draw_at(campaign, counters, noon);
    REQUIRE(first.status == DrawStatus::blank);
    CHECK(first.allowance.draws_left_today == 2);
    CHECK(first.allowance.draws_left_in_campaign == 4);
    draw_at(campaign, counters, noon);
    DrawResult third = draw_at(campaign, counters, noon);
    CHECK(third.allowance.draws_left_today == 0);
    CHECK(third.allowance.draws_left_in_campaign == 2);
}

TEST_CASE("the draw returns the pity countdown, 1 when the next draw is guaranteed") {
    const Campaign campaign = must_parse(limited_campaign());
    MemoryCounters counters;
    const int64_t noon = at(campaign, "2026-11-05", 12);
    CHECK(draw_at(campaign, counters, noon).allowance.draws_until_guaranteed == 2);
    CHECK(draw_at(campaign, counters, noon).allowance.draws_until_guaranteed == 1);
    DrawResult guaranteed = draw_at(campaign, counters, noon);
    CHECK(guaranteed.decision.by_pity);
    CHECK(guaranteed.allowance.draws_until_guaranteed == 3);
}

TEST_CASE("a player's status shows the same allowance as the draw before it") {
    const Campaign campaign = must_parse(limited_campaign());
    MemoryCounters counters;
    const int64_t noon = at(campaign, "2026-11-05", 12);
    DrawResult drawn = draw_at(campaign, counters, noon);
    PlayerStatus status = player_status(campaign, counters, noon, "alice", false);
    CHECK(status.allowance.draws_left_today == drawn.allowance.draws_left_today);
    CHECK(status.allowance.draws_left_in_campaign == drawn.allowance.draws_left_in_campaign);
    CHECK(status.allowance.draws_until_guaranteed == drawn.allowance.draws_until_guaranteed);
}

TEST_CASE("without limits or pity the allowance says so") {
    const Campaign campaign = must_parse(base_campaign());
    const PlayerAllowance allowance = player_allowance(campaign, 1, 1, 0);
    CHECK(allowance.draws_left_today == 999);
    CHECK_FALSE(allowance.draws_left_in_campaign);
    CHECK_FALSE(allowance.draws_until_guaranteed);

    SUBCASE("the default daily limit is one draw") {
        json document = base_campaign();
        document.erase("limits");
        CHECK(player_allowance(must_parse(document), 1, 1, 0).draws_left_today == 0);
    }
}

TEST_CASE("a repeated request id is answered as a duplicate on its day, marked under that day") {
    const Campaign campaign = must_parse(limited_campaign());
    MemoryCounters counters;
    const int64_t noon = at(campaign, "2026-11-05", 12);
    CHECK(draw_at(campaign, counters, noon, "req-1").status == DrawStatus::blank);
    CHECK(draw_at(campaign, counters, noon + 60, "req-1").status == DrawStatus::duplicate_request);
    CHECK(counters.get("request/2026-11-05/5/alice/req-1") == 1);
    CHECK(counter_key::request("2026-11-05", "alice", "req-1") ==
          "request/2026-11-05/5/alice/req-1");

    SUBCASE("once the host deletes the day's marks, the core no longer knows the request") {
        MemoryCounters next_day;
        CHECK(draw_at(campaign, next_day, noon + 86400, "req-1").status == DrawStatus::blank);
    }
}

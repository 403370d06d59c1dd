#include "blindbox/simulation.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace blindbox;
using namespace blindbox::test;

TEST_CASE("a simulated day never issues more than the stock and says when prizes sold out") {
    json document = base_campaign();
    document["window"]["opens_at"] = "10:00";
    document["window"]["closes_at"] = "20:00";
    document["limits"] = {{"draws_per_day", 2}};
    Campaign campaign = must_parse(document);
    SimulationOptions options;
    options.day = day("2026-11-05");
    options.players = 1000;
    options.seed = 5;
    SimulationReport report = simulate_day(campaign, options);
    CHECK(report.draws == 2000);
    CHECK(report.wins + report.blanks == report.draws);
    REQUIRE(report.prizes.size() == 2);
    // 2000 draws at 1/10 and 1/5 easily exhaust 2 golds and 5 silvers.
    CHECK(report.prizes[0].won == 2);
    CHECK(report.prizes[1].won == 5);
    REQUIRE(report.prizes[0].sold_out_after.has_value());
    CHECK(*report.prizes[0].sold_out_after < 10 * 3600);
    CHECK(report.players_who_won > 0);
    CHECK(report.players_who_won <= report.wins);

    SUBCASE("the same seed gives the same day") {
        SimulationReport again = simulate_day(campaign, options);
        CHECK(again.prizes[0].sold_out_after == report.prizes[0].sold_out_after);
        CHECK(again.prizes[1].sold_out_after == report.prizes[1].sold_out_after);
    }
}

TEST_CASE("a simulation reports progress up to its total") {
    Campaign campaign = must_parse(base_campaign());
    SimulationOptions options;
    options.day = day("2026-11-05");
    options.players = 500;
    options.draws_per_player = 2;
    struct Seen {
        int64_t calls = 0, last = 0, total = 0;
    } seen;
    simulate_day(
        campaign, options,
        [](void* context, int64_t done, int64_t total) {
            auto* s = static_cast<Seen*>(context);
            CHECK(done >= s->last);
            s->last = done;
            s->total = total;
            ++s->calls;
        },
        &seen);
    CHECK(seen.calls >= 100);
    CHECK(seen.last == 1000);
    CHECK(seen.total == 1000);
}

TEST_CASE("players arrive along the operator's arrival curve") {
    // Ten hours; all arrivals in the last two hours.
    const std::vector<uint32_t> evening = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
    const int64_t opening = 10 * 3600;
    for (int64_t k = 0; k < 1000; ++k) {
        const int64_t second = arrival_second(k, 1000, opening, evening);
        CHECK(second >= 8 * 3600);
        CHECK(second < opening);
    }
    // Evenly spread without a curve, and with a flat one.
    CHECK(arrival_second(0, 2, opening, {}) == opening / 4);
    CHECK(arrival_second(1, 2, opening, {}) == 3 * opening / 4);
    CHECK(arrival_second(1, 2, opening, {5, 5}) == 3 * opening / 4);
    // Arrivals never go backwards.
    const std::vector<uint32_t> peaky = {1, 7, 2, 0, 9};
    int64_t previous = -1;
    for (int64_t k = 0; k < 500; ++k) {
        const int64_t second = arrival_second(k, 500, opening, peaky);
        CHECK(second >= previous);
        previous = second;
    }
}

TEST_CASE("a simulation runs at most 100 million draws, with at least one player drawing once") {
    CHECK(simulation_size_allowed(1, 1));
    CHECK(simulation_size_allowed(100'000'000, 1));
    CHECK(simulation_size_allowed(1'000'000, 100));
    CHECK_FALSE(simulation_size_allowed(100'000'001, 1));
    CHECK_FALSE(simulation_size_allowed(100'000'000, 2));
    CHECK_FALSE(simulation_size_allowed(0, 5));
    CHECK_FALSE(simulation_size_allowed(5, 0));
    CHECK_FALSE(simulation_size_allowed(-1, -1));
    // Never overflows: the product of these would wrap around.
    CHECK_FALSE(simulation_size_allowed(INT64_MAX, INT64_MAX));
    CHECK_FALSE(simulation_size_allowed(4'294'967'296, 4'294'967'296));
    static_assert(simulation_size_allowed(10'000, 10'000));
}

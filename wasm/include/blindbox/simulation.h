// Simulating a campaign day.
//
// Operators want to know before launch how a day will go: how many winners per
// prize, when each prize sells out, what share of draws win. simulate_day()
// answers by running the day through the very draw() that serves players,
// against in-memory counters, with entropy derived from a seed (so a run is
// reproducible). Players arrive spread over the opening hours (evenly, or
// following an arrival curve) and each draws `draws_per_player` times on
// arrival.

#pragma once

#include "blindbox/campaign.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace blindbox {

struct SimulationOptions {
    DayNumber day = 0;
    int64_t players = 0;
    int64_t draws_per_player = 0; // 0: the campaign's daily limit
    uint64_t seed = 0;
    // The arrival curve: relative weights of equal slices of the opening hours
    // (e.g. 12 numbers for 12 opening hours); empty means evenly spread. At
    // most max_arrival_slices, each at most 1000000, not all zero.
    std::vector<uint32_t> arrival_weights;
};

inline constexpr size_t max_arrival_slices = 1440;

// The second after opening at which player `index` of `players` arrives: the
// (index + 1/2) / players quantile of the arrival curve over `opening_seconds`.
int64_t arrival_second(int64_t index, int64_t players, int64_t opening_seconds,
                       const std::vector<uint32_t>& arrival_weights);

struct PrizeSimulation {
    int64_t won = 0;
    int64_t won_by_pity = 0;
    // Seconds after opening at which the last unit was won; empty if some was left.
    std::optional<int64_t> sold_out_after;
};

struct SimulationReport {
    DayNumber day = 0;
    int64_t players = 0;
    int64_t draws = 0; // draws made
    int64_t wins = 0;
    int64_t blanks = 0;
    int64_t refused = 0; // draws refused (every box opened, limits)
    int64_t players_who_won = 0;
    int64_t opening_seconds = 0;
    std::vector<PrizeSimulation> prizes; // in the day's table order
};

// Called every so often with the draws done so far and the total planned.
using ProgressCallback = void (*)(void* context, int64_t done, int64_t total);

// Runs the day. `players` and `draws_per_player` must be positive (the caller
// validates); at most 100 million draws.
SimulationReport simulate_day(const Campaign& campaign, const SimulationOptions& options,
                              ProgressCallback progress = nullptr, void* context = nullptr);

inline constexpr int64_t max_simulated_draws = 100'000'000;

// Whether a simulation of `players` players drawing `draws_per_player` times
// each is allowed: both at least 1 and at most max_simulated_draws draws in
// all. The product is never formed, so huge inputs cannot overflow.
inline constexpr bool simulation_size_allowed(int64_t players, int64_t draws_per_player) {
    return players >= 1 && draws_per_player >= 1 &&
           players <= max_simulated_draws / draws_per_player;
}

} // namespace blindbox

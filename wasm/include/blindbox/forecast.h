// A forecast: several simulated runs of one day, summed up.
//
// The console simulates a day many times (one seed each, see simulation.h)
// and shows what to expect: winners per prize on average and their range, the
// share of runs with stock left, the typical sell-out time, the share of
// draws that win. summarize_runs() computes those exactly, with integers and
// fractions, so the page only displays them.
//
// Uses only the simulation's report type and odds.h's fractions; no JSON.

#pragma once

#include "blindbox/odds.h"
#include "blindbox/simulation.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace blindbox {

struct PrizeForecast {
    Fraction mean_won;       // winners per run, averaged
    int64_t min_won = 0;     // fewest winners in a run
    int64_t max_won = 0;     // most winners in a run
    Fraction still_in_stock; // share of runs that left some stock (won < stock)
    int64_t sold_out_runs = 0;
    // Median of the sell-out seconds over the runs that sold out (the mean of
    // the middle two, rounded half up); empty when no run sold out.
    std::optional<int64_t> median_sold_out;
};

struct ForecastSummary {
    int64_t runs = 0;
    Fraction draws;           // per run, averaged
    Fraction wins;            // per run, averaged
    Fraction refused;         // per run, averaged
    Fraction win_rate;        // all wins over all draws (0 without draws)
    Fraction players_who_won; // all players who won over all players (0 without players)
    std::vector<PrizeForecast> prizes;
};

// `runs` must be non-empty, each with one entry per prize of `stocks` (the
// day's stock of each prize, in table order).
ForecastSummary summarize_runs(const std::vector<SimulationReport>& runs,
                               const std::vector<int64_t>& stocks);

} // namespace blindbox

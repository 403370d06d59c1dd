// A forecast sums several simulated runs of a day exactly: averages as
// fractions, shares of runs, the median sell-out time.

#include "blindbox/forecast.h"

#include <doctest/doctest.h>

using namespace blindbox;

namespace {

SimulationReport run(int64_t draws, int64_t wins, int64_t gold_won,
                     std::optional<int64_t> gold_sold_out) {
    SimulationReport report;
    report.players = draws;
    report.draws = draws;
    report.wins = wins;
    report.players_who_won = wins;
    report.prizes.resize(1);
    report.prizes[0].won = gold_won;
    report.prizes[0].sold_out_after = gold_sold_out;
    return report;
}

} // namespace

TEST_CASE("a forecast averages the runs exactly") {
    const std::vector<SimulationReport> runs = {run(100, 10, 2, 3600), run(100, 11, 1, {}),
                                                run(101, 12, 2, 7201)};
    const ForecastSummary summary = summarize_runs(runs, {2});
    CHECK(summary.runs == 3);
    CHECK(summary.draws == Fraction::make(301, 3));
    CHECK(summary.wins == Fraction::make(11, 1));
    CHECK(summary.win_rate == Fraction::make(33, 301));
    REQUIRE(summary.prizes.size() == 1);
    const PrizeForecast& gold = summary.prizes[0];
    CHECK(gold.mean_won == Fraction::make(5, 3));
    CHECK(gold.min_won == 1);
    CHECK(gold.max_won == 2);
    CHECK(gold.still_in_stock == Fraction::make(1, 3));
    CHECK(gold.sold_out_runs == 2);
    CHECK(gold.median_sold_out == 5401); // (3600 + 7201) / 2, rounded half up
}

TEST_CASE("a forecast without draws or sell-outs has zero shares and no median") {
    const ForecastSummary summary = summarize_runs({run(0, 0, 0, {})}, {5});
    CHECK(summary.win_rate.is_zero());
    CHECK(summary.players_who_won.is_zero());
    CHECK_FALSE(summary.prizes[0].median_sold_out);
    CHECK(summary.prizes[0].still_in_stock == Fraction::make(1, 1));
}

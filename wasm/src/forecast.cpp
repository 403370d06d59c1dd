#include "blindbox/forecast.h"

#include <algorithm>

namespace blindbox {

namespace {

Fraction share(u128 part, u128 whole) {
    return whole == 0 ? Fraction{} : Fraction::make(part, whole);
}

PrizeForecast prize_forecast(const std::vector<SimulationReport>& runs, size_t index,
                             int64_t stock) {
    PrizeForecast forecast;
    u128 won_total = 0;
    int64_t runs_with_stock = 0;
    std::vector<int64_t> sold_out;
    forecast.min_won = runs.front().prizes[index].won;
    forecast.max_won = forecast.min_won;
    for (const SimulationReport& run : runs) {
        const PrizeSimulation& prize = run.prizes[index];
        won_total += static_cast<u128>(prize.won);
        forecast.min_won = std::min(forecast.min_won, prize.won);
        forecast.max_won = std::max(forecast.max_won, prize.won);
        if (prize.won < stock) ++runs_with_stock;
        if (prize.sold_out_after) sold_out.push_back(*prize.sold_out_after);
    }
    const u128 count = runs.size();
    forecast.mean_won = Fraction::make(won_total, count);
    forecast.still_in_stock = Fraction::make(static_cast<u128>(runs_with_stock), count);
    forecast.sold_out_runs = static_cast<int64_t>(sold_out.size());
    if (!sold_out.empty()) {
        std::sort(sold_out.begin(), sold_out.end());
        const size_t middle = sold_out.size() / 2;
        forecast.median_sold_out = sold_out.size() % 2
                                       ? sold_out[middle]
                                       : (sold_out[middle - 1] + sold_out[middle] + 1) / 2;
    }
    return forecast;
}

} // namespace

ForecastSummary summarize_runs(const std::vector<SimulationReport>& runs,
                               const std::vector<int64_t>& stocks) {
    ForecastSummary summary;
    summary.runs = static_cast<int64_t>(runs.size());
    u128 draws = 0, wins = 0, refused = 0, players = 0, players_who_won = 0;
    for (const SimulationReport& run : runs) {
        draws += static_cast<u128>(run.draws);
        wins += static_cast<u128>(run.wins);
        refused += static_cast<u128>(run.refused);
        players += static_cast<u128>(run.players);
        players_who_won += static_cast<u128>(run.players_who_won);
    }
    const u128 count = runs.size();
    summary.draws = Fraction::make(draws, count);
    summary.wins = Fraction::make(wins, count);
    summary.refused = Fraction::make(refused, count);
    summary.win_rate = share(wins, draws);
    summary.players_who_won = share(players_who_won, players);
    for (size_t i = 0; i < stocks.size(); ++i)
        summary.prizes.push_back(prize_forecast(runs, i, stocks[i]));
    return summary;
}

} // namespace blindbox

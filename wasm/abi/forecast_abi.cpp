// bb_forecast: several bb_simulate replies summed up for the console's
// forecast (see blindbox.h).

#include "abi_support.h"
#include "blindbox/forecast.h"

#include <vector>

namespace blindbox::abi {

namespace {

constexpr size_t max_forecast_runs = 1000;

// A prize of the first run: what the summary names it by.
struct ForecastPrize {
    std::string id;
    std::string name;
    int64_t stock = 0;
};

// One prize of a bb_simulate reply at `at`; the first run fixes id, name, stock.
bool read_run_prize(Request& request, const json& item, const std::string& at,
                    std::vector<ForecastPrize>& prizes, size_t index, PrizeSimulation& out) {
    JsonChecker& check = request.check;
    if (!item.is_object()) {
        check.fail(at, "must be a prize of a bb_simulate reply");
        return false;
    }
    auto id = check.text(item, "id", at, true, max_id_length);
    auto name = check.text(item, "name", at, true, max_name_length);
    auto stock = check.whole_number(item, "stock", at, true, 0, max_stock);
    auto won = check.whole_number(item, "won", at, true, 0, max_simulated_draws);
    const json* sold = check.field(item, "sold_out_after_seconds", at, false);
    if (!id || !name || !stock || !won) return false;
    if (index == prizes.size()) prizes.push_back({*id, *name, *stock});
    if (prizes[index].id != *id || prizes[index].stock != *stock) {
        check.fail(at, "must be the same prize as in the first run");
        return false;
    }
    out.won = *won;
    if (sold && !sold->is_null()) {
        auto seconds =
            check.whole_number(item, "sold_out_after_seconds", at, true, 0, seconds_per_day);
        if (!seconds) return false;
        out.sold_out_after = *seconds;
    }
    return true;
}

// One bb_simulate reply at `at`.
bool read_run(Request& request, const json& item, const std::string& at,
              std::vector<ForecastPrize>& prizes, SimulationReport& run) {
    JsonChecker& check = request.check;
    if (!item.is_object()) {
        check.fail(at, "must be a bb_simulate reply");
        return false;
    }
    auto players = check.whole_number(item, "players", at, true, 0, max_simulated_draws);
    auto draws = check.whole_number(item, "draws", at, true, 0, max_simulated_draws);
    auto wins = check.whole_number(item, "wins", at, true, 0, max_simulated_draws);
    auto refused = check.whole_number(item, "refused", at, true, 0, max_simulated_draws);
    auto won = check.whole_number(item, "players_who_won", at, true, 0, max_simulated_draws);
    const json* list = check.field(item, "prizes", at, true);
    if (!players || !draws || !wins || !refused || !won || !list) return false;
    const bool first = prizes.empty() && at == "/runs/0";
    if (!list->is_array() || list->size() > max_prizes ||
        (!first && list->size() != prizes.size())) {
        check.fail(at + "/prizes", "must list the same prizes as the first run");
        return false;
    }
    run.players = *players;
    run.draws = *draws;
    run.wins = *wins;
    run.refused = *refused;
    run.players_who_won = *won;
    run.prizes.resize(list->size());
    for (size_t i = 0; i < list->size(); ++i) {
        const std::string prize_at = at + "/prizes/" + std::to_string(i);
        if (!read_run_prize(request, (*list)[i], prize_at, prizes, i, run.prizes[i])) return false;
    }
    return true;
}

// An average per run: exact, to one decimal place, and rounded to a whole number.
json mean_json(const Fraction& mean) {
    return {{"fraction", mean.to_string()},
            {"decimal", mean.to_decimal(1)},
            {"whole", mean.to_decimal(0)}};
}

// A decimal text without trailing zeros after its point ("0.500" -> "0.5", "1.000" -> "1").
std::string without_trailing_zeros(std::string text) {
    if (text.find('.') == std::string::npos) return text;
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
}

json forecast_share_json(const Fraction& part) {
    json out = share_json(part);
    out["percent_whole"] =
        Fraction::make(part.numerator * 100, part.denominator).to_decimal(0) + "%";
    // The share to 3 places, short: what the console's table carries as data ("0", "0.333", "1").
    out["decimal_brief"] = without_trailing_zeros(part.to_decimal(3));
    return out;
}

json forecast_json(const ForecastSummary& summary, const std::vector<ForecastPrize>& prizes) {
    json list = json::array();
    for (size_t i = 0; i < prizes.size(); ++i) {
        const PrizeForecast& prize = summary.prizes[i];
        list.push_back({{"id", prizes[i].id},
                        {"name", prizes[i].name},
                        {"stock", prizes[i].stock},
                        {"mean_won", mean_json(prize.mean_won)},
                        {"min_won", prize.min_won},
                        {"max_won", prize.max_won},
                        {"still_in_stock", forecast_share_json(prize.still_in_stock)},
                        {"sold_out_runs", prize.sold_out_runs},
                        {"median_sold_out_seconds", optional_count(prize.median_sold_out)}});
    }
    return {{"runs", summary.runs},
            {"draws", mean_json(summary.draws)},
            {"wins", mean_json(summary.wins)},
            {"refused", mean_json(summary.refused)},
            {"win_rate", forecast_share_json(summary.win_rate)},
            {"players_who_won", forecast_share_json(summary.players_who_won)},
            {"prizes", std::move(list)}};
}

} // namespace

} // namespace blindbox::abi

using namespace blindbox;
using namespace blindbox::abi;

BB_EXPORT(bb_forecast) int32_t bb_forecast(const char* data, uint32_t size) {
    Request request;
    if (auto refused = open_request(data, size, {"runs"}, request)) return *refused;
    const json* list = request.check.field(request.document, "runs", "", true);
    if (!list) return invalid_request(request);
    if (!list->is_array() || list->empty() || list->size() > max_forecast_runs) {
        request.check.fail("/runs", "must be an array of 1 to 1000 bb_simulate replies");
        return invalid_request(request);
    }
    std::vector<ForecastPrize> prizes;
    std::vector<SimulationReport> runs(list->size());
    for (size_t i = 0; i < list->size(); ++i) {
        if (!read_run(request, (*list)[i], "/runs/" + std::to_string(i), prizes, runs[i]))
            return invalid_request(request);
    }
    std::vector<int64_t> stocks;
    for (const ForecastPrize& prize : prizes)
        stocks.push_back(prize.stock);
    return reply(BB_OK, dump_json(forecast_json(summarize_runs(runs, stocks), prizes)));
}

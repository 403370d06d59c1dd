#include "blindbox/simulation.h"

#include "blindbox/counters.h"
#include "blindbox/draw.h"

#include <algorithm>
#include <string>

namespace blindbox {

namespace {

// Each simulated player arrives, draws, and never comes back, so the counters
// of one player are dropped once the next arrives: the stock counters stay,
// and the store of player counters never grows past one player's.
class SimulationCounters final : public Counters {
  public:
    int64_t get(std::string_view key) override { return store(key).get(key); }
    bool add_within(std::string_view key, int64_t delta, int64_t cap) override {
        return store(key).add_within(key, delta, cap);
    }
    bool mark_once(std::string_view key) override { return store(key).mark_once(key); }
    void next_player() { player_.clear(); }

  private:
    MemoryCounters& store(std::string_view key) {
        return counter_key::is_day_stock(key) ? day_stock_ : player_;
    }
    MemoryCounters day_stock_;
    MemoryCounters player_;
};

} // namespace

int64_t arrival_second(int64_t index, int64_t players, int64_t opening_seconds,
                       const std::vector<uint32_t>& weights) {
    u128 total = 0;
    for (uint32_t w : weights)
        total += w;
    if (total == 0) {
        return static_cast<int64_t>((static_cast<u128>(2 * index + 1) * opening_seconds) /
                                    static_cast<u128>(2 * players));
    }
    // The quantile's position along the curve, in units of weight / (2 * players).
    const u128 target = static_cast<u128>(2 * index + 1) * total;
    const u128 scale = static_cast<u128>(2 * players);
    const u128 slices = weights.size();
    u128 before = 0; // cumulative weight before the slice, times scale
    for (size_t slice = 0; slice < weights.size(); ++slice) {
        const u128 here = static_cast<u128>(weights[slice]) * scale;
        if (target < before + here) {
            // Linear within the slice.
            const u128 start = slice * static_cast<u128>(opening_seconds) / slices;
            const u128 end = (slice + 1) * static_cast<u128>(opening_seconds) / slices;
            return static_cast<int64_t>(start + (target - before) * (end - start) / here);
        }
        before += here;
    }
    return opening_seconds - 1;
}

SimulationReport simulate_day(const Campaign& campaign, const SimulationOptions& options,
                              ProgressCallback progress, void* context) {
    SimulationReport report;
    report.day = options.day;
    report.players = options.players;
    report.opening_seconds = campaign.opening_seconds();
    const PrizeTable& table = campaign.table_for(options.day);
    report.prizes.resize(table.prizes.size());
    for (size_t i = 0; i < table.prizes.size(); ++i) {
        if (table.prizes[i].stock == 0) report.prizes[i].sold_out_after = 0;
    }

    const int64_t per_player =
        options.draws_per_player > 0 ? options.draws_per_player : campaign.limits.draws_per_day;
    const int64_t total = std::min(options.players * per_player, max_simulated_draws);
    const int64_t opening = report.opening_seconds;
    const int64_t open_unix = to_unix_seconds(options.day, int64_t{campaign.opens_at_minute} * 60,
                                              campaign.utc_offset_minutes);
    const int64_t progress_step = std::max<int64_t>(total / 100, 1);

    SimulationCounters counters;
    std::vector<int64_t> issued(table.prizes.size(), 0);
    int64_t draw_index = 0;
    for (int64_t player = 0; player < options.players && draw_index < total; ++player) {
        const int64_t arrival =
            arrival_second(player, options.players, opening, options.arrival_weights);
        const std::string player_id = "p" + std::to_string(player);
        counters.next_player();
        bool won = false;
        for (int64_t k = 0; k < per_player && draw_index < total; ++k, ++draw_index) {
            DrawRequest request;
            request.now_unix = open_unix + arrival;
            request.player = player_id;
            request.entropy = entropy_from_seed(options.seed, static_cast<uint64_t>(draw_index));
            // In memory and single-threaded nothing can change under a draw, so
            // no transaction is needed (a conflict would be a bug: it is counted
            // as refused and shows in the report).
            const DrawResult result = draw(campaign, counters, request);
            if (result.status == DrawStatus::win) {
                ++report.draws;
                ++report.wins;
                won = true;
                const auto index = static_cast<size_t>(result.decision.prize);
                PrizeSimulation& prize = report.prizes[index];
                ++prize.won;
                prize.won_by_pity += result.decision.by_pity;
                if (++issued[index] == table.prizes[index].stock) prize.sold_out_after = arrival;
            } else if (result.status == DrawStatus::blank) {
                ++report.draws;
                ++report.blanks;
            } else {
                ++report.refused;
            }
            if (progress && (draw_index + 1) % progress_step == 0) {
                progress(context, draw_index + 1, total);
            }
        }
        report.players_who_won += won;
    }
    if (progress) progress(context, total, total);
    return report;
}

} // namespace blindbox

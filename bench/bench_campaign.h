// The benchmark campaigns and workloads.
//
// Shared by the native benchmark (decide_bench.cpp) and the WASI one
// (wasi_bench.cpp, timed from Node by wasi_bench.mjs), so that both builds
// time exactly the same work and their figures can be divided.
//
// The campaigns are parsed from JSON with parse_campaign, like a real one:
//   odds  20 prizes, odds 0.0100 to 0.0195 in steps of 0.0005 (29.5% win in
//         all), stock 1000000 each, so nothing sells out during a run and
//         every decision walks the table as it would early in a real day.
//   deck  20 prizes of 10000 units in a case of 1000000 boxes (20% win).
// Each workload returns its number of wins: a checksum that keeps the work
// from being optimised away and shows both builds decided alike.

#pragma once

#include "blindbox/calendar.h"
#include "blindbox/campaign.h"
#include "blindbox/campaign_json.h"
#include "blindbox/counters.h"
#include "blindbox/draw.h"
#include "blindbox/entropy.h"

#include <charconv>
#include <cstdint>
#include <string_view>

namespace blindbox::bench {

inline constexpr uint64_t bench_seed = 20261128;

inline constexpr std::string_view odds_campaign_json = R"({
  "id": "bench-odds-20",
  "title": "Benchmark: 20 prizes, odds model",
  "utc_offset": "+08:00",
  "window": {"first_day": "2026-01-01", "last_day": "2026-12-31"},
  "pool": "odds",
  "prize_table": {
    "prizes": [
      {"id": "prize-01", "name": "Prize 1", "stock": 1000000, "odds": "0.0100"},
      {"id": "prize-02", "name": "Prize 2", "stock": 1000000, "odds": "0.0105"},
      {"id": "prize-03", "name": "Prize 3", "stock": 1000000, "odds": "0.0110"},
      {"id": "prize-04", "name": "Prize 4", "stock": 1000000, "odds": "0.0115"},
      {"id": "prize-05", "name": "Prize 5", "stock": 1000000, "odds": "0.0120"},
      {"id": "prize-06", "name": "Prize 6", "stock": 1000000, "odds": "0.0125"},
      {"id": "prize-07", "name": "Prize 7", "stock": 1000000, "odds": "0.0130"},
      {"id": "prize-08", "name": "Prize 8", "stock": 1000000, "odds": "0.0135"},
      {"id": "prize-09", "name": "Prize 9", "stock": 1000000, "odds": "0.0140"},
      {"id": "prize-10", "name": "Prize 10", "stock": 1000000, "odds": "0.0145"},
      {"id": "prize-11", "name": "Prize 11", "stock": 1000000, "odds": "0.0150"},
      {"id": "prize-12", "name": "Prize 12", "stock": 1000000, "odds": "0.0155"},
      {"id": "prize-13", "name": "Prize 13", "stock": 1000000, "odds": "0.0160"},
      {"id": "prize-14", "name": "Prize 14", "stock": 1000000, "odds": "0.0165"},
      {"id": "prize-15", "name": "Prize 15", "stock": 1000000, "odds": "0.0170"},
      {"id": "prize-16", "name": "Prize 16", "stock": 1000000, "odds": "0.0175"},
      {"id": "prize-17", "name": "Prize 17", "stock": 1000000, "odds": "0.0180"},
      {"id": "prize-18", "name": "Prize 18", "stock": 1000000, "odds": "0.0185"},
      {"id": "prize-19", "name": "Prize 19", "stock": 1000000, "odds": "0.0190"},
      {"id": "prize-20", "name": "Prize 20", "stock": 1000000, "odds": "0.0195"}
    ]
  }
})";

inline constexpr std::string_view deck_campaign_json = R"({
  "id": "bench-deck-20",
  "title": "Benchmark: 20 prizes, deck model",
  "utc_offset": "+08:00",
  "window": {"first_day": "2026-01-01", "last_day": "2026-12-31"},
  "pool": "deck",
  "prize_table": {
    "boxes": 1000000,
    "prizes": [
      {"id": "prize-01", "name": "Prize 1", "stock": 10000},
      {"id": "prize-02", "name": "Prize 2", "stock": 10000},
      {"id": "prize-03", "name": "Prize 3", "stock": 10000},
      {"id": "prize-04", "name": "Prize 4", "stock": 10000},
      {"id": "prize-05", "name": "Prize 5", "stock": 10000},
      {"id": "prize-06", "name": "Prize 6", "stock": 10000},
      {"id": "prize-07", "name": "Prize 7", "stock": 10000},
      {"id": "prize-08", "name": "Prize 8", "stock": 10000},
      {"id": "prize-09", "name": "Prize 9", "stock": 10000},
      {"id": "prize-10", "name": "Prize 10", "stock": 10000},
      {"id": "prize-11", "name": "Prize 11", "stock": 10000},
      {"id": "prize-12", "name": "Prize 12", "stock": 10000},
      {"id": "prize-13", "name": "Prize 13", "stock": 10000},
      {"id": "prize-14", "name": "Prize 14", "stock": 10000},
      {"id": "prize-15", "name": "Prize 15", "stock": 10000},
      {"id": "prize-16", "name": "Prize 16", "stock": 10000},
      {"id": "prize-17", "name": "Prize 17", "stock": 10000},
      {"id": "prize-18", "name": "Prize 18", "stock": 10000},
      {"id": "prize-19", "name": "Prize 19", "stock": 10000},
      {"id": "prize-20", "name": "Prize 20", "stock": 10000}
    ]
  }
})";

// Noon on the campaign's first day, in seconds since that day's opening.
inline int64_t bench_seconds_since_open(const Campaign& campaign) {
    return 12 * 3600 - int64_t{campaign.opens_at_minute} * 60;
}

// `count` pure decisions on the first day with nothing issued yet, decision i
// using entropy_from_seed(bench_seed, first_index + i). Returns the wins.
inline uint64_t run_decide(const Campaign& campaign, uint64_t first_index, uint64_t count) {
    const PrizeTable& table = campaign.table_for(campaign.first_day);
    const int64_t nothing_issued[max_prizes] = {};
    ArrayDayStock stock(nothing_issued, table.prizes.size(), 0);
    const int64_t seconds_since_open = bench_seconds_since_open(campaign);
    uint64_t wins = 0;
    for (uint64_t i = 0; i < count; ++i) {
        const Entropy entropy = entropy_from_seed(bench_seed, first_index + i);
        wins += decide(campaign, table, seconds_since_open, stock, 0, entropy).win();
    }
    return wins;
}

// Whole draws through MemoryCounters, as a host makes them: each by a new
// player, inside its own begin()/commit(). The counters are emptied every
// `draws_per_store` draws so that memory stays bounded however long the run.
class DrawWorkload {
  public:
    static constexpr uint64_t draws_per_store = 1 << 16;

    explicit DrawWorkload(const Campaign& campaign)
        : campaign_(campaign),
          now_unix_(to_unix_seconds(campaign.first_day, 12 * 3600, campaign.utc_offset_minutes)) {}

    // Makes `count` draws; returns the wins.
    uint64_t run(uint64_t count) {
        uint64_t wins = 0;
        char player[24] = {'p'};
        for (uint64_t i = 0; i < count; ++i, ++next_draw_) {
            if (next_draw_ % draws_per_store == 0) counters_ = MemoryCounters{};
            const char* player_end =
                std::to_chars(player + 1, player + sizeof player, next_draw_).ptr;
            DrawRequest request;
            request.now_unix = now_unix_;
            request.player = std::string_view(player, static_cast<size_t>(player_end - player));
            request.entropy = entropy_from_seed(bench_seed, next_draw_);
            counters_.begin();
            const DrawResult result = draw(campaign_, counters_, request);
            if (result.status == DrawStatus::conflict) {
                counters_.rollback();
            } else {
                counters_.commit();
            }
            wins += result.status == DrawStatus::win;
        }
        return wins;
    }

  private:
    const Campaign& campaign_;
    int64_t now_unix_;
    MemoryCounters counters_;
    uint64_t next_draw_ = 0;
};

} // namespace blindbox::bench

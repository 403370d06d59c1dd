// The draw.
//
// Three layers, each usable on its own:
//
//   campaign_clock()  where a Unix time falls in the campaign: its day, status
//                     (scheduled, open, paused, ended) and the seconds since
//                     that day's opening.
//   decide()          the pure decision: given one day's table, that day's stock
//                     as already issued, the player's pity streak and 32 bytes
//                     of entropy, which box does the player open? No I/O, no
//                     allocation; the benchmarks time this.
//   draw()            a whole draw through the host's atomic counters: status,
//                     duplicate request, limits, stock, pity, then every write;
//                     all-or-nothing (see counters.h).
//
// and odds_now(), the disclosure: the odds as published and the effective
// odds at this moment, given the stock left, pacing and the sold-out policy.
// It is what players see and what the browser computes with this same code.
//
// Stock pacing ("even"): a prize's daily stock is released in equal steps over
// the opening hours. With S units and an opening of L seconds, after e seconds
// floor(S * e / L) + 1 units are released (never more than S), so the first
// unit is there at opening and the last at (S - 1) / S of the day.
//
// Pity: a player whose last `after` draws (or more) in this campaign were all
// blanks gets a prize from the rule's set on the next draw, chosen by the
// prizes' odds (odds model; equally if those odds are all zero) or by their
// boxes left (deck model), among those available now. If none is available
// the draw is an ordinary one.

#pragma once

#include "blindbox/campaign.h"
#include "blindbox/counters.h"
#include "blindbox/entropy.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blindbox {

enum class CampaignStatus { scheduled, open, paused, ended };
std::string_view to_string(CampaignStatus status);

struct CampaignClock {
    CampaignStatus status = CampaignStatus::scheduled;
    DayNumber day = 0;              // the campaign's calendar day at `now`
    int64_t seconds_since_open = 0; // of that day's opening (may be negative or past closing)
    int64_t next_open_unix = -1;    // when status is scheduled: the next opening, else -1
};

// Where `now_unix` falls in the campaign. `paused` is the operator's switch,
// kept by the host; it only matters while the campaign would be open.
CampaignClock campaign_clock(const Campaign& campaign, int64_t now_unix, bool paused);

// How many of a prize's stock are released `seconds_since_open` into the day.
int64_t released_stock(const Campaign& campaign, int64_t stock, int64_t seconds_since_open);

// What decide() and odds_now() need to know of the day's stock: how many of
// prize i were issued today, and (deck model) how many boxes were opened. Read
// lazily, so a draw under the odds model reads only the prize it picked.
class DayStock {
  public:
    virtual ~DayStock() = default;
    virtual int64_t issued(size_t prize_index) = 0;
    virtual int64_t boxes_opened() = 0;
};

// DayStock over plain arrays (tests, benchmarks, the browser's preview).
class ArrayDayStock final : public DayStock {
  public:
    ArrayDayStock(const int64_t* issued, size_t count, int64_t boxes_opened)
        : issued_(issued), count_(count), boxes_opened_(boxes_opened) {}
    int64_t issued(size_t i) override { return i < count_ ? issued_[i] : 0; }
    int64_t boxes_opened() override { return boxes_opened_; }

  private:
    const int64_t* issued_;
    size_t count_;
    int64_t boxes_opened_;
};

struct Decision {
    int prize = -1;       // index into the day's table, or -1 for a blank
    bool by_pity = false; // the pity rule chose the prize
    // Odds model, lose policy: the prize that was drawn but had no stock left
    // (so the draw became a blank); -1 otherwise.
    int sold_out_prize = -1;
    bool win() const { return prize >= 0; }
};

// The pure decision for one draw on the day whose table is `table`. Deck
// model: the caller has checked that a box is left. Deterministic in all its
// inputs.
Decision decide(const Campaign& campaign, const PrizeTable& table, int64_t seconds_since_open,
                DayStock& stock, int64_t pity_streak, const Entropy& entropy);

// Names of the counters a draw uses (see counters.h).
namespace counter_key {
std::string prize_issued(DayNumber day, std::string_view prize_id); // "issued/2026-11-28/gold"
// The day's boxes opened (deck campaigns): "opened/2026-11-28", built by CounterDayStock.
std::string player_day_draws(DayNumber day, std::string_view player);
// The same with the day already formatted ("2026-11-28"): "draws/2026-11-28/alice".
std::string player_day_draws(std::string_view day_text, std::string_view player);
std::string player_draws(std::string_view player);
std::string player_pity(std::string_view player);
// A drawn request of a player on the day of its draw:
// "request/2026-11-28/5/alice/REQUEST_ID" (5: the player id's length in
// bytes). The day comes first so a host can delete a whole day's marks when it
// forgets that day's requests; a repeat on a later day is then not detected by
// the core (the host's own record of requests must answer it).
std::string request(std::string_view day_text, std::string_view player,
                    std::string_view request_id);
// True for the day's stock counters (issued, opened): those shared by all
// players; every other counter belongs to one player.
bool is_day_stock(std::string_view name);
} // namespace counter_key

// DayStock read through the host's counters.
class CounterDayStock final : public DayStock {
  public:
    CounterDayStock(Counters& counters, const PrizeTable& table, DayNumber day);
    // With the day already formatted ("2026-11-28").
    CounterDayStock(Counters& counters, const PrizeTable& table, std::string_view day_text);
    int64_t issued(size_t prize_index) override;
    int64_t boxes_opened() override;

    // The counter names, built once per draw (the day's text is the costly part).
    const std::string& issued_key(size_t prize_index) {
        return key_.assign(issued_prefix_).append(table_.prizes[prize_index].id);
    }
    const std::string& opened_key() const { return opened_key_; }

  private:
    Counters& counters_;
    const PrizeTable& table_;
    std::string issued_prefix_;
    std::string opened_key_;
    std::string key_;
};

struct DrawRequest {
    int64_t now_unix = 0;
    std::string_view player;     // non-empty; the host checks identity and length
    std::string_view request_id; // empty: no duplicate detection
    bool paused = false;
    Entropy entropy;
};

enum class DrawStatus {
    win,
    blank,
    duplicate_request,      // this player's request_id was already drawn: answer as before
    not_open,               // see DrawResult::clock.status
    daily_limit_reached,    // draws_per_day used up today
    campaign_limit_reached, // draws_per_campaign used up
    boxes_exhausted,        // deck model: every box of the day is open
    conflict,               // a write was refused: the host must roll back
};
std::string_view to_string(DrawStatus status);

// What a player may still do, as the page shows it after a draw or before one.
struct PlayerAllowance {
    int64_t draws_left_today = 0;
    std::optional<int64_t> draws_left_in_campaign; // empty without a campaign limit
    // Draws until the pity rule guarantees a prize, counting the guaranteed
    // one (1: the next draw is guaranteed); empty without a pity rule.
    std::optional<int64_t> draws_until_guaranteed;
};

// The allowance of a player with these counts; the one place the limits'
// arithmetic lives (the default draws_per_day is Limits' own).
PlayerAllowance player_allowance(const Campaign& campaign, int64_t draws_today, int64_t draws_total,
                                 int64_t pity_streak);

struct DrawResult {
    DrawStatus status = DrawStatus::conflict;
    CampaignClock clock;
    Decision decision;
    const Prize* prize = nullptr;   // set for a win; points into the campaign
    int64_t player_draw_number = 0; // this draw's number among the player's draws (1-based)
    int64_t draws_today = 0;        // the player's draws today, after this one
    int64_t pity_streak = 0;        // blanks in a row, after this one
    PlayerAllowance allowance;      // after this draw (win and blank only)
};

// A whole draw through `counters`. Refusals (not open, limits, duplicates,
// boxes exhausted) write nothing. On `conflict` some writes may have happened
// and the host must roll back.
DrawResult draw(const Campaign& campaign, Counters& counters, const DrawRequest& request);

// A player's standing at `now_unix`, for the page before a draw: the draws
// left today and in the campaign, and the pity countdown. Reads the counters
// draw() reads for the player on the clock's day, and never writes.
struct PlayerStatus {
    CampaignClock clock;
    int64_t draws_today = 0; // the player's draws on clock.day
    int64_t draws_total = 0; // in the whole campaign
    int64_t pity_streak = 0; // blanks in a row; 0 without a pity rule
    PlayerAllowance allowance;
};
PlayerStatus player_status(const Campaign& campaign, Counters& counters, int64_t now_unix,
                           std::string_view player, bool paused);

// Odds at a moment, for disclosure.
struct PrizeOdds {
    const Prize* prize = nullptr;
    int64_t stock_total = 0;
    int64_t stock_left = 0;
    int64_t released = 0;   // with pacing: released so far; else stock_total
    bool available = false; // can be won right now
    Fraction disclosed;     // as published (deck: stock / boxes)
    Fraction effective;     // the chance the next draw wins it, now
};

struct OddsReport {
    DayNumber day = 0;
    std::vector<PrizeOdds> prizes;
    Fraction win_disclosed;
    Fraction win_effective;
    int64_t boxes_total = 0; // deck model
    int64_t boxes_left = 0;  // deck model
};

OddsReport odds_now(const Campaign& campaign, DayNumber day, int64_t seconds_since_open,
                    DayStock& stock);

} // namespace blindbox

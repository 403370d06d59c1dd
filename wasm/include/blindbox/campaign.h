// Campaign definitions: the core's model of a campaign.
//
// A campaign is what an operator publishes: a window of days in one time zone,
// opening hours, a pool model, a default daily prize table with per-date
// overrides, player limits, and optional pity and pacing rules. This header is
// the typed model and the rules that need no JSON: a window's days and
// opening hours, putting a day's odds on one common denominator, checking a
// deck's stock against its boxes, marking the prizes the pity rule names. Reading a definition from
// JSON (and the page's theme, which the core never sees) is the io layer's work:
// blindbox/campaign_json.h.
//
// Pool models:
//   odds  every draw is independent: prize i is drawn with its published odds;
//         a prize whose daily stock is gone (or, with even pacing, not yet
//         released) either turns the win into a blank (`sold_out: "lose"`) or
//         has its odds shared among the prizes still in stock
//         (`sold_out: "redistribute"`).
//   deck  a real blind-box case: each day holds `boxes` boxes, `stock` of them
//         per prize and the rest blanks, drawn without replacement. The odds of
//         the next box are what is left over what is left.

#pragma once

#include "blindbox/calendar.h"
#include "blindbox/odds.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blindbox {

inline constexpr size_t max_prizes = 256;
inline constexpr size_t max_id_length = 64;
inline constexpr size_t max_name_length = 100;   // characters (code points)
inline constexpr size_t max_title_length = 200;  // characters (code points)
inline constexpr size_t max_value_length = 40;   // characters (code points)
inline constexpr size_t max_image_length = 2048; // characters
inline constexpr int64_t max_stock = 1'000'000'000;
inline constexpr size_t max_date_overrides = 1000;
inline constexpr size_t max_campaign_days = 3660;

enum class PoolModel { odds, deck };
enum class SoldOutPolicy { lose, redistribute };
enum class Pacing { none, even };
enum class Identity { open, ticket };

struct Prize {
    std::string id;
    std::string name;
    std::string value;          // free text shown to players ("¥199"); may be empty
    std::string image;          // URL or site path; may be empty
    int64_t stock = 0;          // per day
    Fraction odds;              // odds model: as published; deck model: stock / boxes
    uint64_t weight = 0;        // odds model: odds * common_denominator (exact)
    bool pity_eligible = false; // named by the pity rule
};

// One day's prize table.
struct PrizeTable {
    std::vector<Prize> prizes;
    int64_t boxes = 0;               // deck model: boxes in the day's case
    uint64_t common_denominator = 1; // odds model: weights are out of this
    uint64_t total_weight = 0;       // odds model: sum of weights (win region)

    // Index of a prize by id, or -1.
    int find(std::string_view prize_id) const;
};

struct DateOverride {
    DayNumber day = 0;
    PrizeTable table;
};

struct Limits {
    int64_t draws_per_day = 1;
    std::optional<int64_t> draws_per_campaign; // no cap when empty
};

struct PityRule {
    int64_t after = 0; // blanks in a row before the guarantee applies
    std::vector<std::string> prize_ids;
};

struct Campaign {
    std::string id;
    std::string title;
    std::string utc_offset_text; // as written, "+08:00"
    int32_t utc_offset_minutes = 0;
    DayNumber first_day = 0;
    DayNumber last_day = 0;
    int32_t opens_at_minute = 0;        // local, minutes after midnight
    int32_t closes_at_minute = 24 * 60; // exclusive
    PoolModel pool = PoolModel::odds;
    SoldOutPolicy sold_out = SoldOutPolicy::lose;
    Pacing pacing = Pacing::none;
    Identity identity = Identity::open;
    Limits limits;
    std::optional<PityRule> pity;
    PrizeTable default_table;
    std::vector<DateOverride> overrides; // sorted by day

    // The table in force on `day` (an override or the default).
    const PrizeTable& table_for(DayNumber day) const;
    int64_t opening_seconds() const { return int64_t{closes_at_minute - opens_at_minute} * 60; }
};

// The window's days: last_day not before first_day, at most max_campaign_days
// in all. Returns the problem with last_day as a plain message, or nullopt.
std::optional<std::string> window_days_problem(DayNumber first_day, DayNumber last_day);

// Opening hours within one local day: closes_at later than opens_at (minutes
// after midnight). Returns the problem as a plain message, or nullopt.
std::optional<std::string> opening_hours_problem(int32_t opens_at_minute, int32_t closes_at_minute);

// Puts an odds-model table on one common denominator: from each prize's
// published `odds` sets its `weight`, and the table's `common_denominator` and
// `total_weight`. Returns a plain message (and leaves the weights unset) when
// the odds have no common denominator up to max_common_denominator or add up
// to more than 1.
std::optional<std::string> weigh_odds_table(PrizeTable& table);

// Deck model: each prize's odds become its stock over the table's `boxes`.
// Returns a plain message when the stock adds up to more than the boxes.
std::optional<std::string> weigh_deck_table(PrizeTable& table);

// Sets `pity_eligible` on every prize, in every table, that the pity rule names
// (none without a rule).
void mark_pity_prizes(Campaign& campaign);

std::string_view to_string(PoolModel model);
std::string_view to_string(SoldOutPolicy policy);
std::string_view to_string(Pacing pacing);
std::string_view to_string(Identity identity);

} // namespace blindbox

// The counters a draw keeps (see draw.h and counters.h): their names
// (counter_key), the day's stock read through them (CounterDayStock), and what
// a player may still draw (player_allowance, player_status). Core only: no
// JSON; it reads the host's Counters and writes none.

#include "blindbox/draw.h"

#include <algorithm>

namespace blindbox {

namespace counter_key {
std::string prize_issued(DayNumber day, std::string_view prize_id) {
    return "issued/" + format_date(day) + "/" + std::string(prize_id);
}
std::string player_day_draws(std::string_view day_text, std::string_view player) {
    std::string key = "draws/";
    key.append(day_text).append("/").append(player);
    return key;
}
std::string player_day_draws(DayNumber day, std::string_view player) {
    return player_day_draws(format_date(day), player);
}
std::string player_draws(std::string_view player) {
    return "draws/all/" + std::string(player);
}
std::string player_pity(std::string_view player) {
    return "pity/" + std::string(player);
}
bool is_day_stock(std::string_view name) {
    return name.rfind("issued/", 0) == 0 || name.rfind("opened/", 0) == 0;
}
std::string request(std::string_view day_text, std::string_view player,
                    std::string_view request_id) {
    // The player's length before the player, so no two (player, request) pairs share a name.
    std::string key = "request/";
    key.append(day_text).append("/").append(std::to_string(player.size())).append("/");
    key.append(player).append("/").append(request_id);
    return key;
}
} // namespace counter_key

CounterDayStock::CounterDayStock(Counters& counters, const PrizeTable& table, DayNumber day)
    : CounterDayStock(counters, table, format_date(day)) {}

CounterDayStock::CounterDayStock(Counters& counters, const PrizeTable& table,
                                 std::string_view day_text)
    : counters_(counters), table_(table), issued_prefix_("issued/"), opened_key_("opened/") {
    issued_prefix_.append(day_text).append("/");
    opened_key_.append(day_text);
}

int64_t CounterDayStock::issued(size_t prize_index) {
    const std::string& prize_id = table_.prizes[prize_index].id;
    key_.assign(issued_prefix_).append(prize_id);
    return counters_.get(key_);
}

int64_t CounterDayStock::boxes_opened() {
    return counters_.get(opened_key_);
}

PlayerStatus player_status(const Campaign& campaign, Counters& counters, int64_t now_unix,
                           std::string_view player, bool paused) {
    PlayerStatus status;
    status.clock = campaign_clock(campaign, now_unix, paused);
    status.draws_today = counters.get(counter_key::player_day_draws(status.clock.day, player));
    status.draws_total = counters.get(counter_key::player_draws(player));
    if (campaign.pity) status.pity_streak = counters.get(counter_key::player_pity(player));
    status.allowance =
        player_allowance(campaign, status.draws_today, status.draws_total, status.pity_streak);
    return status;
}

PlayerAllowance player_allowance(const Campaign& campaign, int64_t draws_today, int64_t draws_total,
                                 int64_t pity_streak) {
    PlayerAllowance allowance;
    allowance.draws_left_today = std::max<int64_t>(0, campaign.limits.draws_per_day - draws_today);
    if (campaign.limits.draws_per_campaign) {
        allowance.draws_left_in_campaign =
            std::max<int64_t>(0, *campaign.limits.draws_per_campaign - draws_total);
    }
    if (campaign.pity) {
        allowance.draws_until_guaranteed =
            std::max<int64_t>(0, campaign.pity->after - pity_streak) + 1;
    }
    return allowance;
}

} // namespace blindbox

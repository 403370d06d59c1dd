// The draw's decisions and the disclosure (see draw.h): the campaign clock,
// stock pacing, decide() and draw(), odds_now(). The counters' names, the day's
// stock read through them and a player's allowance are in player_counters.cpp.
// Core only: no JSON, no I/O beyond the host's Counters.

#include "blindbox/draw.h"

#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <limits>

namespace blindbox {

namespace {

constexpr int64_t no_cap = std::numeric_limits<int64_t>::max();

// A uniform integer in [0, bound); bound > 0.
uint64_t uniform_below(EntropyEngine& engine, uint64_t bound) {
    boost::random::uniform_int_distribution<uint64_t> distribution(0, bound - 1);
    return distribution(engine);
}

// Index of the entry whose cumulative weight range holds `ticket`, or -1 when
// the ticket lies past the last weight.
template <class WeightOf>
int pick_by_weight(size_t count, uint64_t ticket, WeightOf weight_of) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < count; ++i) {
        cumulative += weight_of(i);
        if (ticket < cumulative) return static_cast<int>(i);
    }
    return -1;
}

int64_t units_available(const Campaign& campaign, const Prize& prize, size_t index,
                        int64_t seconds_since_open, DayStock& stock) {
    if (prize.stock == 0) return 0;
    const int64_t cap = released_stock(campaign, prize.stock, seconds_since_open);
    return std::max<int64_t>(0, cap - stock.issued(index));
}

// The pity rule's choice among its prizes available now, or -1.
int pick_by_pity(const Campaign& campaign, const PrizeTable& table, int64_t seconds_since_open,
                 DayStock& stock, EntropyEngine& engine) {
    const size_t count = table.prizes.size();
    // At most max_prizes entries: fixed storage, no allocation.
    uint64_t weights[max_prizes];
    uint64_t total = 0;
    size_t candidates = 0;
    for (size_t i = 0; i < count; ++i) {
        const Prize& prize = table.prizes[i];
        weights[i] = 0;
        if (!prize.pity_eligible) continue;
        const int64_t left = units_available(campaign, prize, i, seconds_since_open, stock);
        if (left == 0) continue;
        ++candidates;
        weights[i] = campaign.pool == PoolModel::deck ? static_cast<uint64_t>(left) : prize.weight;
        total += weights[i];
    }
    if (candidates == 0) return -1;
    if (total == 0) {
        // Every candidate has zero odds: choose among them equally.
        for (size_t i = 0; i < count; ++i) {
            weights[i] =
                table.prizes[i].pity_eligible &&
                        units_available(campaign, table.prizes[i], i, seconds_since_open, stock) > 0
                    ? 1
                    : 0;
        }
        total = candidates;
    }
    return pick_by_weight(count, uniform_below(engine, total),
                          [&](size_t i) { return weights[i]; });
}

Decision decide_odds(const Campaign& campaign, const PrizeTable& table, int64_t seconds_since_open,
                     DayStock& stock, EntropyEngine& engine) {
    Decision decision;
    const size_t count = table.prizes.size();
    const uint64_t ticket = uniform_below(engine, table.common_denominator);
    if (ticket >= table.total_weight) return decision; // the blank region: no prize to scan
    const int drawn =
        pick_by_weight(count, ticket, [&](size_t i) { return table.prizes[i].weight; });
    if (drawn < 0) return decision;
    if (units_available(campaign, table.prizes[drawn], drawn, seconds_since_open, stock) > 0) {
        decision.prize = drawn;
        return decision;
    }
    if (campaign.sold_out == SoldOutPolicy::lose) {
        decision.sold_out_prize = drawn;
        return decision;
    }
    // Redistribute: the win stands, and goes to a prize available now, chosen
    // by odds among those.
    uint64_t weights[max_prizes];
    uint64_t available_weight = 0;
    for (size_t i = 0; i < count; ++i) {
        const bool available =
            units_available(campaign, table.prizes[i], i, seconds_since_open, stock) > 0;
        weights[i] = available ? table.prizes[i].weight : 0;
        available_weight += weights[i];
    }
    if (available_weight == 0) {
        decision.sold_out_prize = drawn;
        return decision;
    }
    decision.prize = pick_by_weight(count, uniform_below(engine, available_weight),
                                    [&](size_t i) { return weights[i]; });
    return decision;
}

Decision decide_deck(const PrizeTable& table, DayStock& stock, EntropyEngine& engine) {
    Decision decision;
    const int64_t boxes_left = table.boxes - stock.boxes_opened();
    if (boxes_left <= 0) return decision;
    const uint64_t box = uniform_below(engine, static_cast<uint64_t>(boxes_left));
    decision.prize = pick_by_weight(table.prizes.size(), box, [&](size_t i) {
        return static_cast<uint64_t>(std::max<int64_t>(0, table.prizes[i].stock - stock.issued(i)));
    });
    return decision;
}

} // namespace

std::string_view to_string(CampaignStatus status) {
    switch (status) {
    case CampaignStatus::scheduled:
        return "scheduled";
    case CampaignStatus::open:
        return "open";
    case CampaignStatus::paused:
        return "paused";
    case CampaignStatus::ended:
        return "ended";
    }
    return "ended";
}

std::string_view to_string(DrawStatus status) {
    switch (status) {
    case DrawStatus::win:
        return "win";
    case DrawStatus::blank:
        return "blank";
    case DrawStatus::duplicate_request:
        return "duplicate_request";
    case DrawStatus::not_open:
        return "not_open";
    case DrawStatus::daily_limit_reached:
        return "daily_limit_reached";
    case DrawStatus::campaign_limit_reached:
        return "campaign_limit_reached";
    case DrawStatus::boxes_exhausted:
        return "boxes_exhausted";
    case DrawStatus::conflict:
        return "conflict";
    }
    return "conflict";
}

CampaignClock campaign_clock(const Campaign& campaign, int64_t now_unix, bool paused) {
    const LocalTime local = to_local_time(now_unix, campaign.utc_offset_minutes);
    const int64_t open_second = int64_t{campaign.opens_at_minute} * 60;
    const int64_t close_second = int64_t{campaign.closes_at_minute} * 60;
    CampaignClock clock;
    clock.day = local.day;
    clock.seconds_since_open = local.second_of_day - open_second;
    auto scheduled_for = [&](DayNumber day) {
        clock.status = CampaignStatus::scheduled;
        clock.next_open_unix = to_unix_seconds(day, open_second, campaign.utc_offset_minutes);
    };
    if (local.day < campaign.first_day) {
        scheduled_for(campaign.first_day);
    } else if (local.day > campaign.last_day ||
               (local.day == campaign.last_day && local.second_of_day >= close_second)) {
        clock.status = CampaignStatus::ended;
    } else if (paused) {
        clock.status = CampaignStatus::paused;
    } else if (local.second_of_day < open_second) {
        scheduled_for(local.day);
    } else if (local.second_of_day >= close_second) {
        scheduled_for(local.day + 1);
    } else {
        clock.status = CampaignStatus::open;
    }
    return clock;
}

int64_t released_stock(const Campaign& campaign, int64_t stock, int64_t seconds_since_open) {
    if (campaign.pacing == Pacing::none || stock <= 0) return std::max<int64_t>(stock, 0);
    const int64_t length = campaign.opening_seconds();
    if (seconds_since_open >= length) return stock;
    const int64_t elapsed = std::max<int64_t>(seconds_since_open, 0);
    return std::min<int64_t>(stock, stock * elapsed / length + 1);
}

Decision decide(const Campaign& campaign, const PrizeTable& table, int64_t seconds_since_open,
                DayStock& stock, int64_t pity_streak, const Entropy& entropy) {
    EntropyEngine engine(entropy);
    if (campaign.pity && pity_streak >= campaign.pity->after) {
        const int chosen = pick_by_pity(campaign, table, seconds_since_open, stock, engine);
        if (chosen >= 0) {
            Decision decision;
            decision.prize = chosen;
            decision.by_pity = true;
            return decision;
        }
    }
    if (campaign.pool == PoolModel::deck) return decide_deck(table, stock, engine);
    return decide_odds(campaign, table, seconds_since_open, stock, engine);
}

namespace {

// The player's counters a draw writes, as draw() read them.
struct DrawCounterNames {
    const std::string& day_key;
    const std::string& total_key;
    const std::string& pity_key;    // empty without a pity rule
    const std::string& request_key; // empty without a request id
    int64_t campaign_cap;
    int64_t pity_streak;
};

// Every write of a decided draw, each within its cap, in a fixed order; false
// when one is refused (a counter changed since it was read) and the host must
// roll the transaction back.
bool write_draw(const Campaign& campaign, Counters& counters, const DrawCounterNames& names,
                const PrizeTable& table, CounterDayStock& stock, const DrawResult& result) {
    bool written = counters.add_within(names.day_key, 1, campaign.limits.draws_per_day) &&
                   counters.add_within(names.total_key, 1, names.campaign_cap);
    if (written && campaign.pool == PoolModel::deck) {
        written = counters.add_within(stock.opened_key(), 1, table.boxes);
    }
    if (written && result.decision.win()) {
        const Prize& prize = table.prizes[result.decision.prize];
        const int64_t cap = released_stock(campaign, prize.stock, result.clock.seconds_since_open);
        written = counters.add_within(stock.issued_key(static_cast<size_t>(result.decision.prize)),
                                      1, cap);
    }
    if (written && campaign.pity) {
        written = result.decision.win()
                      ? counters.add_within(names.pity_key, -names.pity_streak, no_cap)
                      : counters.add_within(names.pity_key, 1, no_cap);
    }
    if (written && !names.request_key.empty()) written = counters.mark_once(names.request_key);
    return written;
}

} // namespace

DrawResult draw(const Campaign& campaign, Counters& counters, const DrawRequest& request) {
    DrawResult result;
    result.clock = campaign_clock(campaign, request.now_unix, request.paused);
    if (result.clock.status != CampaignStatus::open) {
        result.status = DrawStatus::not_open;
        return result;
    }
    const DayNumber day = result.clock.day;
    const std::string day_text = format_date(day);

    std::string request_key;
    if (!request.request_id.empty()) {
        request_key = counter_key::request(day_text, request.player, request.request_id);
        if (counters.get(request_key) != 0) {
            result.status = DrawStatus::duplicate_request;
            return result;
        }
    }
    const std::string day_key = counter_key::player_day_draws(day_text, request.player);
    const std::string total_key = counter_key::player_draws(request.player);
    const int64_t draws_today = counters.get(day_key);
    const int64_t draws_total = counters.get(total_key);
    result.draws_today = draws_today;
    if (draws_today >= campaign.limits.draws_per_day) {
        result.status = DrawStatus::daily_limit_reached;
        return result;
    }
    const int64_t campaign_cap = campaign.limits.draws_per_campaign.value_or(no_cap);
    if (draws_total >= campaign_cap) {
        result.status = DrawStatus::campaign_limit_reached;
        return result;
    }
    const PrizeTable& table = campaign.table_for(day);
    CounterDayStock stock(counters, table, day_text);
    if (campaign.pool == PoolModel::deck && stock.boxes_opened() >= table.boxes) {
        result.status = DrawStatus::boxes_exhausted;
        return result;
    }
    const std::string pity_key = campaign.pity ? counter_key::player_pity(request.player) : "";
    const int64_t streak = campaign.pity ? counters.get(pity_key) : 0;

    result.decision =
        decide(campaign, table, result.clock.seconds_since_open, stock, streak, request.entropy);

    const DrawCounterNames names{day_key, total_key, pity_key, request_key, campaign_cap, streak};
    if (!write_draw(campaign, counters, names, table, stock, result)) {
        result.status = DrawStatus::conflict;
        return result;
    }

    result.status = result.decision.win() ? DrawStatus::win : DrawStatus::blank;
    result.prize = result.decision.win() ? &table.prizes[result.decision.prize] : nullptr;
    result.player_draw_number = draws_total + 1;
    result.draws_today = draws_today + 1;
    result.pity_streak = result.decision.win() ? 0 : streak + 1;
    result.allowance = player_allowance(campaign, result.draws_today, result.player_draw_number,
                                        result.pity_streak);
    return result;
}

OddsReport odds_now(const Campaign& campaign, DayNumber day, int64_t seconds_since_open,
                    DayStock& stock) {
    OddsReport report;
    report.day = day;
    const PrizeTable& table = campaign.table_for(day);
    const size_t count = table.prizes.size();
    report.prizes.resize(count);
    for (size_t i = 0; i < count; ++i) {
        const Prize& prize = table.prizes[i];
        PrizeOdds& odds = report.prizes[i];
        odds.prize = &prize;
        odds.stock_total = prize.stock;
        odds.stock_left = std::max<int64_t>(0, prize.stock - stock.issued(i));
        odds.released = released_stock(campaign, prize.stock, seconds_since_open);
        odds.available = units_available(campaign, prize, i, seconds_since_open, stock) > 0;
        odds.disclosed = prize.odds;
    }

    if (campaign.pool == PoolModel::deck) {
        report.boxes_total = table.boxes;
        report.boxes_left = std::max<int64_t>(0, table.boxes - stock.boxes_opened());
        u128 stock_total = 0, stock_left = 0;
        for (auto& odds : report.prizes) {
            stock_total += odds.stock_total;
            stock_left += odds.stock_left;
            odds.effective = report.boxes_left > 0
                                 ? Fraction::make(odds.stock_left, report.boxes_left)
                                 : Fraction{};
        }
        report.win_disclosed = Fraction::make(stock_total, table.boxes);
        report.win_effective =
            report.boxes_left > 0 ? Fraction::make(stock_left, report.boxes_left) : Fraction{};
        return report;
    }

    const u128 denominator = table.common_denominator;
    u128 available_weight = 0;
    for (const auto& odds : report.prizes) {
        if (odds.available) available_weight += odds.prize->weight;
    }
    report.win_disclosed = Fraction::make(table.total_weight, denominator);
    if (campaign.sold_out == SoldOutPolicy::lose || available_weight == 0) {
        for (auto& odds : report.prizes) {
            odds.effective = odds.available ? odds.disclosed : Fraction{};
        }
        report.win_effective = Fraction::make(available_weight, denominator);
        return report;
    }
    for (auto& odds : report.prizes) {
        odds.effective = odds.available
                             ? Fraction::make(u128{odds.prize->weight} * table.total_weight,
                                              available_weight * denominator)
                             : Fraction{};
    }
    report.win_effective = report.win_disclosed;
    return report;
}

} // namespace blindbox

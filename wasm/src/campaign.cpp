#include "blindbox/campaign.h"

#include <algorithm>

namespace blindbox {

int PrizeTable::find(std::string_view prize_id) const {
    for (size_t i = 0; i < prizes.size(); ++i) {
        if (prizes[i].id == prize_id) return static_cast<int>(i);
    }
    return -1;
}

const PrizeTable& Campaign::table_for(DayNumber day) const {
    auto it = std::lower_bound(overrides.begin(), overrides.end(), day,
                               [](const DateOverride& o, DayNumber d) { return o.day < d; });
    if (it != overrides.end() && it->day == day) return it->table;
    return default_table;
}

std::optional<std::string> window_days_problem(DayNumber first_day, DayNumber last_day) {
    if (last_day < first_day)
        return "must not be before first_day (" + format_date(first_day) + ")";
    if (last_day - first_day + 1 > static_cast<int64_t>(max_campaign_days)) {
        return "a campaign may run at most " + std::to_string(max_campaign_days) + " days";
    }
    return std::nullopt;
}

std::optional<std::string> opening_hours_problem(int32_t opens_at_minute,
                                                 int32_t closes_at_minute) {
    if (closes_at_minute > opens_at_minute) return std::nullopt;
    return "closes_at (" + format_time_of_day(closes_at_minute) +
           ") must be later than opens_at (" + format_time_of_day(opens_at_minute) +
           "): opening hours cannot cross midnight";
}

std::optional<std::string> weigh_odds_table(PrizeTable& table) {
    std::vector<Fraction> odds;
    for (const auto& prize : table.prizes)
        odds.push_back(prize.odds);
    const auto common = common_denominator(odds);
    if (!common) {
        return "the odds have no common denominator below 2^62; write them as decimals or as "
               "fractions sharing denominators";
    }
    if (common->total_weight > common->denominator) {
        const Fraction sum = Fraction::make(common->total_weight, common->denominator);
        return "odds add up to " + sum.to_string() + " (" + sum.to_decimal(9) + "), more than 1";
    }
    for (size_t i = 0; i < table.prizes.size(); ++i)
        table.prizes[i].weight = common->weights[i];
    table.common_denominator = common->denominator;
    table.total_weight = static_cast<uint64_t>(common->total_weight);
    return std::nullopt;
}

std::optional<std::string> weigh_deck_table(PrizeTable& table) {
    u128 stock_sum = 0;
    for (const auto& prize : table.prizes)
        stock_sum += static_cast<u128>(prize.stock);
    if (stock_sum > static_cast<u128>(table.boxes)) {
        return "prize stock adds up to " + u128_to_string(stock_sum) + ", more than the " +
               std::to_string(table.boxes) + " boxes";
    }
    for (auto& prize : table.prizes)
        prize.odds = Fraction::make(static_cast<u128>(prize.stock), static_cast<u128>(table.boxes));
    return std::nullopt;
}

void mark_pity_prizes(Campaign& campaign) {
    auto mark = [&campaign](PrizeTable& table) {
        for (auto& prize : table.prizes) {
            prize.pity_eligible =
                campaign.pity &&
                std::find(campaign.pity->prize_ids.begin(), campaign.pity->prize_ids.end(),
                          prize.id) != campaign.pity->prize_ids.end();
        }
    };
    mark(campaign.default_table);
    for (auto& date_override : campaign.overrides)
        mark(date_override.table);
}

std::string_view to_string(PoolModel model) {
    return model == PoolModel::odds ? "odds" : "deck";
}
std::string_view to_string(SoldOutPolicy policy) {
    return policy == SoldOutPolicy::lose ? "lose" : "redistribute";
}
std::string_view to_string(Pacing pacing) {
    return pacing == Pacing::none ? "none" : "even";
}
std::string_view to_string(Identity identity) {
    return identity == Identity::open ? "open" : "ticket";
}

} // namespace blindbox

#include "blindbox/campaign_rules.h"

namespace blindbox {

std::optional<ValidationError> sold_out_problem(const Campaign& campaign) {
    if (campaign.pool != PoolModel::deck || campaign.sold_out != SoldOutPolicy::redistribute) {
        return std::nullopt;
    }
    return ValidationError{"/sold_out",
                           "applies to the odds model only: a deck has no odds to redistribute"};
}

std::optional<ValidationError> pacing_problem(const Campaign& campaign) {
    if (campaign.pool != PoolModel::deck || campaign.pacing != Pacing::even) return std::nullopt;
    return ValidationError{"/pacing", "applies to the odds model only: a shuffled deck already "
                                      "spreads its prizes over the day"};
}

std::optional<ValidationError> override_day_problem(const Campaign& campaign, DayNumber day) {
    if (day >= campaign.first_day && day <= campaign.last_day) return std::nullopt;
    return ValidationError{"/date_overrides/" + format_date(day),
                           "is outside the campaign window (" + format_date(campaign.first_day) +
                               " to " + format_date(campaign.last_day) + ")"};
}

PityPrizeRules::PityPrizeRules(const Campaign& campaign, bool tables_complete)
    : tables_complete_(tables_complete) {
    for (const auto& prize : campaign.default_table.prizes)
        prize_ids_in_tables_.insert(prize.id);
    for (const auto& date_override : campaign.overrides) {
        for (const auto& prize : date_override.table.prizes)
            prize_ids_in_tables_.insert(prize.id);
    }
}

std::optional<ValidationError> PityPrizeRules::check(const std::string& prize_id, size_t position) {
    const std::string pointer = "/pity/prizes/" + std::to_string(position);
    if (!named_.insert(prize_id).second) {
        return ValidationError{pointer, "names prize \"" + prize_id + "\" twice"};
    }
    if (tables_complete_ && !prize_ids_in_tables_.count(prize_id)) {
        return ValidationError{pointer, "unknown prize \"" + prize_id +
                                            "\": not in the prize table or any date override"};
    }
    return std::nullopt;
}

} // namespace blindbox

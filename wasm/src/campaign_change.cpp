#include "blindbox/campaign_change.h"

#include "blindbox/draw.h"

#include <algorithm>

namespace blindbox {

namespace {

bool has_override(const Campaign& campaign, DayNumber day) {
    return std::any_of(campaign.overrides.begin(), campaign.overrides.end(),
                       [day](const DateOverride& entry) { return entry.day == day; });
}

// Every prize id of the day's tables in both definitions, in byte order, once.
std::vector<std::string> prize_ids_on(const Campaign* current, const Campaign& proposed,
                                      DayNumber day) {
    std::vector<std::string> ids;
    for (const Campaign* campaign : {current, &proposed}) {
        if (!campaign) continue;
        for (const Prize& prize : campaign->table_for(day).prizes)
            ids.push_back(prize.id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

const std::string& name_of(const Prize& prize) {
    return prize.name.empty() ? prize.id : prize.name;
}

// Removed prizes, less stock and other odds, in the current table's order;
// then the added prizes in the proposed table's order.
void prize_changes(const Campaign& proposed, const PrizeTable& before, const PrizeTable& after,
                   std::vector<CampaignChange>& changes) {
    for (const Prize& prize : before.prizes) {
        const int index = after.find(prize.id);
        if (index < 0) {
            changes.push_back({ChangeKind::removed, prize.id, name_of(prize), "", ""});
            continue;
        }
        const Prize& next = after.prizes[static_cast<size_t>(index)];
        if (next.stock < prize.stock) {
            changes.push_back({ChangeKind::stock, prize.id, name_of(prize),
                               std::to_string(prize.stock), std::to_string(next.stock)});
        }
        if (proposed.pool != PoolModel::deck && !(next.odds == prize.odds)) {
            changes.push_back({ChangeKind::odds, prize.id, name_of(prize), prize.odds.to_string(),
                               next.odds.to_string()});
        }
    }
    for (const Prize& prize : after.prizes) {
        if (before.find(prize.id) < 0)
            changes.push_back({ChangeKind::added, prize.id, name_of(prize), "", ""});
    }
}

std::string boxes_text(const Campaign& campaign, const PrizeTable& table) {
    return campaign.pool == PoolModel::deck ? std::to_string(table.boxes) : "";
}

} // namespace

std::string_view to_string(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::removed:
        return "removed";
    case ChangeKind::added:
        return "added";
    case ChangeKind::stock:
        return "stock";
    case ChangeKind::odds:
        return "odds";
    case ChangeKind::boxes:
        return "boxes";
    case ChangeKind::pool:
        return "pool";
    case ChangeKind::sold_out:
        return "sold_out";
    case ChangeKind::pacing:
        return "pacing";
    }
    return "pacing";
}

std::optional<ChangeProblem> change_problem(const Campaign* current, const Campaign& proposed,
                                            Counters& counters, DayNumber day) {
    const std::string day_text = format_date(day);
    const std::string base =
        has_override(proposed, day) ? "/date_overrides/" + day_text : "/prize_table";
    const PrizeTable& table = proposed.table_for(day);
    for (const std::string& id : prize_ids_on(current, proposed, day)) {
        const int64_t issued = counters.get(counter_key::prize_issued(day, id));
        if (issued == 0) continue;
        const std::string won = std::to_string(issued);
        const int index = table.find(id);
        if (index < 0) {
            return ChangeProblem{base + "/prizes", "prize \"" + id + "\" was already won " + won +
                                                       " time(s) today (" + day_text +
                                                       "); keep it with stock of at least " + won};
        }
        const int64_t stock = table.prizes[static_cast<size_t>(index)].stock;
        if (stock < issued) {
            return ChangeProblem{base + "/prizes/" + std::to_string(index) + "/stock",
                                 "stock " + std::to_string(stock) + " is below the " + won +
                                     " already won today (" + day_text + ")"};
        }
    }
    if (proposed.pool == PoolModel::deck) {
        const int64_t opened = CounterDayStock(counters, table, day_text).boxes_opened();
        if (opened > table.boxes) {
            return ChangeProblem{base + "/boxes", std::to_string(opened) +
                                                      " boxes were already opened today (" +
                                                      day_text + ")"};
        }
    }
    return std::nullopt;
}

std::vector<CampaignChange> changes_on_day(const Campaign& current, const Campaign& proposed,
                                           DayNumber day) {
    std::vector<CampaignChange> changes;
    const PrizeTable& before = current.table_for(day);
    const PrizeTable& after = proposed.table_for(day);
    prize_changes(proposed, before, after, changes);
    const std::string boxes_before = boxes_text(current, before);
    const std::string boxes_after = boxes_text(proposed, after);
    if (proposed.pool == PoolModel::deck && boxes_before != boxes_after)
        changes.push_back({ChangeKind::boxes, "", "", boxes_before, boxes_after});
    auto setting = [&changes](ChangeKind kind, std::string_view before_text,
                              std::string_view after_text) {
        if (before_text != after_text) {
            changes.push_back({kind, "", "", std::string(before_text), std::string(after_text)});
        }
    };
    setting(ChangeKind::pool, to_string(current.pool), to_string(proposed.pool));
    setting(ChangeKind::sold_out, to_string(current.sold_out), to_string(proposed.sold_out));
    setting(ChangeKind::pacing, to_string(current.pacing), to_string(proposed.pacing));
    return changes;
}

} // namespace blindbox

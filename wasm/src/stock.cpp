#include "blindbox/stock.h"

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

} // namespace

DayStockReport day_stock(const Campaign& campaign, Counters& counters, DayNumber day) {
    DayStockReport report;
    report.day = day;
    const PrizeTable& table = campaign.table_for(day);
    CounterDayStock stock(counters, table, day);
    for (size_t i = 0; i < table.prizes.size(); ++i) {
        PrizeStock entry;
        entry.prize = &table.prizes[i];
        entry.stock = table.prizes[i].stock;
        entry.issued = stock.issued(i);
        entry.left = std::max<int64_t>(0, entry.stock - entry.issued);
        report.prizes.push_back(entry);
    }
    if (campaign.pool == PoolModel::deck) {
        report.boxes = table.boxes;
        report.boxes_opened = stock.boxes_opened();
    }
    return report;
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

} // namespace blindbox

#include "blindbox/stock.h"

#include "blindbox/draw.h"

#include <algorithm>

namespace blindbox {

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

} // namespace blindbox

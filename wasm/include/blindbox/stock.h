// A day's stock, read through the counters.
//
// What was won is counted by the host's counters (`issued/DAY/PRIZE`,
// `opened/DAY`; see counters.h and draw.h); day_stock() reads them for one
// day so no host has to know those names: per prize of the day's table its
// stock, issued and left, and for the deck model the boxes and boxes opened.
//
// Uses only the campaign, the calendar and the counters; reads, never writes.

#pragma once

#include "blindbox/campaign.h"
#include "blindbox/counters.h"

#include <cstdint>
#include <vector>

namespace blindbox {

struct PrizeStock {
    const Prize* prize = nullptr; // points into the campaign's table for the day
    int64_t stock = 0;            // the day's stock
    int64_t issued = 0;           // won on the day
    int64_t left = 0;             // stock - issued, never below 0
};

struct DayStockReport {
    DayNumber day = 0;
    std::vector<PrizeStock> prizes; // in the day's table order
    int64_t boxes = 0;              // deck model: the day's boxes; 0 for the odds model
    int64_t boxes_opened = 0;       // deck model: opened on the day
};

DayStockReport day_stock(const Campaign& campaign, Counters& counters, DayNumber day);

} // namespace blindbox

// A day's stock and the rule that guards it when a campaign changes.
//
// What was won is counted by the host's counters (`issued/DAY/PRIZE`,
// `opened/DAY`; see counters.h and draw.h); this file reads them for one day
// so no host has to know those names:
//
//   day_stock()       per prize of the day's table: stock, issued, left; and
//                     for the deck model the boxes and boxes opened.
//   change_problem()  whether a proposed definition may replace the current
//                     one today: a prize already won today must stay, with
//                     stock of at least what was won, and a deck may not have
//                     fewer boxes than were opened. The answer is a value
//                     (the field at fault and a message), never an error.
//
// Uses only the campaign, the calendar and the counters; reads, never writes.

#pragma once

#include "blindbox/campaign.h"
#include "blindbox/counters.h"

#include <cstdint>
#include <optional>
#include <string>
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

// Why a definition cannot take effect on `day`.
struct ChangeProblem {
    std::string field;   // JSON pointer into the proposed definition
    std::string message; // for the operator
};

// The first problem with replacing `current` by `proposed` on `day`, given the
// counters, or nothing when the change is allowed. Prizes are checked in the
// byte order of their ids (as a host lists its counters): every prize of the
// day's table in either definition with units won on `day`. `current` may be
// null (a first definition: nothing was won under it).
std::optional<ChangeProblem> change_problem(const Campaign* current, const Campaign& proposed,
                                            Counters& counters, DayNumber day);

} // namespace blindbox

// A proposed definition against the one in force, on one day.
//
// Operators replace a campaign while it runs. Two questions are asked then,
// both answered here so the Worker and the console ask the same core:
//
//   change_problem()  may the proposal take effect today? A prize already won
//                     today must stay, with stock of at least what was won,
//                     and a deck may not have fewer boxes than were opened
//                     (read through the counters). A problem is a value: the
//                     field at fault and a message, never an error.
//   changes_on_day()  what changes for players today, for the operator to
//                     confirm: prizes removed, added, with less stock or other
//                     odds; the boxes; the pool model, sold-out policy and
//                     pacing.
//
// Uses the campaign, the calendar and the counters (reads only); no JSON.

#pragma once

#include "blindbox/campaign.h"
#include "blindbox/counters.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blindbox {

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

enum class ChangeKind { removed, added, stock, odds, boxes, pool, sold_out, pacing };
std::string_view to_string(ChangeKind kind);

// One change players would notice on the day. Prize changes name the prize;
// `before` and `after` are texts ("2", "1/10", "deck"), empty where a side has
// none (a deck's boxes in an odds campaign).
struct CampaignChange {
    ChangeKind kind = ChangeKind::stock;
    std::string prize_id;
    std::string prize_name;
    std::string before;
    std::string after;
};

// The changes in the order the console lists them: each prize of the current
// table (removed, less stock, other odds), then the added prizes, then the
// boxes, the pool model, the sold-out policy and pacing.
std::vector<CampaignChange> changes_on_day(const Campaign& current, const Campaign& proposed,
                                           DayNumber day);

} // namespace blindbox

// The rules between a campaign's fields, each problem pointed at the field at fault.
//
// A definition's fields are each valid on their own before these rules apply:
// they say which combinations a campaign may hold. Each problem comes back as
// a ValidationError: the RFC 6901 pointer of the field in the campaign
// document (kv-schema/campaign.schema.json names the fields as the model
// does) and a plain message. The rules are checked one field at a time, so a
// reader can report them in the order it meets the fields, between its own
// problems of type and format (blindbox/campaign_json.h).
//
// The rules:
//   - sold_out "redistribute" and pacing "even" apply to the odds model only;
//   - a date override's day lies inside the campaign window;
//   - the pity rule names each prize once, and only prizes that the default
//     table or a date override holds.

#pragma once

#include "blindbox/campaign.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace blindbox {

// One problem in a definition: where (RFC 6901 JSON pointer) and what.
struct ValidationError {
    std::string pointer;
    std::string message;
};

// sold_out "redistribute" shares odds out; a deck has none (at /sold_out).
std::optional<ValidationError> sold_out_problem(const Campaign& campaign);

// pacing "even" releases odds over the day; a shuffled deck needs no pacing
// (at /pacing).
std::optional<ValidationError> pacing_problem(const Campaign& campaign);

// A date override on `day` must lie in the campaign's window
// (at /date_overrides/<day>).
std::optional<ValidationError> override_day_problem(const Campaign& campaign, DayNumber day);

// The prizes a pity rule names, checked one at a time in the order written:
// each is named once only, and each is a prize of the default table or of a
// date override. Built once the campaign's tables are read; with
// `tables_complete` false (a table could not be read) only repeats are
// reported, not prizes missing because their table is missing.
class PityPrizeRules {
  public:
    PityPrizeRules(const Campaign& campaign, bool tables_complete);

    // The problem with `prize_id`, named at /pity/prizes/<position>, or nullopt.
    // Every call counts the prize as named, problem or not.
    std::optional<ValidationError> check(const std::string& prize_id, size_t position);

  private:
    bool tables_complete_;
    std::set<std::string> prize_ids_in_tables_;
    std::set<std::string> named_;
};

} // namespace blindbox

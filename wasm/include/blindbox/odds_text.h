// Odds as an operator writes them and as people read them.
//
// The console edits odds as text and shows, for every prize, its share as a
// percentage and as "1 in N", the table's total and blank share, and how a
// change compares with the odds saved before. None of that is computed in
// JavaScript: this file reads odds text with the campaign parser's grammar and
// messages (odds.h's parse_odds), sums and compares exactly, and formats the
// percentages the pages print, rounding with integers.
//
// Uses only odds.h; no JSON, no I/O.

#pragma once

#include "blindbox/odds.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blindbox {

// The campaign parser's messages for a prize's odds (at "/.../odds").
inline constexpr std::string_view odds_format_problem =
    "must be a decimal like \"0.05\" (at most 9 places) or a fraction like \"1/144\" "
    "(denominator at most 1000000000), written as a string";
std::string odds_above_one_problem(std::string_view text); // "must be at most 1 (got 2)"

// One odds text read as a prize's odds: the fraction, or the problem the
// campaign parser reports for it.
struct OddsReading {
    std::optional<Fraction> odds;
    std::string problem; // empty when `odds` is set
};
OddsReading read_odds_text(std::string_view text);

// The share as a percentage the way the player page prints it: the 9-place
// decimal with its point moved two places, rounded half up to `places`
// digits ("0.0500%"); a non-zero share that would round to zero keeps all its
// digits ("0.0000001%"); zero is "0%".
std::string percent_text(const Fraction& share, int places);
// The share as the simulation page prints it: 2 places, or 4 below 1%
// (where 2 would say little): "33.33%", "0.6944%".
std::string percent_short(const Fraction& share);
// The share as the console prints it: 1 fraction digit from 10% up and for
// zero, 2 from 1%, 3 from 0.01%, else 4; rounded half up, trailing zeros
// dropped ("5%", "0.694%").
std::string percent_brief(const Fraction& share);
// N of "1 in N": 1 / share rounded half up; nothing for a zero share.
std::optional<u128> one_in(const Fraction& share);
// A fraction as the core writes it ("1/144", "0/1"; any size up to 38 digits
// each side, denominator not zero), or nothing. Not the operator's grammar:
// effective odds have denominators far above what an operator may write.
std::optional<Fraction> parse_fraction_text(std::string_view text);
// A share as the core writes it: a fraction text of at most 36 digits each
// side (so the formatting below stays within 128 bits) and at most 1.
std::optional<Fraction> parse_share_text(std::string_view text);
// -1, 0 or 1 as a is below, equal to or above b.
int compare(const Fraction& a, const Fraction& b);

// A table of odds texts summed as the campaign parser sums them.
struct OddsTableSum {
    std::optional<Fraction> total; // empty when an entry is not valid odds or no common denominator
    bool over_one = false;
    std::string problem; // the parser's message for the table ("odds add up to ..."), or empty
};
OddsTableSum sum_odds(const std::vector<OddsReading>& entries);

} // namespace blindbox

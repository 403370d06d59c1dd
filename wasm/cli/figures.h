// Numbers as the `blindbox` commands print them: counts with their noun, and
// exact odds as a fraction and a percentage.
//
// Percentages come from the core's exact Fraction (blindbox/odds.h), as the
// fraction's own decimal digits shifted, never through floating point, so the
// text matches the disclosure to the last digit. Uses only the core.

#pragma once

#include "blindbox/odds.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace blindbox::cli {

// "1 day", "3 days".
std::string plural(int64_t count, std::string_view noun);

// "6.5000%": the fraction as a percentage with four decimals, rounded half up.
std::string percent_text(const Fraction& fraction);

// "13/200 = 6.5000%".
std::string fraction_and_percent(const Fraction& fraction);

} // namespace blindbox::cli

// Counts and exact odds as text (see figures.h).

#include "figures.h"

#include <algorithm>

namespace blindbox::cli {

std::string plural(int64_t count, std::string_view noun) {
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string percent_text(const Fraction& fraction) {
    // The fraction's six-place decimal ("0.065000") is the percentage with
    // four decimals, shifted two places.
    const std::string decimal = fraction.to_decimal(6);
    const size_t point = decimal.find('.');
    std::string whole = decimal.substr(0, point) + decimal.substr(point + 1, 2);
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
    return whole + "." + decimal.substr(point + 3) + "%";
}

std::string fraction_and_percent(const Fraction& fraction) {
    return fraction.to_string() + " = " + percent_text(fraction);
}

} // namespace blindbox::cli

#include "blindbox/odds_text.h"

namespace blindbox {

namespace {

bool all_zeros(std::string_view digits) {
    return digits.find_first_not_of('0') == std::string_view::npos;
}

// The digit string plus one, keeping its width unless it carries out.
std::string increment(std::string digits) {
    for (size_t i = digits.size(); i-- > 0;) {
        if (digits[i] != '9') {
            ++digits[i];
            return digits;
        }
        digits[i] = '0';
    }
    return "1" + digits;
}

// integer.rest rounded half up to `places` fraction digits.
std::string round_digits(const std::string& integer, std::string rest, int places) {
    const auto kept = static_cast<size_t>(places);
    rest.resize(std::max(rest.size(), kept + 1), '0');
    std::string digits = integer + rest.substr(0, kept);
    if (rest[kept] >= '5') digits = increment(digits);
    std::string head = digits.substr(0, digits.size() - kept);
    if (head.empty()) head = "0";
    return places > 0 ? head + "." + digits.substr(digits.size() - kept) : head;
}

} // namespace

std::string odds_above_one_problem(std::string_view text) {
    return "must be at most 1 (got " + std::string(text) + ")";
}

OddsReading read_odds_text(std::string_view text) {
    OddsReading reading;
    std::optional<Fraction> parsed = parse_odds(text);
    if (!parsed) {
        reading.problem = std::string(odds_format_problem);
    } else if (Fraction::make(1, 1) < *parsed) {
        reading.problem = odds_above_one_problem(text);
    } else {
        reading.odds = parsed;
    }
    return reading;
}

std::string percent_text(const Fraction& share, int places) {
    const std::string decimal = share.to_decimal(9);
    const size_t point = decimal.find('.');
    std::string fraction = decimal.substr(point + 1);
    fraction.resize(std::max<size_t>(fraction.size(), 2), '0');
    std::string integer = decimal.substr(0, point) + fraction.substr(0, 2);
    const size_t first = integer.find_first_not_of('0');
    integer = first == std::string::npos ? "0" : integer.substr(first);
    const std::string rest = fraction.substr(2);
    if (all_zeros(integer + rest)) return "0%";
    const auto kept = static_cast<size_t>(places);
    if (all_zeros(integer) && all_zeros(rest.substr(0, kept)) && rest.size() > kept) {
        const size_t last = rest.find_last_not_of('0');
        return "0." + rest.substr(0, last + 1) + "%";
    }
    return round_digits(integer, rest, places) + "%";
}

std::string percent_short(const Fraction& share) {
    std::string rough = percent_text(share, 2);
    return rough.rfind("0.", 0) == 0 ? percent_text(share, 4) : rough;
}

std::string percent_brief(const Fraction& share) {
    const Fraction percent = Fraction::make(share.numerator * 100, share.denominator);
    int places = 4;
    if (percent.is_zero() || !(percent < Fraction::make(10, 1))) {
        places = 1;
    } else if (!(percent < Fraction::make(1, 1))) {
        places = 2;
    } else if (!(percent < Fraction::make(1, 100))) {
        places = 3;
    }
    std::string text = percent.to_decimal(places);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text + "%";
}

std::optional<u128> one_in(const Fraction& share) {
    if (share.is_zero()) return std::nullopt;
    return (2 * share.denominator + share.numerator) / (2 * share.numerator);
}

std::optional<Fraction> parse_fraction_text(std::string_view text) {
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    auto digits = [](std::string_view part) -> std::optional<u128> {
        if (part.empty() || part.size() > 38) return std::nullopt;
        u128 value = 0;
        for (char c : part) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + static_cast<unsigned>(c - '0');
        }
        return value;
    };
    auto numerator = digits(text.substr(0, slash));
    auto denominator = digits(text.substr(slash + 1));
    if (!numerator || !denominator || *denominator == 0) return std::nullopt;
    return Fraction::make(*numerator, *denominator);
}

std::optional<Fraction> parse_share_text(std::string_view text) {
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos || slash > 36 || text.size() - slash - 1 > 36)
        return std::nullopt;
    auto share = parse_fraction_text(text);
    if (!share || Fraction::make(1, 1) < *share) return std::nullopt;
    return share;
}

int compare(const Fraction& a, const Fraction& b) {
    if (a < b) return -1;
    return b < a ? 1 : 0;
}

OddsTableSum sum_odds(const std::vector<OddsReading>& entries) {
    OddsTableSum sum;
    uint64_t common = 1;
    for (const OddsReading& entry : entries) {
        if (!entry.odds) return sum;
        auto next = lcm_within(common, static_cast<uint64_t>(entry.odds->denominator),
                               max_common_denominator);
        if (!next) {
            sum.problem = "the odds have no common denominator below 2^62; write them as "
                          "decimals or as fractions sharing denominators";
            return sum;
        }
        common = *next;
    }
    u128 weight = 0;
    for (const OddsReading& entry : entries)
        weight += entry.odds->numerator * (common / entry.odds->denominator);
    sum.total = Fraction::make(weight, common);
    sum.over_one = weight > common;
    if (sum.over_one) {
        sum.problem = "odds add up to " + sum.total->to_string() + " (" + sum.total->to_decimal(9) +
                      "), more than 1";
    }
    return sum;
}

} // namespace blindbox

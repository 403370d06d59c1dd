// Exact odds.
//
// Odds are never floats, so no published rate is rounded to a whole percent
// and no slot is lost to float rounding (0.29 of 100 slots stays 29). An
// operator writes them as exact decimals ("0.05", at most 9 places) or as
// fractions ("1/144", denominator at most 10^9), and every sum, comparison and
// effective-odds figure is computed with integers.
//
// A day's odds table is put on one common denominator (the least common
// multiple of the prizes' denominators), so a draw is a single uniform integer
// below that denominator compared against integer weights. Tables whose common
// denominator would pass 2^62 are rejected when the campaign is validated, which
// keeps every product below in 128-bit range.

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blindbox {

using u128 = unsigned __int128;

// Largest denominator an operator may write, and the largest common
// denominator a day's table may reach.
inline constexpr uint64_t max_written_denominator = 1'000'000'000;
inline constexpr uint64_t max_common_denominator = uint64_t{1} << 62;

// An exact non-negative fraction. Reduced whenever built through make().
// Numerator and denominator are 128-bit so that effective odds (a product of
// two 62-bit fractions) stay exact.
struct Fraction {
    u128 numerator = 0;
    u128 denominator = 1;

    // Reduced fraction n/d; d must not be zero.
    static Fraction make(u128 n, u128 d);

    bool is_zero() const { return numerator == 0; }
    // "1/144", "0/1", "1/1".
    std::string to_string() const;
    // Decimal text rounded half up to `places` digits after the point ("0.006944444").
    std::string to_decimal(int places = 9) const;
};

bool operator==(const Fraction& a, const Fraction& b);
// Exact ordering; needs no division.
bool operator<(const Fraction& a, const Fraction& b);

// Parses operator-written odds: a decimal with at most 9 places ("0.05", "1",
// ".5" is not accepted) or a fraction "n/d" with 1 <= d <= 10^9. Values above 1
// parse (so the validator can say "above 1" rather than "malformed"); returns
// nullopt for anything else.
std::optional<Fraction> parse_odds(std::string_view text);

u128 gcd(u128 a, u128 b);
// Least common multiple, or nullopt when it would exceed `limit`.
std::optional<uint64_t> lcm_within(uint64_t a, uint64_t b, uint64_t limit);

// Odds written over one denominator: odds[i] == weights[i] / denominator.
struct CommonDenominator {
    uint64_t denominator = 1;
    std::vector<uint64_t> weights;
    u128 total_weight = 0; // above `denominator` when the odds add up to more than 1
};

// Puts fractions of at most 1 on their least common denominator. Returns
// nullopt when that denominator would pass `limit`.
std::optional<CommonDenominator> common_denominator(const std::vector<Fraction>& odds,
                                                    uint64_t limit = max_common_denominator);

// Decimal digits of a 128-bit integer.
std::string u128_to_string(u128 value);

} // namespace blindbox

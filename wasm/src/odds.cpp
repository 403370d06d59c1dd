#include "blindbox/odds.h"

namespace blindbox {

u128 gcd(u128 a, u128 b) {
    while (b != 0) {
        u128 r = a % b;
        a = b;
        b = r;
    }
    return a;
}

std::optional<uint64_t> lcm_within(uint64_t a, uint64_t b, uint64_t limit) {
    if (a == 0 || b == 0) return std::nullopt;
    u128 l = u128{a} / gcd(a, b) * b;
    if (l > limit) return std::nullopt;
    return static_cast<uint64_t>(l);
}

std::optional<CommonDenominator> common_denominator(const std::vector<Fraction>& odds,
                                                    uint64_t limit) {
    CommonDenominator result;
    for (const Fraction& fraction : odds) {
        auto next =
            lcm_within(result.denominator, static_cast<uint64_t>(fraction.denominator), limit);
        if (!next) return std::nullopt;
        result.denominator = *next;
    }
    for (const Fraction& fraction : odds) {
        const auto weight =
            static_cast<uint64_t>(fraction.numerator * (result.denominator / fraction.denominator));
        result.weights.push_back(weight);
        result.total_weight += weight;
    }
    return result;
}

Fraction Fraction::make(u128 n, u128 d) {
    u128 g = gcd(n, d);
    if (g == 0) g = 1;
    return Fraction{n / g, d / g};
}

bool operator==(const Fraction& a, const Fraction& b) {
    return a.numerator == b.numerator && a.denominator == b.denominator;
}

bool operator<(const Fraction& a, const Fraction& b) {
    // Compare a.n/a.d with b.n/b.d by continued-fraction steps, which never
    // multiplies and so cannot overflow.
    u128 an = a.numerator, ad = a.denominator, bn = b.numerator, bd = b.denominator;
    bool flipped = false;
    for (;;) {
        u128 aq = an / ad, bq = bn / bd;
        if (aq != bq) return flipped ? aq > bq : aq < bq;
        u128 ar = an % ad, br = bn % bd;
        if (ar == 0 || br == 0) {
            if (ar == br) return false;
            // The one with remainder zero is smaller (before flipping).
            return flipped ? br == 0 : ar == 0;
        }
        // a = q + ar/ad, b = q + br/bd: compare ad/ar with bd/br, reversed.
        an = ad;
        ad = ar;
        bn = bd;
        bd = br;
        flipped = !flipped;
    }
}

std::string u128_to_string(u128 value) {
    if (value == 0) return "0";
    char digits[40];
    int count = 0;
    while (value != 0) {
        digits[count++] = static_cast<char>('0' + static_cast<int>(value % 10));
        value /= 10;
    }
    std::string text;
    text.reserve(count);
    while (count > 0)
        text.push_back(digits[--count]);
    return text;
}

std::string Fraction::to_string() const {
    return u128_to_string(numerator) + "/" + u128_to_string(denominator);
}

std::string Fraction::to_decimal(int places) const {
    u128 whole = numerator / denominator;
    u128 rest = numerator % denominator;
    std::string fraction_digits;
    for (int i = 0; i < places; ++i) {
        // rest < denominator <= 2^126 in practice (effective odds stay below
        // 2^124), so rest * 10 does not overflow.
        rest *= 10;
        fraction_digits.push_back(static_cast<char>('0' + static_cast<int>(rest / denominator)));
        rest %= denominator;
    }
    // Round half up, carrying through the digits.
    if (rest * 2 >= denominator) {
        int i = places - 1;
        for (; i >= 0; --i) {
            if (fraction_digits[i] == '9') {
                fraction_digits[i] = '0';
            } else {
                ++fraction_digits[i];
                break;
            }
        }
        if (i < 0) ++whole;
    }
    std::string text = u128_to_string(whole);
    if (places > 0) text += "." + fraction_digits;
    return text;
}

namespace {

bool parse_digits(std::string_view text, uint64_t limit, uint64_t& out) {
    if (text.empty() || text.size() > 19) return false;
    uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<uint64_t>(c - '0');
    }
    if (value > limit) return false;
    out = value;
    return true;
}

} // namespace

std::optional<Fraction> parse_odds(std::string_view text) {
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
        uint64_t n = 0, d = 0;
        if (!parse_digits(text.substr(0, slash), max_written_denominator * 10, n)) {
            return std::nullopt;
        }
        if (!parse_digits(text.substr(slash + 1), max_written_denominator, d) || d == 0) {
            return std::nullopt;
        }
        return Fraction::make(n, d);
    }
    auto point = text.find('.');
    std::string_view whole = text.substr(0, point);
    std::string_view places =
        point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    uint64_t whole_value = 0, places_value = 0;
    if (!parse_digits(whole, 9, whole_value)) return std::nullopt;
    if (point != std::string_view::npos) {
        if (places.empty() || places.size() > 9) return std::nullopt;
        if (!parse_digits(places, 999'999'999, places_value)) return std::nullopt;
    }
    uint64_t scale = 1;
    for (size_t i = 0; i < places.size(); ++i)
        scale *= 10;
    return Fraction::make(u128{whole_value} * scale + places_value, scale);
}

} // namespace blindbox

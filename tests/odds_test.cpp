#include "blindbox/odds.h"

#include <doctest/doctest.h>

using namespace blindbox;

TEST_CASE("odds are read exactly from decimals and fractions") {
    SUBCASE("decimals keep every digit") {
        CHECK(parse_odds("0.05") == Fraction::make(1, 20));
        CHECK(parse_odds("0.29") == Fraction::make(29, 100));
        CHECK(parse_odds("0.57") == Fraction::make(57, 100));
        CHECK(parse_odds("0.123456789") == Fraction::make(123456789, 1000000000));
        CHECK(parse_odds("1") == Fraction::make(1, 1));
        CHECK(parse_odds("0") == Fraction::make(0, 1));
        CHECK(parse_odds("1.0") == Fraction::make(1, 1));
    }
    SUBCASE("fractions are reduced") {
        CHECK(parse_odds("1/144") == Fraction::make(1, 144));
        CHECK(parse_odds("2/288") == Fraction::make(1, 144));
        CHECK(parse_odds("0/7") == Fraction::make(0, 1));
        CHECK(parse_odds("1/1000000000") == Fraction::make(1, 1000000000));
    }
    SUBCASE("values above 1 still parse, so the validator can say so") {
        CHECK(parse_odds("3/2") == Fraction::make(3, 2));
        CHECK(parse_odds("1.5") == Fraction::make(3, 2));
    }
    SUBCASE("anything else is refused") {
        for (const char* bad :
             {"", ".5", "5.", "0.1234567891", "1/0", "1/1000000001", "-0.1", "0,5", "1e-3", " 0.5",
              "0.5 ", "1/", "/2", "1/2/3", "abc", "0x10", "+0.5"}) {
            CAPTURE(bad);
            CHECK_FALSE(parse_odds(bad).has_value());
        }
    }
}

TEST_CASE("fractions compare exactly, with no floating point") {
    CHECK(Fraction::make(1, 3) < Fraction::make(1, 2));
    CHECK_FALSE(Fraction::make(1, 2) < Fraction::make(1, 3));
    CHECK_FALSE(Fraction::make(2, 4) < Fraction::make(1, 2));
    CHECK(Fraction::make(999999999, 1000000000) < Fraction::make(1, 1));
    CHECK(Fraction::make(0, 1) < Fraction::make(1, 1000000000));
    CHECK(Fraction::make(5, 1) < Fraction::make(11, 2));
    // Numbers whose cross products would overflow 128 bits still compare.
    const u128 big = (u128{1} << 126) + 1;
    CHECK(Fraction{big - 1, big} < Fraction{big, big + 1});
}

TEST_CASE("fractions print as reduced text and rounded decimals") {
    CHECK(Fraction::make(1, 144).to_string() == "1/144");
    CHECK(Fraction::make(1, 144).to_decimal(9) == "0.006944444");
    CHECK(Fraction::make(2, 3).to_decimal(4) == "0.6667");
    CHECK(Fraction::make(1, 2).to_decimal(0) == "1");
    CHECK(Fraction::make(9999999, 10000000).to_decimal(3) == "1.000");
    CHECK(Fraction::make(0, 5).to_decimal(2) == "0.00");
    CHECK(u128_to_string((u128{1} << 100)) == "1267650600228229401496703205376");
}

TEST_CASE("common denominators stay within their limit") {
    CHECK(lcm_within(144, 100, max_common_denominator) == 3600u);
    CHECK(lcm_within(1000000000, 999999999, max_common_denominator) == 999999999000000000u);
    CHECK_FALSE(lcm_within(1000000000, 999999999, 1000000000).has_value());
}

TEST_CASE("a day's odds go on their least common denominator as exact weights") {
    SUBCASE("weights over the least common multiple of the denominators") {
        const auto common = common_denominator(
            {Fraction::make(1, 10), Fraction::make(1, 5), Fraction::make(1, 144)});
        REQUIRE(common.has_value());
        CHECK(common->denominator == 720);
        CHECK(common->weights == std::vector<uint64_t>{72, 144, 5});
        CHECK(common->total_weight == 221);
    }
    SUBCASE("odds adding up to more than 1 keep their sum, for the validator to refuse") {
        const auto common = common_denominator({Fraction::make(2, 3), Fraction::make(1, 2)});
        REQUIRE(common.has_value());
        CHECK(common->denominator == 6);
        CHECK(common->total_weight == 7);
    }
    SUBCASE("zero odds weigh nothing, and no odds at all sit on 1") {
        const auto zero = common_denominator({Fraction::make(0, 1), Fraction::make(1, 7)});
        REQUIRE(zero.has_value());
        CHECK(zero->weights == std::vector<uint64_t>{0, 1});
        const auto none = common_denominator({});
        REQUIRE(none.has_value());
        CHECK(none->denominator == 1);
        CHECK(none->total_weight == 0);
    }
    SUBCASE("a denominator past the limit is refused") {
        // Distinct primes near 10^9: their product passes 2^62 at the third.
        const std::vector<Fraction> primes = {Fraction::make(1, 999999937),
                                              Fraction::make(1, 999999929),
                                              Fraction::make(1, 999999893)};
        CHECK_FALSE(common_denominator(primes).has_value());
        CHECK(common_denominator({primes[0], primes[1]}).has_value());
        CHECK_FALSE(common_denominator({primes[0], primes[1]}, 1'000'000'000).has_value());
    }
}

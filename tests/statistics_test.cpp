// Goodness of fit: over a million simulated draws, outcomes must follow the
// published odds (odds model) and the deck's composition at every position
// (deck model), by Pearson's chi-square test at 99% confidence. Seeds are
// fixed, so a pass or fail is reproducible, never a flake.

#include "blindbox/draw.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace blindbox;
using namespace blindbox::test;

namespace {

// Upper 1% point of chi-square with `df` degrees of freedom (Wilson-Hilferty;
// accurate to well under 1% for df >= 10).
double chi_square_critical_99(double df) {
    const double z = 2.3263478740408408; // standard normal 99th percentile
    const double a = 2.0 / (9.0 * df);
    return df * std::pow(1.0 - a + z * std::sqrt(a), 3.0);
}

double chi_square(const std::vector<double>& observed, const std::vector<double>& expected) {
    double sum = 0;
    for (size_t i = 0; i < observed.size(); ++i) {
        const double d = observed[i] - expected[i];
        sum += d * d / expected[i];
    }
    return sum;
}

} // namespace

TEST_CASE("a million odds-model draws follow the published odds (chi-square, 99%)") {
    json document = base_campaign();
    json prizes = json::array();
    // 20 prizes with odds 1/1000 .. 20/1000 (total 0.21), mixing fractions and decimals.
    for (int i = 1; i <= 20; ++i) {
        prizes.push_back(
            {{"id", "p" + std::to_string(i)},
             {"name", "Prize " + std::to_string(i)},
             {"stock", 1000000000},
             {"odds", i % 2 ? std::to_string(i) + "/1000"
                            : "0.0" + std::string(i < 10 ? "0" : "") + std::to_string(i)}});
    }
    document["prize_table"]["prizes"] = prizes;
    Campaign campaign = must_parse(document);
    const PrizeTable& table = campaign.default_table;
    REQUIRE(table.total_weight * 1000 == table.common_denominator * 210);

    const int draws = 1'000'000;
    std::vector<double> observed(21, 0);
    std::vector<int64_t> issued(20, 0);
    for (int i = 0; i < draws; ++i) {
        ArrayDayStock stock(issued.data(), issued.size(), 0);
        Decision d = decide(campaign, table, 0, stock, 0, entropy_from_seed(2026, i));
        ++observed[d.win() ? d.prize : 20];
    }
    std::vector<double> expected(21);
    for (int i = 0; i < 20; ++i)
        expected[i] = draws * (i + 1) / 1000.0;
    expected[20] = draws * 0.79;
    const double statistic = chi_square(observed, expected);
    CAPTURE(statistic);
    CHECK(statistic < chi_square_critical_99(20));
}

TEST_CASE("a deck's boxes come out in a uniformly random order (chi-square, 99%)") {
    json document = base_campaign();
    document["pool"] = "deck";
    document["prize_table"] = json::parse(R"({"boxes": 50, "prizes": [
        {"id": "a", "name": "A", "stock": 1}, {"id": "b", "name": "B", "stock": 2},
        {"id": "c", "name": "C", "stock": 3}, {"id": "d", "name": "D", "stock": 4},
        {"id": "e", "name": "E", "stock": 5}
    ]})");
    Campaign campaign = must_parse(document);
    const PrizeTable& table = campaign.default_table;
    const int boxes = 50, categories = 6, decks = 20'000; // 1,000,000 draws
    const double composition[categories] = {1, 2, 3, 4, 5, 35};

    // observed[position * categories + category]
    std::vector<double> observed(boxes * categories, 0);
    uint64_t index = 0;
    for (int deck = 0; deck < decks; ++deck) {
        std::vector<int64_t> issued(5, 0);
        for (int position = 0; position < boxes; ++position) {
            ArrayDayStock stock(issued.data(), issued.size(), position);
            Decision d = decide(campaign, table, 0, stock, 0, entropy_from_seed(99, index++));
            const int category = d.win() ? d.prize : 5;
            if (d.win()) ++issued[d.prize];
            ++observed[position * categories + category];
        }
        // Every deck deals exactly its composition.
        REQUIRE(issued == std::vector<int64_t>{1, 2, 3, 4, 5});
    }
    std::vector<double> expected(boxes * categories);
    for (int position = 0; position < boxes; ++position) {
        for (int c = 0; c < categories; ++c) {
            expected[position * categories + c] = decks * composition[c] / boxes;
        }
    }
    const double statistic = chi_square(observed, expected);
    CAPTURE(statistic);
    // Each position's row sums to `decks`: (categories - 1) free cells per position.
    CHECK(statistic < chi_square_critical_99(boxes * (categories - 1)));
}

TEST_CASE("the chi-square check itself rejects a biased draw") {
    // A sanity check on the test's own arithmetic: 1% too many wins on a
    // million draws must fail the test above.
    std::vector<double> expected = {500000, 500000};
    std::vector<double> observed = {505000, 495000};
    CHECK(chi_square(observed, expected) > chi_square_critical_99(1) * 10);
    CHECK(chi_square_critical_99(20) == doctest::Approx(37.566).epsilon(0.01));
    CHECK(chi_square_critical_99(250) == doctest::Approx(304.94).epsilon(0.01));
}

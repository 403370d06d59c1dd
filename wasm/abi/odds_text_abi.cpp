// bb_odds_text: odds texts, sums, comparisons and shares as the console and
// the player page show them (see blindbox.h).

#include "abi_support.h"
#include "blindbox/odds_text.h"

#include <vector>

namespace blindbox::abi {

json share_json(const Fraction& share) {
    auto n = one_in(share);
    return {{"fraction", share.to_string()},
            {"decimal", share.to_decimal(9)},
            {"percent", percent_text(share, 4)},
            {"percent_short", percent_short(share)},
            {"percent_brief", percent_brief(share)},
            {"one_in", n ? json(static_cast<uint64_t>(*n)) : json(nullptr)}};
}

namespace {

constexpr size_t max_odds_entries = 4096;

// Reads an array of odds texts (any other value reads as malformed odds).
std::optional<std::vector<OddsReading>> read_odds_list(Request& request, const char* key,
                                                       bool required) {
    const json* list = request.check.field(request.document, key, "", required);
    if (!list) {
        if (required) return std::nullopt;
        return std::vector<OddsReading>{};
    }
    if (!list->is_array() || list->size() > max_odds_entries) {
        request.check.fail(std::string("/") + key,
                           "must be an array of at most 4096 odds texts (null for none)");
        return std::nullopt;
    }
    std::vector<OddsReading> readings;
    for (const json& item : *list) {
        readings.push_back(item.is_string()
                               ? read_odds_text(item.get_ref<const std::string&>())
                               : OddsReading{std::nullopt, std::string(odds_format_problem)});
    }
    return readings;
}

std::string_view order_word(int order) {
    return order < 0 ? "lower" : order > 0 ? "higher" : "same";
}

// An optional array field of a bb_odds_text request, of at most
// max_odds_entries items, each turned into one entry of the reply by
// `entry_of`: [] when absent, nullopt (reported as `problem`) when not such an
// array.
template <typename EntryOf>
std::optional<json> map_entries(Request& request, const char* key, const char* problem,
                                EntryOf entry_of) {
    const json* list = request.check.field(request.document, key, "", false);
    json out = json::array();
    if (!list) return out;
    if (!list->is_array() || list->size() > max_odds_entries) {
        request.check.fail(std::string("/") + key, problem);
        return std::nullopt;
    }
    for (const json& item : *list)
        out.push_back(entry_of(item));
    return out;
}

// The "pairs" of a bb_odds_text request: [[a, b], ...] of fractions as the core
// writes them, each compared: "lower", "same" or "higher" (a against b), or
// null where either is not such a fraction.
std::optional<json> compare_pairs(Request& request) {
    return map_entries(
        request, "pairs", "must be an array of at most 4096 pairs [\"1/3\", \"1/4\"]",
        [](const json& pair) {
            std::optional<Fraction> sides[2];
            const bool ok = pair.is_array() && pair.size() == 2;
            for (size_t i = 0; ok && i < 2; ++i) {
                if (pair[i].is_string())
                    sides[i] = parse_fraction_text(pair[i].get_ref<const std::string&>());
            }
            return sides[0] && sides[1] ? json(order_word(compare(*sides[0], *sides[1])))
                                        : json(nullptr);
        });
}

// The "shares" of a bb_odds_text request: fractions as the core writes them
// (an odds report's), each formatted as a share, or null where not one.
std::optional<json> format_shares(Request& request) {
    return map_entries(request, "shares",
                       "must be an array of at most 4096 fractions like \"1/144\"",
                       [](const json& item) {
                           auto share = item.is_string()
                                            ? parse_share_text(item.get_ref<const std::string&>())
                                            : std::nullopt;
                           return share ? share_json(*share) : json(nullptr);
                       });
}

json odds_entry_json(const OddsReading& reading, const OddsReading* previous) {
    if (!reading.odds) return {{"valid", false}, {"problem", reading.problem}};
    json out = share_json(*reading.odds);
    out["valid"] = true;
    out["compared"] = nullptr;
    if (previous && previous->odds) {
        out["compared"] = order_word(compare(*reading.odds, *previous->odds));
    }
    return out;
}

} // namespace

} // namespace blindbox::abi

using namespace blindbox;
using namespace blindbox::abi;

BB_EXPORT(bb_odds_text) int32_t bb_odds_text(const char* data, uint32_t size) {
    Request request;
    if (auto refused = open_request(data, size, {"odds", "previous", "pairs", "shares"}, request))
        return *refused;
    auto odds = read_odds_list(request, "odds", false);
    auto previous = read_odds_list(request, "previous", false);
    auto pairs = compare_pairs(request);
    auto shares = format_shares(request);
    if (!odds || !previous || !pairs || !shares) return invalid_request(request);
    json entries = json::array();
    for (size_t i = 0; i < odds->size(); ++i) {
        entries.push_back(
            odds_entry_json((*odds)[i], i < previous->size() ? &(*previous)[i] : nullptr));
    }
    const OddsTableSum sum = sum_odds(*odds);
    json out = {{"prizes", std::move(entries)},
                {"total", sum.total ? share_json(*sum.total) : json(nullptr)},
                {"over_one", sum.over_one},
                {"blank", nullptr},
                {"problem", sum.problem.empty() ? json(nullptr) : json(sum.problem)},
                {"pairs", std::move(*pairs)},
                {"shares", std::move(*shares)}};
    if (sum.total && !sum.over_one) {
        const Fraction& total = *sum.total;
        out["blank"] =
            share_json(Fraction::make(total.denominator - total.numerator, total.denominator));
    }
    return reply(BB_OK, dump_json(out));
}

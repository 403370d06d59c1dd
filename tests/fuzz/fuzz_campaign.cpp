// libFuzzer target: the campaign parser and validator.
//
// An input is a campaign document (the seeds are kv-schema/examples). It goes
// through parse_campaign and through the ABI's bb_validate and
// bb_campaign_load, which must agree. A refused document must come with
// errors that each carry a JSON pointer and a message; an accepted one must
// keep the validator's promises (unique prize ids, weights on one common
// denominator adding up to at most 1, deck stock within its boxes) and then
// work with every call that reads a campaign: its summary, the odds and a
// decision on its first and last days and on a few overridden days, and a
// small simulation. tests/wasm/fuzz-replay.mjs makes the same ABI calls on
// the WASI build.

#include "fuzz_support.h"

#include "blindbox/draw.h"
#include "blindbox/reports.h"

#include <set>
#include <vector>

using namespace blindbox;
using namespace blindbox::fuzz;

namespace {

void check_table(const Campaign& campaign, const PrizeTable& table) {
    FUZZ_CHECK(!table.prizes.empty() && table.prizes.size() <= max_prizes,
               std::to_string(table.prizes.size()) + " prizes");
    std::set<std::string> ids;
    u128 weights = 0;
    u128 stock = 0;
    for (const Prize& prize : table.prizes) {
        FUZZ_CHECK(ids.insert(prize.id).second, "duplicate prize id " + prize.id);
        FUZZ_CHECK(is_valid_id(prize.id), prize.id);
        FUZZ_CHECK(prize.stock >= 0 && prize.stock <= max_stock, std::to_string(prize.stock));
        weights += prize.weight;
        stock += static_cast<u128>(prize.stock);
    }
    if (campaign.pool == PoolModel::deck) {
        FUZZ_CHECK(table.boxes >= 1 && stock <= static_cast<u128>(table.boxes),
                   std::to_string(table.boxes) + " boxes");
    } else {
        FUZZ_CHECK(table.common_denominator >= 1 &&
                       table.common_denominator <= max_common_denominator,
                   std::to_string(table.common_denominator));
        FUZZ_CHECK(weights == table.total_weight && weights <= table.common_denominator,
                   u128_to_string(weights) + " of " + std::to_string(table.common_denominator));
    }
}

// The odds report and one decision on `day`, with nothing issued and with
// every prize gone.
void exercise_day(const Campaign& campaign, DayNumber day) {
    const PrizeTable& table = campaign.table_for(day);
    check_table(campaign, table);
    std::vector<int64_t> issued(table.prizes.size(), 0);
    for (const int64_t seconds : {int64_t{0}, campaign.opening_seconds() / 2}) {
        for (const bool sold_out : {false, true}) {
            for (size_t i = 0; i < table.prizes.size(); ++i)
                issued[i] = sold_out ? table.prizes[i].stock : 0;
            ArrayDayStock stock(issued.data(), issued.size(), sold_out ? table.boxes - 1 : 0);
            const OddsReport report = odds_now(campaign, day, seconds, stock);
            FUZZ_CHECK(!(Fraction::make(1, 1) < report.win_disclosed),
                       report.win_disclosed.to_string());
            const std::string report_text = odds_report_json(campaign, report);
            FUZZ_CHECK(!parse_or_discard(report_text).is_discarded(), report_text);
            Entropy entropy;
            for (size_t i = 0; i < entropy.bytes.size(); ++i)
                entropy.bytes[i] = static_cast<uint8_t>(i * 37 + seconds);
            const int64_t pity_streak = seconds == 0 ? 0 : 1'000'000; // without and with pity
            const Decision decision = decide(campaign, table, seconds, stock, pity_streak, entropy);
            FUZZ_CHECK(decision.prize < static_cast<int>(table.prizes.size()),
                       std::to_string(decision.prize));
            if (sold_out) FUZZ_CHECK(!decision.win(), "a prize with no stock left was won");
        }
    }
}

int32_t call_text(int32_t (*entry)(int32_t, const char*, uint32_t), int32_t handle,
                  const std::string& text) {
    const int32_t status = entry(handle, text.data(), static_cast<uint32_t>(text.size()));
    check_reply(status);
    return status;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > BB_MAX_INPUT) return -1;
    // An exact copy, so that a read past the end is caught.
    const std::vector<char> input(data, data + size);
    const std::string_view text(input.data(), input.size());

    const ParseResult parsed = parse_campaign(text);
    FUZZ_CHECK(parsed.campaign.has_value() == parsed.errors.empty(),
               std::to_string(parsed.errors.size()) + " errors");
    for (const ValidationError& error : parsed.errors) {
        FUZZ_CHECK(error.pointer.empty() || error.pointer[0] == '/', error.pointer);
        FUZZ_CHECK(!error.message.empty(), error.pointer);
    }
    const std::string errors_text = errors_to_json(parsed.errors);
    FUZZ_CHECK(!parse_or_discard(errors_text).is_discarded(), errors_text);

    const auto input_size = static_cast<uint32_t>(input.size());
    const int32_t valid = bb_validate(input.data(), input_size);
    check_reply(valid);
    FUZZ_CHECK((valid == BB_OK) == parsed.campaign.has_value(), result_text());
    const int32_t handle = bb_campaign_load(input.data(), input_size);
    check_reply(handle);
    FUZZ_CHECK((handle > 0) == parsed.campaign.has_value(), result_text());
    if (!parsed.campaign) return 0;

    const Campaign& campaign = *parsed.campaign;
    FUZZ_CHECK(campaign.first_day <= campaign.last_day &&
                   campaign.last_day - campaign.first_day < int64_t{max_campaign_days},
               format_date(campaign.first_day) + " to " + format_date(campaign.last_day));
    FUZZ_CHECK(campaign.opens_at_minute < campaign.closes_at_minute,
               format_time_of_day(campaign.opens_at_minute));
    const std::string summary = campaign_summary_json(campaign, parsed.theme);
    FUZZ_CHECK(!parse_or_discard(summary).is_discarded(), summary);
    exercise_day(campaign, campaign.first_day);
    exercise_day(campaign, campaign.last_day);
    for (size_t i = 0; i < campaign.overrides.size() && i < 8; ++i)
        exercise_day(campaign, campaign.overrides[i].day);

    // The calls tests/wasm/fuzz-replay.mjs makes on the WASI build.
    const std::string first_day = format_date(campaign.first_day);
    check_reply(bb_campaign_describe(handle));
    FUZZ_CHECK(call_text(bb_odds, handle, R"({"day": ")" + first_day + R"("})") == BB_OK,
               result_text());
    const int32_t decided =
        call_text(bb_decide, handle,
                  R"({"day": ")" + first_day + R"(", "entropy": ")" + std::string(64, '0') + "\"}");
    FUZZ_CHECK(decided == BB_OK, result_text());
    FUZZ_CHECK(call_text(bb_simulate, handle,
                         R"({"day": ")" + first_day +
                             R"(", "players": 3, "draws_per_player": 1})") == BB_OK,
               result_text());
    FUZZ_CHECK(bb_campaign_unload(handle) == BB_OK, result_text());
    return 0;
}

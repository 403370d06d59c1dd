// The C ABI over the core (see blindbox.h). Requests are parsed here with the
// same JsonChecker as campaigns, so every bad field gets a pointer and a
// message; the decisions themselves are the core's.

#include "blindbox.h"

#include "blindbox/campaign_change.h"
#include "blindbox/claim_token.h"
#include "blindbox/draw.h"
#include "blindbox/forecast.h"
#include "blindbox/odds_text.h"
#include "blindbox/reports.h"
#include "blindbox/sha256.h"
#include "blindbox/simulation.h"
#include "blindbox/stock.h"
#include "host_counters.h"
#include "json_support.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#if defined(__wasm__)
#define BB_EXPORT(name) extern "C" __attribute__((export_name(#name), used))
#else
#define BB_EXPORT(name) extern "C"
#endif

namespace blindbox {
namespace {

std::string result_buffer;
std::vector<std::unique_ptr<Campaign>> campaigns;
constexpr size_t max_handles = 4096;
// Sanity bounds for times: 1970 to the year 9999.
constexpr int64_t max_unix_seconds = 253'402'300'799;

int32_t reply(int32_t status, std::string text) {
    result_buffer = std::move(text);
    return status;
}

int32_t error_reply(int32_t status, std::string_view code, std::string message,
                    std::string field = {}) {
    json error = {{"code", code}, {"message", std::move(message)}};
    if (!field.empty()) error["field"] = std::move(field);
    return reply(status, dump_json(json{{"error", std::move(error)}}));
}

int32_t errors_reply(std::string_view code, const std::vector<ValidationError>& errors) {
    json list = json::array();
    for (const auto& error : errors) {
        list.push_back({{"field", error.pointer}, {"message", error.message}});
    }
    const std::string summary =
        errors.size() == 1
            ? (errors[0].pointer.empty() ? "" : errors[0].pointer + ": ") + errors[0].message
            : std::to_string(errors.size()) + " problems";
    json error = {{"code", code}, {"message", summary}, {"errors", std::move(list)}};
    if (!errors.empty() && !errors[0].pointer.empty()) error["field"] = errors[0].pointer;
    return reply(BB_E_INVALID, dump_json(json{{"error", std::move(error)}}));
}

// Checks that [data, data + size) is a readable input.
bool input_ok(const void* data, uint32_t size) {
    if (size > BB_MAX_INPUT) return false;
    if (size == 0) return true;
    if (data == nullptr) return false;
#if defined(__wasm__)
    const uintptr_t end = reinterpret_cast<uintptr_t>(data) + size;
    const uintptr_t memory = static_cast<uintptr_t>(__builtin_wasm_memory_size(0)) * 65536;
    if (end < reinterpret_cast<uintptr_t>(data) || end > memory) return false;
#endif
    return true;
}

const Campaign* find_campaign(int32_t handle) {
    if (handle <= 0 || static_cast<size_t>(handle) > campaigns.size()) return nullptr;
    return campaigns[static_cast<size_t>(handle) - 1].get();
}

// A request: its parsed document and the errors found reading it.
struct Request {
    json document;
    JsonChecker check;
    bool parsed = false;
};

bool parse_request(const char* data, uint32_t size, Request& request) {
    std::string syntax_error;
    request.document = parse_json_document(std::string_view(data, size), syntax_error);
    if (request.document.is_discarded()) {
        request.check.fail("", syntax_error);
        return false;
    }
    return true;
}

int32_t invalid_request(const Request& request) {
    const ValidationError& first = request.check.errors.front();
    return error_reply(BB_E_INVALID, "invalid_request", first.message, first.pointer);
}

std::optional<Entropy> read_entropy(Request& request, bool required) {
    auto text = request.check.text(request.document, "entropy", "", required, 64);
    if (!text) return std::nullopt;
    Entropy entropy;
    if (!from_hex(*text, entropy.bytes.data(), entropy.bytes.size())) {
        request.check.fail("/entropy", "must be 64 hexadecimal digits (32 bytes)");
        return std::nullopt;
    }
    return entropy;
}

// The day and second of a request: {"now"} or {"day", "seconds_since_open"}.
struct Moment {
    DayNumber day = 0;
    int64_t seconds_since_open = 0;
};

std::optional<Moment> read_moment(const Campaign& campaign, Request& request) {
    const json& document = request.document;
    if (document.contains("now")) {
        auto now = request.check.whole_number(document, "now", "", true, 0, max_unix_seconds);
        if (!now) return std::nullopt;
        CampaignClock clock = campaign_clock(campaign, *now, false);
        return Moment{clock.day, clock.seconds_since_open};
    }
    auto day_text = request.check.text(document, "day", "", true, 10);
    auto seconds = request.check.whole_number(document, "seconds_since_open", "", false,
                                              -seconds_per_day, seconds_per_day);
    if (!day_text) return std::nullopt;
    auto day = parse_date(*day_text);
    if (!day) {
        request.check.fail("/day", "must be a date like \"2026-11-28\"");
        return std::nullopt;
    }
    return Moment{*day, seconds.value_or(0)};
}

// Issued counts by prize id, in the day's table order. Counts of prizes not in
// the table are refused, or skipped when `skip_unknown` (a host's snapshot
// taken under an earlier definition).
std::optional<std::vector<int64_t>> read_issued(const PrizeTable& table, Request& request,
                                                bool skip_unknown = false) {
    std::vector<int64_t> issued(table.prizes.size(), 0);
    const json* object = request.check.field(request.document, "issued", "", false);
    if (!object) return issued;
    if (!object->is_object()) {
        request.check.fail("/issued", "must be an object of prize id -> count");
        return std::nullopt;
    }
    for (const auto& item : object->items()) {
        const int index = table.find(item.key());
        if (index < 0 && skip_unknown) continue;
        if (index < 0) {
            request.check.fail(child("/issued", item.key()), "is not a prize of that day");
            return std::nullopt;
        }
        auto count = request.check.whole_number(*object, item.key(), "/issued", true, 0, max_stock);
        if (!count) return std::nullopt;
        issued[static_cast<size_t>(index)] = *count;
    }
    return issued;
}

json optional_count(const std::optional<int64_t>& count) {
    return count ? json(*count) : json(nullptr);
}

// The allowance fields of draw and player-status replies.
void put_allowance(json& out, const PlayerAllowance& allowance) {
    out["draws_left_today"] = allowance.draws_left_today;
    out["draws_left_in_campaign"] = optional_count(allowance.draws_left_in_campaign);
    out["draws_until_guaranteed"] = optional_count(allowance.draws_until_guaranteed);
}

json change_json(const CampaignChange& change) {
    json out = {{"kind", to_string(change.kind)}};
    if (!change.prize_id.empty()) {
        out["prize"] = change.prize_id;
        out["name"] = change.prize_name;
    }
    if (change.kind != ChangeKind::removed && change.kind != ChangeKind::added) {
        out["before"] = change.before.empty() ? json(nullptr) : json(change.before);
        out["after"] = change.after.empty() ? json(nullptr) : json(change.after);
    }
    return out;
}

// The day of a request: {"now"} (the campaign's day then) or {"day"}.
std::optional<DayNumber> read_day(const Campaign& campaign, Request& request) {
    auto moment = read_moment(campaign, request);
    if (!moment) return std::nullopt;
    return moment->day;
}

} // namespace
} // namespace blindbox

using namespace blindbox;

BB_EXPORT(bb_abi_version) uint32_t bb_abi_version(void) {
    return BB_ABI_VERSION;
}

BB_EXPORT(bb_alloc) void* bb_alloc(uint32_t size) {
    if (size == 0 || size > BB_MAX_INPUT) return nullptr;
    return std::malloc(size);
}

BB_EXPORT(bb_free) void bb_free(void* pointer) {
    std::free(pointer);
}

BB_EXPORT(bb_result_ptr) const uint8_t* bb_result_ptr(void) {
    return reinterpret_cast<const uint8_t*>(result_buffer.data());
}

BB_EXPORT(bb_result_len) uint32_t bb_result_len(void) {
    return static_cast<uint32_t>(result_buffer.size());
}

BB_EXPORT(bb_validate) int32_t bb_validate(const char* data, uint32_t size) {
    if (!input_ok(data, size))
        return error_reply(BB_E_ARGUMENT, "invalid_argument", "bad input buffer");
    ParseResult parsed = parse_campaign(std::string_view(data, size));
    if (!parsed.campaign) return errors_reply("invalid_campaign", parsed.errors);
    return reply(BB_OK, R"({"valid":true})");
}

BB_EXPORT(bb_campaign_load) int32_t bb_campaign_load(const char* data, uint32_t size) {
    if (!input_ok(data, size))
        return error_reply(BB_E_ARGUMENT, "invalid_argument", "bad input buffer");
    ParseResult parsed = parse_campaign(std::string_view(data, size));
    if (!parsed.campaign) return errors_reply("invalid_campaign", parsed.errors);
    size_t slot = 0;
    while (slot < campaigns.size() && campaigns[slot])
        ++slot;
    if (slot == campaigns.size()) {
        if (campaigns.size() >= max_handles) {
            return error_reply(BB_E_ARGUMENT, "too_many_campaigns",
                               "at most 4096 campaigns may be loaded at once");
        }
        campaigns.emplace_back();
    }
    campaigns[slot] = std::make_unique<Campaign>(std::move(*parsed.campaign));
    reply(BB_OK, campaign_summary_json(*campaigns[slot]));
    return static_cast<int32_t>(slot + 1);
}

BB_EXPORT(bb_campaign_unload) int32_t bb_campaign_unload(int32_t handle) {
    if (!find_campaign(handle))
        return error_reply(BB_E_ARGUMENT, "unknown_handle", "no such campaign handle");
    campaigns[static_cast<size_t>(handle) - 1].reset();
    return reply(BB_OK, "{}");
}

BB_EXPORT(bb_campaign_describe) int32_t bb_campaign_describe(int32_t handle) {
    const Campaign* campaign = find_campaign(handle);
    if (!campaign) return error_reply(BB_E_ARGUMENT, "unknown_handle", "no such campaign handle");
    return reply(BB_OK, campaign_summary_json(*campaign));
}

#define BB_REQUEST(campaign, request, data, size)                                                  \
    const Campaign* campaign = find_campaign(handle);                                              \
    if (!campaign) return error_reply(BB_E_ARGUMENT, "unknown_handle", "no such campaign handle"); \
    if (!input_ok(data, size))                                                                     \
        return error_reply(BB_E_ARGUMENT, "invalid_argument", "bad input buffer");                 \
    Request request;                                                                               \
    if (!parse_request(data, size, request)) return invalid_request(request);                      \
    if (!request.document.is_object()) {                                                           \
        request.check.fail("", "must be a JSON object");                                           \
        return invalid_request(request);                                                           \
    }

BB_EXPORT(bb_clock) int32_t bb_clock(int32_t handle, const char* data, uint32_t size) {
    BB_REQUEST(campaign, request, data, size)
    request.check.check_object(request.document, "", {"now", "paused"});
    auto now = request.check.whole_number(request.document, "now", "", true, 0, max_unix_seconds);
    auto paused = request.check.boolean(request.document, "paused", "", false);
    if (!request.check.errors.empty()) return invalid_request(request);
    return reply(BB_OK, clock_json(campaign_clock(*campaign, *now, paused.value_or(false))));
}

BB_EXPORT(bb_odds) int32_t bb_odds(int32_t handle, const char* data, uint32_t size) {
    BB_REQUEST(campaign, request, data, size)
    request.check.check_object(
        request.document, "",
        {"now", "day", "seconds_since_open", "issued", "boxes_opened", "stock", "other_prizes"});
    auto other_prizes =
        request.check.choice(request.document, "other_prizes", "", {"refuse", "skip"});
    if (!request.check.errors.empty()) return invalid_request(request);
    auto moment = read_moment(*campaign, request);
    if (!moment) return invalid_request(request);
    const PrizeTable& table = campaign->table_for(moment->day);
    if (request.document.contains("stock")) {
        auto source = request.check.choice(request.document, "stock", "", {"counters"});
        if (!source) return invalid_request(request);
        CounterDayStock stock(host_counters(), table, moment->day);
        OddsReport report = odds_now(*campaign, moment->day, moment->seconds_since_open, stock);
        return reply(BB_OK, odds_report_json(*campaign, report));
    }
    auto issued = read_issued(table, request, other_prizes.value_or(0) == 1);
    auto opened =
        request.check.whole_number(request.document, "boxes_opened", "", false, 0, max_stock);
    if (!issued || !request.check.errors.empty()) return invalid_request(request);
    ArrayDayStock stock(issued->data(), issued->size(), opened.value_or(0));
    OddsReport report = odds_now(*campaign, moment->day, moment->seconds_since_open, stock);
    return reply(BB_OK, odds_report_json(*campaign, report));
}

BB_EXPORT(bb_decide) int32_t bb_decide(int32_t handle, const char* data, uint32_t size) {
    BB_REQUEST(campaign, request, data, size)
    request.check.check_object(
        request.document, "",
        {"day", "seconds_since_open", "issued", "boxes_opened", "pity_streak", "entropy"});
    if (!request.check.errors.empty()) return invalid_request(request);
    auto moment = read_moment(*campaign, request);
    if (!moment) return invalid_request(request);
    const PrizeTable& table = campaign->table_for(moment->day);
    auto issued = read_issued(table, request);
    auto opened =
        request.check.whole_number(request.document, "boxes_opened", "", false, 0, max_stock);
    auto streak =
        request.check.whole_number(request.document, "pity_streak", "", false, 0, max_stock);
    auto entropy = read_entropy(request, true);
    if (!issued || !entropy || !request.check.errors.empty()) return invalid_request(request);
    if (campaign->pool == PoolModel::deck && opened.value_or(0) >= table.boxes) {
        return error_reply(BB_E_INVALID, "boxes_exhausted", "every box of that day is open",
                           "/boxes_opened");
    }
    ArrayDayStock stock(issued->data(), issued->size(), opened.value_or(0));
    Decision decision =
        decide(*campaign, table, moment->seconds_since_open, stock, streak.value_or(0), *entropy);
    json out = {{"prize", decision.win() ? json(table.prizes[decision.prize].id) : json(nullptr)},
                {"by_pity", decision.by_pity},
                {"sold_out_prize", decision.sold_out_prize >= 0
                                       ? json(table.prizes[decision.sold_out_prize].id)
                                       : json(nullptr)}};
    return reply(BB_OK, dump_json(out));
}

BB_EXPORT(bb_draw) int32_t bb_draw(int32_t handle, const char* data, uint32_t size) {
    BB_REQUEST(campaign, request, data, size)
    request.check.check_object(request.document, "",
                               {"now", "player", "request_id", "paused", "entropy", "claim_token"});
    auto now = request.check.whole_number(request.document, "now", "", true, 0, max_unix_seconds);
    auto player = request.check.text(request.document, "player", "", true, 128);
    auto request_id = request.check.text(request.document, "request_id", "", false, 128);
    auto paused = request.check.boolean(request.document, "paused", "", false);
    auto entropy = read_entropy(request, false);
    auto given_token = request.check.text(request.document, "claim_token", "", false, 64);
    if (given_token && !is_well_formed_claim_token(*given_token)) {
        request.check.fail("/claim_token", "must be a token from bb_claim_token_new (24 URL-safe "
                                           "characters)");
    }
    if (!request.check.errors.empty()) return invalid_request(request);
    if (!entropy) {
        entropy.emplace();
        if (!fill_secure_random(entropy->bytes.data(), entropy->bytes.size())) {
            return error_reply(BB_E_RANDOM, "random_unavailable", "the CSPRNG failed");
        }
    }
    const std::string request_id_text = request_id.value_or("");
    DrawRequest draw_request;
    draw_request.now_unix = *now;
    draw_request.player = *player;
    draw_request.request_id = request_id_text;
    draw_request.paused = paused.value_or(false);
    draw_request.entropy = *entropy;
    DrawResult result = draw(*campaign, host_counters(), draw_request);
    if (result.status == DrawStatus::conflict) {
        return error_reply(BB_E_CONFLICT, "conflict",
                           "a counter changed during the draw; roll the transaction back");
    }
    json out = draw_result_object(result);
    out["entropy"] = to_hex(entropy->bytes.data(), entropy->bytes.size());
    if (result.status == DrawStatus::win || result.status == DrawStatus::blank) {
        put_allowance(out, result.allowance);
    } else if (result.status == DrawStatus::daily_limit_reached) {
        out["draws_per_day"] = campaign->limits.draws_per_day;
    } else if (result.status == DrawStatus::campaign_limit_reached) {
        out["draws_per_campaign"] = optional_count(campaign->limits.draws_per_campaign);
    }
    if (result.status == DrawStatus::win) {
        auto token = given_token ? std::optional<ClaimToken>(
                                       ClaimToken{*given_token, claim_token_hash(*given_token)})
                                 : new_claim_token();
        if (!token) return error_reply(BB_E_RANDOM, "random_unavailable", "the CSPRNG failed");
        out["claim_token"] = token->token;
        out["claim_token_hash"] = token->hash_hex;
    }
    return reply(BB_OK, dump_json(out));
}

BB_EXPORT(bb_player_status)
int32_t bb_player_status(int32_t handle, const char* data, uint32_t size) {
    BB_REQUEST(campaign, request, data, size)
    request.check.check_object(request.document, "", {"now", "player", "paused"});
    auto now = request.check.whole_number(request.document, "now", "", true, 0, max_unix_seconds);
    auto player = request.check.text(request.document, "player", "", true, 128);
    auto paused = request.check.boolean(request.document, "paused", "", false);
    if (!request.check.errors.empty()) return invalid_request(request);
    const PlayerStatus status =
        player_status(*campaign, host_counters(), *now, *player, paused.value_or(false));
    const PlayerAllowance& allowance = status.allowance;
    json out = {
        {"clock", clock_object(status.clock)},
        {"day", format_date(status.clock.day)},
        {"draws_today", status.draws_today},
        {"draws_left_today", allowance.draws_left_today},
        {"draws_total", status.draws_total},
        {"draws_left_in_campaign", optional_count(allowance.draws_left_in_campaign)},
        {"pity", nullptr},
    };
    if (campaign->pity) {
        out["pity"] = {{"after", campaign->pity->after},
                       {"streak", status.pity_streak},
                       {"draws_until_guaranteed", *allowance.draws_until_guaranteed}};
    }
    return reply(BB_OK, dump_json(out));
}

BB_EXPORT(bb_simulate) int32_t bb_simulate(int32_t handle, const char* data, uint32_t size) {
    BB_REQUEST(campaign, request, data, size)
    request.check.check_object(request.document, "",
                               {"day", "players", "draws_per_player", "seed", "arrival"});
    auto day_text = request.check.text(request.document, "day", "", true, 10);
    auto players =
        request.check.whole_number(request.document, "players", "", true, 1, max_simulated_draws);
    auto per_player =
        request.check.whole_number(request.document, "draws_per_player", "", false, 1, 1'000'000);
    auto seed = request.check.whole_number(request.document, "seed", "", false, 0,
                                           std::numeric_limits<int64_t>::max());
    if (!request.check.errors.empty()) return invalid_request(request);
    auto day = parse_date(*day_text);
    if (!day) {
        request.check.fail("/day", "must be a date like \"2026-11-28\"");
        return invalid_request(request);
    }
    if (*day < campaign->first_day || *day > campaign->last_day) {
        request.check.fail("/day", "is outside the campaign window (" +
                                       format_date(campaign->first_day) + " to " +
                                       format_date(campaign->last_day) + ")");
        return invalid_request(request);
    }
    const int64_t draws = *players * per_player.value_or(campaign->limits.draws_per_day);
    if (*players > max_simulated_draws / per_player.value_or(campaign->limits.draws_per_day) ||
        draws > max_simulated_draws) {
        request.check.fail("/players", "players x draws per player must be at most 100000000");
        return invalid_request(request);
    }
    SimulationOptions options;
    if (const json* arrival = request.check.field(request.document, "arrival", "", false)) {
        bool ok = arrival->is_array() && !arrival->empty() && arrival->size() <= max_arrival_slices;
        uint64_t sum = 0;
        for (size_t i = 0; ok && i < arrival->size(); ++i) {
            const json& weight = (*arrival)[i];
            ok = weight.is_number_unsigned() && weight.get<uint64_t>() <= 1'000'000;
            if (ok) {
                sum += weight.get<uint64_t>();
                options.arrival_weights.push_back(static_cast<uint32_t>(weight.get<uint64_t>()));
            }
        }
        if (!ok || sum == 0) {
            request.check.fail("/arrival", "must be an array of 1 to 1440 whole numbers from 0 to "
                                           "1000000 (relative arrivals per slice of the opening "
                                           "hours), not all zero");
            return invalid_request(request);
        }
    }
    options.day = *day;
    options.players = *players;
    options.draws_per_player = per_player.value_or(0);
    options.seed = static_cast<uint64_t>(seed.value_or(0));
    return reply(BB_OK, simulation_report_json(*campaign, simulate_day(*campaign, options)));
}

BB_EXPORT(bb_memory_reset) int32_t bb_memory_reset(void) {
    reset_memory_counters();
    return reply(BB_OK, "{}");
}

BB_EXPORT(bb_claim_token_new) int32_t bb_claim_token_new(void) {
    auto token = new_claim_token();
    if (!token) return error_reply(BB_E_RANDOM, "random_unavailable", "the CSPRNG failed");
    return reply(BB_OK, dump_json(json{{"token", token->token}, {"hash", token->hash_hex}}));
}

BB_EXPORT(bb_claim_token_hash) int32_t bb_claim_token_hash(const char* data, uint32_t size) {
    if (!input_ok(data, size))
        return error_reply(BB_E_ARGUMENT, "invalid_argument", "bad input buffer");
    return reply(BB_OK, dump_json(json{{"hash", claim_token_hash(std::string_view(data, size))}}));
}

BB_EXPORT(bb_claim_token_matches) int32_t bb_claim_token_matches(const char* data, uint32_t size) {
    if (!input_ok(data, size))
        return error_reply(BB_E_ARGUMENT, "invalid_argument", "bad input buffer");
    Request request;
    if (!parse_request(data, size, request)) return invalid_request(request);
    if (!request.check.check_object(request.document, "", {"token", "hash"})) {
        return invalid_request(request);
    }
    auto token = request.check.text(request.document, "token", "", true, 256);
    auto hash = request.check.text(request.document, "hash", "", true, 64);
    if (!request.check.errors.empty()) return invalid_request(request);
    return reply(claim_token_matches(*token, *hash) ? 1 : 0, "{}");
}

BB_EXPORT(bb_day_stock) int32_t bb_day_stock(int32_t handle, const char* data, uint32_t size) {
    BB_REQUEST(campaign, request, data, size)
    request.check.check_object(request.document, "", {"now", "day"});
    if (!request.check.errors.empty()) return invalid_request(request);
    auto day = read_day(*campaign, request);
    if (!day) return invalid_request(request);
    const DayStockReport report = day_stock(*campaign, host_counters(), *day);
    json prizes = json::array();
    for (const PrizeStock& entry : report.prizes) {
        json prize = {{"id", entry.prize->id},
                      {"name", entry.prize->name},
                      {"stock", entry.stock},
                      {"issued", entry.issued},
                      {"left", entry.left}};
        if (!entry.prize->value.empty()) prize["value"] = entry.prize->value;
        if (!entry.prize->image.empty()) prize["image"] = entry.prize->image;
        prizes.push_back(std::move(prize));
    }
    json out = {{"day", format_date(report.day)}, {"prizes", std::move(prizes)}};
    if (campaign->pool == PoolModel::deck) {
        out["boxes"] = report.boxes;
        out["boxes_opened"] = report.boxes_opened;
        out["boxes_left"] = std::max<int64_t>(0, report.boxes - report.boxes_opened);
    }
    return reply(BB_OK, dump_json(out));
}

BB_EXPORT(bb_change_check)
int32_t bb_change_check(int32_t handle, const char* data, uint32_t size) {
    BB_REQUEST(proposed, request, data, size)
    request.check.check_object(request.document, "", {"now", "day", "current"});
    auto current_handle = request.check.whole_number(request.document, "current", "", false,
                                                     std::numeric_limits<int32_t>::min(),
                                                     std::numeric_limits<int32_t>::max());
    if (!request.check.errors.empty()) return invalid_request(request);
    const Campaign* current = nullptr;
    if (current_handle) {
        current = find_campaign(static_cast<int32_t>(*current_handle));
        if (!current) {
            return error_reply(BB_E_ARGUMENT, "unknown_handle", "no such campaign handle",
                               "/current");
        }
    }
    auto day = read_day(*proposed, request);
    if (!day) return invalid_request(request);
    const auto problem = change_problem(current, *proposed, host_counters(), *day);
    json out = {{"day", format_date(*day)}, {"problem", nullptr}, {"changes", json::array()}};
    if (problem) out["problem"] = {{"field", problem->field}, {"message", problem->message}};
    if (current) {
        for (const CampaignChange& change : changes_on_day(*current, *proposed, *day))
            out["changes"].push_back(change_json(change));
    }
    return reply(BB_OK, dump_json(out));
}

namespace {

constexpr size_t max_odds_entries = 4096;

json share_json(const Fraction& share) {
    auto n = one_in(share);
    return {{"fraction", share.to_string()},
            {"decimal", share.to_decimal(9)},
            {"percent", percent_text(share, 4)},
            {"percent_brief", percent_brief(share)},
            {"one_in", n ? json(static_cast<uint64_t>(*n)) : json(nullptr)}};
}

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

// The "pairs" of a bb_odds_text request: [[a, b], ...] of fractions as the core
// writes them, each compared: "lower", "same" or "higher" (a against b), or
// null where either is not such a fraction.
std::optional<json> compare_pairs(Request& request) {
    const json* list = request.check.field(request.document, "pairs", "", false);
    json out = json::array();
    if (!list) return out;
    if (!list->is_array() || list->size() > max_odds_entries) {
        request.check.fail("/pairs", "must be an array of at most 4096 pairs [\"1/3\", \"1/4\"]");
        return std::nullopt;
    }
    for (const json& pair : *list) {
        std::optional<Fraction> sides[2];
        const bool ok = pair.is_array() && pair.size() == 2;
        for (size_t i = 0; ok && i < 2; ++i) {
            if (pair[i].is_string())
                sides[i] = parse_fraction_text(pair[i].get_ref<const std::string&>());
        }
        out.push_back(sides[0] && sides[1] ? json(order_word(compare(*sides[0], *sides[1])))
                                           : json(nullptr));
    }
    return out;
}

// The "shares" of a bb_odds_text request: fractions as the core writes them
// (an odds report's), each formatted as a share, or null where not one.
std::optional<json> format_shares(Request& request) {
    const json* list = request.check.field(request.document, "shares", "", false);
    json out = json::array();
    if (!list) return out;
    if (!list->is_array() || list->size() > max_odds_entries) {
        request.check.fail("/shares", "must be an array of at most 4096 fractions like \"1/144\"");
        return std::nullopt;
    }
    for (const json& item : *list) {
        auto share =
            item.is_string() ? parse_share_text(item.get_ref<const std::string&>()) : std::nullopt;
        out.push_back(share ? share_json(*share) : json(nullptr));
    }
    return out;
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

BB_EXPORT(bb_odds_text) int32_t bb_odds_text(const char* data, uint32_t size) {
    if (!input_ok(data, size))
        return error_reply(BB_E_ARGUMENT, "invalid_argument", "bad input buffer");
    Request request;
    if (!parse_request(data, size, request)) return invalid_request(request);
    if (!request.check.check_object(request.document, "", {"odds", "previous", "pairs", "shares"}))
        return invalid_request(request);
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

namespace {

constexpr int64_t max_day_number = 2'932'896; // 9999-12-31

// The "times" of a bb_calendar request: each "HH:MM" with its Unix time on
// `day` and its reading on the viewer's clock, when those are known.
std::optional<json> calendar_times(Request& request, int32_t offset, std::optional<DayNumber> day,
                                   std::optional<int64_t> viewer_offset) {
    const json* list = request.check.field(request.document, "times", "", false);
    if (!list) return json(nullptr);
    if (!list->is_array() || list->size() > 1440) {
        request.check.fail("/times", "must be an array of at most 1440 times like \"10:00\"");
        return std::nullopt;
    }
    json out = json::array();
    for (size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        auto minutes = item.is_string()
                           ? parse_time_of_day(item.get_ref<const std::string&>(), true)
                           : std::nullopt;
        if (!minutes) {
            request.check.fail("/times/" + std::to_string(i),
                               "must be a time like \"22:00\" (00:00-24:00)");
            return std::nullopt;
        }
        json entry = {{"at", format_time_of_day(*minutes)}};
        if (day) entry["unix"] = to_unix_seconds(*day, int64_t{*minutes} * 60, offset);
        if (viewer_offset) {
            entry["viewer"] = format_time_of_day(
                shift_time_of_day(*minutes, offset, static_cast<int32_t>(*viewer_offset)));
        }
        out.push_back(std::move(entry));
    }
    return out;
}

// The "labels" of a bb_calendar request: clock labels of moments after an opening.
std::optional<json> calendar_labels(Request& request) {
    const json* labels = request.check.field(request.document, "labels", "", false);
    if (!labels) return json(nullptr);
    const json* seconds = labels->is_object() && labels->contains("seconds_since_open")
                              ? &(*labels)["seconds_since_open"]
                              : nullptr;
    auto opens =
        labels->is_object() && labels->contains("opens_at") && (*labels)["opens_at"].is_string()
            ? parse_time_of_day((*labels)["opens_at"].get_ref<const std::string&>(), false)
            : std::nullopt;
    bool ok =
        opens && seconds && seconds->is_array() && seconds->size() <= 10'000 && labels->size() == 2;
    json out = json::array();
    for (size_t i = 0; ok && i < seconds->size(); ++i) {
        const json& value = (*seconds)[i];
        ok = value.is_number_integer() && value.get<int64_t>() >= 0 &&
             value.get<int64_t>() <= 2 * seconds_per_day;
        if (ok) out.push_back(clock_label(*opens, value.get<int64_t>()));
    }
    if (!ok) {
        request.check.fail("/labels", "must be {\"opens_at\": \"10:00\", \"seconds_since_open\": "
                                      "[...]} with at most 10000 whole numbers from 0 to 172800");
        return std::nullopt;
    }
    return out;
}

} // namespace

BB_EXPORT(bb_calendar) int32_t bb_calendar(const char* data, uint32_t size) {
    if (!input_ok(data, size))
        return error_reply(BB_E_ARGUMENT, "invalid_argument", "bad input buffer");
    Request request;
    if (!parse_request(data, size, request)) return invalid_request(request);
    if (!request.check.check_object(request.document, "",
                                    {"utc_offset", "now", "day", "add_days", "span", "times",
                                     "viewer_offset_minutes", "labels"})) {
        return invalid_request(request);
    }
    const json& document = request.document;
    auto offset_text = request.check.text(document, "utc_offset", "", true, 64);
    auto now = request.check.whole_number(document, "now", "", false, 0, max_unix_seconds);
    auto day_text = request.check.text(document, "day", "", false, 10);
    auto add = request.check.whole_number(document, "add_days", "", false, -max_day_number,
                                          max_day_number);
    auto span = request.check.whole_number(document, "span", "", false, 1, max_campaign_days);
    auto viewer =
        request.check.whole_number(document, "viewer_offset_minutes", "", false, -1440, 1440);
    if (!request.check.errors.empty()) return invalid_request(request);
    auto offset = parse_utc_offset(*offset_text);
    if (!offset) {
        request.check.fail("/utc_offset", "must be a UTC offset like \"+08:00\" or \"-05:30\" "
                                          "(from -12:00 to +14:00)");
        return invalid_request(request);
    }
    json out = {{"utc_offset_minutes", *offset}};
    std::optional<DayNumber> day;
    if (now) {
        const LocalTime local = to_local_time(*now, *offset);
        out["today"] = format_date(local.day);
        out["time"] = format_time_of_day(static_cast<int32_t>(local.second_of_day / 60));
        day = local.day;
    }
    if (day_text) {
        day = parse_date(*day_text);
        if (!day) {
            request.check.fail("/day", "must be a date like \"2026-11-28\"");
            return invalid_request(request);
        }
    }
    if (day) {
        *day += add.value_or(0);
        if (*day < 0 || *day > max_day_number) {
            request.check.fail("/add_days", "takes the day outside 1970-01-01..9999-12-31");
            return invalid_request(request);
        }
        out["day"] = format_date(*day);
        if (span) {
            json days = json::array();
            for (int64_t i = 0; i < *span && *day + i <= max_day_number; ++i)
                days.push_back(format_date(*day + i));
            out["days"] = std::move(days);
        }
    }
    auto times = calendar_times(request, *offset, day, viewer);
    auto labels = calendar_labels(request);
    if (!times || !labels) return invalid_request(request);
    if (!times->is_null()) out["times"] = std::move(*times);
    if (!labels->is_null()) out["labels"] = std::move(*labels);
    return reply(BB_OK, dump_json(out));
}

namespace {

constexpr size_t max_forecast_runs = 1000;

// A prize of the first run: what the summary names it by.
struct ForecastPrize {
    std::string id;
    std::string name;
    int64_t stock = 0;
};

// One prize of a bb_simulate reply at `at`; the first run fixes id, name, stock.
bool read_run_prize(Request& request, const json& item, const std::string& at,
                    std::vector<ForecastPrize>& prizes, size_t index, PrizeSimulation& out) {
    JsonChecker& check = request.check;
    if (!item.is_object()) {
        check.fail(at, "must be a prize of a bb_simulate reply");
        return false;
    }
    auto id = check.text(item, "id", at, true, max_id_length);
    auto name = check.text(item, "name", at, true, max_name_length);
    auto stock = check.whole_number(item, "stock", at, true, 0, max_stock);
    auto won = check.whole_number(item, "won", at, true, 0, max_simulated_draws);
    const json* sold = check.field(item, "sold_out_after_seconds", at, false);
    if (!id || !name || !stock || !won) return false;
    if (index == prizes.size()) prizes.push_back({*id, *name, *stock});
    if (prizes[index].id != *id || prizes[index].stock != *stock) {
        check.fail(at, "must be the same prize as in the first run");
        return false;
    }
    out.won = *won;
    if (sold && !sold->is_null()) {
        auto seconds =
            check.whole_number(item, "sold_out_after_seconds", at, true, 0, seconds_per_day);
        if (!seconds) return false;
        out.sold_out_after = *seconds;
    }
    return true;
}

// One bb_simulate reply at `at`.
bool read_run(Request& request, const json& item, const std::string& at,
              std::vector<ForecastPrize>& prizes, SimulationReport& run) {
    JsonChecker& check = request.check;
    if (!item.is_object()) {
        check.fail(at, "must be a bb_simulate reply");
        return false;
    }
    auto players = check.whole_number(item, "players", at, true, 0, max_simulated_draws);
    auto draws = check.whole_number(item, "draws", at, true, 0, max_simulated_draws);
    auto wins = check.whole_number(item, "wins", at, true, 0, max_simulated_draws);
    auto refused = check.whole_number(item, "refused", at, true, 0, max_simulated_draws);
    auto won = check.whole_number(item, "players_who_won", at, true, 0, max_simulated_draws);
    const json* list = check.field(item, "prizes", at, true);
    if (!players || !draws || !wins || !refused || !won || !list) return false;
    const bool first = prizes.empty() && at == "/runs/0";
    if (!list->is_array() || list->size() > max_prizes ||
        (!first && list->size() != prizes.size())) {
        check.fail(at + "/prizes", "must list the same prizes as the first run");
        return false;
    }
    run.players = *players;
    run.draws = *draws;
    run.wins = *wins;
    run.refused = *refused;
    run.players_who_won = *won;
    run.prizes.resize(list->size());
    for (size_t i = 0; i < list->size(); ++i) {
        const std::string prize_at = at + "/prizes/" + std::to_string(i);
        if (!read_run_prize(request, (*list)[i], prize_at, prizes, i, run.prizes[i])) return false;
    }
    return true;
}

// An average per run: exact, to one decimal place, and rounded to a whole number.
json mean_json(const Fraction& mean) {
    return {{"fraction", mean.to_string()},
            {"decimal", mean.to_decimal(1)},
            {"whole", mean.to_decimal(0)}};
}

json forecast_share_json(const Fraction& part) {
    json out = share_json(part);
    out["percent_whole"] =
        Fraction::make(part.numerator * 100, part.denominator).to_decimal(0) + "%";
    return out;
}

json forecast_json(const ForecastSummary& summary, const std::vector<ForecastPrize>& prizes) {
    json list = json::array();
    for (size_t i = 0; i < prizes.size(); ++i) {
        const PrizeForecast& prize = summary.prizes[i];
        list.push_back({{"id", prizes[i].id},
                        {"name", prizes[i].name},
                        {"stock", prizes[i].stock},
                        {"mean_won", mean_json(prize.mean_won)},
                        {"min_won", prize.min_won},
                        {"max_won", prize.max_won},
                        {"still_in_stock", forecast_share_json(prize.still_in_stock)},
                        {"sold_out_runs", prize.sold_out_runs},
                        {"median_sold_out_seconds", optional_count(prize.median_sold_out)}});
    }
    return {{"runs", summary.runs},
            {"draws", mean_json(summary.draws)},
            {"wins", mean_json(summary.wins)},
            {"refused", mean_json(summary.refused)},
            {"win_rate", forecast_share_json(summary.win_rate)},
            {"players_who_won", forecast_share_json(summary.players_who_won)},
            {"prizes", std::move(list)}};
}

} // namespace

BB_EXPORT(bb_forecast) int32_t bb_forecast(const char* data, uint32_t size) {
    if (!input_ok(data, size))
        return error_reply(BB_E_ARGUMENT, "invalid_argument", "bad input buffer");
    Request request;
    if (!parse_request(data, size, request)) return invalid_request(request);
    if (!request.check.check_object(request.document, "", {"runs"}))
        return invalid_request(request);
    const json* list = request.check.field(request.document, "runs", "", true);
    if (!list) return invalid_request(request);
    if (!list->is_array() || list->empty() || list->size() > max_forecast_runs) {
        request.check.fail("/runs", "must be an array of 1 to 1000 bb_simulate replies");
        return invalid_request(request);
    }
    std::vector<ForecastPrize> prizes;
    std::vector<SimulationReport> runs(list->size());
    for (size_t i = 0; i < list->size(); ++i) {
        if (!read_run(request, (*list)[i], "/runs/" + std::to_string(i), prizes, runs[i]))
            return invalid_request(request);
    }
    std::vector<int64_t> stocks;
    for (const ForecastPrize& prize : prizes)
        stocks.push_back(prize.stock);
    return reply(BB_OK, dump_json(forecast_json(summarize_runs(runs, stocks), prizes)));
}

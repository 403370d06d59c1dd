// The C ABI over the core (see blindbox.h): memory, the result buffer, the
// campaign handles (load, unload, describe, validate), the clock, odds and
// simulation calls, and the helpers abi_support.h declares. Requests are
// parsed with the same JsonChecker as campaigns, so every bad field gets a
// pointer and a message; the decisions themselves are the core's. The other
// calls are in the *_abi.cpp files beside this one, by concern: draws and
// player status (draw_abi.cpp), claim tokens (claim_token_abi.cpp), and the
// rules the Worker and the pages show (stock, campaign changes, odds texts,
// the calendar, forecasts).

#include "blindbox.h"

#include "abi_support.h"
#include "blindbox/campaign_json.h"
#include "blindbox/draw.h"
#include "blindbox/reports.h"
#include "blindbox/simulation.h"
#include "host_counters.h"
#include "json_support.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace blindbox {
namespace {

std::string result_buffer;
// A loaded campaign: the core's model and, beside it, the page's theme, which
// only the summary prints.
struct LoadedCampaign {
    Campaign campaign;
    Theme theme;
};
std::vector<std::unique_ptr<LoadedCampaign>> campaigns;
constexpr size_t max_handles = 4096;

} // namespace

// The helpers abi_support.h declares, and the private ones beside them.
namespace abi {

int32_t reply(int32_t status, std::string text) {
    result_buffer = std::move(text);
    return status;
}

int32_t error_reply(int32_t status, std::string_view code, std::string message, std::string field) {
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
    const LoadedCampaign* loaded = campaigns[static_cast<size_t>(handle) - 1].get();
    return loaded ? &loaded->campaign : nullptr;
}

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

int32_t bad_input_reply() {
    return error_reply(BB_E_ARGUMENT, "invalid_argument", "bad input buffer");
}

int32_t unknown_handle_reply() {
    return error_reply(BB_E_ARGUMENT, "unknown_handle", "no such campaign handle");
}

std::optional<int32_t> open_request(const char* data, uint32_t size,
                                    std::initializer_list<std::string_view> known,
                                    Request& request) {
    if (!input_ok(data, size)) return bad_input_reply();
    if (!parse_request(data, size, request)) return invalid_request(request);
    if (!request.check.check_object(request.document, "", known)) return invalid_request(request);
    return std::nullopt;
}

std::optional<int32_t> open_campaign_request(int32_t handle, const char* data, uint32_t size,
                                             std::initializer_list<std::string_view> known,
                                             const Campaign*& campaign, Request& request) {
    campaign = find_campaign(handle);
    if (!campaign) return unknown_handle_reply();
    if (!input_ok(data, size)) return bad_input_reply();
    if (!parse_request(data, size, request)) return invalid_request(request);
    if (!request.document.is_object()) {
        request.check.fail("", "must be a JSON object");
        return invalid_request(request);
    }
    request.check.check_object(request.document, "", known);
    if (!request.check.errors.empty()) return invalid_request(request);
    return std::nullopt;
}

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

std::optional<std::vector<int64_t>> read_issued(const PrizeTable& table, Request& request,
                                                bool skip_unknown) {
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

} // namespace abi
} // namespace blindbox

using namespace blindbox;
using namespace blindbox::abi;

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
    if (!input_ok(data, size)) return bad_input_reply();
    ParseResult parsed = parse_campaign(std::string_view(data, size));
    if (!parsed.campaign) return errors_reply("invalid_campaign", parsed.errors);
    return reply(BB_OK, R"({"valid":true})");
}

BB_EXPORT(bb_campaign_load) int32_t bb_campaign_load(const char* data, uint32_t size) {
    if (!input_ok(data, size)) return bad_input_reply();
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
    campaigns[slot] = std::make_unique<LoadedCampaign>(
        LoadedCampaign{std::move(*parsed.campaign), std::move(parsed.theme)});
    reply(BB_OK, campaign_summary_json(campaigns[slot]->campaign, campaigns[slot]->theme));
    return static_cast<int32_t>(slot + 1);
}

BB_EXPORT(bb_campaign_unload) int32_t bb_campaign_unload(int32_t handle) {
    if (!find_campaign(handle)) return unknown_handle_reply();
    campaigns[static_cast<size_t>(handle) - 1].reset();
    return reply(BB_OK, "{}");
}

BB_EXPORT(bb_campaign_describe) int32_t bb_campaign_describe(int32_t handle) {
    const Campaign* campaign = find_campaign(handle);
    if (!campaign) return unknown_handle_reply();
    const Theme& theme = campaigns[static_cast<size_t>(handle) - 1]->theme;
    return reply(BB_OK, campaign_summary_json(*campaign, theme));
}

BB_EXPORT(bb_clock) int32_t bb_clock(int32_t handle, const char* data, uint32_t size) {
    const Campaign* campaign = nullptr;
    Request request;
    if (auto refused =
            open_campaign_request(handle, data, size, {"now", "paused"}, campaign, request))
        return *refused;
    auto now = request.check.whole_number(request.document, "now", "", true, 0, max_unix_seconds);
    auto paused = request.check.boolean(request.document, "paused", "", false);
    if (!request.check.errors.empty()) return invalid_request(request);
    return reply(BB_OK, clock_json(campaign_clock(*campaign, *now, paused.value_or(false))));
}

BB_EXPORT(bb_odds) int32_t bb_odds(int32_t handle, const char* data, uint32_t size) {
    const Campaign* campaign = nullptr;
    Request request;
    if (auto refused = open_campaign_request(
            handle, data, size,
            {"now", "day", "seconds_since_open", "issued", "boxes_opened", "stock", "other_prizes"},
            campaign, request))
        return *refused;
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

BB_EXPORT(bb_simulate) int32_t bb_simulate(int32_t handle, const char* data, uint32_t size) {
    const Campaign* campaign = nullptr;
    Request request;
    if (auto refused = open_campaign_request(
            handle, data, size, {"day", "players", "draws_per_player", "seed", "arrival"}, campaign,
            request))
        return *refused;
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
    if (!simulation_size_allowed(*players, per_player.value_or(campaign->limits.draws_per_day))) {
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

// libFuzzer target: every bb_* entry point of the C ABI, with mangled input.
//
// An input is a script of at most 16 lines, one call each:
//
//     <entry><handle><request bytes>
//
// The entry letter picks the call (V validate, L campaign_load, U unload,
// E describe, C clock, O odds, K decide, D draw, P player_status, S simulate,
// H claim_token_hash, M claim_token_matches, N claim_token_new, R memory_reset,
// A alloc/free, X null and oversized buffers, T day_stock, G change_check,
// Q odds_text, Y calendar, F forecast); the handle digit picks a
// campaign of abi-campaigns.json ('1' to '5'), a handle never loaded ('0',
// '6', '7', '9') or the campaign the script's last L line loaded ('8'). Any
// other byte picks by its value. The lines of a script share the in-memory
// counters (emptied before and after each script), so a script reaches daily limits,
// sold-out prizes, pity and repeated request ids.
//
// The rules checked on every call: an error value, never a crash; errors are
// JSON with a code; successes are JSON; bb_validate and bb_campaign_load agree;
// a draw against in-memory counters never reports a conflict, and a win's
// claim token matches its hash. tests/wasm/fuzz-replay.mjs decodes the same
// scripts for the WASI build.
//
// bb_simulate accepts up to 100 million draws: tens of seconds natively, over a
// minute in the browser, far longer under the sanitizers. A call that would
// simulate more than `simulation_budget` draws is skipped, as are unloads of
// the fixed campaigns.

#include "fuzz_support.h"

#include "blindbox/claim_token.h"

#include <cstring>
#include <limits>
#include <vector>

using namespace blindbox;
using namespace blindbox::fuzz;

namespace {

constexpr size_t max_lines = 16;
constexpr double simulation_budget = 1000;
constexpr char entry_letters[] = "VLUECOKDPSHMNRAXTGQYF";
constexpr size_t entry_count = sizeof entry_letters - 1;
constexpr size_t fixed_campaign_count = 5;
// One past the ABI's 4096 handles.
constexpr int32_t handle_past_the_limit = 4097;

struct LoadedCampaign {
    int32_t handle = 0;
    int64_t draws_per_day = 0; // for the simulation budget
};

std::vector<LoadedCampaign> fixed_campaigns;

char entry_of(uint8_t byte) {
    const void* found = std::memchr(entry_letters, byte, entry_count);
    return found ? static_cast<char>(byte) : entry_letters[byte % entry_count];
}

size_t handle_digit_of(uint8_t byte) {
    return byte >= '0' && byte <= '9' ? static_cast<size_t>(byte - '0') : byte % 10;
}

LoadedCampaign campaign_of(size_t digit, const std::vector<LoadedCampaign>& loaded_here) {
    switch (digit) {
    case 0:
        return {0, 0};
    case 6:
        return {-1, 0};
    case 7:
        return {handle_past_the_limit, 0};
    case 8:
        return loaded_here.empty() ? LoadedCampaign{} : loaded_here.back();
    case 9:
        return {std::numeric_limits<int32_t>::max(), 0};
    default:
        return fixed_campaigns[digit - 1];
    }
}

// limits.draws_per_day of the summary bb_campaign_load just returned.
int64_t draws_per_day_of_summary() {
    const json summary = parse_or_discard(result_text());
    FUZZ_CHECK(summary.is_object() && summary.contains("limits") &&
                   summary["limits"].contains("draws_per_day") &&
                   summary["limits"]["draws_per_day"].is_number_integer(),
               result_text());
    return summary["limits"]["draws_per_day"].get<int64_t>();
}

// Whether bb_simulate would accept `request` and then run more than
// simulation_budget draws (players x draws per player, the campaign's daily
// limit when not given).
bool simulation_too_long(std::string_view request, int64_t draws_per_day) {
    const json document = parse_or_discard(request);
    if (!document.is_object()) return false;
    auto whole_number = [&document](const char* key, double absent) {
        auto it = document.find(key);
        if (it == document.end()) return absent;
        return it->is_number_integer() ? it->get<double>() : -1.0;
    };
    const double players = whole_number("players", -1);
    const double per_player = whole_number("draws_per_player", static_cast<double>(draws_per_day));
    if (players < 1 || per_player < 1) return false;
    const double draws = players * per_player;
    if (players > 1e8 || per_player > 1e6 || draws > 1e8) return false; // refused by the ABI
    return draws > simulation_budget;
}

void check_draw_reply(int32_t status) {
    FUZZ_CHECK(status != BB_E_CONFLICT, "a draw on in-memory counters conflicted");
    check_reply(status);
    if (status != BB_OK) return;
    const json body = parse_or_discard(result_text());
    FUZZ_CHECK(body.is_object() && body.contains("status") && body["status"].is_string(),
               result_text());
    if (body["status"] == "win") {
        FUZZ_CHECK(body.contains("claim_token") && body["claim_token"].is_string() &&
                       body.contains("claim_token_hash") && body["claim_token_hash"].is_string(),
                   result_text());
        FUZZ_CHECK(claim_token_matches(body["claim_token"].get<std::string>(),
                                       body["claim_token_hash"].get<std::string>()),
                   result_text());
    }
}

// The calls that take a buffer, each given a null one and an oversized one.
void check_mangled_buffers(int32_t handle, const char* data) {
    using HandleCall = int32_t (*)(int32_t, const char*, uint32_t);
    using TextCall = int32_t (*)(const char*, uint32_t);
    for (HandleCall call : {bb_clock, bb_odds, bb_decide, bb_draw, bb_player_status, bb_simulate,
                            bb_day_stock, bb_change_check}) {
        FUZZ_CHECK(call(handle, nullptr, 1) == BB_E_ARGUMENT, result_text());
        check_reply(BB_E_ARGUMENT);
        FUZZ_CHECK(call(handle, data, BB_MAX_INPUT + 1) == BB_E_ARGUMENT, result_text());
    }
    for (TextCall call : {bb_validate, bb_campaign_load, bb_claim_token_hash,
                          bb_claim_token_matches, bb_odds_text, bb_calendar}) {
        FUZZ_CHECK(call(nullptr, 1) == BB_E_ARGUMENT, result_text());
        check_reply(BB_E_ARGUMENT);
        FUZZ_CHECK(call(data, BB_MAX_INPUT + 1) == BB_E_ARGUMENT, result_text());
    }
}

// One line of a script, decoded: the entry letter, the handle digit and the
// request bytes (an exact copy, so that a read past the end is caught).
struct Call {
    char entry = 0;
    size_t digit = 0;
    std::string_view request;
    std::vector<char> bytes;
    LoadedCampaign campaign;

    const char* data() const { return bytes.data(); }
    uint32_t size() const { return static_cast<uint32_t>(bytes.size()); }
};

// The calls that load, unload, validate and describe campaigns (V L U E);
// false for any other entry.
bool run_campaign_call(const Call& call, std::vector<LoadedCampaign>& loaded_here) {
    switch (call.entry) {
    case 'V': {
        const int32_t status = bb_validate(call.data(), call.size());
        check_reply(status);
        FUZZ_CHECK(status == BB_OK || status == BB_E_INVALID, result_text());
        return true;
    }
    case 'L': {
        const int32_t valid = bb_validate(call.data(), call.size());
        const int32_t loaded = bb_campaign_load(call.data(), call.size());
        check_reply(loaded);
        FUZZ_CHECK((valid == BB_OK) == (loaded > 0), result_text());
        if (loaded > 0) loaded_here.push_back({loaded, draws_per_day_of_summary()});
        return true;
    }
    case 'U': {
        if (call.digit >= 1 && call.digit <= fixed_campaign_count)
            return true; // later scripts need them
        const int32_t status = bb_campaign_unload(call.campaign.handle);
        check_reply(status);
        if (call.digit == 8 && !loaded_here.empty()) {
            FUZZ_CHECK(status == BB_OK, result_text());
            loaded_here.pop_back();
        } else {
            FUZZ_CHECK(status == BB_E_ARGUMENT, result_text());
        }
        return true;
    }
    case 'E':
        check_reply(bb_campaign_describe(call.campaign.handle));
        return true;
    default:
        return false;
    }
}

// The calls that take a request on a campaign's handle, or a request alone
// (C O K D P S T G Q Y F); false for any other entry.
bool run_request_call(const Call& call) {
    const int32_t handle = call.campaign.handle;
    const char* data = call.data();
    const uint32_t size = call.size();
    switch (call.entry) {
    case 'C':
        check_reply(bb_clock(handle, data, size));
        return true;
    case 'O':
        check_reply(bb_odds(handle, data, size));
        return true;
    case 'K':
        check_reply(bb_decide(handle, data, size));
        return true;
    case 'D':
        check_draw_reply(bb_draw(handle, data, size));
        return true;
    case 'P':
        check_reply(bb_player_status(handle, data, size));
        return true;
    case 'S':
        if (!simulation_too_long(call.request, call.campaign.draws_per_day)) {
            check_reply(bb_simulate(handle, data, size));
        }
        return true;
    case 'T':
        check_reply(bb_day_stock(handle, data, size));
        return true;
    case 'G':
        check_reply(bb_change_check(handle, data, size));
        return true;
    case 'Q':
        check_reply(bb_odds_text(data, size));
        return true;
    case 'Y':
        check_reply(bb_calendar(data, size));
        return true;
    case 'F':
        check_reply(bb_forecast(data, size));
        return true;
    default:
        return false;
    }
}

void check_new_claim_token() {
    FUZZ_CHECK(bb_claim_token_new() == BB_OK, result_text());
    const json body = parse_or_discard(result_text());
    FUZZ_CHECK(body.is_object() && body.contains("token") && body["token"].is_string() &&
                   body.contains("hash") && body["hash"].is_string(),
               result_text());
    const std::string token = body["token"].get<std::string>();
    FUZZ_CHECK(is_well_formed_claim_token(token) &&
                   claim_token_matches(token, body["hash"].get<std::string>()),
               result_text());
}

// The claim-token, memory and buffer calls (H M N R A X); false for any
// other entry.
bool run_token_and_memory_call(const Call& call) {
    switch (call.entry) {
    case 'H': {
        FUZZ_CHECK(bb_claim_token_hash(call.data(), call.size()) == BB_OK, result_text());
        const json body = parse_or_discard(result_text());
        FUZZ_CHECK(body.is_object() && body.contains("hash") &&
                       body["hash"] == claim_token_hash(call.request),
                   result_text());
        return true;
    }
    case 'M': {
        const int32_t status = bb_claim_token_matches(call.data(), call.size());
        check_reply(status);
        FUZZ_CHECK(status == 0 || status == 1 || status == BB_E_INVALID, result_text());
        return true;
    }
    case 'N':
        check_new_claim_token();
        return true;
    case 'R':
        FUZZ_CHECK(bb_memory_reset() == BB_OK, result_text());
        return true;
    case 'A': {
        void* memory = bb_alloc(call.size());
        FUZZ_CHECK((memory == nullptr) == (call.size() == 0),
                   std::to_string(call.size()) + " bytes");
        if (memory) std::memcpy(memory, call.data(), call.size());
        bb_free(memory);
        FUZZ_CHECK(bb_alloc(BB_MAX_INPUT + 1) == nullptr, "an oversized allocation");
        return true;
    }
    case 'X':
        check_mangled_buffers(call.campaign.handle, call.data());
        return true;
    default:
        return false;
    }
}

void run_line(std::string_view line, std::vector<LoadedCampaign>& loaded_here) {
    Call call;
    call.entry = entry_of(static_cast<uint8_t>(line[0]));
    call.digit = line.size() > 1 ? handle_digit_of(static_cast<uint8_t>(line[1])) : 0;
    call.request = line.size() > 2 ? line.substr(2) : std::string_view{};
    call.bytes.assign(call.request.begin(), call.request.end());
    call.campaign = campaign_of(call.digit, loaded_here);
    if (run_request_call(call) || run_campaign_call(call, loaded_here) ||
        run_token_and_memory_call(call)) {
        return;
    }
    FUZZ_CHECK(false, std::string(1, call.entry));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    FUZZ_CHECK(bb_abi_version() == BB_ABI_VERSION, std::to_string(bb_abi_version()));
    const json file = parse_or_discard(read_fuzz_file("abi-campaigns.json"));
    FUZZ_CHECK(file.is_object() && file.contains("campaigns") && file["campaigns"].is_array() &&
                   file["campaigns"].size() == fixed_campaign_count,
               "abi-campaigns.json must list 5 campaigns");
    for (const json& document : file["campaigns"]) {
        const std::string text = document.dump();
        const int32_t handle = bb_campaign_load(text.data(), static_cast<uint32_t>(text.size()));
        FUZZ_CHECK(handle > 0, result_text());
        fixed_campaigns.push_back({handle, draws_per_day_of_summary()});
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > BB_MAX_INPUT) return -1;
    bb_memory_reset();
    std::vector<LoadedCampaign> loaded_here;
    const std::string_view script(reinterpret_cast<const char*>(data), size);
    size_t start = 0;
    for (size_t line = 0; line < max_lines && start < script.size(); ++line) {
        size_t end = script.find('\n', start);
        if (end == std::string_view::npos) end = script.size();
        if (end > start) run_line(script.substr(start, end - start), loaded_here);
        start = end + 1;
    }
    for (const LoadedCampaign& campaign : loaded_here) {
        FUZZ_CHECK(bb_campaign_unload(campaign.handle) == BB_OK, result_text());
    }
    // Freed within the input, or libFuzzer suspects a leak and scans for one.
    bb_memory_reset();
    return 0;
}

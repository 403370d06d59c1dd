// Helpers shared by the C ABI's source files (abi.cpp and the *_abi.cpp files
// beside it): the result buffer, error replies, request reading with the
// campaign's JsonChecker (one prologue for every call that takes a request),
// and the handle table. Only the ABI includes this; the core never does.

#pragma once

#include "blindbox.h"

#include "blindbox/campaign.h"
#include "blindbox/odds.h"
#include "json_support.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__wasm__)
#define BB_EXPORT(name) extern "C" __attribute__((export_name(#name), used))
#else
#define BB_EXPORT(name) extern "C"
#endif

namespace blindbox::abi {

// Sanity bounds for times: 1970 to the year 9999.
inline constexpr int64_t max_unix_seconds = 253'402'300'799;

// Sets the result buffer to `text`; returns `status`.
int32_t reply(int32_t status, std::string text);
// {"error": {"code", "message", "field"?}}; returns `status`.
int32_t error_reply(int32_t status, std::string_view code, std::string message,
                    std::string field = {});

// Checks that [data, data + size) is a readable input.
bool input_ok(const void* data, uint32_t size);
// The loaded campaign of a handle, or null.
const Campaign* find_campaign(int32_t handle);

// A request: its parsed document and the errors found reading it.
struct Request {
    json document;
    JsonChecker check;
    bool parsed = false;
};

bool parse_request(const char* data, uint32_t size, Request& request);
// BB_E_INVALID with the request's first problem.
int32_t invalid_request(const Request& request);
// BB_E_ARGUMENT for an input buffer that input_ok refuses.
int32_t bad_input_reply();
// BB_E_ARGUMENT for a handle that find_campaign does not know.
int32_t unknown_handle_reply();

// The prologue of a call that takes a JSON request: a readable buffer holding
// a JSON object (else "must be an object"). Its fields that are not `known`
// are noted in request.check, for the call to report with its other problems.
// Returns nullopt to go on, or the status of the error reply it has set.
std::optional<int32_t> open_request(const char* data, uint32_t size,
                                    std::initializer_list<std::string_view> known,
                                    Request& request);

// The prologue of a call on a loaded campaign's handle: the campaign, then a
// readable buffer holding a JSON object (else "must be a JSON object") with
// only `known` fields (else refused at the first unknown one). Returns
// nullopt to go on, with `campaign` set, or the status of the error reply it
// has set.
std::optional<int32_t> open_campaign_request(int32_t handle, const char* data, uint32_t size,
                                             std::initializer_list<std::string_view> known,
                                             const Campaign*& campaign, Request& request);

// The day and second of a request: {"now"} or {"day", "seconds_since_open"}.
struct Moment {
    DayNumber day = 0;
    int64_t seconds_since_open = 0;
};

std::optional<Moment> read_moment(const Campaign& campaign, Request& request);
// Issued counts by prize id, in the day's table order. Counts of prizes not in
// the table are refused, or skipped when `skip_unknown` (a host's snapshot
// taken under an earlier definition).
std::optional<std::vector<int64_t>> read_issued(const PrizeTable& table, Request& request,
                                                bool skip_unknown = false);

// A count, or null.
json optional_count(const std::optional<int64_t>& count);
// A share (0..1) as the pages show it: {"fraction", "decimal", "percent",
// "percent_short", "percent_brief", "one_in"} (see bb_odds_text); defined in odds_text_abi.cpp.
json share_json(const Fraction& share);

} // namespace blindbox::abi

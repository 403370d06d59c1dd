// nlohmann_json in the io layer: no exceptions anywhere, every problem reported.
//
// Only the io layer (wasm/io) and what links it (the ABI, tests, fuzzers) may
// include this header: the core library has no nlohmann on its include path.
//
// The WASI build has no C++ exception support, so JSON_NOEXCEPTION is defined
// for every build (CMake sets it; this header insists) and documents are
// parsed with `allow_exceptions = false`. Reading a value of the wrong type
// with `get<>()` aborts, which in wasm is a trap, so documents are read only
// through `JsonChecker`, which checks each type first and records a
// ValidationError (JSON pointer + plain message) for every problem instead.

#pragma once

#ifndef JSON_NOEXCEPTION
#error "build the io layer with JSON_NOEXCEPTION (see CMakeLists.txt)"
#endif

#include <nlohmann/json.hpp>

#include "blindbox/campaign_json.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blindbox {

using json = nlohmann::json;

// Parses JSON text; on a syntax error returns a discarded value and sets
// `error` to a message naming the byte offset.
json parse_json_document(std::string_view text, std::string& error);

// Compact JSON text. Strings that are not valid UTF-8 (which parsed input never
// holds, but a message quoting raw input might) get U+FFFD instead of aborting.
std::string dump_json(const json& value);

// Validates an already parsed campaign document (see parse_campaign).
ParseResult parse_campaign_document(const json& document);

// RFC 6901 pointers.
std::string child(const std::string& pointer, std::string_view key);
std::string child(const std::string& pointer, size_t index);

// Characters (code points) in UTF-8 text that nlohmann has already checked.
size_t count_code_points(std::string_view text);
bool has_control_characters(std::string_view text);
// 1-64 characters of a-z, 0-9, '-' and '_', starting with a letter or digit.
bool is_valid_id(std::string_view id);
// An http(s) URL or a site path ("/images/box.png", not "//host/...").
bool is_web_image(std::string_view image);

// Reads fields of a parsed document, collecting every problem.
class JsonChecker {
  public:
    std::vector<ValidationError> errors;

    void fail(std::string pointer, std::string message);

    // Reports fields of `object` not in `known`; returns false (and reports)
    // if `object` is not an object at all.
    bool check_object(const json& object, const std::string& pointer,
                      std::initializer_list<std::string_view> known);

    // The field, or nullptr (reported as missing when `required`).
    const json* field(const json& object, std::string_view key, const std::string& pointer,
                      bool required);

    // A string of 1..max_code_points characters (0.. with allow_empty), without
    // control characters.
    std::optional<std::string> text(const json& object, std::string_view key,
                                    const std::string& pointer, bool required,
                                    size_t max_code_points, bool allow_empty = false);

    // A string that is_valid_id().
    std::optional<std::string> id(const json& object, std::string_view key,
                                  const std::string& pointer);

    // A JSON integer within [min, max].
    std::optional<int64_t> whole_number(const json& object, std::string_view key,
                                        const std::string& pointer, bool required, int64_t min,
                                        int64_t max);

    std::optional<bool> boolean(const json& object, std::string_view key,
                                const std::string& pointer, bool required);

    // One of a fixed set of words; returns the index into `words`.
    std::optional<size_t> choice(const json& object, std::string_view key,
                                 const std::string& pointer,
                                 std::initializer_list<std::string_view> words);
};

} // namespace blindbox

// Helpers shared by the libFuzzer targets in this folder.
//
// A target finds bugs two ways: the sanitizers stop on memory errors and
// undefined behaviour, and FUZZ_CHECK stops on a broken rule of the ABI or the
// core (an error that is not JSON, a hash that does not match its token). Both
// end in abort(), which libFuzzer records as a crash and saves the input.

#pragma once

#include "blindbox.h"
#include "json_support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace blindbox::fuzz {

[[noreturn]] inline void broken_rule(const char* rule, const char* file, int line,
                                     const std::string& detail) {
    std::fprintf(stderr, "%s:%d: broken rule: %s\n  %s\n", file, line, rule, detail.c_str());
    std::abort();
}

// Stops the run when `rule` does not hold; `detail` says what was seen.
#define FUZZ_CHECK(rule, detail)                                                                   \
    do {                                                                                           \
        if (!(rule)) ::blindbox::fuzz::broken_rule(#rule, __FILE__, __LINE__, (detail));           \
    } while (false)

// The last bb_ call's output.
inline std::string result_text() {
    return std::string(reinterpret_cast<const char*>(bb_result_ptr()), bb_result_len());
}

inline json parse_or_discard(std::string_view text) {
    return json::parse(text.begin(), text.end(), nullptr, false);
}

// The rule every bb_ call with text output keeps: a status >= 0 comes with a
// JSON result, a negative one with {"error": {"code": "...", ...}}.
inline void check_reply(int32_t status) {
    const std::string text = result_text();
    const json body = parse_or_discard(text);
    FUZZ_CHECK(!body.is_discarded(), "status " + std::to_string(status) + ", result: " + text);
    if (status < 0) {
        FUZZ_CHECK(body.is_object() && body.contains("error") && body["error"].is_object() &&
                       body["error"].contains("code") && body["error"]["code"].is_string() &&
                       !body["error"]["code"].get_ref<const std::string&>().empty(),
                   text);
    }
}

// A text file of this folder (seed campaigns and the like).
inline std::string read_fuzz_file(const std::string& name) {
    const std::string path = std::string(BLINDBOX_FUZZ_DIR) + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        std::abort();
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace blindbox::fuzz

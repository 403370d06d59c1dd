// libFuzzer target: claim tokens (blindbox/claim_token.h) and their two ABI
// calls.
//
// An input is used three ways at once:
//   - as a token's raw text: bb_claim_token_hash must give claim_token_hash,
//     64 lowercase hex digits, which the token then matches (in either case)
//     and a hash one digit off does not;
//   - as "<token>\n<stored hash>": claim_token_matches must say what a plain
//     comparison says (64 hex digits, equal to the token's hash ignoring case);
//   - as a bb_claim_token_matches request ({"token", "hash"}): 1 or 0 as that
//     same comparison says, or an error for a malformed request.
// Also the token format check and the URL-safe base64 it rests on.

#include "fuzz_support.h"

#include "blindbox/claim_token.h"

#include <algorithm>
#include <cctype>
#include <vector>

using namespace blindbox;
using namespace blindbox::fuzz;

namespace {

bool is_base64url(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

bool is_hex(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// What claim_token_matches must answer, without constant-time care.
bool plainly_matches(std::string_view token, std::string_view stored_hash) {
    return stored_hash.size() == 64 &&
           std::all_of(stored_hash.begin(), stored_hash.end(), is_hex) &&
           lowercase(stored_hash) == claim_token_hash(token);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > BB_MAX_INPUT) return -1;
    // An exact copy, so that a read past the end is caught.
    const std::vector<char> bytes(data, data + size);
    const std::string_view input(bytes.data(), bytes.size());
    const auto input_size = static_cast<uint32_t>(bytes.size());

    const std::string hash = claim_token_hash(input);
    FUZZ_CHECK(
        hash.size() == 64 &&
            std::all_of(hash.begin(), hash.end(),
                        [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }),
        hash);
    FUZZ_CHECK(bb_claim_token_hash(bytes.data(), input_size) == BB_OK, result_text());
    const json hashed = parse_or_discard(result_text());
    FUZZ_CHECK(hashed.is_object() && hashed.contains("hash") && hashed["hash"] == hash,
               result_text());
    FUZZ_CHECK(claim_token_matches(input, hash), hash);
    std::string upper = hash;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](char c) { return static_cast<char>(std::toupper(c)); });
    FUZZ_CHECK(claim_token_matches(input, upper), upper);
    std::string off_by_one = hash;
    off_by_one[size % 64] = off_by_one[size % 64] == '0' ? '1' : '0';
    FUZZ_CHECK(!claim_token_matches(input, off_by_one), off_by_one);

    const size_t line_break = input.find('\n');
    const std::string_view token = input.substr(0, line_break);
    const std::string_view stored =
        line_break == std::string_view::npos ? std::string_view{} : input.substr(line_break + 1);
    FUZZ_CHECK(claim_token_matches(token, stored) == plainly_matches(token, stored),
               std::string(stored));

    const int32_t matched = bb_claim_token_matches(bytes.data(), input_size);
    check_reply(matched);
    FUZZ_CHECK(matched == 0 || matched == 1 || matched == BB_E_INVALID, result_text());
    if (matched >= 0) {
        const json request = parse_or_discard(input);
        FUZZ_CHECK(request.is_object() && request.contains("token") &&
                       request["token"].is_string() && request.contains("hash") &&
                       request["hash"].is_string(),
                   "an accepted request without a token and a hash");
        FUZZ_CHECK((matched == 1) == plainly_matches(request["token"].get<std::string>(),
                                                     request["hash"].get<std::string>()),
                   std::to_string(matched));
    }

    FUZZ_CHECK(is_well_formed_claim_token(input) ==
                   (input.size() == claim_token_length &&
                    std::all_of(input.begin(), input.end(), is_base64url)),
               std::string(input));
    const auto* raw = reinterpret_cast<const uint8_t*>(bytes.data());
    const std::string encoded = base64url_encode(raw, bytes.size());
    FUZZ_CHECK(encoded.size() == (bytes.size() * 4 + 2) / 3 &&
                   std::all_of(encoded.begin(), encoded.end(), is_base64url),
               encoded);
    const size_t whole_groups = bytes.size() / 3 * 3;
    FUZZ_CHECK(encoded.rfind(base64url_encode(raw, whole_groups), 0) == 0, encoded);
    return 0;
}

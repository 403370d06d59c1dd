// The C ABI's claim-token calls (see blindbox.h): a new token and its hash,
// the hash of a given token, and whether a token matches a stored hash. The
// tokens themselves are the core's (claim_token.h).

#include "blindbox.h"

#include "abi_support.h"
#include "blindbox/claim_token.h"
#include "json_support.h"

#include <string_view>

using namespace blindbox;
using namespace blindbox::abi;

BB_EXPORT(bb_claim_token_new) int32_t bb_claim_token_new(void) {
    auto token = new_claim_token();
    if (!token) return error_reply(BB_E_RANDOM, "random_unavailable", "the CSPRNG failed");
    return reply(BB_OK, dump_json(json{{"token", token->token}, {"hash", token->hash_hex}}));
}

BB_EXPORT(bb_claim_token_hash) int32_t bb_claim_token_hash(const char* data, uint32_t size) {
    if (!input_ok(data, size)) return bad_input_reply();
    return reply(BB_OK, dump_json(json{{"hash", claim_token_hash(std::string_view(data, size))}}));
}

BB_EXPORT(bb_claim_token_matches) int32_t bb_claim_token_matches(const char* data, uint32_t size) {
    Request request;
    if (auto refused = open_request(data, size, {"token", "hash"}, request)) return *refused;
    auto token = request.check.text(request.document, "token", "", true, 256);
    auto hash = request.check.text(request.document, "hash", "", true, 64);
    if (!request.check.errors.empty()) return invalid_request(request);
    return reply(claim_token_matches(*token, *hash) ? 1 : 0, "{}");
}

#include "blindbox/claim_token.h"

#include "blindbox/sha256.h"

#include <unistd.h>
// glibc and Emscripten also declare getentropy() in <sys/random.h>; wasi-libc in <unistd.h>.
#if __has_include(<sys/random.h>)
#include <sys/random.h>
#endif

namespace blindbox {
namespace {

// getentropy() refuses requests larger than this.
constexpr size_t getentropy_max_request = 256;

constexpr char base64url_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr bool is_base64url_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

static_assert(claim_token_length == (claim_token_random_bytes * 4) / 3,
              "18 random bytes encode to exactly 24 base64 characters without padding");

} // namespace

bool fill_secure_random(uint8_t* out, size_t size) {
    while (size > 0) {
        const size_t chunk = size < getentropy_max_request ? size : getentropy_max_request;
        if (getentropy(out, chunk) != 0) return false;
        out += chunk;
        size -= chunk;
    }
    return true;
}

std::string base64url_encode(const uint8_t* data, size_t size) {
    std::string encoded;
    encoded.reserve((size * 4 + 2) / 3);

    size_t i = 0;
    for (; i + 3 <= size; i += 3) {
        const uint32_t group =
            (uint32_t{data[i]} << 16) | (uint32_t{data[i + 1]} << 8) | uint32_t{data[i + 2]};
        encoded.push_back(base64url_alphabet[(group >> 18) & 0x3f]);
        encoded.push_back(base64url_alphabet[(group >> 12) & 0x3f]);
        encoded.push_back(base64url_alphabet[(group >> 6) & 0x3f]);
        encoded.push_back(base64url_alphabet[group & 0x3f]);
    }

    const size_t remaining = size - i;
    if (remaining == 1) {
        const uint32_t group = uint32_t{data[i]} << 16;
        encoded.push_back(base64url_alphabet[(group >> 18) & 0x3f]);
        encoded.push_back(base64url_alphabet[(group >> 12) & 0x3f]);
    } else if (remaining == 2) {
        const uint32_t group = (uint32_t{data[i]} << 16) | (uint32_t{data[i + 1]} << 8);
        encoded.push_back(base64url_alphabet[(group >> 18) & 0x3f]);
        encoded.push_back(base64url_alphabet[(group >> 12) & 0x3f]);
        encoded.push_back(base64url_alphabet[(group >> 6) & 0x3f]);
    }
    return encoded;
}

std::optional<ClaimToken> new_claim_token() {
    uint8_t random_bytes[claim_token_random_bytes];
    if (!fill_secure_random(random_bytes, sizeof random_bytes)) return std::nullopt;

    ClaimToken claim;
    claim.token = base64url_encode(random_bytes, sizeof random_bytes);
    claim.hash_hex = claim_token_hash(claim.token);

    // Do not leave the secret lying around on the stack longer than needed.
    volatile uint8_t* wipe = random_bytes;
    for (size_t i = 0; i < sizeof random_bytes; ++i) {
        wipe[i] = 0;
    }
    return claim;
}

std::string claim_token_hash(std::string_view token) {
    return to_hex(sha256(token));
}

bool claim_token_matches(std::string_view token, std::string_view stored_hash_hex) {
    Digest stored_digest;
    if (!from_hex(stored_hash_hex, stored_digest.data(), stored_digest.size())) return false;

    const Digest presented_digest = sha256(token);
    return equal_constant_time(
        std::string_view(reinterpret_cast<const char*>(presented_digest.data()),
                         presented_digest.size()),
        std::string_view(reinterpret_cast<const char*>(stored_digest.data()),
                         stored_digest.size()));
}

bool is_well_formed_claim_token(std::string_view token) {
    if (token.size() != claim_token_length) return false;
    for (const char c : token) {
        if (!is_base64url_char(c)) return false;
    }
    return true;
}

} // namespace blindbox

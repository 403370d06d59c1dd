// Claim tokens: the secret a winner presents to claim a prize.
//
// A token is 144 bits (18 bytes) from the operating system's CSPRNG via getentropy() -- glibc
// natively, wasi-libc's random_get under WASI, crypto.getRandomValues under Emscripten -- written
// as 24 characters of URL-safe base64 (RFC 4648 section 5) without padding. The token itself is
// shown to the winner once; only SHA-256(token) in lowercase hex is ever stored, and a presented
// token is checked by hashing it and comparing the digests in constant time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace blindbox {

// Number of random bytes in a claim token and the length of its text form.
inline constexpr size_t claim_token_random_bytes = 18;
inline constexpr size_t claim_token_length = 24;

// Fills `size` bytes at `out` from the OS CSPRNG (getentropy, in chunks of at most 256 bytes).
// Returns false if the CSPRNG fails; never aborts. The contents of `out` are then unspecified.
bool fill_secure_random(uint8_t* out, size_t size);

// URL-safe base64 (alphabet A-Z a-z 0-9 - _) of `size` bytes at `data`, without '=' padding.
std::string base64url_encode(const uint8_t* data, size_t size);

struct ClaimToken {
    std::string token;    // the secret, 24 URL-safe base64 characters; never stored
    std::string hash_hex; // claim_token_hash(token): what gets stored
};

// A fresh random claim token with its hash, or nullopt if the CSPRNG failed.
std::optional<ClaimToken> new_claim_token();

// Lowercase hex SHA-256 of the token text (64 characters).
std::string claim_token_hash(std::string_view token);

// True when SHA-256(token) equals the stored hex hash (either case); the digests are compared in
// constant time. False if stored_hash_hex is not 64 hex digits.
bool claim_token_matches(std::string_view token, std::string_view stored_hash_hex);

// True when `token` is exactly 24 characters of [A-Za-z0-9_-].
bool is_well_formed_claim_token(std::string_view token);

} // namespace blindbox

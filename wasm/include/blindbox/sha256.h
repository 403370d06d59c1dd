// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) for the blind-box core.
//
// Used for hashing claim tokens (only SHA-256(token) is ever stored), for HMAC signatures on
// tickets and, later, for provably fair draw entropy. It is implemented here because there is no
// packaged SHA-256 that builds alike for native (g++), WASI (clang + libc++) and Emscripten.
//
// The implementation is plain portable C++: no exceptions, no RTTI, no intrinsics, no allocation
// while hashing, and no assumptions about the host's byte order (words are assembled with shifts).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace blindbox {

using Digest = std::array<uint8_t, 32>;

// Streaming SHA-256: call update() any number of times, then finish() once.
// After finish() the object is reset and may be reused for a new message.
class Sha256 {
  public:
    Sha256();

    // Appends `size` bytes starting at `data` to the message. `data` may be null when size is 0.
    void update(const void* data, size_t size);
    // Appends the bytes of `data` to the message.
    void update(std::string_view data);
    // Pads the message, returns its digest and resets the state for a new message.
    Digest finish();

  private:
    void reset();
    void compress_block(const uint8_t* block);

    std::array<uint32_t, 8> state_;
    std::array<uint8_t, 64> pending_block_;
    size_t pending_size_;
    uint64_t total_bytes_;
};

// One-shot SHA-256 of `data`.
Digest sha256(std::string_view data);

// HMAC-SHA256 (RFC 2104) of `message` under `key`; keys longer than 64 bytes are hashed first.
Digest hmac_sha256(std::string_view key, std::string_view message);

// Lowercase hexadecimal text of `size` bytes at `data` (two characters per byte).
std::string to_hex(const uint8_t* data, size_t size);
// Lowercase hexadecimal text of a digest (64 characters).
std::string to_hex(const Digest& digest);

// Decodes exactly 2*out_size hex digits (either case) into `out`. Returns false, leaving `out`
// unspecified, if the length is wrong or any character is not a hex digit.
bool from_hex(std::string_view hex, uint8_t* out, size_t out_size);

// True when a and b hold the same bytes. The running time depends only on the lengths (which are
// treated as public), never on the contents or on where the first difference is.
bool equal_constant_time(std::string_view a, std::string_view b);

} // namespace blindbox

#include "blindbox/sha256.h"

namespace blindbox {
namespace {

constexpr std::array<uint32_t, 64> round_constants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

constexpr std::array<uint32_t, 8> initial_state = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

constexpr size_t block_size = 64;

constexpr uint32_t rotate_right(uint32_t value, unsigned bits) {
    return (value >> bits) | (value << (32 - bits));
}

constexpr uint32_t load_big_endian_32(const uint8_t* bytes) {
    return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) |
           uint32_t{bytes[3]};
}

constexpr void store_big_endian_32(uint32_t value, uint8_t* bytes) {
    bytes[0] = static_cast<uint8_t>(value >> 24);
    bytes[1] = static_cast<uint8_t>(value >> 16);
    bytes[2] = static_cast<uint8_t>(value >> 8);
    bytes[3] = static_cast<uint8_t>(value);
}

// Value 0-15 of a hex digit, or -1 if `c` is not one.
constexpr int hex_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

Sha256::Sha256() {
    reset();
}

void Sha256::reset() {
    state_ = initial_state;
    pending_block_.fill(0);
    pending_size_ = 0;
    total_bytes_ = 0;
}

void Sha256::compress_block(const uint8_t* block) {
    std::array<uint32_t, 64> schedule;
    for (size_t i = 0; i < 16; ++i) {
        schedule[i] = load_big_endian_32(block + 4 * i);
    }
    for (size_t i = 16; i < 64; ++i) {
        const uint32_t s0 = rotate_right(schedule[i - 15], 7) ^ rotate_right(schedule[i - 15], 18) ^
                            (schedule[i - 15] >> 3);
        const uint32_t s1 = rotate_right(schedule[i - 2], 17) ^ rotate_right(schedule[i - 2], 19) ^
                            (schedule[i - 2] >> 10);
        schedule[i] = schedule[i - 16] + s0 + schedule[i - 7] + s1;
    }

    uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
    for (size_t i = 0; i < 64; ++i) {
        const uint32_t sum1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        const uint32_t choice = (e & f) ^ (~e & g);
        const uint32_t temp1 = h + sum1 + choice + round_constants[i] + schedule[i];
        const uint32_t sum0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        const uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const uint32_t temp2 = sum0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + temp1;
        d = c;
        c = b;
        b = a;
        a = temp1 + temp2;
    }

    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
    state_[5] += f;
    state_[6] += g;
    state_[7] += h;
}

void Sha256::update(const void* data, size_t size) {
    const uint8_t* bytes = static_cast<const uint8_t*>(data);
    total_bytes_ += size;

    if (pending_size_ > 0) {
        const size_t to_copy =
            size < block_size - pending_size_ ? size : block_size - pending_size_;
        for (size_t i = 0; i < to_copy; ++i) {
            pending_block_[pending_size_ + i] = bytes[i];
        }
        pending_size_ += to_copy;
        bytes += to_copy;
        size -= to_copy;
        if (pending_size_ < block_size) return;
        compress_block(pending_block_.data());
        pending_size_ = 0;
    }

    while (size >= block_size) {
        compress_block(bytes);
        bytes += block_size;
        size -= block_size;
    }

    for (size_t i = 0; i < size; ++i) {
        pending_block_[i] = bytes[i];
    }
    pending_size_ = size;
}

void Sha256::update(std::string_view data) {
    update(data.data(), data.size());
}

Digest Sha256::finish() {
    const uint64_t message_bits = total_bytes_ * 8;

    pending_block_[pending_size_++] = 0x80;
    if (pending_size_ > block_size - 8) {
        for (size_t i = pending_size_; i < block_size; ++i) {
            pending_block_[i] = 0;
        }
        compress_block(pending_block_.data());
        pending_size_ = 0;
    }
    for (size_t i = pending_size_; i < block_size - 8; ++i) {
        pending_block_[i] = 0;
    }
    for (size_t i = 0; i < 8; ++i) {
        pending_block_[block_size - 1 - i] = static_cast<uint8_t>(message_bits >> (8 * i));
    }
    compress_block(pending_block_.data());

    Digest digest;
    for (size_t i = 0; i < 8; ++i) {
        store_big_endian_32(state_[i], digest.data() + 4 * i);
    }
    reset();
    return digest;
}

Digest sha256(std::string_view data) {
    Sha256 hasher;
    hasher.update(data);
    return hasher.finish();
}

Digest hmac_sha256(std::string_view key, std::string_view message) {
    std::array<uint8_t, block_size> block_key{};
    if (key.size() > block_size) {
        const Digest hashed_key = sha256(key);
        for (size_t i = 0; i < hashed_key.size(); ++i) {
            block_key[i] = hashed_key[i];
        }
    } else {
        for (size_t i = 0; i < key.size(); ++i) {
            block_key[i] = static_cast<uint8_t>(key[i]);
        }
    }

    std::array<uint8_t, block_size> inner_pad;
    std::array<uint8_t, block_size> outer_pad;
    for (size_t i = 0; i < block_size; ++i) {
        inner_pad[i] = static_cast<uint8_t>(block_key[i] ^ 0x36);
        outer_pad[i] = static_cast<uint8_t>(block_key[i] ^ 0x5c);
    }

    Sha256 inner;
    inner.update(inner_pad.data(), inner_pad.size());
    inner.update(message);
    const Digest inner_digest = inner.finish();

    Sha256 outer;
    outer.update(outer_pad.data(), outer_pad.size());
    outer.update(inner_digest.data(), inner_digest.size());
    return outer.finish();
}

std::string to_hex(const uint8_t* data, size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex(2 * size, '\0');
    for (size_t i = 0; i < size; ++i) {
        hex[2 * i] = digits[data[i] >> 4];
        hex[2 * i + 1] = digits[data[i] & 0x0f];
    }
    return hex;
}

std::string to_hex(const Digest& digest) {
    return to_hex(digest.data(), digest.size());
}

bool from_hex(std::string_view hex, uint8_t* out, size_t out_size) {
    if (hex.size() != 2 * out_size) return false;
    for (size_t i = 0; i < out_size; ++i) {
        const int high = hex_digit_value(hex[2 * i]);
        const int low = hex_digit_value(hex[2 * i + 1]);
        if (high < 0 || low < 0) return false;
        out[i] = static_cast<uint8_t>((high << 4) | low);
    }
    return true;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    // volatile keeps the compiler from turning the loop into an early-exit comparison.
    volatile uint8_t difference = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        difference = difference | static_cast<uint8_t>(a[i] ^ b[i]);
    }
    return difference == 0;
}

} // namespace blindbox

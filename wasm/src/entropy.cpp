#include "blindbox/entropy.h"

namespace blindbox {

namespace {

uint64_t rotate_left(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

EntropyEngine::EntropyEngine(const Entropy& entropy) {
    bool all_zero = true;
    for (int word = 0; word < 4; ++word) {
        uint64_t value = 0;
        for (int byte = 0; byte < 8; ++byte) {
            value |= uint64_t{entropy.bytes[word * 8 + byte]} << (8 * byte); // little-endian
        }
        state_[word] = value;
        all_zero = all_zero && value == 0;
    }
    // xoshiro's one forbidden state; any fixed non-zero replacement keeps the
    // mapping deterministic.
    if (all_zero) state_ = {0x9E3779B97F4A7C15ULL, 0xBF58476D1CE4E5B9ULL, 0x94D049BB133111EBULL, 1};
}

EntropyEngine::result_type EntropyEngine::operator()() {
    const uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotate_left(state_[3], 45);
    return result;
}

Entropy entropy_from_seed(uint64_t seed, uint64_t index) {
    uint64_t state = seed ^ (index * 0xD1B54A32D192ED03ULL);
    state = splitmix64(state) ^ index;
    Entropy entropy;
    for (int word = 0; word < 4; ++word) {
        uint64_t value = splitmix64(state);
        for (int byte = 0; byte < 8; ++byte) {
            entropy.bytes[word * 8 + byte] = static_cast<uint8_t>(value >> (8 * byte));
        }
    }
    return entropy;
}

} // namespace blindbox

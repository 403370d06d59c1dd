// Entropy in, random numbers out.
//
// Every draw is a pure function of (campaign, state, 32 bytes of entropy). The
// bytes come from the caller: the host's CSPRNG today, and later
// HMAC-SHA256(server seed, campaign, day, player, draw number, client seed) so
// that anyone can replay a day once its seed is revealed.
//
// `EntropyEngine` turns those 32 bytes into a stream of 64-bit numbers
// (xoshiro256**, seeded with the bytes read little-endian) and satisfies
// UniformRandomBitGenerator, so Boost.Random's distributions can use it. Boost's
// distributions are header code, the same on every target; the standard
// library's are not (libstdc++ and libc++ differ), so the core never uses them.

#pragma once

#include <array>
#include <cstdint>

namespace blindbox {

struct Entropy {
    std::array<uint8_t, 32> bytes{};
};

class EntropyEngine {
  public:
    using result_type = uint64_t;

    explicit EntropyEngine(const Entropy& entropy);

    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type{0}; }
    result_type operator()();

  private:
    std::array<uint64_t, 4> state_;
};

// Deterministic entropy for simulations, tests and benchmarks: the bytes of
// four splitmix64 steps from (seed, index). Never used for live draws.
Entropy entropy_from_seed(uint64_t seed, uint64_t index);

} // namespace blindbox

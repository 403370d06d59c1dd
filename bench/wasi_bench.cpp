// The benchmark workloads as a WASI reactor, for timing the core in wasm.
//
// Built only for the wasi target, with the production module's link flags
// (reactor, stack first, 1 MiB stack) but at -O2, and timed from Node by
// bench/wasi_bench.mjs. The host owns the clock: each export runs a number of
// iterations of a workload from bench_campaign.h (the same code the native
// blindbox_bench times) and returns the wins, so the host can divide.
//
//   bench_prepare() -> i32               parses the campaigns; 0, or -1 if one is invalid
//   bench_decide(n: u32) -> u32          n pure decisions, odds model, 20 prizes
//   bench_draw(n: u32) -> u32            n whole draws through MemoryCounters
//   bench_decide_deck(n: u32) -> u32     n pure decisions, deck model, 20 prizes
//
// Calling a workload before bench_prepare() succeeded traps.

#include "bench_campaign.h"

#include "blindbox/campaign.h"

#include <cstdint>
#include <optional>

#define BENCH_EXPORT(name) extern "C" __attribute__((export_name(#name), used))

namespace {

std::optional<blindbox::Campaign> odds_campaign;
std::optional<blindbox::Campaign> deck_campaign;
std::optional<blindbox::bench::DrawWorkload> draw_workload;
uint64_t next_odds_decision = 0;
uint64_t next_deck_decision = 0;

} // namespace

BENCH_EXPORT(bench_prepare) int32_t bench_prepare(void) {
    odds_campaign = blindbox::parse_campaign(blindbox::bench::odds_campaign_json).campaign;
    deck_campaign = blindbox::parse_campaign(blindbox::bench::deck_campaign_json).campaign;
    if (!odds_campaign || !deck_campaign) return -1;
    draw_workload.emplace(*odds_campaign);
    next_odds_decision = 0;
    next_deck_decision = 0;
    return 0;
}

BENCH_EXPORT(bench_decide) uint32_t bench_decide(uint32_t iterations) {
    if (!odds_campaign) __builtin_trap();
    const uint64_t wins =
        blindbox::bench::run_decide(*odds_campaign, next_odds_decision, iterations);
    next_odds_decision += iterations;
    return static_cast<uint32_t>(wins);
}

BENCH_EXPORT(bench_draw) uint32_t bench_draw(uint32_t iterations) {
    if (!draw_workload) __builtin_trap();
    return static_cast<uint32_t>(draw_workload->run(iterations));
}

BENCH_EXPORT(bench_decide_deck) uint32_t bench_decide_deck(uint32_t iterations) {
    if (!deck_campaign) __builtin_trap();
    const uint64_t wins =
        blindbox::bench::run_decide(*deck_campaign, next_deck_decision, iterations);
    next_deck_decision += iterations;
    return static_cast<uint32_t>(wins);
}

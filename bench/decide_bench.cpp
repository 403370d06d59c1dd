// blindbox_bench: how fast the core decides, natively, on one core.
//
// Speed goals live here, never in the tests: at least 10 million pure
// decisions per second for a 20-prize table, and the WASI build within 3x of
// that (bench/wasi_bench.mjs times the same workloads in wasm and divides).
//
// Each workload (see bench_campaign.h) runs in chunks: first for a short
// warm-up, then for about a second on std::chrono::steady_clock. The result
// is decisions per second; the wins are summed into a checksum that is
// printed, so no work can be optimised away.
//
//   blindbox_bench           human-readable lines
//   blindbox_bench --json    {"benchmarks": [{"name", "decisions_per_second", ...}], "checksum"}

#include "bench_campaign.h"

#include "blindbox/campaign.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

constexpr Seconds warm_up_time{0.2};
constexpr Seconds measured_time{1.0};

struct Measurement {
    std::string name;        // for --json and the WASI comparison: "decide_odds_20"
    std::string description; // for people
    uint64_t decisions = 0;
    double seconds = 0;
    uint64_t wins = 0;         // while measured
    uint64_t warm_up_wins = 0; // only for the checksum

    double per_second() const { return seconds > 0 ? static_cast<double>(decisions) / seconds : 0; }
};

// `work(first_index, count)` makes `count` decisions and returns the wins.
using Workload = std::function<uint64_t(uint64_t first_index, uint64_t count)>;

Measurement measure(std::string name, std::string description, uint64_t chunk,
                    const Workload& work) {
    Measurement result{std::move(name), std::move(description)};
    uint64_t index = 0;
    const Clock::time_point warm_up_start = Clock::now();
    while (Clock::now() - warm_up_start < warm_up_time) {
        result.warm_up_wins += work(index, chunk);
        index += chunk;
    }
    const Clock::time_point start = Clock::now();
    Seconds elapsed{0};
    do {
        result.wins += work(index, chunk);
        index += chunk;
        result.decisions += chunk;
        elapsed = Clock::now() - start;
    } while (elapsed < measured_time);
    result.seconds = elapsed.count();
    return result;
}

std::optional<blindbox::Campaign> parse_or_report(std::string_view json, std::string_view what) {
    blindbox::ParseResult parsed = blindbox::parse_campaign(json);
    if (!parsed.campaign) {
        std::fprintf(stderr, "blindbox_bench: the %.*s campaign is invalid:\n",
                     static_cast<int>(what.size()), what.data());
        for (const auto& error : parsed.errors) {
            std::fprintf(stderr, "  %s: %s\n", error.pointer.c_str(), error.message.c_str());
        }
    }
    return std::move(parsed.campaign);
}

void print_text(const std::vector<Measurement>& results, uint64_t checksum) {
    for (const auto& result : results) {
        std::printf(
            "%s: %.0f decisions/s (%llu in %.3f s; %.2f%% won)\n", result.description.c_str(),
            result.per_second(), static_cast<unsigned long long>(result.decisions), result.seconds,
            100.0 * static_cast<double>(result.wins) / static_cast<double>(result.decisions));
    }
    std::printf("checksum: %llu wins\n", static_cast<unsigned long long>(checksum));
}

void print_json(const std::vector<Measurement>& results, uint64_t checksum) {
    std::printf("{\"benchmarks\": [");
    for (size_t i = 0; i < results.size(); ++i) {
        const Measurement& result = results[i];
        std::printf("%s\n  {\"name\": \"%s\", \"decisions_per_second\": %.0f, \"decisions\": %llu, "
                    "\"seconds\": %.6f, \"wins\": %llu}",
                    i == 0 ? "" : ",", result.name.c_str(), result.per_second(),
                    static_cast<unsigned long long>(result.decisions), result.seconds,
                    static_cast<unsigned long long>(result.wins));
    }
    std::printf("\n], \"checksum\": %llu}\n", static_cast<unsigned long long>(checksum));
}

} // namespace

int main(int argc, char** argv) {
    bool json_output = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--json") {
            json_output = true;
        } else {
            std::fprintf(stderr, "usage: blindbox_bench [--json]\n");
            return argument == "--help" || argument == "-h" ? 0 : 2;
        }
    }

    const std::optional<blindbox::Campaign> odds =
        parse_or_report(blindbox::bench::odds_campaign_json, "odds");
    const std::optional<blindbox::Campaign> deck =
        parse_or_report(blindbox::bench::deck_campaign_json, "deck");
    if (!odds || !deck) return 1;

    blindbox::bench::DrawWorkload draws(*odds);
    std::vector<Measurement> results;
    results.push_back(measure("decide_odds_20", "decide, odds model, 20 prizes", 1 << 16,
                              [&](uint64_t first, uint64_t count) {
                                  return blindbox::bench::run_decide(*odds, first, count);
                              }));
    results.push_back(measure("draw_odds_20", "draw through MemoryCounters, odds model, 20 prizes",
                              1 << 12, [&](uint64_t, uint64_t count) { return draws.run(count); }));
    results.push_back(measure("decide_deck_20", "decide, deck model, 20 prizes", 1 << 16,
                              [&](uint64_t first, uint64_t count) {
                                  return blindbox::bench::run_decide(*deck, first, count);
                              }));

    uint64_t checksum = 0;
    for (const auto& result : results)
        checksum += result.wins + result.warm_up_wins;
    if (json_output) {
        print_json(results, checksum);
    } else {
        print_text(results, checksum);
    }
    return 0;
}

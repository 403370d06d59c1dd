// The golden determinism corpus.
//
// A lottery must give the same draw for the same inputs on every platform:
// natively (libstdc++), in the Worker (WASI, libc++) and in the browser
// (Emscripten). The corpus is campaigns and a list of calls into the C ABI
// (pure decisions, draws through in-memory counters, odds reports), kept in
// two files so that a change to a report's wording never touches the proof:
//
//   tests/golden/decisions.json  the campaigns, the calls and, for each call,
//                                its decision: status, outcome, prize,
//                                by_pity and the counters after the call
//                                (draws today, player draw number, pity
//                                streak; stock and effective odds for odds)
//   tests/golden/reports.json    the exact bytes each call returned
//
// Each file has a SHA-256 digest over its lines. The native tests, the WASI
// module under Node and the Emscripten module under Node all replay the calls
// and must reproduce both files (tests/wasm/golden.mjs reads decisions the
// same way as decision_of below).
//
// golden_corpus() builds the inputs (from a fixed seed); blindbox_golden
// writes both files with this native build's results:
//
//   cmake --build --preset native --target blindbox_golden
//   build/native/tests/blindbox_golden tests/golden
//
// A change to a report's bytes alone changes only reports.json; regenerate
// and commit it with that change. decisions.json changes only when a draw
// does: do that only for an intended change to the draw, and say so in the
// commit.

#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blindbox::golden {

struct Call {
    int campaign = 0;     // index into Corpus::campaigns
    std::string function; // "reset", "decide", "draw" or "odds"
    std::string request;  // JSON text
};

struct Corpus {
    std::vector<std::string> campaigns; // JSON texts
    std::vector<Call> calls;
};

Corpus golden_corpus();

// Replays one call through the C ABI (campaign already loaded as `handle`)
// and returns the status and result text, with claim tokens (fresh random
// secrets) replaced by placeholders: "<status> <json>".
std::string replay(int32_t handle, const Call& call);

// The decision in a call's result (as replay() returns it), as compact JSON:
// {"status": <ABI status>, ...} with, for errors, the error code; for decide,
// prize, sold_out_prize and by_pity; for draw, the outcome ("win", "blank",
// "not_open", ...), and when present day, prize id, by_pity,
// player_draw_number, draws_today and pity_streak; for odds, each prize's
// stock left, release and effective odds, the effective win odds and the
// boxes left. Members keep this order, so the text is the same in every build.
std::string decision_of(const Call& call, const std::string& result);

} // namespace blindbox::golden

// The golden determinism corpus.
//
// A lottery must give the same draw for the same inputs on every platform:
// natively (libstdc++), in the Worker (WASI, libc++) and in the browser
// (Emscripten). tests/golden/draws.json holds campaigns, a list of calls into
// the C ABI (pure decisions, draws through in-memory counters, odds reports)
// and the exact bytes each call returned when the file was written. The
// native tests, the WASI module under Node and the Emscripten module under
// Node all replay it and must reproduce every byte.
//
// golden_corpus() builds the inputs (from a fixed seed); blindbox_golden
// writes them with their results. Regenerate only when a change to the draw
// is intended, and say so in the commit.

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

} // namespace blindbox::golden

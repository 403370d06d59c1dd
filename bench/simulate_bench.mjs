// One million simulated draws through the Emscripten build of the core, the
// module the player page and the console run in a Web Worker. Node runs it on
// V8, the engine of Chromium, so the figure is the browser's minus the page.
//
//   node bench/simulate_bench.mjs
//
// Simulates a day of the example campaign (6 prizes, 3 draws per player) for
// 333,334 players = 1,000,002 draws, three times, and prints each time and
// the median. The goal: under a second on a laptop.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEmscripten } from "../tests/wasm/core-loader.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const core = await loadEmscripten(join(root, "frontend/core"));
const definition = readFileSync(join(root, "kv-schema/examples/valid/spring-festival.json"), "utf8");
const handle = core.call("campaign_load", definition).status;
if (handle <= 0) throw new Error("the example campaign does not load");

// Warm up (compilation tiers), then measure.
core.call("simulate", handle, JSON.stringify({ day: "2026-11-28", players: 50_000, seed: 99 }));
const times = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const { status, text } = core.call(
    "simulate",
    handle,
    JSON.stringify({ day: "2026-11-28", players: 333_334, seed: run + 1 }),
  );
  const elapsed = performance.now() - started;
  if (status !== 0) throw new Error(text);
  const { draws } = JSON.parse(text);
  times.push(elapsed);
  console.log(
    `run ${run + 1}: ${draws} draws in ${elapsed.toFixed(0)} ms (${(((draws / elapsed) * 1000) / 1e6).toFixed(2)} M draws/s)`,
  );
}
times.sort((a, b) => a - b);
console.log(`median: ${times[1].toFixed(0)} ms for a million draws (goal: under 1000 ms)`);

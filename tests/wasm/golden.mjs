// Replays tests/golden/draws.json through a wasm build of the core and checks
// every result byte for byte (see tests/golden/golden_calls.h).
//
//   node tests/wasm/golden.mjs wasi        build/wasi/blindbox.wasm
//   node tests/wasm/golden.mjs emscripten  frontend/core/blindbox.mjs
//
// Prints "N passed, M failed" and exits non-zero on any mismatch.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEmscripten, loadWasi } from "./core-loader.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const target = process.argv[2];
const core =
  target === "wasi"
    ? await loadWasi(join(root, "build/wasi/blindbox.wasm"))
    : target === "emscripten"
      ? await loadEmscripten(join(root, "frontend/core"))
      : null;
if (!core) {
  console.error("usage: node tests/wasm/golden.mjs wasi|emscripten");
  process.exit(2);
}

const golden = JSON.parse(readFileSync(join(root, "tests/golden/draws.json"), "utf8"));
const handles = golden.campaigns.map((text) => {
  const { status, text: summary } = core.call("campaign_load", text);
  if (status <= 0) throw new Error(`campaign does not load: ${summary}`);
  return status;
});

const normalise = (text) =>
  text
    .replace(/"claim_token":"[A-Za-z0-9_-]{24}"/g, '"claim_token":"<token>"')
    .replace(/"claim_token_hash":"[0-9a-f]{64}"/g, '"claim_token_hash":"<hash>"');

const digest = createHash("sha256");
let passed = 0;
let failed = 0;
core.call("memory_reset");
core.resetCounters();
for (const entry of golden.calls) {
  const handle = handles[entry.campaign];
  let outcome;
  if (entry.function === "reset") {
    core.resetCounters();
    outcome = core.call("memory_reset");
  } else {
    outcome = core.call(entry.function, handle, entry.request);
  }
  const result = `${outcome.status} ${normalise(outcome.text)}`;
  digest.update(`${result}\n`);
  if (result === entry.result) {
    passed++;
  } else {
    failed++;
    if (failed <= 5) {
      console.error(`mismatch for ${entry.function} ${entry.request}`);
      console.error(`  expected ${entry.result}`);
      console.error(`  got      ${result}`);
    }
  }
}
const hex = digest.digest("hex");
if (hex !== golden.digest) {
  console.error(`digest ${hex} differs from the golden ${golden.digest}`);
  failed++;
}
console.log(`golden ${target}: ${golden.calls.length} calls replayed, digest ${hex}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

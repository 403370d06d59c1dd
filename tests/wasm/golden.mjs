// Replays the golden corpus through a wasm build of the core and checks every
// decision (tests/golden/decisions.json) and every report byte
// (tests/golden/reports.json); see tests/golden/golden_calls.h.
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

const readGolden = (name) => JSON.parse(readFileSync(join(root, "tests/golden", name), "utf8"));
const golden = readGolden("decisions.json");
const { reports, digest: reportsDigest } = readGolden("reports.json");
const handles = golden.campaigns.map((text) => {
  const { status, text: summary } = core.call("campaign_load", text);
  if (status <= 0) throw new Error(`campaign does not load: ${summary}`);
  return status;
});

const normalise = (text) =>
  text
    .replace(/"claim_token":"[A-Za-z0-9_-]{24}"/g, '"claim_token":"<token>"')
    .replace(/"claim_token_hash":"[0-9a-f]{64}"/g, '"claim_token_hash":"<hash>"');

/** Copies `keys` present in `reply` into `decision`; a prize becomes its id. */
function copyPresent(decision, reply, keys) {
  for (const key of keys) {
    if (!(key in reply)) continue;
    const value = reply[key];
    decision[key] = key === "prize" && value !== null && typeof value === "object" ? value.id : value;
  }
}

/**
 * The decision in a result, member for member as decision_of in
 * tests/golden/golden_calls.cpp builds it, so the two texts are equal.
 */
function decisionOf(fn, status, text) {
  const decision = { status };
  let reply;
  try {
    reply = JSON.parse(text);
  } catch {
    decision.unreadable = true;
    return JSON.stringify(decision);
  }
  if ("error" in reply) {
    decision.error = reply.error.code;
  } else if (fn === "decide") {
    copyPresent(decision, reply, ["prize", "sold_out_prize", "by_pity"]);
  } else if (fn === "draw") {
    decision.outcome = reply.status;
    copyPresent(decision, reply, ["day", "prize", "by_pity", "player_draw_number", "draws_today", "pity_streak"]);
  } else if (fn === "odds") {
    decision.prizes = reply.prizes.map((prize) => ({
      id: prize.id,
      stock_left: prize.stock_left,
      released: prize.released,
      available: prize.available,
      effective: prize.odds.effective.fraction,
    }));
    decision.win = reply.win.effective.fraction;
    if ("boxes_left" in reply) decision.boxes_left = reply.boxes_left;
  }
  return JSON.stringify(decision);
}

/** Shows the first few mismatches. */
let shown = 0;
function mismatch(kind, entry, expected, got) {
  if (++shown > 5) return;
  console.error(`${kind} mismatch for ${entry.function} ${entry.request}`);
  console.error(`  expected ${expected}`);
  console.error(`  got      ${got}`);
}

const decisionsHash = createHash("sha256");
const reportsHash = createHash("sha256");
let passed = 0;
let failed = 0;
core.call("memory_reset");
core.resetCounters();
golden.calls.forEach((entry, index) => {
  const handle = handles[entry.campaign];
  let outcome;
  if (entry.function === "reset") {
    core.resetCounters();
    outcome = core.call("memory_reset");
  } else {
    outcome = core.call(entry.function, handle, entry.request);
  }
  const report = normalise(outcome.text);
  const result = `${outcome.status} ${report}`;
  const decision = decisionOf(entry.function, outcome.status, report);
  decisionsHash.update(`${decision}\n`);
  reportsHash.update(`${result}\n`);
  const expectedDecision = JSON.stringify(entry.decision);
  const decisionOk = decision === expectedDecision;
  const reportOk = result === reports[index];
  if (!decisionOk) mismatch("decision", entry, expectedDecision, decision);
  if (!reportOk) mismatch("report", entry, reports[index], result);
  if (decisionOk && reportOk) {
    passed++;
  } else {
    failed++;
  }
});
for (const [name, hash, expected] of [
  ["decisions", decisionsHash, golden.digest],
  ["reports", reportsHash, reportsDigest],
]) {
  const hex = hash.digest("hex");
  if (hex !== expected) {
    console.error(`${name} digest ${hex} differs from the golden ${expected}`);
    failed++;
  }
}
if (reports.length !== golden.calls.length) {
  console.error(`reports.json has ${reports.length} reports for ${golden.calls.length} calls`);
  failed++;
}
console.log(`golden ${target}: ${golden.calls.length} calls replayed, decisions and report bytes`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// The ABI's promise in the WASI build, where a crash would be a trap: random
// and mangled input to every entry point returns an error value, never traps.
// Deterministic (a fixed xorshift seed); prints "N passed, M failed".

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadWasi } from "./core-loader.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const core = await loadWasi(join(root, "build/wasi/blindbox.wasm"));

let state = 0x2545f4914f6cdd1dn;
const next = () => {
  state ^= (state << 13n) & 0xffffffffffffffffn;
  state ^= state >> 7n;
  state ^= (state << 17n) & 0xffffffffffffffffn;
  return Number(state & 0xffffffn);
};

const campaign = {
  id: "robust",
  title: "Robustness",
  utc_offset: "+08:00",
  window: { first_day: "2026-11-01", last_day: "2026-12-31" },
  pity: { after: 2, prizes: ["a"] },
  prize_table: { prizes: [{ id: "a", name: "A", stock: 3, odds: "1/3" }] },
};
const loaded = core.call("campaign_load", JSON.stringify(campaign));
if (loaded.status <= 0) throw new Error(loaded.text);
const handle = loaded.status;

const seeds = [
  '{"now": 1793592000, "player": "alice", "request_id": "r1"}',
  '{"now": 1793592000, "player": "alice", "paused": false}',
  `{"day": "2026-11-05", "issued": {"a": 1}, "pity_streak": 2, "entropy": "${"ab".repeat(32)}"}`,
  '{"day": "2026-11-05", "players": 10, "seed": 3}',
  JSON.stringify(campaign),
  `{"now": 1793592000, "current": ${handle}}`,
  '{"odds": ["0.05", "1/144", "3/2"], "previous": ["0.002", null]}',
  '{"utc_offset": "+08:00", "now": 1793592000, "add_days": 3, "span": 3, "times": ["10:00", "24:00"], ' +
    '"viewer_offset_minutes": -300, "labels": {"opens_at": "10:00", "seconds_since_open": [0, 90]}}',
  '{"runs": [{"players": 5, "draws": 5, "wins": 1, "refused": 0, "players_who_won": 1, ' +
    '"prizes": [{"id": "a", "name": "A", "stock": 3, "won": 1, "sold_out_after_seconds": null}]}]}',
];
const alphabet = '{}[]",:0123456789e.-\\u\u00e9\u76d2';
const mangle = (text) => {
  let out = text;
  for (let m = 1 + (next() % 4); m > 0 && out.length > 0; m--) {
    const at = next() % out.length;
    switch (next() % 4) {
      case 0:
        out = out.slice(0, at) + String.fromCharCode(next() % 0x3000) + out.slice(at + 1);
        break;
      case 1:
        out = out.slice(0, at);
        break;
      case 2:
        out = out.slice(0, at) + alphabet[next() % alphabet.length] + out.slice(at);
        break;
      default:
        out = out.slice(0, at) + out.slice(at + 1 + (next() % 3));
    }
  }
  return out;
};

let passed = 0;
let failed = 0;
const check = (label, fn) => {
  try {
    const { status, text } = fn();
    if (status < 0) JSON.parse(text).error.code.length; // errors are well-formed JSON
    passed++;
  } catch (error) {
    failed++;
    if (failed <= 5) console.error(`${label}: ${error}`);
  }
};

for (let round = 0; round < 500; round++) {
  for (const seed of seeds) {
    const text = mangle(seed);
    for (const name of ["draw", "player_status", "decide", "odds", "clock", "simulate", "day_stock", "change_check"]) {
      check(`${name} ${text}`, () => core.call(name, handle, text));
    }
    for (const name of ["validate", "claim_token_matches", "campaign_load", "odds_text", "calendar", "forecast"]) {
      check(`${name} ${text}`, () => {
        const result = core.call(name, text);
        if (name === "campaign_load" && result.status > 0) core.call("campaign_unload", result.status);
        return result;
      });
    }
  }
}
// Bad handles and oversized allocations answer with errors too.
for (const bad of [0, -1, 77777]) {
  for (const name of ["draw", "day_stock", "change_check"])
    check(`${name} handle ${bad}`, () => core.call(name, bad, "{}"));
}
check("alloc over the limit", () => ({ status: core.exports.bb_alloc(2 * 1024 * 1024) === 0 ? 0 : -99, text: "{}" }));
check("pointer past memory", () => {
  const status = core.exports.bb_validate(0x7ffffff0, 64);
  return { status: status === -2 ? 0 : -99, text: "{}" };
});

console.log(`robustness wasi: ${passed + failed} calls`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// Replays the fuzzing corpus (tests/fuzz/corpus/) on the WASI build, where a
// crash would be a trap: each file goes through the bb_* calls its libFuzzer
// target makes (see the comment at the top of tests/fuzz/fuzz_TARGET.cpp),
// byte for byte. No call may trap, every error must be JSON with a code, and
// the answers the targets check must hold here too. Tickets are checked by the
// Worker, not the core's ABI, so ticket inputs go through bb_player_status and
// bb_draw of a ticket campaign instead. Prints "N passed, M failed", one per
// corpus file.
//
//   node tests/wasm/fuzz-replay.mjs [CORPUS]   CORPUS/TARGET/* (default tests/fuzz/corpus),
//                                              e.g. build/fuzz/corpus after bash .ci/fuzz

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadWasi } from "./core-loader.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const fuzzDirectory = join(root, "tests/fuzz");
const wasmPath = join(root, "build/wasi/blindbox.wasm");
const corpusDirectory = process.argv[2] ?? join(fuzzDirectory, "corpus");
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

const BB_MAX_INPUT = 1024 * 1024;
const BB_E_INVALID = -1;
const BB_E_ARGUMENT = -2;
const BB_E_CONFLICT = -4;

let calls = 0;

function rule(holds, message) {
  if (!holds) throw new Error(`broken rule: ${message}`);
}

// A fresh instance with the campaigns of tests/fuzz/abi-campaigns.json loaded
// as handles 1 to 5, as fuzz_abi loads them; again after a trap.
async function instantiate() {
  const core = await loadWasi(wasmPath);
  const { exports } = core;
  const view = () => new Uint8Array(exports.memory.buffer);

  // bb_<name>(...integers, pointer, length) with `bytes` copied in, or
  // bb_<name>(...integers) when bytes is null. Checks the reply's form.
  const call = (name, integers, bytes, { checkReply = true } = {}) => {
    calls++;
    const fn = exports[`bb_${name}`];
    let status;
    if (bytes === null) {
      status = fn(...integers);
    } else if (bytes.length === 0) {
      status = fn(...integers, 0, 0);
    } else {
      const pointer = exports.bb_alloc(bytes.length);
      rule(pointer !== 0, `bb_alloc(${bytes.length}) failed`);
      view().set(bytes, pointer);
      try {
        status = fn(...integers, pointer, bytes.length);
      } finally {
        exports.bb_free(pointer);
      }
    }
    const pointer = exports.bb_result_ptr();
    const text = decoder.decode(view().slice(pointer, pointer + exports.bb_result_len()));
    if (!checkReply) return { status, text };
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      rule(false, `bb_${name} returned ${status} with a result that is not JSON: ${text}`);
    }
    if (status < 0) {
      rule(typeof body?.error?.code === "string" && body.error.code.length > 0, `bb_${name}: ${text}`);
    }
    return { status, text, body };
  };
  const callText = (name, integers, text) => call(name, integers, encoder.encode(text));

  const { campaigns } = JSON.parse(readFileSync(join(fuzzDirectory, "abi-campaigns.json"), "utf8"));
  const fixed = campaigns.map((campaign) => {
    const { status, body } = callText("campaign_load", [], JSON.stringify(campaign));
    rule(status > 0, `abi-campaigns.json: ${campaign.id} does not load`);
    return { handle: status, drawsPerDay: body.limits.draws_per_day };
  });
  const reset = () => {
    core.resetCounters();
    call("memory_reset", [], null);
  };
  return { exports, call, callText, fixed, reset };
}

// ---- fuzz_abi: scripts of "<entry><handle><request>" lines ----

const entryLetters = "VLUECOKDPSHMNRAXTGQYF";
const maxLines = 16;
const simulationBudget = 1000;
const handlePastTheLimit = 4097;
const newline = 0x0a;

const entryOf = (byte) =>
  byte < 0x80 && entryLetters.includes(String.fromCharCode(byte))
    ? String.fromCharCode(byte)
    : entryLetters[byte % entryLetters.length];
const handleDigitOf = (byte) => (byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte % 10);

function campaignOf(core, digit, loadedHere) {
  switch (digit) {
    case 0:
      return { handle: 0, drawsPerDay: 0 };
    case 6:
      return { handle: -1, drawsPerDay: 0 };
    case 7:
      return { handle: handlePastTheLimit, drawsPerDay: 0 };
    case 8:
      return loadedHere.at(-1) ?? { handle: 0, drawsPerDay: 0 };
    case 9:
      return { handle: 0x7fffffff, drawsPerDay: 0 };
    default:
      return core.fixed[digit - 1];
  }
}

// As simulation_too_long in fuzz_abi.cpp.
function simulationTooLong(bytes, drawsPerDay) {
  let document;
  try {
    document = JSON.parse(strictDecoder.decode(bytes));
  } catch {
    return false;
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) return false;
  const wholeNumber = (key, absent) =>
    !(key in document) ? absent : Number.isInteger(document[key]) ? document[key] : -1;
  const players = wholeNumber("players", -1);
  const perPlayer = wholeNumber("draws_per_player", drawsPerDay);
  if (players < 1 || perPlayer < 1) return false;
  const draws = players * perPlayer;
  if (players > 1e8 || perPlayer > 1e6 || draws > 1e8) return false;
  return draws > simulationBudget;
}

/** Script entries that only call the ABI: [function, with the line's handle, with its request]. */
const callOnlyEntries = {
  E: ["campaign_describe", true, false],
  C: ["clock", true, true],
  O: ["odds", true, true],
  K: ["decide", true, true],
  P: ["player_status", true, true],
  R: ["memory_reset", false, false],
  T: ["day_stock", true, true],
  G: ["change_check", true, true],
  Q: ["odds_text", false, true],
  Y: ["calendar", false, true],
  F: ["forecast", false, true],
};

/** The functions that take a handle before their buffer, and those that take only a buffer. */
const handleFunctions = ["clock", "odds", "decide", "draw", "player_status", "simulate", "day_stock", "change_check"];
const bufferFunctions = [
  "validate",
  "campaign_load",
  "claim_token_hash",
  "claim_token_matches",
  "odds_text",
  "calendar",
  "forecast",
];

/**
 * Script entries that check what the ABI answers, each given the core and the
 * line: { handle, digit, request, campaign, loadedHere }.
 */
const checkedEntries = {
  V(core, { request }) {
    const { status } = core.call("validate", [], request);
    rule(status === 0 || status === BB_E_INVALID, `bb_validate returned ${status}`);
  },
  L(core, { request, loadedHere }) {
    const valid = core.call("validate", [], request).status;
    const { status, body } = core.call("campaign_load", [], request);
    rule((valid === 0) === status > 0, "bb_validate and bb_campaign_load disagree");
    if (status > 0) loadedHere.push({ handle: status, drawsPerDay: body.limits.draws_per_day });
  },
  U(core, { handle, digit, loadedHere }) {
    if (digit >= 1 && digit <= core.fixed.length) return;
    const { status } = core.call("campaign_unload", [handle], null);
    if (digit === 8 && loadedHere.length > 0) {
      rule(status === 0, "unloading a loaded campaign");
      loadedHere.pop();
    } else {
      rule(status === BB_E_ARGUMENT, `unloading handle ${handle} returned ${status}`);
    }
  },
  D(core, { handle, request }) {
    const { status, body } = core.call("draw", [handle], request);
    rule(status !== BB_E_CONFLICT, "a draw conflicted");
    if (status === 0 && body.status === "win") {
      const hash = createHash("sha256").update(body.claim_token).digest("hex");
      rule(hash === body.claim_token_hash, "a win's claim token does not match its hash");
    }
  },
  S(core, { handle, request, campaign }) {
    if (!simulationTooLong(request, campaign.drawsPerDay)) core.call("simulate", [handle], request);
  },
  H(core, { request }) {
    const { status, body } = core.call("claim_token_hash", [], request);
    rule(status === 0 && body.hash === createHash("sha256").update(request).digest("hex"), "bb_claim_token_hash");
  },
  M(core, { request }) {
    const { status } = core.call("claim_token_matches", [], request);
    rule(status === 0 || status === 1 || status === BB_E_INVALID, `bb_claim_token_matches returned ${status}`);
  },
  N(core) {
    const { status, body } = core.call("claim_token_new", [], null);
    rule(status === 0 && /^[A-Za-z0-9_-]{24}$/.test(body.token), "bb_claim_token_new");
  },
  A(core, { request }) {
    const pointer = core.exports.bb_alloc(request.length);
    rule((pointer === 0) === (request.length === 0), `bb_alloc(${request.length})`);
    if (pointer !== 0) new Uint8Array(core.exports.memory.buffer).set(request, pointer);
    core.exports.bb_free(pointer);
    rule(core.exports.bb_alloc(BB_MAX_INPUT + 1) === 0, "an oversized bb_alloc");
  },
  // Null and oversized buffers: as check_mangled_buffers in fuzz_abi.cpp.
  X(core, { handle }) {
    const scratch = core.exports.bb_alloc(16);
    for (const name of handleFunctions) {
      rule(core.exports[`bb_${name}`](handle, 0, 1) === BB_E_ARGUMENT, `bb_${name} with a null buffer`);
      rule(core.exports[`bb_${name}`](handle, scratch, BB_MAX_INPUT + 1) === BB_E_ARGUMENT, `bb_${name} oversized`);
    }
    for (const name of bufferFunctions) {
      rule(core.exports[`bb_${name}`](0, 1) === BB_E_ARGUMENT, `bb_${name} with a null buffer`);
      rule(core.exports[`bb_${name}`](scratch, BB_MAX_INPUT + 1) === BB_E_ARGUMENT, `bb_${name} oversized`);
    }
    core.exports.bb_free(scratch);
    calls += 30;
  },
};

/** One line of a script: an entry letter, a handle digit, then the request bytes. */
function runLine(core, line, loadedHere) {
  const entry = entryOf(line[0]);
  const digit = line.length > 1 ? handleDigitOf(line[1]) : 0;
  const request = line.subarray(2);
  const campaign = campaignOf(core, digit, loadedHere);
  const handle = campaign.handle;
  const callOnly = callOnlyEntries[entry];
  if (callOnly) {
    const [name, withHandle, withRequest] = callOnly;
    core.call(name, withHandle ? [handle] : [], withRequest ? request : null);
    return;
  }
  checkedEntries[entry](core, { handle, digit, request, campaign, loadedHere });
}

function replayScript(core, bytes) {
  core.reset();
  const loadedHere = [];
  let start = 0;
  for (let line = 0; line < maxLines && start < bytes.length; line++) {
    let end = bytes.indexOf(newline, start);
    if (end < 0) end = bytes.length;
    if (end > start) runLine(core, bytes.subarray(start, end), loadedHere);
    start = end + 1;
  }
  for (const { handle } of loadedHere) {
    rule(core.call("campaign_unload", [handle], null).status === 0, "unloading at the end");
  }
}

// ---- fuzz_campaign: a campaign document ----

function replayCampaign(core, bytes) {
  const { call, callText } = core;
  const valid = call("validate", [], bytes).status;
  const { status: handle, body } = call("campaign_load", [], bytes);
  rule((valid === 0) === handle > 0, "bb_validate and bb_campaign_load disagree");
  if (handle <= 0) return;
  const day = body.window.first_day;
  call("campaign_describe", [handle], null);
  rule(callText("odds", [handle], JSON.stringify({ day })).status === 0, "odds on the first day");
  rule(
    callText("decide", [handle], JSON.stringify({ day, entropy: "0".repeat(64) })).status === 0,
    "a decision on the first day",
  );
  rule(
    callText("simulate", [handle], JSON.stringify({ day, players: 3, draws_per_player: 1 })).status === 0,
    "a simulation of the first day",
  );
  rule(call("campaign_unload", [handle], null).status === 0, "unloading");
}

// ---- fuzz_ticket: "<ticket>\n<now>\n<player>" ----

function replayTicket(core, bytes) {
  core.reset();
  const firstBreak = bytes.indexOf(newline);
  const ticket = decoder.decode(firstBreak < 0 ? bytes : bytes.subarray(0, firstBreak));
  let nowText = "";
  let player = "";
  if (firstBreak >= 0) {
    const rest = bytes.subarray(firstBreak + 1);
    const secondBreak = rest.indexOf(newline);
    nowText = decoder.decode(secondBreak < 0 ? rest : rest.subarray(0, secondBreak));
    if (secondBreak >= 0) player = decoder.decode(rest.subarray(secondBreak + 1));
  }
  // The digits as written (a number the core may refuse), else 0.
  const now = /^-?[0-9]+$/.test(nowText) ? nowText : "0";
  const ticketCampaign = core.fixed[3].handle;
  const member = (key, value) => `${JSON.stringify(key)}: ${value}`;
  const request = (...members) => `{${members.join(", ")}}`;
  core.callText(
    "player_status",
    [ticketCampaign],
    request(member("now", now), member("player", JSON.stringify(player))),
  );
  const { status } = core.callText(
    "draw",
    [ticketCampaign],
    request(member("now", now), member("player", JSON.stringify(player)), member("request_id", JSON.stringify(ticket))),
  );
  rule(status !== BB_E_CONFLICT, "a draw conflicted");
}

// ---- fuzz_claim_token: a token, "<token>\n<hash>", or a request ----

function replayClaimToken(core, bytes) {
  const { call, callText } = core;
  const hash = call("claim_token_hash", [], bytes).body.hash;
  rule(hash === createHash("sha256").update(bytes).digest("hex"), "bb_claim_token_hash");
  const matched = call("claim_token_matches", [], bytes).status;
  rule(matched === 0 || matched === 1 || matched === BB_E_INVALID, `bb_claim_token_matches returned ${matched}`);
  const lineBreak = bytes.indexOf(newline);
  const token = decoder.decode(lineBreak < 0 ? bytes : bytes.subarray(0, lineBreak));
  const stored = lineBreak < 0 ? "" : decoder.decode(bytes.subarray(lineBreak + 1));
  const { status } = callText("claim_token_matches", [], JSON.stringify({ token, hash: stored }));
  const tokenHash = createHash("sha256").update(encoder.encode(token)).digest("hex");
  const plainly = /^[0-9a-fA-F]{64}$/.test(stored) && stored.toLowerCase() === tokenHash;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the core refuses
  const control = /[\u0000-\u001f\u007f]/;
  const refused =
    token.length === 0 ||
    stored.length === 0 ||
    [...token].length > 256 ||
    [...stored].length > 64 ||
    control.test(token + stored);
  rule(refused ? status === BB_E_INVALID : status === (plainly ? 1 : 0), `token and hash: ${status}`);
}

// ---- the corpus ----

const replayers = {
  campaign: replayCampaign,
  abi: replayScript,
  ticket: replayTicket,
  claim_token: replayClaimToken,
};

let core = await instantiate();
let passed = 0;
let failed = 0;
for (const [target, replay] of Object.entries(replayers)) {
  const directory = join(corpusDirectory, target);
  const files = readdirSync(directory).sort();
  let targetFailed = 0;
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(join(directory, file)));
    try {
      replay(core, bytes);
      passed++;
    } catch (error) {
      failed++;
      targetFailed++;
      const trapped = error instanceof WebAssembly.RuntimeError;
      if (failed <= 10) console.error(`${target}/${file}: ${trapped ? "trap: " : ""}${error.message}`);
      // A trapped instance is not to be trusted further: start again, as the Worker does.
      core = await instantiate();
    }
  }
  console.log(`fuzz replay wasi: ${target}: ${files.length} files, ${targetFailed} failed`);
}
console.log(`fuzz replay wasi: ${calls} calls`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// The one ABI caller (frontend/shared/core.js) against the real WASI build
// (build/wasi/blindbox.wasm, loaded by tests/wasm/core-loader.mjs): results
// come back parsed, a negative status becomes a CoreError carrying the
// status, the ABI's code, field and problem list, and inputs the core cannot
// take are refused before the call. Skipped when the WASI build is missing
// (bash .ci/build wasi makes it; .ci/test builds it before these run).

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { abiCaller, BB_E_ARGUMENT, BB_E_INVALID, CoreError, emscriptenExports } from "../../frontend/shared/core.js";
import { loadWasi } from "../wasm/core-loader.mjs";

const wasm = fileURLToPath(new URL("../../build/wasi/blindbox.wasm", import.meta.url));
const minimal = fileURLToPath(new URL("../../kv-schema/examples/valid/minimal.json", import.meta.url));
const skip = existsSync(wasm) ? false : "no WASI build (bash .ci/build wasi)";

/** A fresh caller over the WASI reactor. */
async function caller() {
  const { exports } = await loadWasi(wasm);
  return abiCaller(exports, () => exports.memory);
}

/** Runs `call` and returns the CoreError it throws. */
function coreErrorOf(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof CoreError, `a CoreError, not ${error}`);
    return error;
  }
  assert.fail("the call succeeded");
}

test("a call's JSON result comes back parsed, with its status", { skip }, async () => {
  const abi = await caller();
  const { status, result } = abi.call("calendar", [], JSON.stringify({ utc_offset: "+08:00", now: 0 }));
  assert.equal(status, 0);
  assert.deepEqual(result, { day: "1970-01-01", time: "08:00", today: "1970-01-01", utc_offset_minutes: 480 });
});

test("raw gives the status and the result's text, unparsed, failures included", { skip }, async () => {
  const abi = await caller();
  const { status, text } = abi.raw("campaign_describe", [999]);
  assert.equal(status, BB_E_ARGUMENT);
  assert.equal(JSON.parse(text).error.code, "unknown_handle");
});

test("a refused input becomes a CoreError with the status, code, field and message", { skip }, async () => {
  const abi = await caller();
  const error = coreErrorOf(() => abi.call("calendar", [], JSON.stringify({ utc_offset: "+99:00" })));
  assert.equal(error.status, BB_E_INVALID);
  assert.equal(error.code, "invalid_request");
  assert.equal(error.field, "/utc_offset");
  assert.match(error.message, /UTC offset/);
});

test("an invalid campaign's CoreError lists every problem by field", { skip }, async () => {
  const abi = await caller();
  const error = coreErrorOf(() => abi.call("validate", [], "{}"));
  assert.equal(error.status, BB_E_INVALID);
  assert.equal(error.code, "invalid_campaign");
  assert.deepEqual(
    error.errors.map((problem) => problem.field),
    ["/id", "/title", "/utc_offset", "/window", "/prize_table"],
  );
});

test("an unknown handle is an argument error without a field", { skip }, async () => {
  const abi = await caller();
  const error = coreErrorOf(() => abi.call("campaign_unload", [12345]));
  assert.equal(error.status, BB_E_ARGUMENT);
  assert.equal(error.code, "unknown_handle");
  assert.equal(error.field, undefined);
});

test("an empty input reaches the core (as no bytes) and is refused as JSON, not trapped", { skip }, async () => {
  const abi = await caller();
  const error = coreErrorOf(() => abi.call("calendar", [], ""));
  assert.equal(error.code, "invalid_request");
  assert.match(error.message, /not valid JSON/);
});

test("an input over the core's 1 MiB limit is refused before the call as payload_too_large", { skip }, async () => {
  const abi = await caller();
  const error = coreErrorOf(() => abi.call("validate", [], "x".repeat(1024 * 1024 + 1)));
  assert.equal(error.status, BB_E_ARGUMENT);
  assert.equal(error.code, "payload_too_large");
});

test("text goes in and comes out as UTF-8", { skip }, async () => {
  const abi = await caller();
  const campaign = JSON.parse(readFileSync(minimal, "utf8"));
  const title = "春节盲盒 🎁";
  const { status: handle, result } = abi.call("campaign_load", [], JSON.stringify({ ...campaign, title }));
  assert.ok(handle > 0);
  assert.equal(result.title, title);
  assert.equal(abi.call("campaign_describe", [handle]).result.title, title);
});

test("asking for a call the core does not export is an error naming it", { skip }, async () => {
  const abi = await caller();
  assert.throws(() => abi.call("no_such_call"), { message: "the core has no bb_no_such_call" });
});

test("a caller needs the memory calls: without them it cannot be made", () => {
  assert.throws(() => abiCaller({}, () => ({ buffer: new ArrayBuffer(0) })), { message: "the core has no bb_alloc" });
});

/** A caller over a stand-in module whose every call returns `status` and leaves `text` as its result. */
function standIn(status, text) {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const bytes = new TextEncoder().encode(text);
  new Uint8Array(memory.buffer).set(bytes, 64);
  const exports = {
    bb_alloc: () => 1024,
    bb_free: () => {},
    bb_result_ptr: () => 64,
    bb_result_len: () => bytes.length,
    bb_reply: () => status,
  };
  return abiCaller(exports, () => memory);
}

test("a failed call whose result is not JSON is a CoreError whose message is the text", () => {
  const error = coreErrorOf(() => standIn(BB_E_INVALID, "out of cheese").call("reply"));
  assert.equal(error.status, BB_E_INVALID);
  assert.equal(error.code, "core_error");
  assert.equal(error.message, "out of cheese");
});

test("a successful call whose result is not JSON returns an error object, an empty one null", () => {
  assert.deepEqual(standIn(0, "out of cheese").call("reply").result, {
    error: { code: "core_error", message: "out of cheese" },
  });
  assert.equal(standIn(0, "").call("reply").result, null);
});

test("an Emscripten module's _bb_* functions become the bb_* exports; its memory is HEAPU8", () => {
  const bb_draw = () => 0;
  const HEAPU8 = new Uint8Array(8);
  const { exports, memory } = emscriptenExports({ _bb_draw: bb_draw, _malloc: () => 0, HEAPU8 });
  assert.deepEqual(exports, { bb_draw });
  assert.equal(memory(), HEAPU8);
});

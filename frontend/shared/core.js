// The one wrapper of the core's C ABI (wasm/abi/blindbox.h) in JavaScript.
// Every caller of the core goes through it: the pages and their worker (the
// Emscripten build, through core-browser.js), the Worker (the WASI build,
// host/src/core.ts) and the Node test runners (tests/wasm/core-loader.mjs).
//
// It does not know how the module was instantiated: it takes the bb_* exports
// and a getter for the memory, and per call allocates, copies the input in,
// calls, reads the result buffer (a fresh view each time: the heap may have
// grown), parses the JSON and turns a negative status (BB_E_*) into CoreError.
// It uses nothing but TextEncoder and TextDecoder, so it runs in pages,
// workers, workerd and Node alike. Types are in core.d.ts beside it.

export const BB_E_INVALID = -1;
export const BB_E_ARGUMENT = -2;
export const BB_E_RANDOM = -3;
export const BB_E_CONFLICT = -4;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** @typedef {import("./core.d.ts").AbiError} AbiError */
/** @typedef {import("./core.d.ts").AbiExports} AbiExports */
/** @typedef {import("./core.d.ts").AbiFunction} AbiFunction */
/** @typedef {import("./core.d.ts").AbiCaller} AbiCaller */
/** @typedef {() => {buffer: ArrayBufferLike}} MemoryGetter */

/** A failed core call: the status (BB_E_*) and the ABI's error object {code, message, field?, errors?}. */
export class CoreError extends Error {
  /**
   * @param {number} status
   * @param {AbiError} [error]
   * @param {string} [text] the result text, the message when the error has none
   */
  constructor(status, error = {}, text = "") {
    super(error.message ?? (text || `core call failed (${status})`));
    this.status = status;
    this.code = error.code ?? "core_error";
    this.field = error.field;
    this.errors = error.errors;
  }
}

/**
 * The result text as JSON: null when empty, an error object when it is not JSON.
 * @param {string} text
 * @returns {any} the call's JSON result, whose shape is the call's (AbiCaller.call types it)
 */
function parseResult(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: "core_error", message: text } };
  }
}

/**
 * A caller over one instance: `exports` holds bb_alloc, bb_free,
 * bb_result_ptr, bb_result_len and the bb_* calls; `memory()` returns the
 * current memory (anything with a `buffer`).
 * @param {AbiExports} exports
 * @param {MemoryGetter} memory
 * @returns {AbiCaller}
 */
export function abiCaller(exports, memory) {
  /** @type {(name: string) => AbiFunction} */
  const exported = (name) => {
    const fn = exports[`bb_${name}`];
    if (typeof fn !== "function") throw new Error(`the core has no bb_${name}`);
    return /** @type {AbiFunction} */ (fn);
  };
  const alloc = exported("alloc");
  const free = exported("free");
  const resultPointer = exported("result_ptr");
  const resultLength = exported("result_len");
  /** @type {(pointer: number, length: number) => Uint8Array} */
  const bytesAt = (pointer, length) => new Uint8Array(memory().buffer, pointer, length);

  /**
   * Calls bb_<name>(...numbers) or, with `input`, bb_<name>(...numbers, pointer, length).
   * @param {AbiFunction} fn
   * @param {number[]} numbers
   * @param {string | undefined} input
   * @returns {number} the status
   */
  function callWithInput(fn, numbers, input) {
    if (input === undefined) return fn(...numbers);
    const bytes = encoder.encode(input);
    if (bytes.length === 0) return fn(...numbers, 0, 0); // bb_alloc(0) gives no memory; an empty input needs none
    const pointer = alloc(bytes.length);
    if (pointer === 0)
      throw new CoreError(BB_E_ARGUMENT, { code: "payload_too_large", message: "input too large for the core" });
    bytesAt(pointer, bytes.length).set(bytes);
    try {
      return fn(...numbers, pointer, bytes.length);
    } finally {
      free(pointer);
    }
  }

  /**
   * bb_<name>(...numbers, input?) as {status, text}: the status and the result buffer's text.
   * @param {string} name
   * @param {number[]} [numbers]
   * @param {string} [input]
   * @returns {{status: number, text: string}}
   */
  function raw(name, numbers = [], input = undefined) {
    const status = callWithInput(exported(name), numbers, input);
    const text = decoder.decode(bytesAt(resultPointer(), resultLength()));
    return { status, text };
  }

  /**
   * bb_<name>(...numbers, input?) as {status, result} with the parsed result; throws CoreError on a negative status.
   * @param {string} name
   * @param {number[]} [numbers]
   * @param {string} [input]
   */
  function call(name, numbers = [], input = undefined) {
    const { status, text } = raw(name, numbers, input);
    const result = parseResult(text);
    if (status < 0) throw new CoreError(status, result?.error ?? {}, text);
    return { status, result };
  }

  return { raw, call, exported };
}

/**
 * The bb_* exports and memory of an instantiated Emscripten module (its
 * exports are `_bb_*` on the module; its memory is behind HEAPU8).
 * @param {Record<string, unknown> & {HEAPU8: Uint8Array}} module
 * @returns {{exports: AbiExports, memory: MemoryGetter}}
 */
export function emscriptenExports(module) {
  /** @type {AbiExports} */
  const exports = {};
  for (const name of Object.keys(module)) {
    if (name.startsWith("_bb_")) exports[name.slice(1)] = module[name];
  }
  return { exports, memory: () => module.HEAPU8 };
}

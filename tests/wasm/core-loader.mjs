// Loads a wasm build of the core in Node and wraps its C ABI (see
// wasm/abi/blindbox.h) as `call(name, ...args)` on strings.
//
//   loadWasi(path)        the WASI reactor (build/wasi/blindbox.wasm) under
//                         node:wasi, with the blindbox_host counter imports
//                         implemented over a Map (reset with resetCounters()).
//   loadEmscripten(dir)   the Emscripten ES module (frontend/core/, built by the emscripten preset).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { WASI } from "node:wasi";
import { abiCaller, emscriptenExports } from "../../frontend/shared/core.js";

const decoder = new TextDecoder();

/**
 * The test runners' face of the one ABI caller (frontend/shared/core.js):
 * `call(name, ...numbers, text?)` returns {status, text}, the raw result text.
 */
function wrap(exports, memory) {
  const abi = abiCaller(exports, memory);
  return {
    exports,
    /** Calls bb_<name>(handle?, text) and returns {status, text}. */
    call(name, ...args) {
      const text = args.length > 0 && typeof args[args.length - 1] === "string" ? args.pop() : undefined;
      return abi.raw(name, args, text);
    },
  };
}

export async function loadWasi(path) {
  const counters = new Map();
  const memory = () => instance.exports.memory;
  const key = (pointer, length) => decoder.decode(new Uint8Array(memory().buffer, pointer, length));
  const host = {
    counter_get: (pointer, length) => counters.get(key(pointer, length)) ?? 0,
    counter_add: (pointer, length, delta, cap) => {
      const name = key(pointer, length);
      const next = (counters.get(name) ?? 0) + delta;
      if (next < 0 || next > cap) return 0;
      counters.set(name, next);
      return 1;
    },
    counter_mark: (pointer, length) => {
      const name = key(pointer, length);
      if (counters.get(name)) return 0;
      counters.set(name, 1);
      return 1;
    },
  };
  const wasi = new WASI({ version: "preview1" });
  const module = await WebAssembly.compile(readFileSync(path));
  const instance = await WebAssembly.instantiate(module, {
    wasi_snapshot_preview1: wasi.wasiImport,
    blindbox_host: host,
  });
  wasi.initialize(instance);
  const core = wrap(instance.exports, memory);
  core.resetCounters = () => counters.clear();
  return core;
}

export async function loadEmscripten(directory) {
  const { default: createBlindbox } = await import(join(directory, "blindbox.mjs"));
  const module = await createBlindbox({ wasmBinary: readFileSync(join(directory, "blindbox.wasm")) });
  const { exports, memory } = emscriptenExports(module);
  const core = wrap(exports, memory);
  core.resetCounters = () => {};
  return core;
}

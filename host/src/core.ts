/**
 * The C++ core in this isolate: the WASI build of wasm/ (build/wasi/blindbox.wasm),
 * instantiated once per isolate and rebuilt after a trap.
 *
 * The module is a WASI reactor. Besides the few WASI calls it makes (writing to
 * the log, the CSPRNG, clock), it imports three atomic counter operations,
 * module "blindbox_host": a draw reads and changes a campaign's state only
 * through them. During a draw they point at the calling Durable Object's
 * SQLite storage (see campaign-object.ts), inside its transaction; at any other
 * time a call to them is a bug and fails the call.
 *
 * All calls take and return JSON text (see wasm/abi/blindbox.h) through the
 * one ABI caller the pages and tests use too (frontend/shared/core.js); this
 * file adds what only the Worker has: the WASI instantiation, the counter
 * imports and the campaign handles.
 */
import wasmModule from "../../build/wasi/blindbox.wasm";
import {
  type AbiCaller,
  abiCaller,
  BB_E_ARGUMENT,
  BB_E_CONFLICT,
  BB_E_INVALID,
  BB_E_RANDOM,
  CoreError,
} from "../../frontend/shared/core.js";

/** The counter store a draw runs against. Values are integers below 2^53. */
export interface Counters {
  get(name: string): number;
  /** Adds delta if the result stays within [0, cap]; returns whether it did. */
  addWithin(name: string, delta: number, cap: number): boolean;
  /** Sets the counter to 1 if it was 0; true the first time only. */
  markOnce(name: string): boolean;
}

export { BB_E_ARGUMENT, BB_E_CONFLICT, BB_E_INVALID, BB_E_RANDOM, CoreError };

const decoder = new TextDecoder();

/** Minimal wasi_snapshot_preview1 for a reactor that only logs and asks for randomness. */
function wasiImports(memory: () => WebAssembly.Memory): WebAssembly.ModuleImports {
  const ENOSYS = 52;
  const EBADF = 8;
  const view = () => new DataView(memory().buffer);
  let pending = "";
  return new Proxy(
    {
      fd_write(fd: number, iovs: number, count: number, written: number): number {
        if (fd !== 1 && fd !== 2) return EBADF;
        let total = 0;
        for (let i = 0; i < count; i++) {
          const base = view().getUint32(iovs + i * 8, true);
          const length = view().getUint32(iovs + i * 8 + 4, true);
          pending += decoder.decode(new Uint8Array(memory().buffer, base, length));
          total += length;
        }
        view().setUint32(written, total, true);
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) console.log(`[core] ${line}`);
        return 0;
      },
      random_get(buffer: number, length: number): number {
        for (let offset = 0; offset < length; offset += 65536) {
          crypto.getRandomValues(new Uint8Array(memory().buffer, buffer + offset, Math.min(65536, length - offset)));
        }
        return 0;
      },
      clock_time_get(_id: number, _precision: bigint, out: number): number {
        view().setBigUint64(out, BigInt(Date.now()) * 1_000_000n, true);
        return 0;
      },
      fd_close: () => 0,
      fd_seek: () => ENOSYS,
      proc_exit(code: number): number {
        throw new Error(`the core called proc_exit(${code})`);
      },
    },
    { get: (target, name: string) => Reflect.get(target, name) ?? (() => ENOSYS) },
  );
}

/** One instance of the core, with the campaigns loaded into it. */
export class Core {
  private readonly memory: () => WebAssembly.Memory;
  private readonly abi: AbiCaller;
  private counters: Counters | null = null;
  /** Loaded campaigns: key (campaign id + version) -> handle. */
  private readonly handles = new Map<string, number>();

  constructor() {
    const memory = () => this.memory();
    const name = (pointer: number, length: number) => decoder.decode(new Uint8Array(memory().buffer, pointer, length));
    const counters = () => {
      if (!this.counters) throw new Error("counter import called outside a draw");
      return this.counters;
    };
    const instance = new WebAssembly.Instance(wasmModule, {
      wasi_snapshot_preview1: wasiImports(memory),
      blindbox_host: {
        counter_get: (pointer: number, length: number) => counters().get(name(pointer, length)),
        counter_add: (pointer: number, length: number, delta: number, cap: number) =>
          counters().addWithin(name(pointer, length), delta, cap) ? 1 : 0,
        counter_mark: (pointer: number, length: number) => (counters().markOnce(name(pointer, length)) ? 1 : 0),
      },
    });
    const exports = instance.exports;
    this.memory = () => exports.memory as WebAssembly.Memory;
    this.abi = abiCaller(exports, this.memory);
    (exports._initialize as () => void)();
  }

  /**
   * Calls bb_<fn>(...numbers, input?) and returns the parsed JSON result ({}
   * when the call leaves none); throws CoreError on a negative status. `T`
   * is the shape wasm/abi/blindbox.h documents for that call (core-calls.ts
   * names one per call); left out, the result is `unknown`.
   */
  call<T = unknown>(fn: string, numbers: number[], input?: string): { status: number; result: T } {
    const { status, result } = this.abi.call<T | null>(fn, numbers, input);
    return { status, result: result ?? ({} as T) };
  }

  /** The handle of a campaign definition, loading it once per (id, version). */
  campaign(id: string, version: number, definition: string | (() => string)): number {
    const key = `${id}@${version}`;
    const known = this.handles.get(key);
    if (known !== undefined) return known;
    for (const [other, handle] of this.handles) {
      if (other.startsWith(`${id}@`)) {
        this.call("campaign_unload", [handle]);
        this.handles.delete(other);
      }
    }
    const { status } = this.call("campaign_load", [], typeof definition === "string" ? definition : definition());
    this.handles.set(key, status);
    return status;
  }

  /** Runs `fn` with the counter imports bound to `counters`. */
  withCounters<T>(counters: Counters, fn: () => T): T {
    this.counters = counters;
    try {
      return fn();
    } finally {
      this.counters = null;
    }
  }
}

let shared: Core | null = null;

/** The isolate's core, built on first use. */
export function core(): Core {
  shared ??= new Core();
  return shared;
}

/**
 * Runs `fn` against the isolate's core. A trap (WebAssembly.RuntimeError)
 * leaves the instance in an unknown state: it is dropped, so the next call
 * builds a fresh one, and the error is rethrown.
 */
export function withCore<T>(fn: (core: Core) => T): T {
  try {
    return fn(core());
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      console.error(`core trapped, rebuilding the instance: ${error.message}`);
      shared = null;
    }
    throw error;
  }
}

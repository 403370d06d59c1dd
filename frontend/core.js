// The blindbox core in the browser: the Emscripten build of the same C++ code
// that decides draws on the server (frontend/core/blindbox.{mjs,wasm}), wrapped
// as JSON in, JSON out (see wasm/abi/blindbox.h). No DOM here: the page and
// the simulation worker both use it.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An error the core reported: {code, message, field?}. */
export class CoreError extends Error {
  constructor(status, error) {
    super(error?.message ?? `core call failed (${status})`);
    this.status = status;
    this.code = error?.code ?? "core_error";
    this.field = error?.field;
  }
}

/**
 * bb_<name>(...ints, input?) on an instantiated Emscripten module: copies the
 * input (text, or an object sent as JSON) into module memory, calls, and
 * returns {status, value} with the parsed JSON result (or the raw text as an
 * error when it is not JSON). The page and the console both call through this.
 */
export function rawCaller(module) {
  const fn = (name) => {
    const f = module[`_bb_${name}`];
    if (typeof f !== "function") throw new Error(`the core has no bb_${name}`);
    return f;
  };
  const alloc = fn("alloc");
  const free = fn("free");
  const resultPtr = fn("result_ptr");
  const resultLen = fn("result_len");
  function raw(name, ints, input) {
    const f = fn(name);
    let status;
    if (input === undefined) {
      status = f(...ints);
    } else {
      const bytes = encoder.encode(typeof input === "string" ? input : JSON.stringify(input));
      if (bytes.length === 0) {
        status = f(...ints, 0, 0); // bb_alloc(0) gives no memory; an empty input needs none
      } else {
        const pointer = alloc(bytes.length);
        if (pointer === 0) throw new Error("bb_alloc failed");
        module.HEAPU8.set(bytes, pointer); // a fresh view: the heap may have grown
        try {
          status = f(...ints, pointer, bytes.length);
        } finally {
          free(pointer);
        }
      }
    }
    const pointer = resultPtr();
    const length = resultLen();
    const text = decoder.decode(module.HEAPU8.slice(pointer, pointer + length));
    let value = null;
    try {
      value = text ? JSON.parse(text) : null;
    } catch {
      value = { error: { code: "core_error", message: text } };
    }
    return { status, value };
  }
  raw.fn = fn;
  return raw;
}

function wrap(module) {
  const raw = rawCaller(module);
  const fn = raw.fn;

  /** Like raw(), but throws CoreError on a negative status and returns the result. */
  function call(name, ints, input) {
    const { status, value } = raw(name, ints, input);
    if (status < 0) throw new CoreError(status, value?.error);
    return value;
  }

  // Loaded campaigns, by their definition's text: loading parses and checks it once.
  const handles = new Map();
  function campaign(definition) {
    const text = typeof definition === "string" ? definition : JSON.stringify(definition);
    let handle = handles.get(text);
    if (handle === undefined) {
      const { status, value } = raw("campaign_load", [], text);
      if (status <= 0) throw new CoreError(status, value?.error);
      handle = status;
      // Keep a few; a campaign changes rarely.
      if (handles.size >= 4) {
        const [oldText, oldHandle] = handles.entries().next().value;
        handles.delete(oldText);
        raw("campaign_unload", [oldHandle]);
      }
      handles.set(text, handle);
    }
    return handle;
  }

  return {
    abiVersion: fn("abi_version")(),
    /** Status, day and next opening at `now` (unix seconds). */
    clock: (definition, request) => call("clock", [campaign(definition)], request),
    /** Disclosed and effective odds: {now, issued, boxes_opened}. */
    odds: (definition, request) => call("odds", [campaign(definition)], request),
    /** A simulated day: {day, players, seed}. */
    simulate: (definition, request) => call("simulate", [campaign(definition)], request),
    describe: (definition) => call("campaign_describe", [campaign(definition)]),
  };
}

let compiled = null;
let loading = null;

const WASM_URL = new URL("./core/blindbox.wasm", import.meta.url);

/** The compiled wasm, fetched once (or handed over by the page, in the worker). */
export function compiledCore(given) {
  compiled ??= given
    ? Promise.resolve(given)
    : WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetch(WASM_URL, { credentials: "same-origin" })).catch(() => compileBuffer())
      : compileBuffer();
  return compiled;
}

async function compileBuffer() {
  const response = await fetch(WASM_URL, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`could not load the core (HTTP ${response.status})`);
  return WebAssembly.compile(await response.arrayBuffer());
}

let instantiating = null;

/**
 * The Emscripten module, instantiated once: {instance, wasmModule}.
 * `wasmModule`: an already compiled WebAssembly.Module (a page passes its own
 * to its worker).
 */
export function instantiateCore({ wasmModule } = {}) {
  instantiating ??= (async () => {
    const [{ default: createBlindbox }, module] = await Promise.all([
      import("./core/blindbox.mjs"),
      compiledCore(wasmModule),
    ]);
    const instance = await new Promise((resolve, reject) => {
      createBlindbox({
        // Instantiate from the compiled module ourselves: works in pages and module workers alike.
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(module, imports).then((made) => receive(made, module), reject);
          return {};
        },
        print: () => {},
        printErr: () => {},
      }).then(resolve, reject);
    });
    return { instance, wasmModule: module };
  })();
  return instantiating;
}

/** Loads the core once; resolves to the wrapper above. */
export function loadCore(options = {}) {
  loading ??= instantiateCore(options).then(({ instance, wasmModule }) => {
    const core = wrap(instance);
    core.wasmModule = wasmModule;
    return core;
  });
  return loading;
}

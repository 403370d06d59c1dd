// The blindbox C++ core in the console: the Emscripten build in ../core/
// (blindbox.mjs + blindbox.wasm), wrapped as JSON in, JSON out (see
// wasm/abi/blindbox.h). The page validates with it; the forecast worker
// simulates with it (the page hands the worker its compiled module).

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const WASM_URL = new URL("../core/blindbox.wasm", import.meta.url);
const MODULE_URL = new URL("../core/blindbox.mjs", import.meta.url);

let compiled = null;
let loading = null;

async function compileFromNetwork() {
  if (WebAssembly.compileStreaming) {
    try {
      return await WebAssembly.compileStreaming(fetch(WASM_URL, { credentials: "same-origin" }));
    } catch {
      // a server without the wasm MIME type: fall back to bytes
    }
  }
  const response = await fetch(WASM_URL, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`could not load the core (HTTP ${response.status})`);
  return WebAssembly.compile(await response.arrayBuffer());
}

function wrap(module) {
  const fn = (name) => {
    const f = module[`_bb_${name}`];
    if (typeof f !== "function") throw new Error(`the core has no bb_${name}`);
    return f;
  };
  const alloc = fn("alloc");
  const free = fn("free");
  const resultPtr = fn("result_ptr");
  const resultLen = fn("result_len");

  /** bb_<name>(...ints, text?) -> {status, value} (value: the parsed JSON result). */
  function call(name, ints, input) {
    const f = fn(name);
    let status;
    if (input === undefined) {
      status = f(...ints);
    } else {
      const bytes = encoder.encode(typeof input === "string" ? input : JSON.stringify(input));
      if (bytes.length === 0) {
        status = f(...ints, 0, 0);
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

  /** Every problem bb_validate finds: [] when valid, else [{field, message}]. */
  function validate(text) {
    const { status, value } = call("validate", [], text);
    if (status >= 0) return [];
    const error = value?.error ?? {};
    if (Array.isArray(error.errors) && error.errors.length > 0) {
      return error.errors.map((e) => ({ field: e.field ?? e.pointer ?? "", message: e.message }));
    }
    return [{ field: error.field ?? "", message: error.message ?? "invalid" }];
  }

  return {
    call,
    validate,
    /** A handle for the campaign, or throws with the core's error. */
    load(text) {
      const { status, value } = call("campaign_load", [], text);
      if (status <= 0) throw Object.assign(new Error(value?.error?.message ?? "invalid campaign"), { error: value?.error });
      return status;
    },
    unload: (handle) => call("campaign_unload", [handle]),
    /** A simulated day, or throws with the core's error. */
    simulate(handle, requestJson) {
      const { status, value } = call("simulate", [handle], requestJson);
      if (status < 0) throw Object.assign(new Error(value?.error?.message ?? "simulation failed"), { error: value?.error });
      return value;
    },
  };
}

/** The compiled WebAssembly.Module (to hand to a worker). */
export function compiledCore(given) {
  compiled ??= given ? Promise.resolve(given) : compileFromNetwork();
  return compiled;
}

/** Loads the core once; resolves to the wrapper above. */
export function loadCore({ wasmModule } = {}) {
  loading ??= (async () => {
    const [{ default: createBlindbox }, module] = await Promise.all([import(MODULE_URL.href), compiledCore(wasmModule)]);
    const instance = await createBlindbox({
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(module, imports).then((made) => receive(made, module));
        return {};
      },
      print: () => {},
      printErr: () => {},
    });
    const core = wrap(instance);
    core.wasmModule = module;
    return core;
  })();
  return loading;
}

// The core in the browser: the Emscripten build of the C++ core
// (frontend/core/blindbox.{mjs,wasm}), compiled once per page and handed to
// its worker, with the calls the pages make, JSON in and JSON out, through
// the one ABI caller (core.js). No DOM here: the player page, the console and
// the simulation worker all load the core with it.

import { abiCaller, CoreError, emscriptenExports } from "./core.js";

export { CoreError };

/** @typedef {import("../core/blindbox.d.mts").BlindboxModule} BlindboxModule */
/**
 * A call's JSON reply, shaped as wasm/abi/blindbox.h documents for that call;
 * the pages read the fields they need, so it is not typed further here.
 * @typedef {any} CoreReply
 */
/**
 * A campaign definition: the object or its JSON text.
 * @typedef {object | string} Definition
 */
/**
 * A call's request: the object or its JSON text.
 * @typedef {object | string} CoreRequest
 */
/**
 * The loaded core: the calls below, and the compiled module to hand a worker.
 * @typedef {ReturnType<typeof wrap> & {wasmModule: WebAssembly.Module}} Core
 */

const WASM_URL = new URL("../core/blindbox.wasm", import.meta.url);
/** Campaigns kept loaded at once; a campaign changes rarely. */
const LOADED_CAMPAIGNS = 4;

/** @type {(value: object | string) => string} */
const asText = (value) => (typeof value === "string" ? value : JSON.stringify(value));

/** @param {BlindboxModule} module */
function wrap(module) {
  const { exports, memory } = emscriptenExports(module);
  const abi = abiCaller(exports, memory);
  /** @type {(name: string, numbers: number[], input?: object | string) => CoreReply} */
  const call = (name, numbers, input) =>
    abi.call(name, numbers, input === undefined ? undefined : asText(input)).result;

  // Loaded campaigns, by their definition's text: loading parses and checks it once.
  /** @type {Map<string, number>} */
  const handles = new Map();
  /**
   * The handle of a loaded campaign, loading it (and dropping the least recently used) when new.
   * @param {Definition} definition
   * @returns {number}
   */
  function campaign(definition) {
    const text = asText(definition);
    let handle = handles.get(text);
    if (handle !== undefined) {
      // Most recently used last, so the campaigns of one call are never the ones dropped.
      handles.delete(text);
      handles.set(text, handle);
    } else {
      handle = abi.call("campaign_load", [], text).status;
      if (handles.size >= LOADED_CAMPAIGNS) {
        const [oldText, oldHandle] = /** @type {[string, number]} */ (handles.entries().next().value);
        handles.delete(oldText);
        abi.call("campaign_unload", [oldHandle]);
      }
      handles.set(text, handle);
    }
    return handle;
  }

  /**
   * Every problem bb_validate finds: [] when valid, else [{field, message}].
   * @param {string} text a campaign definition's JSON text
   * @returns {Array<{field: string, message: string}>}
   */
  function validate(text) {
    try {
      abi.call("validate", [], text);
      return [];
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      if (Array.isArray(error.errors) && error.errors.length > 0) {
        return error.errors.map((e) => ({ field: e.field ?? e.pointer ?? "", message: e.message }));
      }
      return [{ field: error.field ?? "", message: error.message ?? "invalid" }];
    }
  }

  return {
    abiVersion: abi.exported("abi_version")(),
    validate,
    /**
     * Status, day and next opening at `now` (unix seconds).
     * @type {(definition: Definition, request: CoreRequest) => CoreReply}
     */
    clock: (definition, request) => call("clock", [campaign(definition)], request),
    /**
     * Disclosed and effective odds: {now, issued, boxes_opened}.
     * @type {(definition: Definition, request: CoreRequest) => CoreReply}
     */
    odds: (definition, request) => call("odds", [campaign(definition)], request),
    /**
     * A simulated day: {day, players, seed, draws_per_player?, arrival?}.
     * @type {(definition: Definition, request: CoreRequest) => CoreReply}
     */
    simulate: (definition, request) => call("simulate", [campaign(definition)], request),
    /** @type {(definition: Definition) => CoreReply} */
    describe: (definition) => call("campaign_describe", [campaign(definition)]),
    /**
     * Days, clock times and labels on a campaign's clock (bb_calendar).
     * @type {(request: CoreRequest) => CoreReply}
     */
    calendar: (request) => call("calendar", [], request),
    /**
     * Odds texts read, summed, compared and shown as percents (bb_odds_text).
     * @type {(request: CoreRequest) => CoreReply}
     */
    oddsText: (request) => call("odds_text", [], request),
    /**
     * Exact averages and shares over simulated runs (bb_forecast).
     * @type {(request: CoreRequest) => CoreReply}
     */
    forecast: (request) => call("forecast", [], request),
    /**
     * What `proposed` changes against `current` on a day (bb_change_check): {day, problem, changes}.
     * @type {(proposed: Definition, current: Definition, request: object) => CoreReply}
     */
    changeCheck: (proposed, current, request) => {
      const proposedHandle = campaign(proposed);
      return call("change_check", [proposedHandle], { ...request, current: campaign(current) });
    },
  };
}

/** @type {Promise<WebAssembly.Module> | null} */
let compiled = null;

/** @returns {Promise<WebAssembly.Module>} */
async function compileBuffer() {
  const response = await fetch(WASM_URL, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`could not load the core (HTTP ${response.status})`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * The compiled wasm, fetched once (or handed over by the page, in the worker).
 * @param {WebAssembly.Module} [given]
 * @returns {Promise<WebAssembly.Module>}
 */
export function compiledCore(given) {
  compiled ??= given
    ? Promise.resolve(given)
    : WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetch(WASM_URL, { credentials: "same-origin" })).catch(() => compileBuffer())
      : compileBuffer();
  return compiled;
}

/**
 * @param {WebAssembly.Module | undefined} wasmModule
 * @returns {Promise<{instance: BlindboxModule, wasmModule: WebAssembly.Module}>}
 */
async function instantiate(wasmModule) {
  const [{ default: createBlindbox }, module] = await Promise.all([
    import("../core/blindbox.mjs"),
    compiledCore(wasmModule),
  ]);
  /** @type {BlindboxModule} */
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
}

/** @type {Promise<Core> | null} */
let loading = null;

/**
 * Loads the core once; resolves to the wrapper above, with `wasmModule` (the
 * compiled module, for a worker). `wasmModule`: one already compiled (a page
 * passes its own to its worker).
 * @param {{wasmModule?: WebAssembly.Module}} [options]
 * @returns {Promise<Core>}
 */
export function loadCore({ wasmModule } = {}) {
  loading ??= instantiate(wasmModule).then(({ instance, wasmModule: module }) => {
    const core = /** @type {Core} */ (wrap(instance));
    core.wasmModule = module;
    return core;
  });
  return loading;
}

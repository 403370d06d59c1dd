// The core in the browser: the Emscripten build of the C++ core
// (frontend/core/blindbox.{mjs,wasm}), compiled once per page and handed to
// its worker, with the calls the pages make, JSON in and JSON out, through
// the one ABI caller (core.js). No DOM here: the player page, the console and
// the simulation worker all load the core with it.

import { abiCaller, CoreError, emscriptenExports } from "./core.js";

export { CoreError };

const WASM_URL = new URL("../core/blindbox.wasm", import.meta.url);
/** Campaigns kept loaded at once; a campaign changes rarely. */
const LOADED_CAMPAIGNS = 4;

const asText = (value) => (typeof value === "string" ? value : JSON.stringify(value));

function wrap(module) {
  const { exports, memory } = emscriptenExports(module);
  const abi = abiCaller(exports, memory);
  const call = (name, numbers, input) =>
    abi.call(name, numbers, input === undefined ? undefined : asText(input)).result;

  // Loaded campaigns, by their definition's text: loading parses and checks it once.
  const handles = new Map();
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
        const [oldText, oldHandle] = handles.entries().next().value;
        handles.delete(oldText);
        abi.call("campaign_unload", [oldHandle]);
      }
      handles.set(text, handle);
    }
    return handle;
  }

  /** Every problem bb_validate finds: [] when valid, else [{field, message}]. */
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
    /** Status, day and next opening at `now` (unix seconds). */
    clock: (definition, request) => call("clock", [campaign(definition)], request),
    /** Disclosed and effective odds: {now, issued, boxes_opened}. */
    odds: (definition, request) => call("odds", [campaign(definition)], request),
    /** A simulated day: {day, players, seed, draws_per_player?, arrival?}. */
    simulate: (definition, request) => call("simulate", [campaign(definition)], request),
    describe: (definition) => call("campaign_describe", [campaign(definition)]),
    /** Days, clock times and labels on a campaign's clock (bb_calendar). */
    calendar: (request) => call("calendar", [], request),
    /** Odds texts read, summed, compared and shown as percents (bb_odds_text). */
    oddsText: (request) => call("odds_text", [], request),
    /** Exact averages and shares over simulated runs (bb_forecast). */
    forecast: (request) => call("forecast", [], request),
    /** What `proposed` changes against `current` on a day (bb_change_check): {day, problem, changes}. */
    changeCheck: (proposed, current, request) => {
      const proposedHandle = campaign(proposed);
      return call("change_check", [proposedHandle], { ...request, current: campaign(current) });
    },
  };
}

let compiled = null;

async function compileBuffer() {
  const response = await fetch(WASM_URL, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`could not load the core (HTTP ${response.status})`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** The compiled wasm, fetched once (or handed over by the page, in the worker). */
export function compiledCore(given) {
  compiled ??= given
    ? Promise.resolve(given)
    : WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetch(WASM_URL, { credentials: "same-origin" })).catch(() => compileBuffer())
      : compileBuffer();
  return compiled;
}

async function instantiate(wasmModule) {
  const [{ default: createBlindbox }, module] = await Promise.all([
    import("../core/blindbox.mjs"),
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
}

let loading = null;

/**
 * Loads the core once; resolves to the wrapper above, with `wasmModule` (the
 * compiled module, for a worker). `wasmModule`: one already compiled (a page
 * passes its own to its worker).
 */
export function loadCore({ wasmModule } = {}) {
  loading ??= instantiate(wasmModule).then(({ instance, wasmModule: module }) => {
    const core = wrap(instance);
    core.wasmModule = module;
    return core;
  });
  return loading;
}

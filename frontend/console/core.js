// The blindbox C++ core in the console: the player page's loader (../core.js,
// the Emscripten build in ../core/) with the calls the console needs. The page
// validates with it; the forecast worker simulates with it (the page hands the
// worker its compiled module).

import { compiledCore, instantiateCore, rawCaller } from "../core.js";

export { compiledCore };

let loading = null;

function wrap(module) {
  const call = rawCaller(module);

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
      if (status <= 0)
        throw Object.assign(new Error(value?.error?.message ?? "invalid campaign"), { error: value?.error });
      return status;
    },
    unload: (handle) => call("campaign_unload", [handle]),
    /** A simulated day, or throws with the core's error. */
    simulate(handle, requestJson) {
      const { status, value } = call("simulate", [handle], requestJson);
      if (status < 0)
        throw Object.assign(new Error(value?.error?.message ?? "simulation failed"), { error: value?.error });
      return value;
    },
  };
}

/** Loads the core once (the same instance as the player page's modules); resolves to the wrapper above. */
export function loadCore({ wasmModule } = {}) {
  loading ??= instantiateCore({ wasmModule }).then(({ instance, wasmModule: module }) => {
    const core = wrap(instance);
    core.wasmModule = module;
    return core;
  });
  return loading;
}

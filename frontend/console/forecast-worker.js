// Runs the forecast off the page's main thread: the core's bb_campaign_load
// and bb_simulate, once per seed. Messages in:
//   {type: "run", job, definition (JSON text), request: {day, players, draws_per_player?, arrival?}, runs, wasmModule?}
//   {type: "cancel", job}
// out, per run: {type: "run", job, run, runs, result}; then {type: "done", job}
// or {type: "error", job, error: {code, message, field?}}.
// A newer job (or a cancel) stops an older one between runs.

import { loadCore } from "./core.js";

let latest = 0;

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

self.addEventListener("message", async (event) => {
  const message = event.data ?? {};
  if (message.type === "cancel") {
    if (message.job >= latest) latest = message.job + 0.5;
    return;
  }
  if (message.type !== "run") return;
  const { job, definition, request, runs, wasmModule } = message;
  latest = job;
  let core;
  let handle = 0;
  try {
    core = await loadCore({ wasmModule });
    if (job !== latest) return;
    handle = core.load(definition);
    for (let run = 1; run <= runs; run++) {
      // Let newer messages in: a newer job or a cancel ends this one.
      await pause();
      if (job !== latest) return;
      const result = core.simulate(handle, JSON.stringify({ ...request, seed: run }));
      self.postMessage({ type: "run", job, run, runs, result });
    }
    self.postMessage({ type: "done", job });
  } catch (error) {
    const detail = error?.error ?? {};
    self.postMessage({
      type: "error",
      job,
      error: {
        code: detail.code ?? "forecast_failed",
        message: detail.message ?? String(error?.message ?? error),
        field: detail.field,
      },
    });
  } finally {
    if (core && handle > 0) core.unload(handle);
  }
});

// The one simulation worker: runs the core's bb_simulate off the page's main
// thread, for the player page's "try your luck" and the console's forecast.
// Uses only core-browser.js. Messages in:
//   {type: "run", job, definition (object or JSON text), request: {day, players, seed?, draws_per_player?, arrival?}, runs, wasmModule?}
//   {type: "cancel", job}
// out, per run: {type: "run", job, run, runs, result}; then {type: "done", job}
// or {type: "error", job, error: {code, message, field?}}.
// Run n uses seed n, or the request's own seed when it has one (runs: 1).
// A newer job (or a cancel) stops an older one between runs.

import { loadCore } from "./core-browser.js";

/**
 * A run message: `definition` is the campaign (object or JSON text), `runs` how many simulated days.
 * @typedef {object} RunMessage
 * @property {"run"} type
 * @property {number} job
 * @property {object | string} definition
 * @property {{day: number, players: number, seed?: number, draws_per_player?: number, arrival?: unknown}} request
 * @property {number} runs
 * @property {WebAssembly.Module} [wasmModule]
 */

/** @type {number} the newest job; older ones stop between runs */
let latest = 0;

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** @param {RunMessage} message */
async function run({ job, definition, request, runs, wasmModule }) {
  const core = await loadCore({ wasmModule });
  for (let run = 1; run <= runs; run++) {
    // Let newer messages in: a newer job or a cancel ends this one.
    await pause();
    if (job !== latest) return;
    const result = core.simulate(definition, { ...request, seed: request.seed ?? run });
    self.postMessage({ type: "run", job, run, runs, result });
  }
  self.postMessage({ type: "done", job });
}

self.addEventListener("message", async (event) => {
  const message = event.data ?? {};
  if (message.type === "cancel") {
    if (message.job >= latest) latest = message.job + 0.5;
    return;
  }
  if (message.type !== "run") return;
  latest = message.job;
  try {
    await run(message);
  } catch (caught) {
    const error = /** @type {{code?: string, message?: string, field?: string} | null | undefined} */ (caught);
    self.postMessage({
      type: "error",
      job: message.job,
      error: {
        code: error?.code ?? "simulation_failed",
        message: String(error?.message ?? error),
        field: error?.field,
      },
    });
  }
});

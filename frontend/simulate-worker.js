// Runs bb_simulate off the page's main thread. Message in:
//   {id, definition, request: {day, players, seed}, wasmModule?}
// out: {id, ok: true, result} or {id, ok: false, error: {code, message, field}}.

import { loadCore } from "./core.js";

self.addEventListener("message", async (event) => {
  const { id, definition, request, wasmModule } = event.data ?? {};
  try {
    const core = await loadCore({ wasmModule });
    const result = core.simulate(definition, request);
    self.postMessage({ id, ok: true, result });
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      error: {
        code: error?.code ?? "simulation_failed",
        message: String(error?.message ?? error),
        field: error?.field,
      },
    });
  }
});

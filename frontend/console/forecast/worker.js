// The forecast's simulation runs: one shared simulation worker per page
// (../../shared/simulate-worker.js, its message protocol unchanged), jobs
// numbered across every forecast card, a listener per job. Also the campaign
// as the simulation gets it (display-only fields dropped). No DOM, no core
// calls here: the worker runs the core.

import { isCampaignId } from "../../shared/campaign-id.js";
import { clone } from "../campaign.js";

let worker = null;
let workerFailed = false;
let moduleSent = false;
let jobs = 0;
const listeners = new Map();

/** The page's simulation worker, started on first use; null where workers cannot start. */
function simulationWorker() {
  if (worker || workerFailed) return worker;
  try {
    worker = new Worker(new URL("../../shared/simulate-worker.js", import.meta.url), { type: "module" });
    worker.addEventListener("message", (event) => listeners.get(event.data?.job)?.(event.data));
    worker.addEventListener("error", () => {
      for (const listener of listeners.values())
        listener({ type: "error", error: { code: "worker_failed", message: "" } });
    });
  } catch {
    workerFailed = true;
  }
  return worker;
}

/** Whether a worker can run simulations on this page. */
export const workerAvailable = () => simulationWorker() !== null;

/**
 * Starts `runs` simulations of `request` on `definition` (JSON text); the
 * worker's messages for this job go to `onMessage`. `wasmModule`: the compiled
 * core, handed to the worker with the first job only. Returns the job number.
 */
export function startRuns({ definition, request, runs, wasmModule }, onMessage) {
  const job = ++jobs;
  listeners.set(job, onMessage);
  const handOver = moduleSent ? undefined : wasmModule;
  moduleSent = true;
  simulationWorker().postMessage({ type: "run", job, definition, request, runs, wasmModule: handOver });
  return job;
}

/** Whether `job` still waits for messages. */
export const isRunning = (job) => listeners.has(job);

/** Stops listening to `job`: after its last message, or to cancel it (`tellWorker`). */
export function endRuns(job, { tellWorker = false } = {}) {
  if (!listeners.has(job)) return;
  listeners.delete(job);
  if (tellWorker) worker?.postMessage({ type: "cancel", job });
}

/** The campaign for the simulation: display-only fields that cannot matter are dropped. */
export function simulationDefinition(draft) {
  const d = clone(draft);
  if (!isCampaignId(d.id)) d.id = "forecast";
  if (typeof d.title !== "string" || d.title.trim() === "") d.title = "Forecast";
  delete d.theme;
  delete d.$schema;
  const tables = [d.prize_table, ...Object.values(d.date_overrides ?? {})];
  for (const table of tables) {
    for (const prize of Array.isArray(table?.prizes) ? table.prizes : []) {
      if (!prize || typeof prize !== "object") continue;
      delete prize.image;
      delete prize.value;
      if (typeof prize.name !== "string" || prize.name === "")
        prize.name = typeof prize.id === "string" && prize.id ? prize.id : "prize";
    }
  }
  return JSON.stringify(d);
}

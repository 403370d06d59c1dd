// The forecast beside the editor: the campaign as it stands in the form, run
// through the core's own draw on simulated days (bb_simulate, in a Web
// Worker), ten times with different seeds, and summed up by the core
// (bb_forecast). Shows per prize the expected winners, the chance it is still
// in stock at closing and its typical sell-out time, as a timeline (inline
// SVG) and a table. Inputs: players per day, draws per player and an arrival
// curve over the opening hours.
//
// This module is the controller: its state, the runs and when to show them.
// The parts are in forecast/: controls.js (inputs), arrival.js (the curve),
// opening.js (the clock, from the core's calendar), worker.js (the runs),
// summary.js, chart.js and table.js (the results).

import { loadCore } from "../shared/core-browser.js";
import { announce, clear, debounce, h } from "./dom.js";
import { createArrival } from "./forecast/arrival.js";
import { timeline } from "./forecast/chart.js";
import { createControls, dailyLimitOf, readInt } from "./forecast/controls.js";
import { clockLabels, openingOf, regularDay, slicesOf } from "./forecast/opening.js";
import { renderSummary, summarize } from "./forecast/summary.js";
import { renderTable } from "./forecast/table.js";
import { endRuns, isRunning, simulationDefinition, startRuns, workerAvailable } from "./forecast/worker.js";
import { fmtNumber, t } from "./i18n.js";

export { PRESETS } from "./forecast/arrival.js";

const RUNS = 10;
/** Fewer runs for very big days, so a forecast never takes minutes. */
const runsFor = (drawsPerDay) => (drawsPerDay <= 2_000_000 ? RUNS : drawsPerDay <= 10_000_000 ? 5 : 3);
const DEBOUNCE_MS = 350;
// Keep what is shown until a new forecast is complete, unless it takes this long.
const PARTIAL_AFTER_MS = 1200;
const MAX_PLAYERS = 10_000_000;
const MAX_DRAWS_PER_PLAYER = 1_000_000;

/** The forecast's state, kept by the editor across re-renders (language changes). */
function initialState(st) {
  st.players ??= "10000";
  st.draws ??= "";
  st.day ??= "regular";
  st.preset ??= "even";
  st.weights ??= null;
  st.sliceKey ??= "";
  st.shown ??= null; // the summary on screen
  st.shownKey ??= "";
  st.status ??= "idle";
  st.message ??= "";
  return st;
}

/** The forecast card: its state, the runs in flight and what is shown. */
class ForecastCard {
  constructor(mount, st) {
    this.mount = mount;
    this.st = initialState(st);
    this.core = null;
    this.draft = null;
    this.opening = null;
    this.dailyLimit = null;
    this.job = 0;
    this.runningKey = "";
    this.partial = [];
    this.startedAt = 0;
    this.destroyed = false;
    this.updated = false;
    this.runSoon = debounce(() => this.run(), DEBOUNCE_MS);
    this.controls = createControls(st, this.runSoon);
    this.arrival = createArrival(mount, st, this.runSoon);
    this.els = {
      state: h("p", { class: "forecast-state", "data-testid": "forecast-state" }),
      summary: h("div", { class: "forecast-summary" }),
      chart: h("div", { class: "forecast-chart" }),
      table: h("div", { class: "forecast-table-wrap" }),
    };
    this.render();
    loadCore().then(
      (core) => {
        this.core = core;
        if (this.draft && !this.destroyed) this.applyDraft();
      },
      () => this.setStatus("error", t("checkerFailed")),
    );
  }

  render() {
    const { mount, arrival, els } = this;
    mount.setAttribute("data-testid", "forecast");
    clear(
      mount,
      h("h3", { id: "forecast-title" }, t("forecastTitle")),
      h("p", { class: "hint" }, t("forecastIntro", RUNS)),
      this.controls.element,
      h(
        "div",
        { class: "arrival" },
        h(
          "div",
          { class: "arrival-head" },
          h("p", { class: "label", id: "arrival-title" }, t("arrivalTitle")),
          h("label", { for: "forecast-arrival", class: "visually-hidden" }, t("arrivalPreset")),
          arrival.preset,
        ),
        arrival.bars,
        h("p", { class: "hint", id: "arrival-help" }, t("arrivalHelp")),
      ),
      h("div", { class: "forecast-output" }, els.state, els.summary, els.chart, els.table),
    );
    arrival.preset.value = this.st.preset;
  }

  // -------------------------------------------------------------- running

  /** The simulation request of the inputs, or null (with the errors shown) when they are not valid. */
  readRequest() {
    const { st, controls, draft } = this;
    controls.showErrors();
    const players = readInt(st.players, 1, MAX_PLAYERS);
    if (players === null) {
      controls.showErrors({ players: t("forecastPlayersError", fmtNumber(MAX_PLAYERS)) });
      this.setStatus("input", t("forecastFixInputs"));
      return null;
    }
    let draws;
    if (String(st.draws).trim() !== "") {
      draws = readInt(st.draws, 1, MAX_DRAWS_PER_PLAYER);
      if (draws === null) {
        controls.showErrors({ draws: t("forecastDrawsError") });
        this.setStatus("input", t("forecastFixInputs"));
        return null;
      }
    }
    if (!this.opening || (draws === undefined && this.dailyLimit === null)) {
      this.setStatus("invalid", t("forecastInvalid"));
      return null;
    }
    const weights = st.weights.some((w) => w > 0) ? st.weights : st.weights.map(() => 1);
    const day = st.day !== "regular" && draft.date_overrides?.[st.day] ? st.day : regularDay(this.core, draft);
    const request = { day, players, arrival: weights, ...(draws !== undefined ? { draws_per_player: draws } : {}) };
    return { request, runs: runsFor(players * (draws ?? this.dailyLimit)) };
  }

  run() {
    if (!this.draft || !this.core || this.destroyed) return;
    const input = this.readRequest();
    if (!input) return;
    const definition = simulationDefinition(this.draft);
    const key = JSON.stringify([definition, input.request]);
    if ((key === this.st.shownKey && this.st.status === "done") || key === this.runningKey) return;
    if (!workerAvailable()) {
      this.setStatus("error", t("forecastNoWorker"));
      return;
    }
    this.cancel();
    this.runningKey = key;
    this.partial = [];
    this.startedAt = performance.now();
    const { request, runs } = input;
    const job = startRuns({ definition, request, runs, wasmModule: this.core.wasmModule }, (message) =>
      this.onMessage(job, key, message),
    );
    this.job = job;
    this.setStatus("running", t("forecastRunning", 0, runs));
  }

  onMessage(job, key, message) {
    if (job !== this.job || this.destroyed) return;
    const { st } = this;
    if (message.type === "run") {
      this.partial.push(message.result);
      if (performance.now() - this.startedAt > PARTIAL_AFTER_MS) {
        st.shown = summarize(this.core, this.partial);
        st.shownKey = "";
        this.renderResults();
      }
      this.setStatus("running", t("forecastRunning", message.run, message.runs));
      return;
    }
    endRuns(job);
    this.runningKey = "";
    if (message.type === "done") {
      st.shown = summarize(this.core, this.partial);
      st.shownKey = key;
      this.renderResults();
      this.setStatus("done", t("forecastDone", st.shown.runs, st.shown.winRate.percent_brief));
      announce(t("forecastAnnounce", st.shown.winRate.percent_brief));
      return;
    }
    this.showRunError(message.error ?? {});
  }

  showRunError(error) {
    if (error.code === "invalid_campaign") {
      this.setStatus("invalid", t("forecastInvalid"));
    } else if (error.field === "/players" || error.field === "/draws_per_player") {
      this.controls.showErrors({ players: error.message });
      this.setStatus("input", t("forecastFixInputs"));
    } else if (error.field === "/day") {
      this.setStatus("invalid", t("forecastDayError", error.message));
    } else {
      this.setStatus("error", t("forecastFailed", error.message || error.code));
    }
  }

  cancel() {
    if (this.job && isRunning(this.job)) endRuns(this.job, { tellWorker: true });
    this.runningKey = "";
  }

  setStatus(status, message) {
    const { st, mount, els } = this;
    st.status = status;
    st.message = message;
    mount.dataset.status = status;
    els.state.textContent = message;
    els.state.dataset.status = status;
    mount.querySelector(".forecast-output")?.classList.toggle("stale", status !== "done" && status !== "running");
  }

  // -------------------------------------------------------------- results

  renderResults() {
    const { els, core, opening } = this;
    const result = this.st.shown;
    this.mount.dataset.runs = String(result?.runs ?? 0);
    if (!result || !core) {
      clear(els.summary);
      clear(els.chart);
      clear(els.table);
      return;
    }
    const soldOut = result.prizes.map((prize) => prize.medianSoldOut);
    const labels = clockLabels(
      core,
      opening,
      soldOut.map((seconds) => seconds ?? 0),
    );
    const soldOutAt = soldOut.map((seconds, i) => (seconds === null ? "" : labels[i]));
    renderSummary(els.summary, result);
    clear(els.chart, h("div", { class: "timeline-wrap" }, timeline(result, opening, soldOutAt)));
    renderTable(els.table, result, soldOutAt);
  }

  // -------------------------------------------------------------- updates

  /** Opening, slices, inputs and results for the current draft (the core is loaded). */
  applyDraft() {
    const { st, core, draft, arrival } = this;
    this.opening = openingOf(core, draft);
    this.dailyLimit = dailyLimitOf(core, simulationDefinition(draft));
    const slices = slicesOf(this.opening);
    const starts = slices.map((slice) => slice.start);
    const labels = clockLabels(core, this.opening, [...starts, ...slices.map((slice) => slice.end)]);
    arrival.setSlices(slices, { starts: labels.slice(0, slices.length), ends: labels.slice(slices.length) });
    const sliceKey = JSON.stringify([this.opening?.opensAt, starts]);
    const first = !this.updated;
    this.updated = true;
    if (sliceKey !== st.sliceKey || !Array.isArray(st.weights) || st.weights.length !== slices.length) {
      st.sliceKey = sliceKey;
      arrival.resetWeights();
      arrival.render();
    } else if (first) {
      arrival.render();
    }
    if (first) this.renderResults();
    this.controls.refresh(draft, regularDay(core, draft), this.dailyLimit);
    this.runSoon();
  }

  /** After every change of the campaign in the form. */
  update(draft) {
    this.draft = draft;
    if (this.st.status === "idle") this.setStatus("running", t("forecastRunning", 0, RUNS));
    if (this.core) this.applyDraft();
  }

  destroy() {
    this.destroyed = true;
    this.runSoon.cancel();
    this.cancel();
  }
}

/**
 * The forecast card in `mount`. `st` persists across re-renders (language changes).
 * update(draft) after every change of the campaign; destroy() when it goes.
 */
export function createForecast(mount, st = {}) {
  return new ForecastCard(mount, st);
}

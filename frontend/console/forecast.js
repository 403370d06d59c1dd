// The forecast beside the editor: the campaign as it stands in the form, run
// through the core's own draw on simulated days (bb_simulate, in a Web
// Worker), ten times with different seeds. Shows per prize the expected
// winners, the chance it is still in stock at closing and its typical
// sell-out time, as a timeline (inline SVG) and a table. Inputs: players per
// day, draws per player and an arrival curve over the opening hours.

import { isCampaignId } from "../shared/campaign-id.js";
import { clockText, clone, addDays, dayIn, minutesOf } from "./campaign.js";
import { compiledCore } from "../shared/core-browser.js";
import { tableHead } from "../shared/element.js";
import { announce, clear, debounce, h } from "./dom.js";
import { cell } from "./live.js";
import { fmtDay, fmtNumber, fmtPercent, t } from "./i18n.js";

const RUNS = 10;
/** Fewer runs for very big days, so a forecast never takes minutes. */
const runsFor = (drawsPerDay) => (drawsPerDay <= 2_000_000 ? RUNS : drawsPerDay <= 10_000_000 ? 5 : 3);
const DEBOUNCE_MS = 350;
// Keep what is shown until a new forecast is complete, unless it takes this long.
const PARTIAL_AFTER_MS = 1200;
const MAX_WEIGHT = 10;
const MAX_PLAYERS = 10_000_000;

// Relative arrivals per hour of the clock (0-23), 0..10.
export const PRESETS = {
  even: Array(24).fill(5),
  morning: [1, 1, 1, 1, 1, 1, 2, 4, 7, 10, 10, 8, 6, 4, 3, 3, 3, 3, 3, 2, 2, 2, 1, 1],
  lunch_evening: [1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 4, 7, 10, 8, 4, 3, 3, 4, 7, 10, 9, 6, 3, 1],
  evening: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 5, 7, 9, 10, 10, 7, 3],
};

// ---------------------------------------------------------------- the worker (one per page)

let worker = null;
let workerFailed = false;
let moduleSent = false;
let jobs = 0;
const listeners = new Map();

function getWorker() {
  if (worker || workerFailed) return worker;
  try {
    worker = new Worker(new URL("../shared/simulate-worker.js", import.meta.url), { type: "module" });
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

// ---------------------------------------------------------------- numbers

function median(sorted) {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per prize over the runs: mean winners, share of runs with stock left, median sell-out. */
export function aggregate(results) {
  const n = results.length;
  const first = results[0];
  const prizes = first.prizes.map((prize, index) => {
    const runs = results.map((r) => r.prizes[index]);
    const won = runs.map((r) => r.won);
    const soldOut = runs
      .map((r) => r.sold_out_after_seconds)
      .filter((s) => typeof s === "number")
      .sort((a, b) => a - b);
    return {
      id: prize.id,
      name: prize.name,
      stock: prize.stock,
      meanWon: won.reduce((a, b) => a + b, 0) / n,
      minWon: Math.min(...won),
      maxWon: Math.max(...won),
      stillInStock: runs.filter((r) => r.won < r.stock).length / n,
      soldOutRuns: soldOut.length,
      medianSoldOut: median(soldOut),
    };
  });
  const sum = (key) => results.reduce((a, r) => a + (r[key] ?? 0), 0);
  return {
    runs: n,
    day: first.day,
    openingSeconds: first.opening_seconds,
    prizes,
    draws: sum("draws") / n,
    wins: sum("wins") / n,
    refused: sum("refused") / n,
    winRate: sum("draws") > 0 ? sum("wins") / sum("draws") : 0,
    playersWhoWon: sum("players") > 0 ? sum("players_who_won") / sum("players") : 0,
  };
}

/** Opening hours of a draft: {open, close} in minutes, or null. */
function openingOf(draft) {
  const open = minutesOf(draft?.window?.opens_at ?? "00:00");
  const close = minutesOf(draft?.window?.closes_at ?? "24:00");
  if (open === null || close === null || close <= open) return null;
  return { open, close };
}

/** One slice per opening hour (at most 24), with their start times. */
export function slicesOf(opening) {
  if (!opening) return [];
  const length = opening.close - opening.open;
  const count = Math.min(24, Math.max(1, Math.ceil(length / 60)));
  return Array.from({ length: count }, (_, i) => {
    const start = opening.open + (length * i) / count;
    const end = opening.open + (length * (i + 1)) / count;
    return { start, end, hour: Math.floor(start / 60) % 24 };
  });
}

const presetWeights = (preset, slices) => slices.map((slice) => (PRESETS[preset] ?? PRESETS.even)[slice.hour]);

/** The campaign for the simulation: display-only fields that cannot matter are dropped. */
function simulationDefinition(draft) {
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

/** The regular day to simulate: today if in the window and not a special date, else the first such day. */
function regularDay(draft) {
  const first = draft?.window?.first_day;
  const last = draft?.window?.last_day;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(first ?? "") || !/^\d{4}-\d{2}-\d{2}$/.test(last ?? "")) return first ?? "";
  const today = dayIn(draft.utc_offset ?? "Z");
  let day = today >= first && today <= last ? today : first;
  for (let i = 0; i < 1000 && draft.date_overrides?.[day] && day < last; i++) day = addDays(day, 1);
  return day;
}

// ---------------------------------------------------------------- the view

/**
 * The forecast card in `mount`. `st` persists across re-renders (language changes).
 * update(draft) after every change of the campaign.
 */
export function createForecast(mount, st = {}) {
  st.players ??= "10000";
  st.draws ??= "";
  st.day ??= "regular";
  st.preset ??= "even";
  st.weights ??= null;
  st.sliceKey ??= "";
  st.shown ??= null; // the aggregate on screen
  st.shownKey ??= "";
  st.status ??= "idle";
  st.message ??= "";
  let draft = null;
  let slices = [];
  let job = 0;
  let runningKey = "";
  let partial = [];
  let startedAt = 0;
  let destroyed = false;
  let updated = false;

  const els = {};
  const runSoon = debounce(() => run(), DEBOUNCE_MS);

  function render() {
    els.players = h("input", {
      id: "forecast-players",
      type: "text",
      inputmode: "numeric",
      "data-testid": "forecast-players",
      value: st.players,
      autocomplete: "off",
      "aria-describedby": "forecast-players-error",
      oninput: () => {
        st.players = els.players.value;
        runSoon();
      },
    });
    els.playersError = h("p", { class: "field-error", id: "forecast-players-error" });
    els.draws = h("input", {
      id: "forecast-draws",
      type: "text",
      inputmode: "numeric",
      "data-testid": "forecast-draws",
      value: st.draws,
      autocomplete: "off",
      "aria-describedby": "forecast-draws-hint forecast-draws-error",
      oninput: () => {
        st.draws = els.draws.value;
        runSoon();
      },
    });
    els.drawsHint = h("p", { class: "hint", id: "forecast-draws-hint" });
    els.drawsError = h("p", { class: "field-error", id: "forecast-draws-error" });
    els.day = h("select", {
      id: "forecast-day",
      "data-testid": "forecast-day",
      onchange: () => {
        st.day = els.day.value;
        runSoon();
      },
    });
    els.preset = h(
      "select",
      {
        id: "forecast-arrival",
        "data-testid": "forecast-arrival",
        onchange: () => {
          st.preset = els.preset.value;
          if (st.preset !== "custom") st.weights = presetWeights(st.preset, slices);
          renderBars();
          runSoon();
        },
      },
      ["even", "morning", "lunch_evening", "evening", "custom"].map((p) => h("option", { value: p }, t(`preset_${p}`))),
    );
    els.bars = h("div", {
      class: "arrival-bars",
      "data-testid": "forecast-arrival-bars",
      role: "group",
      "aria-labelledby": "arrival-title",
      "aria-describedby": "arrival-help",
    });
    els.state = h("p", { class: "forecast-state", "data-testid": "forecast-state" });
    els.summary = h("div", { class: "forecast-summary" });
    els.chart = h("div", { class: "forecast-chart" });
    els.table = h("div", { class: "forecast-table-wrap" });

    mount.setAttribute("data-testid", "forecast");
    clear(
      mount,
      h("h3", { id: "forecast-title" }, t("forecastTitle")),
      h("p", { class: "hint" }, t("forecastIntro", RUNS)),
      h(
        "div",
        { class: "forecast-controls" },
        h(
          "div",
          { class: "field" },
          h("label", { for: "forecast-players" }, t("forecastPlayers")),
          els.players,
          els.playersError,
        ),
        h(
          "div",
          { class: "field" },
          h("label", { for: "forecast-draws" }, t("forecastDraws")),
          els.draws,
          els.drawsHint,
          els.drawsError,
        ),
        h("div", { class: "field field-wide" }, h("label", { for: "forecast-day" }, t("forecastDay")), els.day),
      ),
      h(
        "div",
        { class: "arrival" },
        h(
          "div",
          { class: "arrival-head" },
          h("p", { class: "label", id: "arrival-title" }, t("arrivalTitle")),
          h("label", { for: "forecast-arrival", class: "visually-hidden" }, t("arrivalPreset")),
          els.preset,
        ),
        els.bars,
        h("p", { class: "hint", id: "arrival-help" }, t("arrivalHelp")),
      ),
      h("div", { class: "forecast-output" }, els.state, els.summary, els.chart, els.table),
    );
    els.preset.value = st.preset;
    refreshInputs();
    renderBars();
    renderResults();
  }

  function refreshInputs() {
    if (!draft || !els.day) return;
    const limit = Number.isInteger(draft.limits?.draws_per_day) ? draft.limits.draws_per_day : 1;
    els.draws.placeholder = String(limit);
    els.drawsHint.textContent = t("forecastDrawsHint", limit);
    const regular = regularDay(draft);
    const days = Object.keys(draft.date_overrides ?? {}).sort();
    if (st.day !== "regular" && !days.includes(st.day)) st.day = "regular";
    const options = [
      h("option", { value: "regular" }, t("forecastRegularDay", regular ? fmtDay(regular) : "—")),
      ...days.map((day) => h("option", { value: day }, t("forecastSpecialDay", fmtDay(day)))),
    ];
    const key = JSON.stringify([regular, days]);
    if (els.day.dataset.key !== key) {
      clear(els.day, options);
      els.day.dataset.key = key;
    }
    els.day.value = st.day;
  }

  // -------------------------------------------------------------- arrival bars

  function renderBars() {
    if (!els.bars) return;
    if (slices.length === 0) {
      clear(els.bars, h("p", { class: "muted small" }, t("arrivalNoHours")));
      return;
    }
    const max = MAX_WEIGHT;
    const labelEvery = slices.length > 16 ? 4 : slices.length > 8 ? 2 : 1;
    let focusIndex = Number(els.bars.dataset.focus ?? 0);
    if (focusIndex >= slices.length) focusIndex = 0;
    const bars = slices.map((slice, i) => {
      const value = st.weights[i];
      const range = `${clockText(slice.start)}–${clockText(slice.end)}`;
      const bar = h(
        "div",
        {
          class: "arrival-bar",
          role: "slider",
          tabindex: i === focusIndex ? "0" : "-1",
          "aria-label": t("arrivalBar", range),
          "aria-valuemin": "0",
          "aria-valuemax": String(max),
          "aria-valuenow": String(value),
          "aria-valuetext": t("arrivalValue", value, max),
          "data-index": i,
        },
        h("span", { class: "arrival-fill", style: `height:${(value / max) * 100}%` }),
      );
      return h(
        "div",
        { class: "arrival-col" },
        bar,
        h(
          "span",
          { class: "arrival-label", "aria-hidden": "true" },
          i % labelEvery === 0 ? clockText(slice.start) : "",
        ),
      );
    });
    clear(els.bars, bars);
  }

  function setWeight(index, value, { focus = false } = {}) {
    const clamped = Math.max(0, Math.min(MAX_WEIGHT, Math.round(value)));
    if (st.weights[index] === clamped) return;
    st.weights[index] = clamped;
    if (st.preset !== "custom") {
      st.preset = "custom";
      els.preset.value = "custom";
    }
    const bar = els.bars.querySelector(`[data-index="${index}"]`);
    if (bar) {
      bar.setAttribute("aria-valuenow", String(clamped));
      bar.setAttribute("aria-valuetext", t("arrivalValue", clamped, MAX_WEIGHT));
      bar.firstChild.style.height = `${(clamped / MAX_WEIGHT) * 100}%`;
      if (focus) bar.focus();
    }
    runSoon();
  }

  function moveFocus(index) {
    const bars = [...els.bars.querySelectorAll(".arrival-bar")];
    const target = bars[Math.max(0, Math.min(bars.length - 1, index))];
    if (!target) return;
    for (const bar of bars) bar.tabIndex = -1;
    target.tabIndex = 0;
    els.bars.dataset.focus = target.dataset.index;
    target.focus();
  }

  function onBarKey(event) {
    const bar = event.target.closest(".arrival-bar");
    if (!bar) return;
    const index = Number(bar.dataset.index);
    const value = st.weights[index];
    const keys = {
      ArrowUp: () => setWeight(index, value + 1),
      ArrowDown: () => setWeight(index, value - 1),
      PageUp: () => setWeight(index, value + 3),
      PageDown: () => setWeight(index, value - 3),
      Home: () => setWeight(index, 0),
      End: () => setWeight(index, MAX_WEIGHT),
      ArrowRight: () => moveFocus(index + 1),
      ArrowLeft: () => moveFocus(index - 1),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  }

  let dragging = false;
  function barFromPointer(event) {
    const bars = [...els.bars.querySelectorAll(".arrival-bar")];
    if (bars.length === 0) return;
    const first = bars[0].getBoundingClientRect();
    const last = bars[bars.length - 1].getBoundingClientRect();
    const width = (last.right - first.left) / bars.length;
    const index = Math.max(0, Math.min(bars.length - 1, Math.floor((event.clientX - first.left) / width)));
    const value = ((first.bottom - event.clientY) / first.height) * MAX_WEIGHT;
    setWeight(index, Math.ceil(value - 0.25));
    els.bars.dataset.focus = String(index);
  }

  mount.addEventListener("keydown", (event) => {
    if (event.target.closest?.(".arrival-bar")) onBarKey(event);
  });
  mount.addEventListener("pointerdown", (event) => {
    if (!event.target.closest?.(".arrival-bars") || event.button !== 0) return;
    dragging = true;
    els.bars.setPointerCapture?.(event.pointerId);
    barFromPointer(event);
    event.preventDefault();
    const bar = els.bars.querySelector(`[data-index="${els.bars.dataset.focus}"]`);
    if (bar) moveFocus(Number(bar.dataset.index));
  });
  mount.addEventListener("pointermove", (event) => {
    if (dragging) barFromPointer(event);
  });
  const stopDrag = () => (dragging = false);
  mount.addEventListener("pointerup", stopDrag);
  mount.addEventListener("pointercancel", stopDrag);

  // -------------------------------------------------------------- running

  function readInt(text, min, max) {
    const trimmed = String(text)
      .trim()
      .replace(/[,_\s]/g, "");
    if (!/^\d+$/.test(trimmed)) return null;
    const n = Number(trimmed);
    return n >= min && n <= max ? n : null;
  }

  async function run() {
    if (!draft || destroyed) return;
    els.playersError.textContent = "";
    els.drawsError.textContent = "";
    const players = readInt(st.players, 1, MAX_PLAYERS);
    if (players === null) {
      els.playersError.textContent = t("forecastPlayersError", fmtNumber(MAX_PLAYERS));
      setStatus("input", t("forecastFixInputs"));
      return;
    }
    let draws;
    if (String(st.draws).trim() !== "") {
      draws = readInt(st.draws, 1, 1_000_000);
      if (draws === null) {
        els.drawsError.textContent = t("forecastDrawsError");
        setStatus("input", t("forecastFixInputs"));
        return;
      }
    }
    if (slices.length === 0) {
      setStatus("invalid", t("forecastInvalid"));
      return;
    }
    const weights = st.weights.some((w) => w > 0) ? st.weights : st.weights.map(() => 1);
    const day = st.day !== "regular" && draft.date_overrides?.[st.day] ? st.day : regularDay(draft);
    const request = { day, players, arrival: weights, ...(draws !== undefined ? { draws_per_player: draws } : {}) };
    const limit = Number.isInteger(draft.limits?.draws_per_day) ? draft.limits.draws_per_day : 1;
    const runs = runsFor(players * (draws ?? limit));
    const definition = simulationDefinition(draft);
    const key = JSON.stringify([definition, request]);
    if (key === st.shownKey && st.status === "done") return;
    if (key === runningKey) return;
    const w = getWorker();
    if (!w) {
      setStatus("error", t("forecastNoWorker"));
      return;
    }
    let wasmModule;
    if (!moduleSent) {
      try {
        wasmModule = await compiledCore();
      } catch {
        setStatus("error", t("checkerFailed"));
        return;
      }
      moduleSent = true;
    }
    cancel();
    job = ++jobs;
    runningKey = key;
    partial = [];
    startedAt = performance.now();
    const thisJob = job;
    listeners.set(thisJob, (message) => onMessage(thisJob, key, message));
    setStatus("running", t("forecastRunning", 0, runs));
    w.postMessage({ type: "run", job: thisJob, definition, request, runs, wasmModule });
  }

  function onMessage(thisJob, key, message) {
    if (thisJob !== job || destroyed) return;
    if (message.type === "run") {
      partial.push(message.result);
      const slow = performance.now() - startedAt > PARTIAL_AFTER_MS;
      if (slow) {
        st.shown = aggregate(partial);
        st.shownKey = "";
        renderResults();
      }
      setStatus("running", t("forecastRunning", message.run, message.runs));
      return;
    }
    listeners.delete(thisJob);
    runningKey = "";
    if (message.type === "done") {
      st.shown = aggregate(partial);
      st.shownKey = key;
      renderResults();
      setStatus("done", t("forecastDone", st.shown.runs, fmtPercent(st.shown.winRate)));
      announce(t("forecastAnnounce", fmtPercent(st.shown.winRate)));
      return;
    }
    const error = message.error ?? {};
    if (error.code === "invalid_campaign") {
      setStatus("invalid", t("forecastInvalid"));
    } else if (error.field === "/players" || error.field === "/draws_per_player") {
      els.playersError.textContent = error.message;
      setStatus("input", t("forecastFixInputs"));
    } else if (error.field === "/day") {
      setStatus("invalid", t("forecastDayError", error.message));
    } else {
      setStatus("error", t("forecastFailed", error.message || error.code));
    }
  }

  function cancel() {
    if (job && listeners.has(job)) {
      listeners.delete(job);
      worker?.postMessage({ type: "cancel", job });
    }
    runningKey = "";
  }

  function setStatus(status, message) {
    st.status = status;
    st.message = message;
    mount.dataset.status = status;
    if (els.state) {
      els.state.textContent = message;
      els.state.dataset.status = status;
    }
    mount.querySelector(".forecast-output")?.classList.toggle("stale", status !== "done" && status !== "running");
  }

  // -------------------------------------------------------------- results

  function soldOutClock(seconds) {
    const opening = openingOf(draft);
    return opening ? clockText(opening.open + seconds / 60) : "";
  }

  function renderResults() {
    if (!els.chart) return;
    const result = st.shown;
    mount.dataset.runs = String(result?.runs ?? 0);
    if (!result) {
      clear(els.summary);
      clear(els.chart);
      clear(els.table);
      return;
    }
    clear(
      els.summary,
      h(
        "dl",
        { class: "stats-row" },
        stat(t("forecastWinRate"), fmtPercent(result.winRate), "forecast-win-rate"),
        stat(t("forecastPlayersWon"), fmtPercent(result.playersWhoWon)),
        stat(t("forecastDrawsMade"), fmtNumber(Math.round(result.draws))),
        result.refused > 0 ? stat(t("forecastRefused"), fmtNumber(Math.round(result.refused))) : null,
      ),
    );
    clear(els.chart, h("div", { class: "timeline-wrap" }, chart(result)));
    const rows = result.prizes.map((p) => {
      const typical = p.medianSoldOut === null ? "" : soldOutClock(p.medianSoldOut);
      return h(
        "tr",
        {
          "data-testid": "forecast-row",
          "data-prize-id": p.id,
          "data-still-in-stock": String(Math.round(p.stillInStock * 1000) / 1000),
          "data-expected-winners": String(Math.round(p.meanWon * 10) / 10),
          "data-sold-out-at": typical,
          "data-sold-out-runs": String(p.soldOutRuns),
        },
        h("th", { scope: "row" }, p.name, h("span", { class: "block small muted" }, p.id)),
        numCell(t("colStock"), fmtNumber(p.stock)),
        numCell(
          t("colExpectedWinners"),
          fmtNumber(Math.round(p.meanWon * 10) / 10),
          p.minWon !== p.maxWon
            ? h("span", { class: "block small muted" }, t("range", fmtNumber(p.minWon), fmtNumber(p.maxWon)))
            : null,
        ),
        numCell(t("colStillInStock"), fmtPercent(p.stillInStock, 0)),
        cell(
          t("colSoldOut"),
          typical ? typical : "—",
          h(
            "span",
            { class: "block small muted" },
            p.soldOutRuns > 0 ? t("soldOutRuns", p.soldOutRuns, result.runs) : t("neverSoldOut"),
          ),
        ),
      );
    });
    clear(
      els.table,
      h(
        "table",
        { class: "data-table forecast-table stack-on-phone", "data-testid": "forecast-table" },
        h("caption", { class: "visually-hidden" }, t("forecastTableCaption", fmtDay(result.day), result.runs)),
        tableHead([
          t("colPrize"),
          { label: t("colStock"), numeric: true },
          { label: t("colExpectedWinners"), numeric: true },
          { label: t("colStillInStock"), numeric: true },
          t("colSoldOut"),
        ]),
        h("tbody", {}, rows),
      ),
    );
  }

  function numCell(label, ...content) {
    const td = cell(label, ...content);
    td.classList.add("num");
    return td;
  }

  function stat(label, value, testid) {
    return h("div", { class: "stat" }, h("dt", {}, label), h("dd", { "data-testid": testid }, value));
  }

  function chart(result) {
    const opening = openingOf(draft);
    const row = 46;
    const top = 6;
    const axis = 26;
    const height = top + result.prizes.length * row + axis;
    const length = result.openingSeconds || (opening ? (opening.close - opening.open) * 60 : 1);
    const pct = (seconds) => `${Math.max(0, Math.min(100, (seconds / length) * 100)).toFixed(2)}%`;
    const lines = [];
    const describe = [];
    result.prizes.forEach((p, i) => {
      const y = top + i * row;
      const usuallyGone = p.soldOutRuns * 2 > result.runs && p.medianSoldOut !== null;
      const when = p.medianSoldOut !== null ? soldOutClock(p.medianSoldOut) : "";
      const note = usuallyGone
        ? t("chartGone", when)
        : t("chartLasts", Math.round(p.stillInStock * result.runs), result.runs);
      describe.push(`${p.name}: ${note}`);
      const name = p.name.length > 34 ? `${p.name.slice(0, 33)}…` : p.name;
      lines.push(
        h(
          "svg:text",
          { x: "0", y: y + 14, class: "chart-name" },
          h("svg:tspan", { class: "chart-prize" }, name),
          h("svg:tspan", { class: usuallyGone ? "chart-note gone" : "chart-note" }, `  ${note}`),
        ),
        h("svg:rect", { x: "0", y: y + 22, width: "100%", height: 12, rx: 6, class: "chart-track" }),
        h("svg:rect", {
          x: "0",
          y: y + 22,
          width: usuallyGone ? pct(p.medianSoldOut) : "100%",
          height: 12,
          rx: 6,
          class: usuallyGone ? "chart-bar gone" : "chart-bar",
        }),
      );
      if (p.medianSoldOut !== null) {
        lines.push(
          h("svg:line", {
            x1: pct(p.medianSoldOut),
            x2: pct(p.medianSoldOut),
            y1: y + 18,
            y2: y + 38,
            class: "chart-marker",
          }),
          h("svg:circle", { cx: pct(p.medianSoldOut), cy: y + 28, r: 5, class: "chart-dot" }),
        );
      }
    });
    // Hour ticks.
    if (opening) {
      const hours = [];
      for (let m = Math.ceil(opening.open / 60) * 60; m <= opening.close; m += 60) hours.push(m);
      const step = Math.max(1, Math.ceil(hours.length / 7));
      const y = top + result.prizes.length * row;
      lines.push(h("svg:line", { x1: "0", x2: "100%", y1: y + 2, y2: y + 2, class: "chart-axis" }));
      hours.forEach((m, i) => {
        const x = pct((m - opening.open) * 60);
        lines.push(h("svg:line", { x1: x, x2: x, y1: y, y2: y + 6, class: "chart-axis" }));
        if (i % step === 0) {
          const anchor = m === opening.open ? "start" : m === opening.close ? "end" : "middle";
          lines.push(h("svg:text", { x, y: y + 20, class: "chart-tick", "text-anchor": anchor }, clockText(m)));
        }
      });
    }
    return h(
      "svg:svg",
      {
        class: "timeline",
        width: "100%",
        height,
        role: "img",
        "aria-label": `${t("chartTitle")}: ${describe.join("; ")}`,
        "data-testid": "forecast-chart",
      },
      lines,
    );
  }

  // -------------------------------------------------------------- updates

  render();

  return {
    update(next) {
      draft = next;
      const opening = openingOf(draft);
      const nextSlices = slicesOf(opening);
      const sliceKey = JSON.stringify(nextSlices.map((s) => s.start));
      const first = !updated;
      updated = true;
      slices = nextSlices;
      if (sliceKey !== st.sliceKey || !Array.isArray(st.weights) || st.weights.length !== nextSlices.length) {
        st.sliceKey = sliceKey;
        if (st.preset === "custom") st.preset = "even";
        if (els.preset) els.preset.value = st.preset;
        st.weights = presetWeights(st.preset, slices);
        renderBars();
      } else if (first) {
        renderBars();
      }
      if (first) renderResults();
      refreshInputs();
      if (st.status === "idle") setStatus("running", t("forecastRunning", 0, RUNS));
      runSoon();
    },
    destroy() {
      destroyed = true;
      runSoon.cancel();
      cancel();
    },
  };
}

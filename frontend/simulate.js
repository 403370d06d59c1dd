// "What if N players draw today": the core's bb_simulate in a module worker
// (shared/simulate-worker.js), so the page stays responsive; the result as a
// timeline of sell-outs over the opening hours and a table. The shares and
// the timeline's clock labels are the core's texts (bb_forecast over the one
// run, bb_calendar labels), asked for once per result.

import { t, fmtDay, fmtNumber, offsetLabel, onLanguageChange } from "./i18n.js";
import { state } from "./state.js";
import { loadCore } from "./shared/core-browser.js";
import { tableHead } from "./shared/element.js";
import { h, clear, hueOf, announce } from "./ui.js";

const MAX_PLAYERS = 1_000_000;
const HOUR_SECONDS = 3600;
const $ = (selector) => document.querySelector(selector);

let worker = null;
/**
 * The simulation under way, or null: its job id, start (performance.now()),
 * request, the progress timer and, once the worker answers, its result.
 * @type {{id: number, started: number, players: number, request: {day: string, players: number, seed: number}, timer?: ReturnType<typeof setInterval>, result?: any} | null}
 */
let running = null;
let lastResult = null;
let nextId = 1;

export function initSimulation() {
  const form = $(".sim-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  const input = $("#sim-players");
  input.addEventListener("input", () => {
    if (input.getAttribute("aria-invalid") === "true") playersValue();
  });
  onLanguageChange(() => {
    if (input.getAttribute("aria-invalid") === "true") playersValue();
    if (lastResult) renderResult(lastResult);
  });
  let width = 0;
  new ResizeObserver(() => {
    const now = $(".sim-result").clientWidth;
    if (lastResult && Math.abs(now - width) > 24) renderResult(lastResult);
    width = now;
  }).observe($(".sim-result"));
}

function playersValue() {
  const input = $("#sim-players");
  const text = input.value.trim();
  const value = Number(text);
  const ok = /^\d+$/.test(text) && value >= 1 && value <= MAX_PLAYERS;
  const error = $("#sim-players-error");
  if (ok) {
    input.removeAttribute("aria-invalid");
    error.textContent = "";
    return value;
  }
  input.setAttribute("aria-invalid", "true");
  error.textContent = t("simErrRange");
  return null;
}

/** The day to simulate: today on the campaign's calendar, kept inside its window. */
function simulationDay() {
  const window = state.campaign?.window ?? {};
  let day = state.clock?.day ?? state.campaign?.day;
  if (window.first_day && day < window.first_day) day = window.first_day;
  if (window.last_day && day > window.last_day) day = window.last_day;
  return day;
}

function getWorker() {
  if (!worker) {
    worker = new Worker(new URL("./shared/simulate-worker.js", import.meta.url), { type: "module" });
    worker.addEventListener("message", (event) => finish(event.data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      finish({ type: "error", job: running?.id, error: { message: "worker failed" } });
      worker?.terminate();
      worker = null;
    });
  }
  return worker;
}

function run() {
  if (running) return;
  const players = playersValue();
  if (players === null) {
    $("#sim-players").focus();
    return;
  }
  const id = nextId++;
  const seed = crypto.getRandomValues(new Uint32Array(1))[0];
  const request = { day: simulationDay(), players, seed };
  running = { id, started: performance.now(), players, request };
  const button = $('[data-testid="simulate-run"]');
  button.setAttribute("aria-disabled", "true");
  $(".sim-result").setAttribute("aria-busy", "true");
  const progress = $(".sim-progress");
  const text = h("span", { class: "sim-progress-text" });
  const tick = () => {
    text.textContent = t("simRunning", players, ((performance.now() - running.started) / 1000).toFixed(1));
  };
  tick();
  running.timer = setInterval(tick, 100);
  clear(
    progress,
    h("span", { class: "spinner", "aria-hidden": "true" }),
    text,
    h("button", { type: "button", class: "button button-small button-quiet", onclick: cancel }, t("simCancel")),
  );
  progress.hidden = false;
  announce(t("simRunning", players, "0"));
  const job = { type: "run", job: id, definition: state.campaign.definition, request, runs: 1 };
  try {
    getWorker().postMessage({ ...job, wasmModule: state.core?.wasmModule });
  } catch {
    // A module that cannot be cloned (rare): let the worker load the core itself.
    getWorker().postMessage(job);
  }
}

function stopProgress() {
  clearInterval(running?.timer);
  running = null;
  $(".sim-progress").hidden = true;
  $(".sim-progress").replaceChildren();
  $('[data-testid="simulate-run"]').removeAttribute("aria-disabled");
  $(".sim-result").removeAttribute("aria-busy");
}

function cancel() {
  if (!running) return;
  worker?.terminate();
  worker = null;
  stopProgress();
  announce(t("simCancelled"));
  $('[data-testid="simulate-run"]').focus();
}

/**
 * The texts of one run, from the core: the share of players who won and the
 * win rate ("12.50%", or 4 places below 1%), and the clock label of every
 * whole hour of the opening and of its end, by seconds since the opening.
 */
async function resultTexts(result) {
  const core = state.core ?? (await loadCore().catch(() => null));
  if (!core) return { playersShare: "–", winRate: "–", labels: new Map() };
  const forecast = core.forecast({ runs: [result] });
  const length = result.opening_seconds;
  const moments = [];
  for (let s = 0; s < length; s += HOUR_SECONDS) moments.push(s);
  moments.push(length);
  const opensAt = state.campaign?.window?.opens_at ?? "00:00";
  const { labels } = core.calendar({ utc_offset: "Z", labels: { opens_at: opensAt, seconds_since_open: moments } });
  return {
    playersShare: forecast.players_who_won?.percent_short ?? "–",
    winRate: forecast.win_rate?.percent_short ?? "–",
    labels: new Map(moments.map((s, i) => [s, labels[i]])),
  };
}

/** A message from the worker: the one run's result, then "done", or "error". */
async function finish(message) {
  if (!running || message?.job !== running.id) return;
  if (message.type === "run") {
    running.result = message.result;
    return;
  }
  const { request, result } = running;
  stopProgress();
  if (message.type === "done") {
    let texts;
    try {
      texts = await resultTexts(result);
    } catch (error) {
      lastResult = null;
      clear($(".sim-result"), h("p", { class: "field-error" }, `${t("simFailed")} ${error?.message ?? ""}`));
      return;
    }
    lastResult = { ...result, seed: request.seed, texts };
    renderResult(lastResult);
  } else {
    lastResult = null;
    clear($(".sim-result"), h("p", { class: "field-error" }, `${t("simFailed")} ${message.error?.message ?? ""}`));
  }
}

function renderResult(result) {
  const container = $(".sim-result");
  const offset = offsetLabel(state.campaign?.utc_offset);
  const withPity = Boolean(state.campaign?.pity) || result.prizes.some((prize) => prize.won_by_pity > 0);
  const { playersShare, winRate } = result.texts;
  const drawsPerPlayer = result.players > 0 ? Math.round(result.draws / result.players) : 0;
  const summary = h(
    "div",
    { class: "sim-summary" },
    h(
      "div",
      { class: "sim-stats" },
      stat(playersShare, t("simPlayersWon", result.players_who_won, result.players, playersShare)),
      stat(winRate, t("simWinRate", winRate, result.draws), result.win_rate?.fraction),
    ),
    result.refused > 0 ? h("p", { class: "muted small" }, t("simRefused", result.refused)) : null,
  );
  const table = h(
    "table",
    { class: "sim-table" },
    h("caption", { class: "visually-hidden" }, t("simChartTitle")),
    tableHead([
      t("simColPrize"),
      { label: t("simColStock"), numeric: true },
      { label: t("simColWon"), numeric: true },
      withPity ? { label: t("simColPity"), numeric: true } : null,
      { label: t("simColSoldOut"), numeric: true },
    ]),
    h(
      "tbody",
      {},
      result.prizes.map((prize) =>
        h(
          "tr",
          { "data-sim-prize-id": prize.id },
          h("th", { scope: "row" }, prize.name),
          h("td", { class: "num" }, fmtNumber(prize.stock)),
          h("td", { class: "num" }, fmtNumber(prize.won)),
          withPity ? h("td", { class: "num" }, fmtNumber(prize.won_by_pity)) : null,
          h("td", { class: "num" }, prize.sold_out_at ?? t("simStillLeft")),
        ),
      ),
    ),
  );
  clear(
    container,
    h("p", { class: "sim-day muted small" }, `${t("simDay", fmtDay(result.day))} · ${t("simSeed", result.seed)}`),
    summary,
    h(
      "figure",
      { class: "sim-figure" },
      h(
        "figcaption",
        {},
        h("strong", {}, t("simChartTitle")),
        h("span", { class: "muted small" }, ` ${t("simChartDesc")}`),
      ),
      timeline(result, Math.max(280, Math.min(1080, container.clientWidth || 320))),
    ),
    // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("simChartTitle") }, table),
    h("p", { class: "muted small sim-note" }, `${t("simTimes", offset)} ${t("simNote", drawsPerPlayer)}`),
  );
}

function stat(big, text, fraction) {
  return h(
    "div",
    { class: "sim-stat" },
    h("strong", { title: fraction ? t("exactly", fraction) : null }, big),
    h("p", {}, text),
  );
}

/** Rough text width, CJK counted double, for fitting labels. */
function textWidth(text, size) {
  let units = 0;
  for (const char of text) units += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(char) ? 1.05 : 0.64;
  return units * size;
}

function fit(text, width, size) {
  if (textWidth(text, size) <= width) return text;
  let out = "";
  for (const char of text) {
    if (textWidth(`${out}${char}…`, size) > width) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * Where things stand on a `width`-wide timeline: the padding, the row height,
 * the margins above and below, the height, and x(seconds since opening).
 */
function timelineLayout(result, width) {
  const length = result.opening_seconds;
  const pad = 10;
  const rowHeight = 46;
  const top = 6;
  const axis = 30;
  return {
    width,
    length,
    pad,
    rowHeight,
    top,
    axis,
    height: top + result.prizes.length * rowHeight + axis,
    x: (seconds) => pad + ((width - 2 * pad) * Math.min(Math.max(seconds, 0), length)) / length,
  };
}

/**
 * The hour ticks over `length` seconds of opening (at most about 6 at this
 * width, in steps of whole hours), the close always last.
 */
function hourTicks(length, width) {
  const hours = length / HOUR_SECONDS;
  const most = Math.max(2, Math.min(6, Math.floor(width / 64)));
  const step = [1, 2, 3, 4, 6, 8, 12, 24].find((s) => hours / s <= most) ?? 24;
  const ticks = [];
  for (let s = 0; s < length; s += step * HOUR_SECONDS) ticks.push(s);
  if (length - ticks[ticks.length - 1] < step * (HOUR_SECONDS / 2)) ticks.pop();
  ticks.push(length);
  return ticks;
}

/** A grid line at each hour tick and, below it, the core's clock label. */
function tickMarks(result, layout) {
  const { x, top, height, axis, length } = layout;
  return hourTicks(length, layout.width).flatMap((s) => {
    const anchor = s === 0 ? "start" : s === length ? "end" : "middle";
    return [
      h("svg:line", { x1: x(s), x2: x(s), y1: top, y2: height - axis + 4, class: "grid" }),
      h(
        "svg:text",
        { x: x(s), y: height - 10, "text-anchor": anchor, class: "tick" },
        result.texts.labels.get(s) ?? "",
      ),
    ];
  });
}

/**
 * One prize's row: its name, how it ended (sold out at a time, or what was
 * left at the close), its track, and a bar to the sell-out with a dot there or
 * a bar as long as the share won.
 */
function prizeRow(prize, index, layout) {
  const { pad, width, x } = layout;
  const y = layout.top + index * layout.rowHeight;
  const sold = prize.sold_out_after_seconds;
  const soldOut = sold !== null && sold !== undefined;
  const status = soldOut ? t("simSoldOutAt", prize.sold_out_at) : t("simLeftAtClose", prize.won, prize.stock);
  const statusWidth = textWidth(status, 12) + 14;
  const style = `--hue:${hueOf(prize.id)}`;
  const share = prize.stock > 0 ? prize.won / prize.stock : 0;
  const barWidth = soldOut ? Math.max(8, x(sold) - pad) : Math.max(0, (width - 2 * pad) * share);
  const row = [
    h("svg:text", { x: pad, y: y + 16, class: "row-label" }, fit(prize.name, width - 2 * pad - statusWidth, 13)),
    h(
      "svg:text",
      { x: width - pad, y: y + 16, "text-anchor": "end", class: soldOut ? "row-status is-sold" : "row-status" },
      status,
    ),
    h("svg:rect", { x: pad, y: y + 25, width: width - 2 * pad, height: 8, rx: 4, class: "track" }),
    h("svg:rect", {
      x: pad,
      y: y + 25,
      width: barWidth,
      height: 8,
      rx: 4,
      class: soldOut ? "bar" : "bar bar-partial",
      style,
    }),
  ];
  if (soldOut) row.push(h("svg:circle", { cx: x(sold), cy: y + 29, r: 7, class: "marker", style }));
  return row;
}

/** One line per prize over the opening hours; a dot where it sold out. */
function timeline(result, width) {
  const layout = timelineLayout(result, width);
  const svg = h("svg:svg", {
    class: "timeline",
    viewBox: `0 0 ${width} ${layout.height}`,
    width,
    height: layout.height,
    "aria-hidden": "true",
    focusable: "false",
  });
  svg.append(...tickMarks(result, layout));
  svg.append(...result.prizes.flatMap((prize, index) => prizeRow(prize, index, layout)));
  return svg;
}

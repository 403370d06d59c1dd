// The live page's draws per minute over the last hour or the last 24 hours
// (a line chart in inline SVG), with its summary line. Minutes are moments
// on the viewer's clock (the stats' UTC minutes), not campaign days. The
// range switch is a segmented control. Uses dom.js and i18n.js.

import { clear, h } from "../dom.js";
import { fmtNumber, fmtTime, t } from "../i18n.js";

const WIDTH = 600;
const HEIGHT = 140;
const MINUTE_MS = 60_000;

/** The range buttons (last hour, last 24 h); onPick(range) after a click. */
export function rangeSwitch(current, onPick) {
  const group = h(
    "div",
    { class: "segmented", role: "group", "aria-label": t("drawsRange") },
    ["hour", "day"].map((range) =>
      h(
        "button",
        {
          type: "button",
          class: "segment",
          "data-range": range,
          "aria-pressed": String(current === range),
          onclick: () => {
            for (const b of /** @type {HTMLCollectionOf<HTMLElement>} */ (group.children))
              b.setAttribute("aria-pressed", String(b.dataset.range === range));
            onPick(range);
          },
        },
        t(range === "hour" ? "lastHour" : "last24h"),
      ),
    ),
  );
  return group;
}

/** Draws per minute of the range ending now, oldest first, and the total of all rows. */
function minuteCounts(perMinute, minutes, now) {
  const counts = new Array(minutes).fill(0);
  let total24 = 0;
  for (const row of perMinute) {
    const minute = Math.floor(Date.parse(row.minute) / MINUTE_MS);
    total24 += row.draws;
    const index = minutes - 1 - (now - minute);
    if (index >= 0 && index < minutes) counts[index] += row.draws;
  }
  return { counts, total24 };
}

function lineChart(counts, max, label) {
  const minutes = counts.length;
  const x = (i) => (minutes === 1 ? 0 : (i / (minutes - 1)) * WIDTH);
  const y = (v) => HEIGHT - 4 - (v / max) * (HEIGHT - 12);
  const points = counts.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  return h(
    "svg:svg",
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      preserveAspectRatio: "none",
      class: "line-chart",
      role: "img",
      "aria-label": label,
    },
    [0.25, 0.5, 0.75].map((f) =>
      h("svg:line", {
        x1: 0,
        x2: WIDTH,
        y1: y(max * f),
        y2: y(max * f),
        class: "grid-line",
        "vector-effect": "non-scaling-stroke",
      }),
    ),
    h("svg:polygon", { points: `0,${HEIGHT} ${points} ${WIDTH},${HEIGHT}`, class: "line-area" }),
    h("svg:polyline", { points, class: "line", "vector-effect": "non-scaling-stroke" }),
  );
}

/** The chart in `mount` and its summary in `summary`, for the stats' draws_per_minute and `range`. */
export function renderDraws(mount, summary, perMinute, range) {
  const minutes = range === "hour" ? 60 : 1440;
  const now = Math.floor(Date.now() / MINUTE_MS);
  const { counts, total24 } = minuteCounts(perMinute, minutes, now);
  const total = counts.reduce((a, b) => a + b, 0);
  const peak = Math.max(...counts);
  const peakAt = counts.indexOf(peak);
  const max = Math.max(1, peak);
  const rangeText = range === "hour" ? t("lastHour") : t("last24h");
  mount.dataset.lastHour = String(counts.slice(-60).reduce((a, b) => a + b, 0));
  mount.dataset.total = String(total24);
  mount.dataset.range = range;
  const startMs = (now - minutes + 1) * MINUTE_MS;
  clear(
    mount,
    h("div", { class: "chart-ymax small muted", "aria-hidden": "true" }, t("perMinuteMax", fmtNumber(max))),
    lineChart(counts, max, t("drawsChartLabel", rangeText, fmtNumber(total), fmtNumber(peak))),
    h(
      "div",
      { class: "chart-x small muted", "aria-hidden": "true" },
      h("span", {}, fmtTime(startMs, { seconds: false })),
      h("span", {}, t("now")),
    ),
  );
  summary.textContent =
    total === 0
      ? t("noDrawsRange", rangeText)
      : t(
          "drawsSummary",
          fmtNumber(total),
          fmtNumber(peak),
          fmtTime(startMs + peakAt * MINUTE_MS, { seconds: false }),
          fmtNumber(total24),
        );
}

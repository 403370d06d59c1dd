// A campaign's live page: the dashboard (status, draws per minute, today's
// stock left per prize, wins and claims per day; refreshed every few seconds
// while the page is visible; pause and resume) and fulfilment (winners with
// their claim status, filters by day and prize, more pages, CSV download).

import { api, errorOf, winnersCsvFile } from "./api.js";
import { allPrizes } from "./campaign.js";
import { tableHead } from "../shared/element.js";
import { announce, clear, confirmDialog, focusElement, h } from "./dom.js";
import { fmtDateTime, fmtDay, fmtNumber, fmtPercent, fmtTime, t } from "./i18n.js";

// Under 5 s: wrangler dev (workerd) closes keep-alive connections idle for
// 5 s, and a refresh on the same beat could reuse one just as it is closed.
const REFRESH_MS = 4000;

export function statusBadge(status, paused, { testid } = {}) {
  const shown = paused && status !== "ended" ? "paused" : status;
  return h(
    "span",
    {
      class: `badge badge-${shown}`,
      "data-testid": testid,
      "data-status": shown,
      "data-paused": String(Boolean(paused)),
    },
    h("span", { class: "badge-dot", "aria-hidden": "true" }),
    t(`status_${shown}`) ?? shown,
  );
}

/** The live page of campaign `id` in `mount`. onInfo(adminView) after each load. */
export function createLive(mount, id, { onInfo = () => {} } = {}) {
  const st = {
    admin: null,
    stats: null,
    range: "hour",
    timer: null,
    destroyed: false,
    loading: false,
    error: null,
    updatedAt: null,
  };
  const els = {};
  let winners = null;

  function render() {
    els.status = h("p", { class: "status-line" });
    els.pause = h(
      "button",
      {
        type: "button",
        class: "button button-secondary",
        "data-testid": "pause",
        hidden: true,
        onclick: () => setPaused(true),
      },
      t("pause"),
    );
    els.resume = h(
      "button",
      {
        type: "button",
        class: "button button-primary",
        "data-testid": "resume",
        hidden: true,
        onclick: () => setPaused(false),
      },
      t("resume"),
    );
    els.message = h("p", { class: "dash-message", role: "status", "data-testid": "dashboard-message" });
    els.updated = h("p", { class: "updated muted small", "data-testid": "dashboard-updated" });
    els.today = h("div", { class: "today-stats" });
    els.draws = h("div", { class: "draws-chart", "data-testid": "dashboard-draws" });
    els.drawsSummary = h("p", { class: "small muted draws-summary" });
    els.range = h(
      "div",
      { class: "segmented", role: "group", "aria-label": t("drawsRange") },
      ["hour", "day"].map((range) =>
        h(
          "button",
          {
            type: "button",
            class: "segment",
            "data-range": range,
            "aria-pressed": String(st.range === range),
            onclick: () => {
              st.range = range;
              for (const b of els.range.children) b.setAttribute("aria-pressed", String(b.dataset.range === range));
              renderDraws();
            },
          },
          t(range === "hour" ? "lastHour" : "last24h"),
        ),
      ),
    );
    els.stock = h("div", { class: "stock-list-wrap" });
    els.days = h("div", { class: "days-wrap" });
    const winnersMount = h("section", {
      class: "card winners",
      "data-testid": "winners",
      "aria-labelledby": "winners-title",
    });
    clear(
      mount,
      h(
        "section",
        { class: "card dashboard", "data-testid": "dashboard", "aria-labelledby": "dash-title" },
        h(
          "div",
          { class: "dash-head" },
          h("div", {}, h("h2", { id: "dash-title" }, t("dashboard")), els.status),
          h("div", { class: "dash-actions" }, els.pause, els.resume),
        ),
        els.message,
        els.today,
        h(
          "div",
          { class: "dash-grid" },
          h(
            "section",
            { class: "panel", "aria-labelledby": "draws-title" },
            h("div", { class: "panel-head" }, h("h3", { id: "draws-title" }, t("drawsPerMinute")), els.range),
            els.draws,
            els.drawsSummary,
          ),
          h(
            "section",
            { class: "panel", "aria-labelledby": "stock-title" },
            h("h3", { id: "stock-title" }, t("stockToday")),
            els.stock,
          ),
        ),
        h(
          "section",
          { class: "panel", "aria-labelledby": "days-title" },
          h("h3", { id: "days-title" }, t("perDay")),
          els.days,
        ),
        els.updated,
      ),
      winnersMount,
    );
    winners = createWinners(winnersMount, id, () => st);
    paint();
  }

  function paint() {
    const admin = st.admin;
    if (!admin) {
      els.status.textContent = st.error ? st.error : t("loading");
      return;
    }
    const shown = admin.paused && admin.status !== "ended" ? "paused" : admin.status;
    clear(
      els.status,
      statusBadge(admin.status, admin.paused, { testid: "status" }),
      " ",
      h("span", { class: "status-detail" }, t(`statusDetail_${shown}`)),
    );
    const pauseFocused = document.activeElement === els.pause;
    const resumeFocused = document.activeElement === els.resume;
    els.pause.hidden = admin.paused;
    els.resume.hidden = !admin.paused;
    if (pauseFocused && els.pause.hidden) els.resume.focus();
    if (resumeFocused && els.resume.hidden) els.pause.focus();
    const today = admin.today ?? {};
    const claimed = (today.prizes ?? []).reduce((sum, p) => sum + (p.claimed ?? 0), 0);
    clear(
      els.today,
      h("p", { class: "label" }, t("todayIs", fmtDay(today.day))),
      h(
        "dl",
        { class: "stats-row" },
        stat(t("statDraws"), fmtNumber(today.draws ?? 0), "today-draws"),
        stat(t("statPlayers"), fmtNumber(today.players ?? 0), "today-players"),
        stat(t("statWins"), fmtNumber(today.wins ?? 0), "today-wins"),
        stat(t("statClaimed"), fmtNumber(claimed), "today-claimed"),
      ),
    );
    renderStock();
    renderDraws();
    renderDays();
    els.updated.textContent = st.error
      ? t("refreshFailed", st.error)
      : st.updatedAt
        ? t("updatedAt", fmtTime(st.updatedAt), REFRESH_MS / 1000)
        : "";
    els.updated.classList.toggle("warn", Boolean(st.error));
  }

  function stat(label, value, testid) {
    return h("div", { class: "stat" }, h("dt", {}, label), h("dd", { "data-testid": testid }, value));
  }

  function renderStock() {
    const prizes = st.admin?.today?.prizes ?? [];
    if (prizes.length === 0) {
      clear(els.stock, h("p", { class: "muted" }, t("noPrizesToday")));
      return;
    }
    clear(
      els.stock,
      h(
        "ul",
        { class: "stock-list", role: "list" },
        prizes.map((p) => {
          const share = p.stock_total > 0 ? p.stock_left / p.stock_total : 0;
          return h(
            "li",
            {
              class: "stock-row",
              "data-testid": "dashboard-stock-row",
              "data-prize-id": p.id,
              "data-stock-left": String(p.stock_left),
              "data-stock-total": String(p.stock_total),
            },
            h(
              "div",
              { class: "stock-text" },
              h("span", { class: "stock-name" }, p.name),
              h("span", { class: "stock-count" }, t("stockLeft", fmtNumber(p.stock_left), fmtNumber(p.stock_total))),
            ),
            h(
              "div",
              {
                class: `meter ${share === 0 ? "meter-empty" : share < 0.2 ? "meter-low" : ""}`,
                role: "meter",
                "aria-valuemin": "0",
                "aria-valuemax": String(p.stock_total),
                "aria-valuenow": String(p.stock_left),
                "aria-label": t("stockMeter", p.name),
                "aria-valuetext": t("stockLeft", fmtNumber(p.stock_left), fmtNumber(p.stock_total)),
              },
              h("span", { class: "meter-fill", style: `width:${(share * 100).toFixed(1)}%` }),
            ),
            h("p", { class: "small muted" }, t("wonClaimed", fmtNumber(p.issued), fmtNumber(p.claimed))),
          );
        }),
      ),
    );
  }

  function renderDraws() {
    const perMinute = st.stats?.draws_per_minute ?? [];
    const minutes = st.range === "hour" ? 60 : 1440;
    const now = Math.floor(Date.now() / 60000);
    const counts = new Array(minutes).fill(0);
    let total24 = 0;
    for (const row of perMinute) {
      const minute = Math.floor(Date.parse(row.minute) / 60000);
      total24 += row.draws;
      const index = minutes - 1 - (now - minute);
      if (index >= 0 && index < minutes) counts[index] += row.draws;
    }
    const total = counts.reduce((a, b) => a + b, 0);
    const peak = Math.max(...counts);
    const peakAt = counts.indexOf(peak);
    const max = Math.max(1, peak);
    const width = 600;
    const height = 140;
    const x = (i) => (minutes === 1 ? 0 : (i / (minutes - 1)) * width);
    const y = (v) => height - 4 - (v / max) * (height - 12);
    const points = counts.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    els.draws.dataset.lastHour = String(counts.slice(-60).reduce((a, b) => a + b, 0));
    els.draws.dataset.total = String(total24);
    els.draws.dataset.range = st.range;
    const startMs = (now - minutes + 1) * 60000;
    clear(
      els.draws,
      h("div", { class: "chart-ymax small muted", "aria-hidden": "true" }, t("perMinuteMax", fmtNumber(max))),
      h(
        "svg:svg",
        {
          viewBox: `0 0 ${width} ${height}`,
          preserveAspectRatio: "none",
          class: "line-chart",
          role: "img",
          "aria-label": t(
            "drawsChartLabel",
            st.range === "hour" ? t("lastHour") : t("last24h"),
            fmtNumber(total),
            fmtNumber(peak),
          ),
        },
        [0.25, 0.5, 0.75].map((f) =>
          h("svg:line", {
            x1: 0,
            x2: width,
            y1: y(max * f),
            y2: y(max * f),
            class: "grid-line",
            "vector-effect": "non-scaling-stroke",
          }),
        ),
        h("svg:polygon", { points: `0,${height} ${points} ${width},${height}`, class: "line-area" }),
        h("svg:polyline", { points, class: "line", "vector-effect": "non-scaling-stroke" }),
      ),
      h(
        "div",
        { class: "chart-x small muted", "aria-hidden": "true" },
        h("span", {}, fmtTime(startMs, { seconds: false })),
        h("span", {}, t("now")),
      ),
    );
    els.drawsSummary.textContent =
      total === 0
        ? t("noDrawsRange", st.range === "hour" ? t("lastHour") : t("last24h"))
        : t(
            "drawsSummary",
            fmtNumber(total),
            fmtNumber(peak),
            fmtTime(startMs + peakAt * 60000, { seconds: false }),
            fmtNumber(total24),
          );
  }

  function renderDays() {
    const days = [...(st.stats?.days ?? [])].sort((a, b) => (a.day < b.day ? 1 : -1));
    if (days.length === 0) {
      clear(els.days, h("p", { class: "muted" }, t("noDays")));
      return;
    }
    clear(
      els.days,
      h(
        "table",
        { class: "data-table days-table", "data-testid": "dashboard-days" },
        h("caption", { class: "visually-hidden" }, t("perDay")),
        tableHead([
          t("colDay"),
          { label: t("statDraws"), numeric: true },
          { label: t("statPlayers"), numeric: true },
          { label: t("statWins"), numeric: true },
          { label: t("statClaimed"), numeric: true },
        ]),
        h(
          "tbody",
          {},
          days.map((d) => {
            const claimed = (d.prizes ?? []).reduce((sum, p) => sum + (p.claimed ?? 0), 0);
            return h(
              "tr",
              { "data-testid": "dashboard-day-row", "data-day": d.day },
              h("th", { scope: "row", "data-label": t("colDay") }, fmtDay(d.day)),
              h("td", { class: "num", "data-label": t("statDraws") }, fmtNumber(d.draws)),
              h("td", { class: "num", "data-label": t("statPlayers") }, fmtNumber(d.players)),
              h("td", { class: "num", "data-label": t("statWins") }, fmtNumber(d.wins)),
              h(
                "td",
                { class: "num", "data-label": t("statClaimed") },
                fmtNumber(claimed),
                d.wins > 0 ? h("span", { class: "small muted" }, ` (${fmtPercent(claimed / d.wins, 0)})`) : null,
              ),
            );
          }),
        ),
      ),
    );
  }

  async function refresh() {
    if (st.destroyed || st.loading) return;
    st.loading = true;
    const [admin, stats] = await Promise.all([api.get(id), api.stats(id)]);
    st.loading = false;
    if (st.destroyed) return;
    if (admin.ok && stats.ok) {
      st.admin = admin.data;
      st.stats = stats.data;
      st.error = null;
      st.updatedAt = Date.now();
      onInfo(admin.data);
      winners?.refreshSoft();
    } else {
      const error = errorOf(admin.ok ? stats : admin);
      st.error = error.code === "network" ? t("networkError") : error.message || error.code;
      if (!st.admin && admin.status === 404) st.error = t("notFound");
    }
    paint();
  }

  function schedule() {
    clearTimeout(st.timer);
    if (st.destroyed) return;
    st.timer = setTimeout(async () => {
      if (document.visibilityState === "visible") await refresh();
      schedule();
    }, REFRESH_MS);
  }

  const onVisible = () => {
    if (document.visibilityState === "visible") {
      refresh();
      schedule();
    }
  };
  document.addEventListener("visibilitychange", onVisible);

  async function setPaused(paused) {
    const name = st.admin?.campaign?.title ?? id;
    const yes = await confirmDialog({
      title: paused ? t("pauseTitle", name) : t("resumeTitle", name),
      body: [h("p", {}, paused ? t("pauseBody") : t("resumeBody"))],
      confirm: paused ? t("pause") : t("resume"),
      danger: paused,
    });
    if (!yes) return;
    els.message.textContent = paused ? t("pausing") : t("resuming");
    const reply = await (paused ? api.pause(id) : api.resume(id));
    if (st.destroyed) return;
    if (!reply.ok) {
      const error = errorOf(reply);
      els.message.textContent = t("pauseFailed", error.message || error.code);
      return;
    }
    if (st.admin) {
      st.admin = { ...st.admin, paused: reply.data.paused, status: reply.data.status };
    }
    const wasFocused = true;
    paint();
    els.message.textContent = reply.data.paused ? t("pausedNow") : t("resumedNow");
    if (wasFocused) focusElement(reply.data.paused ? els.resume : els.pause, { scroll: false });
    refresh();
  }

  render();
  refresh();
  schedule();

  return {
    rerender() {
      const keep = winners?.state();
      render();
      if (keep) winners.restore(keep);
    },
    destroy() {
      st.destroyed = true;
      clearTimeout(st.timer);
      document.removeEventListener("visibilitychange", onVisible);
    },
  };
}

// ---------------------------------------------------------------- winners

function createWinners(mount, id, dashboard) {
  const st = {
    day: "",
    prize: "",
    rows: [],
    nextCursor: null,
    loading: false,
    error: null,
    pages: 0,
    loaded: false,
    downloading: false,
  };
  const els = {};

  els.day = h("select", {
    id: "filter-day",
    "data-testid": "filter-day",
    onchange: () => setFilter("day", els.day.value),
  });
  els.prize = h("select", {
    id: "filter-prize",
    "data-testid": "filter-prize",
    onchange: () => setFilter("prize", els.prize.value),
  });
  els.status = h("p", { class: "winners-status", role: "status", "data-testid": "winners-status" });
  els.table = h("div", { class: "winners-table-wrap" });
  els.more = h(
    "button",
    {
      type: "button",
      class: "button button-secondary",
      "data-testid": "load-more",
      hidden: true,
      onclick: () => load(true),
    },
    t("loadMore"),
  );
  els.download = h(
    "button",
    { type: "button", class: "button button-secondary", "data-testid": "download-csv", onclick: download },
    downloadIcon(),
    t("downloadCsv"),
  );
  els.downloadStatus = h("p", { class: "small download-status", role: "status", "data-testid": "download-status" });
  els.refresh = h(
    "button",
    { type: "button", class: "button button-ghost", "data-testid": "winners-refresh", onclick: () => load(false) },
    t("refresh"),
  );

  clear(
    mount,
    h(
      "div",
      { class: "winners-head" },
      h("h2", { id: "winners-title" }, t("winnersTitle")),
      h("div", { class: "winners-actions" }, els.download),
    ),
    els.downloadStatus,
    h("p", { class: "hint" }, t("winnersIntro")),
    h(
      "div",
      { class: "filters", role: "search", "aria-label": t("filters") },
      h("div", { class: "field" }, h("label", { for: "filter-day" }, t("filterDay")), els.day),
      h("div", { class: "field" }, h("label", { for: "filter-prize" }, t("filterPrize")), els.prize),
      els.refresh,
    ),
    els.status,
    els.table,
    els.more,
  );

  function fillFilters() {
    const days = [
      ...new Set(
        [...(dashboard().stats?.days ?? []).map((d) => d.day), ...st.rows.map((r) => r.day), st.day].filter(Boolean),
      ),
    ]
      .sort()
      .reverse();
    const dayKey = JSON.stringify(days);
    if (els.day.dataset.key !== dayKey) {
      clear(
        els.day,
        h("option", { value: "" }, t("allDays")),
        days.map((day) => h("option", { value: day }, fmtDay(day))),
      );
      els.day.dataset.key = dayKey;
    }
    els.day.value = st.day;
    const prizes = allPrizes(dashboard().admin?.campaign);
    if (st.prize && !prizes.some((p) => p.id === st.prize)) prizes.push({ id: st.prize, name: st.prize });
    const prizeKey = JSON.stringify(prizes);
    if (els.prize.dataset.key !== prizeKey) {
      clear(
        els.prize,
        h("option", { value: "" }, t("allPrizes")),
        prizes.map((p) => h("option", { value: p.id }, `${p.name} (${p.id})`)),
      );
      els.prize.dataset.key = prizeKey;
    }
    els.prize.value = st.prize;
  }

  function setFilter(key, value) {
    st[key] = value;
    load(false);
  }

  async function load(more, { quiet = false } = {}) {
    if (st.loading) return;
    st.loading = true;
    if (!quiet) {
      els.status.textContent = t("loadingWinners");
      mount.setAttribute("aria-busy", "true");
    }
    const reply = await api.winners(id, { day: st.day, prize: st.prize, cursor: more ? st.nextCursor : undefined });
    st.loading = false;
    mount.removeAttribute("aria-busy");
    if (!reply.ok) {
      const error = errorOf(reply);
      st.error = error.code === "network" ? t("networkError") : error.message || error.code;
      els.status.textContent = t("winnersFailed", st.error);
      return;
    }
    st.error = null;
    const rows = reply.data.winners ?? [];
    if (more) {
      st.rows = [...st.rows, ...rows];
      st.pages += 1;
    } else {
      const same = JSON.stringify(rows) === JSON.stringify(st.rows) && st.loaded;
      st.rows = rows;
      st.pages = 1;
      st.loaded = true;
      st.nextCursor = reply.data.next_cursor ?? null;
      if (same && quiet) return;
    }
    st.nextCursor = reply.data.next_cursor ?? null;
    paint({ focusRow: more ? st.rows.length - rows.length : null });
  }

  function paint({ focusRow = null } = {}) {
    fillFilters();
    const claimed = st.rows.filter((r) => r.claimed).length;
    els.status.textContent =
      st.rows.length === 0
        ? st.day || st.prize
          ? t("noWinnersFiltered")
          : t("noWinners")
        : t("winnersCount", st.rows.length, claimed, st.nextCursor !== null);
    els.more.hidden = st.nextCursor === null;
    if (st.rows.length === 0) {
      clear(els.table);
      return;
    }
    const body = st.rows.map((w) =>
      h(
        "tr",
        {
          "data-testid": "winner-row",
          "data-claimed": String(Boolean(w.claimed)),
          "data-entry-id": String(w.entry_id),
          "data-prize-id": w.prize?.id ?? "",
          "data-day": w.day,
          tabindex: "-1",
        },
        cell(
          t("colWonAt"),
          fmtDateTime(Date.parse(w.won_at)),
          h("span", { class: "block small muted" }, t("campaignDay", fmtDay(w.day))),
        ),
        cell(t("colPrize"), w.prize?.name ?? "", h("span", { class: "block small muted" }, w.prize?.id ?? "")),
        cell(t("colPlayer"), h("code", { class: "player-id" }, w.player)),
        cell(
          t("colClaim"),
          w.claimed
            ? h("span", { class: "tag tag-ok" }, h("span", { "aria-hidden": "true" }, "✓ "), t("claimedYes"))
            : h("span", { class: "tag tag-wait" }, t("claimedNo")),
        ),
        cell(
          t("colShipTo"),
          w.shipping
            ? [
                h("strong", {}, w.shipping.name),
                h("span", { class: "block" }, w.shipping.phone),
                h("span", { class: "block address" }, w.shipping.address),
              ]
            : h("span", { class: "muted" }, "—"),
        ),
      ),
    );
    clear(
      els.table,
      h(
        "table",
        { class: "data-table winners-table stack-on-phone" },
        h("caption", { class: "visually-hidden" }, t("winnersTitle")),
        tableHead([t("colWonAt"), t("colPrize"), t("colPlayer"), t("colClaim"), t("colShipTo")]),
        h("tbody", {}, body),
      ),
    );
    if (focusRow !== null) els.table.querySelectorAll("tbody tr")[focusRow]?.focus();
  }

  async function download() {
    if (st.downloading) return;
    st.downloading = true;
    els.download.disabled = true;
    els.downloadStatus.textContent = t("downloadPreparing");
    // The server sends the CSV in bounded pages; joined in order they are the file.
    const reply = await winnersCsvFile(id);
    if (!reply.ok) {
      st.downloading = false;
      els.download.disabled = false;
      const error = errorOf(reply);
      els.downloadStatus.textContent = t("downloadFailed", error.message || error.code);
      return;
    }
    const blob = new Blob([reply.text], { type: "text/csv;charset=utf-8" });
    const name = fileName(reply.headers.get("content-disposition")) ?? `${id}-winners.csv`;
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    st.downloading = false;
    els.download.disabled = false;
    els.downloadStatus.textContent = t("downloaded", name);
    announce(t("downloaded", name));
  }

  load(false);

  return {
    /** After a dashboard refresh: new filter options; the first page again if only it is shown. */
    refreshSoft() {
      fillFilters();
      if (st.pages <= 1 && !st.loading) load(false, { quiet: true });
    },
    state: () => ({ day: st.day, prize: st.prize }),
    restore(saved) {
      st.day = saved.day;
      st.prize = saved.prize;
      load(false);
    },
  };
}

/** A table cell whose content is one block (so phones can show it as "label | content"). */
export function cell(label, ...content) {
  return h("td", { "data-label": label }, h("div", { class: "cell" }, ...content));
}

/** The file name of a Content-Disposition header (filename* first), or null. */
export function fileName(header) {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"|filename\s*=\s*([^;\s]+)/.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, "$1") ?? plain?.[2];
  // Never a path: the last segment only.
  return name ? name.split(/[\\/]/).pop() || null : null;
}

function downloadIcon() {
  return h(
    "svg:svg",
    { viewBox: "0 0 24 24", class: "icon", "aria-hidden": "true", focusable: "false" },
    h("svg:path", {
      d: "M12 4v12m0 0-5-5m5 5 5-5M5 20h14",
      fill: "none",
      stroke: "currentColor",
      "stroke-width": 2,
      "stroke-linecap": "round",
      "stroke-linejoin": "round",
    }),
  );
}

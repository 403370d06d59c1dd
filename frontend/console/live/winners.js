// The live page's fulfilment list: winners with their claim status and
// shipping details, filtered by day and prize, more pages on request, and
// the whole list as a CSV download (joined from the server's pages). Uses
// the console's api.js, dom.js, i18n.js and table cells.

import { tableHead } from "../../shared/element.js";
import { api, errorOf, winnersCsvFile } from "../api.js";
import { allPrizes } from "../campaign.js";
import { announce, clear, h } from "../dom.js";
import { fmtDateTime, fmtDay, t } from "../i18n.js";
import { cell } from "../table-cell.js";

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

function winnerRow(w) {
  return h(
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
  );
}

function winnersTable(rows) {
  return h(
    "table",
    { class: "data-table winners-table stack-on-phone" },
    h("caption", { class: "visually-hidden" }, t("winnersTitle")),
    tableHead([t("colWonAt"), t("colPrize"), t("colPlayer"), t("colClaim"), t("colShipTo")]),
    h("tbody", {}, rows.map(winnerRow)),
  );
}

/** Fills a select with "all" and `options` ([value, text]) when they differ from what it shows. */
function fillSelect(select, allText, options, value) {
  const key = JSON.stringify(options);
  if (select.dataset.key !== key) {
    clear(
      select,
      h("option", { value: "" }, allText),
      options.map(([optionValue, text]) => h("option", { value: optionValue }, text)),
    );
    select.dataset.key = key;
  }
  select.value = value;
}

/** The filter choices: days of the stats and the rows (newest first), the campaign's prizes. */
function fillFilters(els, st, dashboard) {
  const days = [
    ...new Set(
      [...(dashboard().stats?.days ?? []).map((d) => d.day), ...st.rows.map((r) => r.day), st.day].filter(Boolean),
    ),
  ]
    .sort()
    .reverse();
  fillSelect(
    els.day,
    t("allDays"),
    days.map((day) => [day, fmtDay(day)]),
    st.day,
  );
  const prizes = allPrizes(dashboard().admin?.campaign);
  if (st.prize && !prizes.some((p) => p.id === st.prize)) prizes.push({ id: st.prize, name: st.prize });
  fillSelect(
    els.prize,
    t("allPrizes"),
    prizes.map((p) => [p.id, `${p.name} (${p.id})`]),
    st.prize,
  );
}

/** Downloads the winners of campaign `id` as CSV, saying how it went in `status`. */
async function downloadCsv(id, button, status) {
  button.disabled = true;
  status.textContent = t("downloadPreparing");
  // The server sends the CSV in bounded pages; joined in order they are the file.
  const reply = await winnersCsvFile(id);
  button.disabled = false;
  if (!reply.ok) {
    const error = errorOf(reply);
    status.textContent = t("downloadFailed", error.message || error.code);
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
  status.textContent = t("downloaded", name);
  announce(t("downloaded", name));
}

function layout(mount, els) {
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
}

function elements({ setFilter, load, download }) {
  const els = {};
  const button = (attributes, ...content) => h("button", { type: "button", ...attributes }, ...content);
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
  els.more = button(
    { class: "button button-secondary", "data-testid": "load-more", hidden: true, onclick: () => load(true) },
    t("loadMore"),
  );
  els.download = button(
    { class: "button button-secondary", "data-testid": "download-csv", onclick: download },
    downloadIcon(),
    t("downloadCsv"),
  );
  els.downloadStatus = h("p", { class: "small download-status", role: "status", "data-testid": "download-status" });
  els.refresh = button(
    { class: "button button-ghost", "data-testid": "winners-refresh", onclick: () => load(false) },
    t("refresh"),
  );
  return els;
}

/** The winners of one campaign: filters, pages shown and the download. */
class WinnersList {
  constructor(mount, id, dashboard) {
    this.mount = mount;
    this.id = id;
    this.dashboard = dashboard;
    this.st = { day: "", prize: "", rows: [], nextCursor: null, loading: false, pages: 0, loaded: false };
    this.downloading = false;
    this.els = elements({
      setFilter: (key, value) => {
        this.st[key] = value;
        this.load(false);
      },
      load: (more) => this.load(more),
      download: () => this.download(),
    });
    layout(mount, this.els);
    this.load(false);
  }

  async download() {
    if (this.downloading) return;
    this.downloading = true;
    await downloadCsv(this.id, this.els.download, this.els.downloadStatus);
    this.downloading = false;
  }

  async load(more, { quiet = false } = {}) {
    const { st, els, mount } = this;
    if (st.loading) return;
    st.loading = true;
    if (!quiet) {
      els.status.textContent = t("loadingWinners");
      mount.setAttribute("aria-busy", "true");
    }
    const cursor = more ? st.nextCursor : undefined;
    const reply = await api.winners(this.id, { day: st.day, prize: st.prize, cursor });
    st.loading = false;
    mount.removeAttribute("aria-busy");
    if (!reply.ok) {
      const error = errorOf(reply);
      const text = error.code === "network" ? t("networkError") : error.message || error.code;
      els.status.textContent = t("winnersFailed", text);
      return;
    }
    const rows = reply.data.winners ?? [];
    const unchanged = !more && st.loaded && JSON.stringify(rows) === JSON.stringify(st.rows);
    st.rows = more ? [...st.rows, ...rows] : rows;
    st.pages = more ? st.pages + 1 : 1;
    st.loaded = true;
    st.nextCursor = reply.data.next_cursor ?? null;
    if (unchanged && quiet) return;
    this.paint({ focusRow: more ? st.rows.length - rows.length : null });
  }

  paint({ focusRow = null } = {}) {
    const { st, els } = this;
    fillFilters(els, st, this.dashboard);
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
    clear(els.table, winnersTable(st.rows));
    if (focusRow !== null)
      /** @type {HTMLElement | undefined} */ (els.table.querySelectorAll("tbody tr")[focusRow])?.focus();
  }

  /** After a dashboard refresh: new filter options; the first page again if only it is shown. */
  refreshSoft() {
    fillFilters(this.els, this.st, this.dashboard);
    if (this.st.pages <= 1 && !this.st.loading) this.load(false, { quiet: true });
  }

  /** The filters, to keep across a re-render. */
  state() {
    return { day: this.st.day, prize: this.st.prize };
  }

  restore(saved) {
    this.st.day = saved.day;
    this.st.prize = saved.prize;
    this.load(false);
  }
}

/** The winners of campaign `id` in `mount`; dashboard() gives the live page's state (stats, admin). */
export function createWinners(mount, id, dashboard) {
  return new WinnersList(mount, id, dashboard);
}

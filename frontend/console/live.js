// A campaign's live page: the dashboard (status, draws per minute, today's
// stock left per prize, wins and claims per day; refreshed every few seconds
// while the page is visible; pause and resume) and fulfilment (winners with
// their claim status, filters by day and prize, more pages, CSV download).
//
// This module is the dashboard's controller: its state, the polling and the
// layout. The parts are in live/: status.js (badge and status line),
// pause.js, stock.js (today's figures and stock), draws-chart.js, days.js
// and winners.js (fulfilment).

import { api, errorOf } from "./api.js";
import { clear, h } from "./dom.js";
import { fmtTime, t } from "./i18n.js";
import { renderDays } from "./live/days.js";
import { rangeSwitch, renderDraws } from "./live/draws-chart.js";
import { createPauseControl } from "./live/pause.js";
import { renderStatusLine } from "./live/status.js";
import { renderStock, renderToday } from "./live/stock.js";
import { createWinners } from "./live/winners.js";

export { statusBadge } from "./live/status.js";
export { fileName } from "./live/winners.js";

// Under 5 s: wrangler dev (workerd) closes keep-alive connections idle for
// 5 s, and a refresh on the same beat could reuse one just as it is closed.
const REFRESH_MS = 4000;

function panel(titleId, title, ...content) {
  return h("section", { class: "panel", "aria-labelledby": titleId }, h("h3", { id: titleId }, title), ...content);
}

/** The dashboard's elements (els) laid out in `mount`, with the winners' section. */
function layout(mount, els, winnersMount) {
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
        panel("stock-title", t("stockToday"), els.stock),
      ),
      panel("days-title", t("perDay"), els.days),
      els.updated,
    ),
    winnersMount,
  );
}

/** The dashboard of one campaign: its state, the polling and the painting. */
class LiveDashboard {
  constructor(mount, id, onInfo) {
    this.mount = mount;
    this.id = id;
    this.onInfo = onInfo;
    this.st = {
      admin: null,
      stats: null,
      range: "hour",
      timer: null,
      destroyed: false,
      loading: false,
      error: null,
      updatedAt: null,
    };
    this.els = {};
    this.winners = null;
    this.pauseControl = null;
    this.onVisible = () => {
      if (document.visibilityState === "visible") {
        this.refresh();
        this.schedule();
      }
    };
    document.addEventListener("visibilitychange", this.onVisible);
    this.render();
    this.refresh();
    this.schedule();
  }

  render() {
    const { st, els } = this;
    els.message = h("p", { class: "dash-message", role: "status", "data-testid": "dashboard-message" });
    this.pauseControl = createPauseControl(this.id, els.message, {
      title: () => st.admin?.campaign?.title,
      isDestroyed: () => st.destroyed,
      onChanged: ({ paused, status }) => {
        if (st.admin) st.admin = { ...st.admin, paused, status };
        this.paint();
        this.refresh();
      },
    });
    els.status = h("p", { class: "status-line" });
    els.pause = this.pauseControl.pause;
    els.resume = this.pauseControl.resume;
    els.updated = h("p", { class: "updated muted small", "data-testid": "dashboard-updated" });
    els.today = h("div", { class: "today-stats" });
    els.draws = h("div", { class: "draws-chart", "data-testid": "dashboard-draws" });
    els.drawsSummary = h("p", { class: "small muted draws-summary" });
    els.range = rangeSwitch(st.range, (range) => {
      st.range = range;
      this.paintDraws();
    });
    els.stock = h("div", { class: "stock-list-wrap" });
    els.days = h("div", { class: "days-wrap" });
    const winnersMount = h("section", {
      class: "card winners",
      "data-testid": "winners",
      "aria-labelledby": "winners-title",
    });
    layout(this.mount, els, winnersMount);
    this.winners = createWinners(winnersMount, this.id, () => st);
    this.paint();
  }

  paintDraws() {
    renderDraws(this.els.draws, this.els.drawsSummary, this.st.stats?.draws_per_minute ?? [], this.st.range);
  }

  paint() {
    const { st, els } = this;
    const admin = st.admin;
    if (!admin) {
      els.status.textContent = st.error ? st.error : t("loading");
      return;
    }
    renderStatusLine(els.status, admin);
    this.pauseControl.show(admin.paused);
    renderToday(els.today, admin.today ?? {});
    renderStock(els.stock, admin.today?.prizes ?? []);
    this.paintDraws();
    renderDays(els.days, st.stats?.days);
    els.updated.textContent = st.error
      ? t("refreshFailed", st.error)
      : st.updatedAt
        ? t("updatedAt", fmtTime(st.updatedAt), REFRESH_MS / 1000)
        : "";
    els.updated.classList.toggle("warn", Boolean(st.error));
  }

  async refresh() {
    const { st, id } = this;
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
      this.onInfo(admin.data);
      this.winners?.refreshSoft();
    } else {
      const error = errorOf(admin.ok ? stats : admin);
      st.error = error.code === "network" ? t("networkError") : error.message || error.code;
      if (!st.admin && admin.status === 404) st.error = t("notFound");
    }
    this.paint();
  }

  schedule() {
    const { st } = this;
    clearTimeout(st.timer);
    if (st.destroyed) return;
    st.timer = setTimeout(async () => {
      if (document.visibilityState === "visible") await this.refresh();
      this.schedule();
    }, REFRESH_MS);
  }

  /** Again in the current language, keeping the winners' filters. */
  rerender() {
    const keep = this.winners?.state();
    this.render();
    if (keep) this.winners.restore(keep);
  }

  destroy() {
    this.st.destroyed = true;
    clearTimeout(this.st.timer);
    document.removeEventListener("visibilitychange", this.onVisible);
  }
}

/** The live page of campaign `id` in `mount`. onInfo(adminView) after each load. */
export function createLive(mount, id, { onInfo = () => {} } = {}) {
  return new LiveDashboard(mount, id, onInfo);
}

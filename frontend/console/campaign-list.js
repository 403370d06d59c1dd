// The campaign list (#/): every campaign the Worker knows, plus those created
// in this tab (the Worker's list is eventually consistent), each with its
// title, status and today's draws, fetched a few campaigns at a time.

import { api, errorOf } from "./api.js";
import { clear, focusElement, h } from "./dom.js";
import { fmtNumber, t } from "./i18n.js";
import { statusBadge } from "./live.js";
import { main, setTitle } from "./page.js";

const createdInThisTab = new Set();
const detailsAtOnce = 4;

/** Lists a campaign saved in this tab even before the Worker's list holds it. */
export function rememberCampaign(id) {
  createdInThisTab.add(id);
}

/**
 * Draws the list into the page and fills it in as the replies arrive.
 * @param {import("./page.js").View} v
 * @param {import("./page.js").Shell} shell
 */
export function renderList(v, shell) {
  setTitle(t("campaigns"));
  const list = h("ul", { class: "campaign-list", "data-testid": "campaign-list", role: "list", "aria-busy": "true" });
  const status = h("p", { class: "muted", role: "status" }, t("loading"));
  const heading = h("h1", { id: "list-title", tabindex: "-1" }, t("campaigns"));
  clear(
    main,
    h(
      "section",
      { class: "list-view", "aria-labelledby": "list-title" },
      h(
        "div",
        { class: "page-head" },
        heading,
        h(
          "a",
          { href: "#/new", class: "button button-primary", "data-testid": "new-campaign" },
          h("span", { "aria-hidden": "true" }, "+ "),
          t("newCampaign"),
        ),
      ),
      status,
      list,
    ),
  );
  focusElement(heading, { scroll: false });
  const view = { alive: true };
  v.destroy = () => (view.alive = false);
  v.rerender = shell.reshow;
  fillList(list, status, view);
}

async function fillList(list, status, view) {
  const reply = await api.list();
  if (!view.alive) return;
  list.removeAttribute("aria-busy");
  if (!reply.ok) {
    const e = errorOf(reply);
    status.textContent = t("listFailed", e.code === "network" ? t("networkError") : e.message || e.code);
    return;
  }
  const ids = [...new Set([...(reply.data.campaigns ?? []), ...createdInThisTab])].sort();
  status.textContent = ids.length === 0 ? t("noCampaigns") : t("campaignCount", ids.length);
  clear(
    list,
    ids.map((id) => campaignItem(id, view)),
  );
}

/** One campaign's row: a link to its dashboard, its details, an edit link. */
function campaignItem(id, view) {
  const details = h("span", { class: "campaign-details muted small" }, t("loading"));
  const badge = h("span", { class: "campaign-badge" });
  const titleEl = h("span", { class: "campaign-title" }, id);
  const item = h(
    "li",
    { class: "campaign-item", "data-campaign-id": id },
    h(
      "a",
      { href: `#/c/${encodeURIComponent(id)}`, class: "campaign-link", "data-testid": `campaign-${id}` },
      h("span", { class: "campaign-main" }, titleEl, h("code", { class: "campaign-id small" }, id)),
      badge,
      details,
    ),
    h(
      "a",
      {
        href: `#/c/${encodeURIComponent(id)}/edit`,
        class: "button button-ghost button-small",
        "data-testid": `edit-${id}`,
      },
      t("edit"),
      h("span", { class: "visually-hidden" }, ` ${id}`),
    ),
  );
  queueDetails(id, (info) => {
    if (!view.alive || !info) {
      details.textContent = "";
      return;
    }
    titleEl.textContent = info.campaign?.title ?? id;
    clear(badge, statusBadge(info.status, info.paused));
    details.textContent = t(
      "listDetails",
      fmtNumber(info.today?.draws ?? 0),
      fmtNumber(info.today?.wins ?? 0),
      info.campaign?.window?.first_day ?? "",
      info.campaign?.window?.last_day ?? "",
    );
  });
  return item;
}

// Each campaign's details come from its own request; at most detailsAtOnce
// run together, the rest wait their turn in order.
const detailQueue = [];
let detailsRunning = 0;

function queueDetails(id, done) {
  detailQueue.push({ id, done });
  startQueuedDetails();
}

function startQueuedDetails() {
  while (detailsRunning < detailsAtOnce && detailQueue.length > 0) {
    const { id, done } = detailQueue.shift();
    detailsRunning++;
    api.get(id).then((reply) => {
      detailsRunning--;
      done(reply.ok ? reply.data : null);
      startQueuedDetails();
    });
  }
}

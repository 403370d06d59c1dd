// A campaign's status as the console shows it: the badge (open, paused,
// scheduled, ended, ...) in the list and on the live page, and the live
// page's status line with its detail text. Uses dom.js and i18n.js.

import { clear, h } from "../dom.js";
import { t } from "../i18n.js";

/** The status shown: "paused" for a paused campaign that has not ended. */
export const shownStatus = (status, paused) => (paused && status !== "ended" ? "paused" : status);

/**
 * The badge of a campaign's status.
 * @param {string} status
 * @param {boolean} paused
 * @param {{testid?: string}} [options]
 */
export function statusBadge(status, paused, { testid } = {}) {
  const shown = shownStatus(status, paused);
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

/** The live page's status line for the admin view `admin`. */
export function renderStatusLine(mount, admin) {
  clear(
    mount,
    statusBadge(admin.status, admin.paused, { testid: "status" }),
    " ",
    h("span", { class: "status-detail" }, t(`statusDetail_${shownStatus(admin.status, admin.paused)}`)),
  );
}

// The console page every view draws into: the <main> element, the document
// title, and the shape of a view the shell routes between. Uses the DOM and
// the console's i18n only, so every view module may import it without cycles.

import { t } from "./i18n.js";

/**
 * A view on screen: its route name and campaign id, and the hooks the shell
 * calls when it leaves the view (destroy) or the language changes (rerender).
 * @typedef {{ name: string, id: string | null, destroy?: () => void, rerender?: () => void }} View
 */

/**
 * What a view's renderer gets from the shell besides its view.
 * @typedef {{ reshow: () => void, currentView: () => View }} Shell
 */

export const main = /** @type {HTMLElement} */ (document.querySelector("#main"));

/** Sets the tab's title: the page's own text, then the console's name. */
export function setTitle(text) {
  document.title = text ? `${text} · ${t("consoleName")}` : t("consoleName");
}

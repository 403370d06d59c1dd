// The blindbox operator console's shell: start-up, the session (signed in or
// not) and routing between the views: sign-in (sign-in.js), the campaign list
// (campaign-list.js), a campaign's dashboard and editor (campaign-views.js).
// Routes live in the address's fragment and hold campaign ids only, never the key:
//   #/             campaigns
//   #/new          a new campaign
//   #/c/{id}       dashboard and fulfilment
//   #/c/{id}/edit  the editor

import { api, setKey, storedKey, whenUnauthorized } from "./api.js";
import { renderList } from "./campaign-list.js";
import { renderEditor, renderLive } from "./campaign-views.js";
import { clear } from "./dom.js";
import { lang, onLanguageChange, pickLanguage, setLanguage, t, translateStatic } from "./i18n.js";
import { main } from "./page.js";
import { renderSignIn } from "./sign-in.js";

/** @typedef {import("./page.js").View} View */

const $ = (selector) => /** @type {HTMLElement} */ (document.querySelector(selector));

/** @type {View | null} */
let view = null;
let signedIn = false;
let signOutReason = "";

const session = {
  signOutReason: () => signOutReason,
  onSignedIn: () => {
    signedIn = true;
    signOutReason = "";
    route();
  },
};

// ---------------------------------------------------------------- start

setLanguage(pickLanguage());
translateStatic();
$("#lang-toggle").addEventListener("click", () => setLanguage(lang() === "en" ? "zh" : "en", { persist: true }));
$("#sign-out").addEventListener("click", () => signOut(""));
onLanguageChange(() => {
  translateStatic();
  if (view?.rerender) view.rerender();
  else route();
});
window.addEventListener("hashchange", () => route());
whenUnauthorized(() => signOut(t("keyRevoked")));

if (storedKey()) {
  // A key from earlier in this tab: check it quietly, then go where the address says.
  api.list().then((reply) => {
    if (reply.ok) {
      signedIn = true;
      route();
    } else {
      if (reply.status === 401) setKey(null);
      signedIn = false;
      route();
    }
  });
} else {
  route();
}

// ---------------------------------------------------------------- routing

function parseRoute() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ""));
  let match;
  if (hash === "/new") return { name: "new" };
  if ((match = /^\/c\/([^/]+)\/edit$/.exec(hash))) return { name: "edit", id: match[1] };
  if ((match = /^\/c\/([^/]+)$/.exec(hash))) return { name: "live", id: match[1] };
  return { name: "list" };
}

/** Goes to a route, or draws it again when the address already holds it. */
export function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function route() {
  document.body.dataset.signedIn = String(signedIn);
  $("#sign-out").hidden = !signedIn;
  $("#top-nav").hidden = !signedIn;
  if (!signedIn) {
    show("signin", null, (v) => renderSignIn(v, session));
    return;
  }
  const r = parseRoute();
  // The editor of a campaign just created is already on screen.
  if (r.name === "edit" && view?.name === "edit" && view.id === r.id) return;
  if (r.name === "new") show("new", null, renderEditor);
  else if (r.name === "edit") show("edit", r.id, renderEditor);
  else if (r.name === "live") show("live", r.id, renderLive);
  else show("list", null, renderList);
}

/**
 * Leaves the view on screen and draws another.
 * @param {string} name
 * @param {string | null} id
 * @param {(v: View, shell: import("./page.js").Shell) => void} renderer
 */
function show(name, id, renderer) {
  view?.destroy?.();
  view = { name, id };
  const links = /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll("#top-nav a"));
  for (const link of links) {
    if (link.dataset.nav === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  clear(main);
  renderer(view, { reshow: () => show(name, id, renderer), currentView: () => view });
}

function signOut(reason) {
  setKey(null);
  signedIn = false;
  signOutReason = reason;
  if (location.hash && location.hash !== "#/") history.replaceState(null, "", location.pathname + location.search);
  route();
}

// The blindbox operator console: sign-in with the admin key, the campaign
// list, the editor (editor.js), a campaign's live page (live.js). Routes live
// in the address's fragment and hold campaign ids only, never the key:
//   #/             campaigns
//   #/new          a new campaign
//   #/c/{id}       dashboard and fulfilment
//   #/c/{id}/edit  the editor

import { api, errorOf, setKey, storedKey, whenUnauthorized } from "./api.js";
import { clear, focusElement, h } from "./dom.js";
import { createEditor } from "./editor.js";
import { fmtNumber, lang, onLanguageChange, pickLanguage, setLanguage, t, translateStatic } from "./i18n.js";
import { createLive, statusBadge } from "./live.js";

const $ = (selector) => document.querySelector(selector);
const main = $("#main");

let view = null; // {name, id, destroy, rerender}
let signedIn = false;
let signOutReason = "";
const knownIds = new Set(); // created in this tab (the list is eventually consistent)

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

export function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function route() {
  document.body.dataset.signedIn = String(signedIn);
  $("#sign-out").hidden = !signedIn;
  $("#top-nav").hidden = !signedIn;
  if (!signedIn) {
    show("signin", null, renderSignIn);
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

function show(name, id, renderer) {
  view?.destroy?.();
  view = { name, id };
  for (const link of document.querySelectorAll("#top-nav a")) {
    if (link.dataset.nav === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  clear(main);
  renderer(view);
}

function setTitle(text) {
  document.title = text ? `${text} · ${t("consoleName")}` : t("consoleName");
}

// ---------------------------------------------------------------- sign-in

function renderSignIn(v) {
  setTitle(t("signInTitle"));
  const input = h("input", {
    id: "admin-key",
    type: "password",
    name: "admin-key",
    "data-testid": "admin-key",
    autocomplete: "current-password",
    autocapitalize: "off",
    spellcheck: "false",
    required: true,
    "aria-describedby": "admin-key-hint sign-in-error",
  });
  const error = h(
    "p",
    { class: "field-error", id: "sign-in-error", "data-testid": "sign-in-error", role: "alert" },
    signOutReason,
  );
  const reveal = h(
    "button",
    {
      type: "button",
      class: "button button-ghost button-small reveal",
      "aria-pressed": "false",
      "aria-controls": "admin-key",
      onclick: () => {
        const showing = input.type === "text";
        input.type = showing ? "password" : "text";
        reveal.setAttribute("aria-pressed", String(!showing));
        reveal.textContent = showing ? t("showKey") : t("hideKey");
      },
    },
    t("showKey"),
  );
  const button = h("button", { type: "submit", class: "button button-primary", "data-testid": "sign-in" }, t("signIn"));
  const form = h(
    "form",
    {
      class: "signin-form",
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const key = input.value.trim();
        error.textContent = "";
        input.removeAttribute("aria-invalid");
        if (!key) {
          error.textContent = t("keyEmpty");
          input.setAttribute("aria-invalid", "true");
          input.focus();
          return;
        }
        button.disabled = true;
        button.textContent = t("signingIn");
        const reply = await api.list(key);
        button.disabled = false;
        button.textContent = t("signIn");
        if (reply.ok) {
          setKey(key);
          signedIn = true;
          signOutReason = "";
          input.value = "";
          route();
          return;
        }
        const e = errorOf(reply);
        error.textContent =
          reply.status === 401
            ? t("keyRefused")
            : e.code === "network"
              ? t("networkError")
              : t("signInFailed", reply.status, e.message || e.code);
        input.setAttribute("aria-invalid", "true");
        input.focus();
        input.select();
      },
    },
    h(
      "div",
      { class: "field" },
      h("label", { for: "admin-key" }, t("adminKey")),
      h("div", { class: "key-row" }, input, reveal),
      h("p", { class: "hint", id: "admin-key-hint" }, t("adminKeyHint")),
      error,
    ),
    button,
  );
  clear(
    main,
    h(
      "section",
      { class: "card signin", "aria-labelledby": "signin-title" },
      h("h1", { id: "signin-title" }, t("signInTitle")),
      h("p", { class: "muted" }, t("signInIntro")),
      form,
    ),
  );
  if (signOutReason) input.setAttribute("aria-invalid", "true");
  input.focus();
  v.rerender = () => {
    const keep = input.value;
    renderSignIn(v);
    main.querySelector("#admin-key").value = keep;
  };
}

function signOut(reason) {
  setKey(null);
  signedIn = false;
  signOutReason = reason;
  if (location.hash && location.hash !== "#/") history.replaceState(null, "", location.pathname + location.search);
  route();
}

// ---------------------------------------------------------------- campaign list

function renderList(v) {
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
  let alive = true;
  v.destroy = () => (alive = false);
  v.rerender = () => show("list", null, renderList);
  (async () => {
    const reply = await api.list();
    if (!alive) return;
    list.removeAttribute("aria-busy");
    if (!reply.ok) {
      const e = errorOf(reply);
      status.textContent = t("listFailed", e.code === "network" ? t("networkError") : e.message || e.code);
      return;
    }
    const ids = [...new Set([...(reply.data.campaigns ?? []), ...knownIds])].sort();
    status.textContent = ids.length === 0 ? t("noCampaigns") : t("campaignCount", ids.length);
    clear(
      list,
      ids.map((id) => {
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
        // Details per campaign, a few at a time.
        queueDetails(id, (info) => {
          if (!alive || !info) {
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
      }),
    );
  })();
}

const detailQueue = [];
let detailRunning = 0;
function queueDetails(id, done) {
  detailQueue.push({ id, done });
  pump();
}
function pump() {
  while (detailRunning < 4 && detailQueue.length > 0) {
    const { id, done } = detailQueue.shift();
    detailRunning++;
    api.get(id).then((reply) => {
      detailRunning--;
      done(reply.ok ? reply.data : null);
      pump();
    });
  }
}

// ---------------------------------------------------------------- a campaign

function campaignHeader(id, active, titleText) {
  const title = h("h1", { id: "campaign-title", tabindex: "-1" }, titleText ?? id);
  const tab = (name, href, label) =>
    h(
      "a",
      { href, class: "tab", "data-testid": `tab-${name}`, "aria-current": active === name ? "page" : null },
      label,
    );
  const header = h(
    "div",
    { class: "campaign-head" },
    h(
      "nav",
      { class: "crumbs", "aria-label": t("breadcrumbs") },
      h("a", { href: "#/" }, t("campaigns")),
      h("span", { "aria-hidden": "true" }, " / "),
      h("code", {}, id),
    ),
    title,
    h(
      "nav",
      { class: "tabs", "aria-label": t("campaignSections") },
      tab("live", `#/c/${encodeURIComponent(id)}`, t("tabLive")),
      tab("edit", `#/c/${encodeURIComponent(id)}/edit`, t("tabEdit")),
      h(
        "a",
        { href: `/?campaign=${encodeURIComponent(id)}`, class: "tab tab-external", target: "_blank", rel: "noopener" },
        t("playerPage"),
        h("span", { class: "visually-hidden" }, ` (${t("newTab")})`),
        h("span", { "aria-hidden": "true" }, " ↗"),
      ),
    ),
  );
  return { header, title };
}

function renderLive(v) {
  setTitle(v.id);
  const { header, title } = campaignHeader(v.id, "live");
  const body = h("div", { class: "live" });
  clear(main, header, body);
  const live = createLive(body, v.id, {
    onInfo: (info) => {
      const name = info.campaign?.title ?? v.id;
      if (title.textContent !== name) {
        title.textContent = name;
        setTitle(name);
      }
    },
  });
  v.destroy = () => live.destroy();
  v.rerender = () => show("live", v.id, renderLive);
  focusElement(title, { scroll: false });
}

function renderEditor(v) {
  setTitle(v.id ?? t("newTitle"));
  const isNew = v.name === "new";
  let savedTitle = null;
  const makeHead = () =>
    v.name === "new"
      ? h(
          "div",
          { class: "campaign-head" },
          h(
            "nav",
            { class: "crumbs", "aria-label": t("breadcrumbs") },
            h("a", { href: "#/" }, t("campaigns")),
            h("span", { "aria-hidden": "true" }, " / "),
            t("newCampaign"),
          ),
          h("h1", { class: "visually-hidden" }, t("newCampaign")),
        )
      : campaignHeader(v.id, "edit", savedTitle).header;
  let head = makeHead();
  const body = h("div", { class: "editor-mount" });
  clear(main, head, body);
  const editor = createEditor(body, {
    id: v.id,
    onLoaded: (info) => {
      const name = info.campaign?.title ?? v.id;
      savedTitle = name;
      const title = main.querySelector("#campaign-title");
      if (title) title.textContent = name;
      setTitle(name);
    },
    onSaved: (id, created) => {
      knownIds.add(id);
      if (created && isNew) {
        // Stay in this editor; the address now names the campaign.
        view.name = "edit";
        view.id = id;
        history.replaceState(null, "", `#/c/${encodeURIComponent(id)}/edit`);
        const next = makeHead();
        head.replaceWith(next);
        head = next;
        setTitle(id);
      }
    },
  });
  v.destroy = () => editor.destroy();
  v.rerender = () => {
    const next = makeHead();
    head.replaceWith(next);
    head = next;
    editor.rerender();
  };
  const heading = main.querySelector("#campaign-title") ?? main.querySelector("#editor-title");
  focusElement(heading, { scroll: false });
}

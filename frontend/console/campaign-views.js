// A campaign's two views and their shared header: the dashboard with
// fulfilment (#/c/{id}, live.js) and the editor (#/c/{id}/edit and #/new,
// editor.js). A new campaign's editor stays on screen once saved; only the
// address and the header change to name the campaign.

import { rememberCampaign } from "./campaign-list.js";
import { clear, focusElement, h } from "./dom.js";
import { createEditor } from "./editor.js";
import { t } from "./i18n.js";
import { createLive } from "./live.js";
import { main, setTitle } from "./page.js";

/** The breadcrumbs, the title and the tabs above a campaign's view. */
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
    breadcrumbs(h("code", {}, id)),
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

/** "Campaigns / <current>": the trail above a campaign's views. */
function breadcrumbs(current) {
  return h(
    "nav",
    { class: "crumbs", "aria-label": t("breadcrumbs") },
    h("a", { href: "#/" }, t("campaigns")),
    h("span", { "aria-hidden": "true" }, " / "),
    current,
  );
}

/** The header above a new campaign's editor, which has no id yet. */
function newCampaignHeader() {
  return h(
    "div",
    { class: "campaign-head" },
    breadcrumbs(t("newCampaign")),
    h("h1", { class: "visually-hidden" }, t("newCampaign")),
  );
}

/**
 * The dashboard and fulfilment of campaign v.id.
 * @param {import("./page.js").View} v
 * @param {import("./page.js").Shell} shell
 */
export function renderLive(v, shell) {
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
  v.rerender = shell.reshow;
  focusElement(title, { scroll: false });
}

/**
 * The editor of campaign v.id, or of a new campaign when v.name is "new".
 * @param {import("./page.js").View} v
 * @param {import("./page.js").Shell} shell
 */
export function renderEditor(v, shell) {
  setTitle(v.id ?? t("newTitle"));
  const isNew = v.name === "new";
  let savedTitle = null;
  const makeHead = () => (v.name === "new" ? newCampaignHeader() : campaignHeader(v.id, "edit", savedTitle).header);
  let head = makeHead();
  const replaceHead = () => {
    const next = makeHead();
    head.replaceWith(next);
    head = next;
  };
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
      rememberCampaign(id);
      if (created && isNew) {
        // Stay in this editor; the address now names the campaign.
        const view = shell.currentView();
        view.name = "edit";
        view.id = id;
        history.replaceState(null, "", `#/c/${encodeURIComponent(id)}/edit`);
        replaceHead();
        setTitle(id);
      }
    },
  });
  v.destroy = () => editor.destroy();
  v.rerender = () => {
    replaceHead();
    editor.rerender();
  };
  const heading = main.querySelector("#campaign-title") ?? main.querySelector("#editor-title");
  focusElement(heading, { scroll: false });
}

// A compact preview of the player page from the form's current state (an
// iframe of the saved page could not show unsaved changes): the theme's
// colours (through the player page's own theme.js, contrast fixes included),
// logo, headline and intro in either language, the box artwork, and the
// prize cards drawn by the player page's own prizes.js, in the player page's
// words (its dictionaries), with today's odds from the core (bb_odds on the
// draft, once it is valid).

import { renderPrizeCards, withOddsTexts } from "../prizes.js";
import { tIn as playerText } from "../i18n.js";
import { loadCore } from "../shared/core-browser.js";
import { clear, h } from "./dom.js";
import { lang, tIn } from "./i18n.js";
import { themeColors } from "../theme.js";

const SAFE_URL = /^(?:https?:\/\/|\/(?!\/))/;

/** Today's odds of the draft as the player page would show them (bb_odds), or null while it is not a valid campaign. */
function draftOdds(core, draft) {
  if (!core) return null;
  try {
    const odds = core.odds(JSON.stringify(draft), { now: Math.floor(Date.now() / 1000), issued: {}, boxes_opened: 0 });
    return withOddsTexts(core, odds);
  } catch {
    return null;
  }
}

function boxArt() {
  return h(
    "svg:svg",
    { viewBox: "0 0 240 200", class: "pv-box-art", "aria-hidden": "true", focusable: "false" },
    h("svg:ellipse", { cx: 120, cy: 188, rx: 80, ry: 8, class: "pv-shadow" }),
    h("svg:rect", { x: 44, y: 84, width: 152, height: 100, rx: 10, class: "pv-fill" }),
    h("svg:rect", { x: 108, y: 84, width: 24, height: 100, class: "pv-ribbon" }),
    h("svg:rect", { x: 34, y: 62, width: 172, height: 30, rx: 8, class: "pv-fill pv-lid" }),
    h("svg:rect", { x: 108, y: 62, width: 24, height: 30, class: "pv-ribbon" }),
    h("svg:path", {
      d: "M120 62c-8-24-42-28-42-9 0 11 21 12 42 9zm0 0c8-24 42-28 42-9 0 11-21 12-42 9z",
      class: "pv-ribbon",
    }),
    h("svg:circle", { cx: 78, cy: 134, r: 15, class: "pv-mark" }),
    h("svg:text", { x: 78, y: 141, "text-anchor": "middle", class: "pv-mark-text" }, "?"),
  );
}

/** The English and Chinese buttons that choose the preview's language; `onChoose` after a choice. */
function languageButtons(state, onChoose) {
  const buttons = ["en", "zh"].map((language) =>
    h(
      "button",
      {
        type: "button",
        class: "segment",
        lang: language === "zh" ? "zh-CN" : "en",
        "data-testid": `preview-lang-${language}`,
        "aria-pressed": String(state.language === language),
        onclick: () => {
          state.language = language;
          for (const b of buttons) b.setAttribute("aria-pressed", String(b === buttons[language === "en" ? 0 : 1]));
          onChoose();
        },
      },
      language === "en" ? "English" : "中文",
    ),
  );
  return buttons;
}

/**
 * The preview card in `mount`; `state` keeps the preview's language across re-renders.
 * @param {HTMLElement} mount
 * @param {object} options
 * @param {() => string} options.campaignId the campaign's id, read at each paint
 * @param {{language?: import("../shared/i18n.js").Language}} [options.state]
 */
export function createPreview(mount, { campaignId, state = {} }) {
  state.language ??= lang();
  let draft = null;
  let lastKey = "";
  const frame = h("div", { class: "preview-frame", "data-testid": "preview" });
  const link = h("p", { class: "small preview-link" });
  const buttons = languageButtons(state, () => {
    lastKey = "";
    paint();
  });
  clear(
    mount,
    h("h3", { id: "preview-title" }, tIn(lang(), "previewTitle")),
    h(
      "div",
      { class: "preview-toolbar" },
      h("div", { class: "segmented", role: "group", "aria-label": tIn(lang(), "previewLanguage") }, buttons),
      link,
    ),
    h("p", { class: "hint" }, tIn(lang(), "previewHint")),
    frame,
  );

  let core = null;
  let destroyed = false;
  loadCore().then(
    (loaded) => {
      core = loaded;
      lastKey = "";
      if (!destroyed) paint();
    },
    () => {}, // without the core the preview shows no prize cards; the editor says the checker failed
  );

  function paint() {
    if (!draft) return;
    const language = state.language;
    const key = JSON.stringify([language, draft, campaignId(), core !== null]);
    if (key === lastKey) return;
    lastKey = key;
    paintLink(link, campaignId());
    const theme = draft.theme && typeof draft.theme === "object" ? draft.theme : {};
    frame.removeAttribute("style");
    for (const [name, value] of Object.entries(themeColors(theme))) frame.style.setProperty(name, value);
    frame.lang = language === "zh" ? "zh-CN" : "en";
    clear(frame, hero(draft, theme, language), stage(theme, language), prizeSection(language));
  }

  /** The prize cards of the player page for today's odds of the draft, in `language`. */
  function prizeSection(language) {
    const title = h("p", { class: "pv-prizes-title", role: "heading", "aria-level": "5" }, tIn(language, "pvPrizes"));
    const odds = draftOdds(core, draft);
    if (!odds) return [title, h("p", { class: "pv-empty" }, tIn(language, "pvPrizesWaiting"))];
    if (odds.prizes.length === 0) return [title, h("p", { class: "pv-empty" }, tIn(language, "pvNoPrizes"))];
    const list = h("ul", { class: "prize-list pv-prizes", role: "list" });
    const pity = draft.pity ? { ids: new Set(draft.pity.prizes ?? []), after: draft.pity.after } : null;
    const t = (key, ...args) => playerText(language, key, ...args);
    renderPrizeCards(list, odds.prizes, { key: language, pity, t });
    return [title, list];
  }

  return {
    update(next) {
      draft = next;
      paint();
    },
    destroy() {
      destroyed = true;
    },
  };
}

/** The link to the saved player page, when the campaign has an id. */
function paintLink(link, id) {
  clear(
    link,
    id
      ? h(
          "a",
          { href: `/?campaign=${encodeURIComponent(id)}&preview=1`, target: "_blank", rel: "noopener" },
          tIn(lang(), "previewOpenSaved"),
          h("span", { class: "visually-hidden" }, ` (${tIn(lang(), "newTab")})`),
        )
      : null,
  );
}

/** The logo, headline and intro. */
function hero(draft, theme, language) {
  const title = typeof draft.title === "string" ? draft.title : "";
  const headline = (theme.headline?.[language] ?? "").trim() || title || tIn(language, "pvUntitled");
  const intro = (theme.intro?.[language] ?? "").trim();
  const logo = typeof theme.logo === "string" && SAFE_URL.test(theme.logo) ? theme.logo : "";
  return h(
    "div",
    { class: "pv-hero" },
    logo
      ? h("img", { class: "pv-logo", src: logo, alt: title || tIn(language, "pvLogo"), "data-testid": "preview-logo" })
      : null,
    h("p", { class: "pv-headline", "data-testid": "preview-headline", role: "heading", "aria-level": "4" }, headline),
    intro ? h("p", { class: "pv-intro", "data-testid": "preview-intro" }, intro) : null,
  );
}

/** The box (the theme's artwork or the drawn one) and its button. */
function stage(theme, language) {
  const boxImage = typeof theme.box_image === "string" && SAFE_URL.test(theme.box_image) ? theme.box_image : "";
  return h(
    "div",
    { class: "pv-stage" },
    boxImage
      ? h("img", { class: "pv-box-image", src: boxImage, alt: "", "data-testid": "preview-box-image" })
      : boxArt(),
    h("span", { class: "pv-button", "aria-hidden": "true" }, tIn(language, "pvOpenBox")),
  );
}

// A compact preview of the player page from the form's current state (an
// iframe of the saved page could not show unsaved changes), drawn by the
// player page's own modules in its words (its dictionaries): the theme's
// colours (theme.js, contrast fixes included), the hero and the box
// (header.js, box-art.js), the prize cards with today's odds from the core
// (prizes.js, bb_odds on the draft) and the rules (rules-section.js, over the
// core's reading of the draft, bb_campaign_describe), the last two once the
// draft is a valid campaign. Styled by the player page's sheets
// (prizes.css, sections.css) inside the preview's frame.

import { boxArt } from "../box-art.js";
import { renderHero } from "../header.js";
import { tIn as playerText } from "../i18n.js";
import { renderPrizeCards, withOddsTexts } from "../prizes.js";
import { campaignRules, renderRuleList } from "../rules-section.js";
import { loadCore } from "../shared/core-browser.js";
import { formatDay, formatList } from "../shared/format.js";
import { themeColors } from "../theme.js";
import { clear, h } from "./dom.js";
import { lang, tIn } from "./i18n.js";

/** Pictures the preview shows: web addresses and paths on this site only. */
const SAFE_URL = /^(?:https?:\/\/|\/(?!\/))/;
const safeUrl = (value) => (typeof value === "string" && SAFE_URL.test(value) ? value : "");

/**
 * What the core makes of the draft, or null while it is not a valid campaign
 * (or the core is not loaded): its summary with defaults applied
 * (bb_campaign_describe) and today's odds as the player page shows them (bb_odds).
 */
function draftReading(core, draft) {
  if (!core) return null;
  try {
    const definition = JSON.stringify(draft);
    const odds = core.odds(definition, { now: Math.floor(Date.now() / 1000), issued: {}, boxes_opened: 0 });
    return { summary: core.describe(definition), odds: withOddsTexts(core, odds) };
  } catch {
    return null;
  }
}

/** A prize's name by id in any of the draft's tables (its id when none has it). */
function draftPrizeName(draft, id) {
  for (const table of [draft.prize_table, ...Object.values(draft.date_overrides ?? {})]) {
    const prize = Array.isArray(table?.prizes) ? table.prizes.find((p) => p?.id === id) : undefined;
    if (typeof prize?.name === "string" && prize.name) return prize.name;
  }
  return id;
}

/** The hero and the stage of the player page, as header.js fills them, with the preview's test ids. */
function heroAndStage() {
  const parts = {
    logo: h("img", { class: "hero-logo", alt: "", hidden: true, "data-testid": "preview-logo" }),
    title: h("p", { class: "hero-title", role: "heading", "aria-level": "4", "data-testid": "preview-headline" }),
    intro: h("p", { class: "hero-intro", hidden: true, "data-testid": "preview-intro" }),
    boxImage: h("img", { class: "box-image", alt: "", hidden: true, "data-testid": "preview-box-image" }),
    boxArt: boxArt(),
  };
  const hero = h("div", { class: "hero" }, parts.logo, parts.title, parts.intro);
  const stage = h("div", { class: "stage", "aria-hidden": "true" }, parts.boxArt, parts.boxImage);
  return { parts, hero, stage };
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

/** The preview's title, its language switch with the player page link, and its hint. */
function previewHeading(buttons, link) {
  return [
    h("h3", { id: "preview-title" }, tIn(lang(), "previewTitle")),
    h(
      "div",
      { class: "preview-toolbar" },
      h("div", { class: "segmented", role: "group", "aria-label": tIn(lang(), "previewLanguage") }, buttons),
      link,
    ),
    h("p", { class: "hint" }, tIn(lang(), "previewHint")),
  ];
}

/**
 * The prize cards and the rules of the player page for `draft`, in `language`
 * (with the core loaded; a waiting note without it).
 */
function draftSections(core, draft, language) {
  const t = (key, ...args) => playerText(language, key, ...args);
  const heading = (key) => h("p", { class: "pv-section-title", role: "heading", "aria-level": "5" }, t(key));
  const reading = draftReading(core, draft);
  if (!reading) return [heading("prizesTitle"), h("p", { class: "pv-empty" }, tIn(language, "pvWaiting"))];
  const { summary, odds } = reading;
  const prizes = h("ul", { class: "prize-list pv-prizes", role: "list" });
  if (odds.prizes.length > 0) {
    const pity = summary.pity ? { ids: new Set(summary.pity.prizes), after: summary.pity.after } : null;
    renderPrizeCards(prizes, odds.prizes, { key: language, pity, t });
  }
  const rules = h("ul", { class: "rule-list", role: "list" });
  renderRuleList(
    rules,
    campaignRules(summary, draft, {
      viewerHours: "",
      boxesTotal: odds.boxes_total,
      prizeName: (id) => draftPrizeName(draft, id),
      words: {
        t,
        fmtDay: (day, style) => formatDay(day, style, language),
        fmtList: (items) => formatList(items, language),
      },
    }),
  );
  return [
    heading("prizesTitle"),
    odds.prizes.length > 0 ? prizes : h("p", { class: "pv-empty" }, tIn(language, "pvNoPrizes")),
    heading("rulesTitle"),
    rules,
  ];
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
  const { parts, hero, stage } = heroAndStage();
  const button = h("span", { class: "pv-button", "aria-hidden": "true" });
  const sections = h("div", { class: "pv-sections" });
  const frame = h(
    "div",
    { class: "preview-frame", "data-testid": "preview" },
    hero,
    h("div", { class: "pv-play" }, stage, button),
    sections,
  );
  const link = h("p", { class: "small preview-link" });
  const buttons = languageButtons(state, () => {
    lastKey = "";
    paint();
  });
  clear(mount, ...previewHeading(buttons, link), frame);

  let core = null;
  let destroyed = false;
  loadCore().then(
    (loaded) => {
      core = loaded;
      lastKey = "";
      if (!destroyed) paint();
    },
    () => {}, // without the core the preview shows no prize cards or rules; the editor says the checker failed
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
    const title = typeof draft.title === "string" && draft.title.trim() ? draft.title : tIn(language, "pvUntitled");
    const shownTheme = { ...theme, logo: safeUrl(theme.logo), box_image: safeUrl(theme.box_image) };
    renderHero(parts, shownTheme, title, language);
    button.textContent = playerText(language, "openBox");
    clear(sections, draftSections(core, draft, language));
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

// A compact preview of the player page from the form's current state (an
// iframe of the saved page could not show unsaved changes): the theme's
// colours (through the player page's own theme.js, contrast fixes included),
// logo, headline and intro in either language, the box artwork and the
// prize cards with their pictures.

import { oddsFraction } from "./campaign.js";
import { clear, h } from "./dom.js";
import { lang, pct, tIn } from "./i18n.js";
import { themeColors } from "../theme.js";

const SAFE_URL = /^(?:https?:\/\/|\/(?!\/))/;

function oddsLabel(language, prize, pool, boxes) {
  if (pool === "deck") {
    if (!Number.isInteger(prize.stock) || !Number.isInteger(boxes) || boxes <= 0) return "";
    return tIn(language, "pvBoxes", prize.stock, boxes);
  }
  const f = oddsFraction(prize.odds);
  if (!f || f[0] === 0n) return f ? tIn(language, "pvNoChance") : "";
  const value = Number(f[0]) / Number(f[1]);
  const oneIn = Math.round(1 / value);
  return value < 0.01 && oneIn > 1 ? tIn(language, "pvOneIn", oneIn, pct(value, language)) : pct(value, language);
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

function gift() {
  return h(
    "svg:svg",
    { viewBox: "0 0 64 64", class: "pv-gift", "aria-hidden": "true", focusable: "false" },
    h("svg:rect", { x: 10, y: 28, width: 44, height: 28, rx: 4, class: "pv-fill" }),
    h("svg:rect", { x: 7, y: 20, width: 50, height: 11, rx: 3, class: "pv-fill pv-lid" }),
    h("svg:rect", { x: 28.5, y: 20, width: 7, height: 36, class: "pv-ribbon" }),
  );
}

/** The preview card in `mount`; `state` keeps the preview's language across re-renders. */
export function createPreview(mount, { campaignId, state = {} }) {
  state.language ??= lang();
  let draft = null;
  let lastKey = "";
  const frame = h("div", { class: "preview-frame", "data-testid": "preview" });
  const link = h("p", { class: "small preview-link" });
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
          lastKey = "";
          paint();
        },
      },
      language === "en" ? "English" : "中文",
    ),
  );
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

  function paint() {
    if (!draft) return;
    const language = state.language;
    const theme = draft.theme && typeof draft.theme === "object" ? draft.theme : {};
    const key = JSON.stringify([language, theme, draft.title, draft.pool, draft.prize_table, campaignId()]);
    if (key === lastKey) return;
    lastKey = key;

    const id = campaignId();
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

    const colors = themeColors(theme);
    frame.removeAttribute("style");
    for (const [name, value] of Object.entries(colors)) frame.style.setProperty(name, value);
    frame.lang = language === "zh" ? "zh-CN" : "en";

    const title = typeof draft.title === "string" ? draft.title : "";
    const headline = (theme.headline?.[language] ?? "").trim() || title || tIn(language, "pvUntitled");
    const intro = (theme.intro?.[language] ?? "").trim();
    const logo = typeof theme.logo === "string" && SAFE_URL.test(theme.logo) ? theme.logo : "";
    const boxImage = typeof theme.box_image === "string" && SAFE_URL.test(theme.box_image) ? theme.box_image : "";
    const table = draft.prize_table && typeof draft.prize_table === "object" ? draft.prize_table : {};
    const prizes = Array.isArray(table.prizes) ? table.prizes.filter((p) => p && typeof p === "object") : [];

    clear(
      frame,
      h(
        "div",
        { class: "pv-hero" },
        logo
          ? h("img", {
              class: "pv-logo",
              src: logo,
              alt: title || tIn(language, "pvLogo"),
              "data-testid": "preview-logo",
            })
          : null,
        h(
          "p",
          { class: "pv-headline", "data-testid": "preview-headline", role: "heading", "aria-level": "4" },
          headline,
        ),
        intro ? h("p", { class: "pv-intro", "data-testid": "preview-intro" }, intro) : null,
      ),
      h(
        "div",
        { class: "pv-stage" },
        boxImage
          ? h("img", { class: "pv-box-image", src: boxImage, alt: "", "data-testid": "preview-box-image" })
          : boxArt(),
        h("span", { class: "pv-button", "aria-hidden": "true" }, tIn(language, "pvOpenBox")),
      ),
      h("p", { class: "pv-prizes-title", role: "heading", "aria-level": "5" }, tIn(language, "pvPrizes")),
      prizes.length === 0
        ? h("p", { class: "pv-empty" }, tIn(language, "pvNoPrizes"))
        : h(
            "ul",
            { class: "pv-prizes", role: "list" },
            prizes.map((prize) => {
              const picture = typeof prize.image === "string" && SAFE_URL.test(prize.image) ? prize.image : "";
              const odds = oddsLabel(language, prize, draft.pool, table.boxes);
              return h(
                "li",
                { class: "pv-prize", "data-testid": "preview-prize", "data-prize-id": prize.id ?? "" },
                h("div", { class: "pv-picture" }, picture ? h("img", { src: picture, alt: "" }) : gift()),
                h(
                  "div",
                  { class: "pv-prize-text" },
                  h("span", { class: "pv-prize-name" }, prize.name || prize.id || "—"),
                  prize.value ? h("span", { class: "pv-prize-value" }, prize.value) : null,
                  odds ? h("span", { class: "pv-prize-odds" }, odds) : null,
                ),
              );
            }),
          ),
    );
  }

  return {
    update(next) {
      draft = next;
      paint();
    },
    destroy() {},
  };
}

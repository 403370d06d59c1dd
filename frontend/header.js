// The player page's header: the campaign's headline, introduction and logo,
// the page title, the theme's colours and the box's picture, from the
// campaign's theme in the player's language. renderHero() fills a hero and a
// stage given as elements, so the console's preview shows a draft's with the
// same code. Uses state.js, i18n.js and theme.js.

import { lang } from "./i18n.js";
import { state } from "./state.js";
import { applyTheme } from "./theme.js";

const $ = (selector) => document.querySelector(selector);

/**
 * The elements renderHero() fills: the hero's logo, title and intro, the
 * stage's box picture and drawn box.
 * @typedef {{logo: HTMLImageElement, title: HTMLElement, intro: HTMLElement, boxImage: HTMLImageElement, boxArt: Element}} HeroParts
 */

/** The text for `language` from a theme's {en, zh} texts ("" if none). */
function localized(texts, language) {
  if (!texts || typeof texts !== "object") return "";
  return (texts[language] ?? "").trim();
}

/** The player page's own hero and stage. */
const pageParts = () => ({
  logo: $(".hero-logo"),
  title: $(".hero-title"),
  intro: $(".hero-intro"),
  boxImage: $(".box-image"),
  boxArt: $(".box-art"),
});

export function renderHeader() {
  const campaign = state.campaign;
  const theme = campaign.theme ?? campaign.definition?.theme ?? {};
  applyTheme(theme);
  const headline = renderHero(pageParts(), theme, campaign.title, lang());
  document.title = headline === campaign.title ? `${campaign.title} · blindbox` : `${headline} · ${campaign.title}`;
}

/**
 * The theme's headline (else `title`), intro and logo in `language`, and its
 * picture of the box (else the drawn one), into `parts`; returns the headline.
 * @param {HeroParts} parts
 * @param {{headline?: object, intro?: object, logo?: string, box_image?: string}} theme
 * @param {string} title the campaign's title
 * @param {string} language
 * @returns {string}
 */
export function renderHero(parts, theme, title, language) {
  const headline = localized(theme.headline, language) || title;
  if (parts.title.textContent !== headline) parts.title.textContent = headline;
  const intro = localized(theme.intro, language);
  parts.intro.textContent = intro;
  parts.intro.hidden = !intro;
  renderLogo(parts.logo, theme.logo, title);
  renderBoxImage(parts, theme.box_image);
  return headline;
}

function renderLogo(logo, source, title) {
  if (!source) {
    logo.hidden = true;
    return;
  }
  if (logo.getAttribute("src") !== source) {
    logo.src = source;
    logo.onerror = () => (logo.hidden = true);
  }
  logo.alt = title;
  logo.hidden = false;
}

/** The theme's picture of the box in place of the drawn one, which comes back if the picture fails to load. */
function renderBoxImage({ boxImage, boxArt }, source) {
  if (!source) {
    boxImage.hidden = true;
    boxArt.hidden = false;
    return;
  }
  if (boxImage.getAttribute("src") !== source) {
    boxImage.src = source;
    boxImage.onerror = () => {
      boxImage.hidden = true;
      boxArt.hidden = false;
    };
  }
  boxImage.hidden = false;
  boxArt.hidden = true;
}

// The player page's header: the campaign's headline, introduction and logo,
// the page title, the theme's colours and the box's picture, from the
// campaign's theme in the player's language. Uses state.js, i18n.js and
// theme.js.

import { lang } from "./i18n.js";
import { state } from "./state.js";
import { applyTheme } from "./theme.js";

const $ = (selector) => document.querySelector(selector);

/** The text for the player's language from a theme's {en, zh} texts ("" if none). */
function localized(texts) {
  if (!texts || typeof texts !== "object") return "";
  return (texts[lang()] ?? "").trim();
}

export function renderHeader() {
  const campaign = state.campaign;
  const theme = campaign.theme ?? campaign.definition?.theme ?? {};
  applyTheme(theme);
  const headline = localized(theme.headline) || campaign.title;
  const title = $(".hero-title");
  if (title.textContent !== headline) title.textContent = headline;
  document.title = headline === campaign.title ? `${campaign.title} · blindbox` : `${headline} · ${campaign.title}`;
  const intro = localized(theme.intro);
  $(".hero-intro").textContent = intro;
  $(".hero-intro").hidden = !intro;
  renderLogo(theme.logo, campaign.title);
  renderBoxImage(theme.box_image);
}

function renderLogo(source, title) {
  const logo = $(".hero-logo");
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
function renderBoxImage(source) {
  const boxImage = $(".box-image");
  if (!source) {
    boxImage.hidden = true;
    $(".box-art").hidden = false;
    return;
  }
  if (boxImage.getAttribute("src") !== source) {
    boxImage.src = source;
    boxImage.onerror = () => {
      boxImage.hidden = true;
      $(".box-art").hidden = false;
    };
  }
  boxImage.hidden = false;
  $(".box-art").hidden = true;
}

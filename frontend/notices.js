// The player page's notices in place of the campaign: no campaign in the
// address (with an example link), a campaign that does not exist, and a
// campaign that could not be loaded (with a reload button). Each is redrawn
// when the language changes. Uses i18n.js, errors.js and ui.js.

import { errorText } from "./errors.js";
import { onLanguageChange, t } from "./i18n.js";
import { clear, h, showError } from "./ui.js";

const $ = (selector) => document.querySelector(selector);

function showNotice(title, ...body) {
  $("#layout").hidden = true;
  const notice = $("#notice");
  notice.hidden = false;
  $("#notice-title").textContent = title;
  clear(notice.querySelector(".notice-body"), body);
  $(".status").hidden = true;
}

/** Shows the notice `render` draws, now and again whenever the language changes. */
function keepShowing(render) {
  render();
  onLanguageChange(render);
}

export function showNoCampaign() {
  keepShowing(() => {
    const example = `${location.origin}${location.pathname}?campaign=spring-festival`;
    $(".hero-title").textContent = "blindbox";
    showNotice(
      t("noCampaignTitle"),
      h("p", {}, t("noCampaignBody")),
      h("p", { class: "example" }, h("code", {}, example)),
      h("p", { class: "muted" }, t("noCampaignHint")),
    );
  });
}

export function showNotFound(error) {
  keepShowing(() => {
    $(".hero-title").textContent = "blindbox";
    showNotice(t("notFoundTitle"), h("div", { class: "error-slot" }));
    showError(document.querySelector("#notice .error-slot"), { code: error.code, text: () => errorText(error) });
  });
}

export function showLoadFailed(error) {
  keepShowing(() => {
    $(".hero-title").textContent = "blindbox";
    const retry = h(
      "button",
      { type: "button", class: "button button-primary", onclick: () => location.reload() },
      t("reload"),
    );
    showNotice(t("loadFailedTitle"), h("div", { class: "error-slot" }), retry);
    showError(document.querySelector("#notice .error-slot"), { code: error.code, text: () => errorText(error) });
  });
}

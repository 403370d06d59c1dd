// "My prizes": the player id, the prizes won in this browser with their claim
// codes, and a lookup by claim code alone (e.g. from another device: the code
// names its claim) that shows a claim and lets the player change where it is
// sent.

import { api, errorOf } from "./api.js";
import { errorText } from "./errors.js";
import { t, fmtDay, fmtLocal, onLanguageChange } from "./i18n.js";
import { mountShipping } from "./shipping.js";
import { state, on } from "./state.js";
import * as store from "./store.js";
import { h, clear, prizePicture, copyButton, showError, clearError, setFieldError } from "./ui.js";

const CODE = /^[A-Za-z0-9_-]{24}$/;
const $ = (selector) => document.querySelector(selector);

let form;
let errorSlot;
let shown = null; // {code, claim}: the claim on display
let listKey = "";

export function initMine() {
  form = $(".lookup");
  errorSlot = $("#lookup-error");
  const code = $(".player-id .code-field");
  code.append(copyButton(() => state.player));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    lookup(form.elements.code.value.trim());
  });
  const codeInput = form.elements.code;
  codeInput.addEventListener("input", () => {
    if (codeInput.getAttribute("aria-invalid") === "true") setFieldError(codeInput, "");
  });
  on("drawn", () => renderMine());
  onLanguageChange(() => {
    listKey = "";
    renderMine();
    if (shown) renderClaim(shown);
    if (codeInput.getAttribute("aria-invalid") === "true") check();
  });
  renderMine();
}

export function renderMine() {
  if (!form) return;
  const playerBox = $(".player-id");
  playerBox.hidden = !state.player;
  $(".player-code").textContent = state.player ?? "";
  const wins = store.wins(state.id).slice().reverse();
  const key = wins.map((win) => win.code).join(",");
  if (key === listKey) return;
  listKey = key;
  const list = $(".win-list");
  if (wins.length === 0) {
    clear(list, h("li", { class: "muted empty" }, t("mineEmpty")));
    return;
  }
  clear(
    list,
    wins.map((win) =>
      h(
        "li",
        { class: "win" },
        prizePicture(win.prize ?? {}),
        h(
          "div",
          { class: "win-main" },
          h("p", { class: "win-name" }, win.prize?.name ?? ""),
          h(
            "p",
            { class: "muted small" },
            t("mineWon", fmtDay(win.day)),
            win.player && win.player !== state.player ? ` · ${win.player}` : "",
          ),
          h(
            "div",
            { class: "code-field code-field-small" },
            h("code", {}, win.code),
            copyButton(() => win.code),
          ),
        ),
        h(
          "button",
          {
            type: "button",
            class: "button button-small button-secondary",
            onclick: () => {
              form.elements.code.value = win.code;
              lookup(win.code);
            },
          },
          t("mineShipping"),
        ),
      ),
    ),
  );
}

/** Checks the code field; returns it when at fault, or null. */
function check() {
  const code = form.elements.code;
  const codeProblem = CODE.test(code.value.trim()) ? null : "errCodeFormat";
  setFieldError(code, codeProblem ? t(codeProblem) : "");
  return codeProblem ? code : null;
}

async function lookup(code) {
  clearError(errorSlot);
  const bad = check();
  if (bad) {
    bad.focus();
    return;
  }
  const submit = form.querySelector('[type="submit"]');
  if (submit.getAttribute("aria-disabled") === "true") return;
  submit.setAttribute("aria-disabled", "true");
  submit.textContent = t("lookupBusy");
  const reply = await api.getClaim(state.id, code);
  submit.removeAttribute("aria-disabled");
  submit.textContent = t("lookupSubmit");
  if (reply.error?.code === "network") {
    showError(errorSlot, { code: "network", text: () => t("errNetwork") });
    return;
  }
  if (!reply.ok) {
    const error = errorOf(reply);
    shown = null;
    $(".claim-mount").replaceChildren();
    showError(errorSlot, { code: error.code, text: () => errorText(error) });
    return;
  }
  const claim = reply.data;
  // Found by the code alone: whose win it was is not known here (nor needed).
  store.saveWin({ campaign: state.id, day: claim.day, prize: claim.prize, code, won_at: claim.won_at });
  shown = { code, claim };
  renderClaim(shown, { mountForm: true });
  renderMine();
  $(".claim-details")?.focus();
}

function shippingBlock(claim) {
  const shipping = claim.shipping;
  if (!shipping) return h("p", { class: "no-shipping" }, t("claimNoShipping"));
  const updated = Date.parse(claim.shipping_updated_at ?? "");
  return h(
    "div",
    { class: "shipping-on-file" },
    h("h4", {}, t("claimShipping")),
    h("p", {}, shipping.name),
    h("p", {}, shipping.phone),
    h("p", { class: "address", "data-testid": "claim-address" }, shipping.address),
    Number.isNaN(updated) ? null : h("p", { class: "muted small" }, t("claimUpdated", fmtLocal(updated))),
  );
}

function renderClaim(view, { mountForm = false } = {}) {
  const { claim } = view;
  const mount = $(".claim-mount");
  let details = mount.querySelector(".claim-details");
  const wonAt = Date.parse(claim.won_at ?? "");
  const content = [
    h(
      "div",
      { class: "result-prize" },
      prizePicture(claim.prize ?? {}, { size: "large" }),
      h(
        "div",
        {},
        h("h3", { class: "result-prize-name" }, claim.prize?.name ?? ""),
        claim.prize?.value ? h("p", { class: "result-prize-value" }, claim.prize.value) : null,
        h(
          "p",
          { class: "muted small" },
          Number.isNaN(wonAt) ? t("mineWon", fmtDay(claim.day)) : t("claimWonAt", fmtLocal(wonAt)),
        ),
      ),
    ),
    shippingBlock(claim),
  ];
  if (!details) {
    details = h("div", { class: "claim-details", "data-testid": "claim-details", tabindex: "-1" });
    clear(mount, details, h("div", { class: "claim-ship" }));
  }
  clear(details, content);
  if (mountForm) {
    mountShipping(mount.querySelector(".claim-ship"), {
      code: view.code,
      shipping: claim.shipping,
      elsewhereNote: false,
      onSaved: (saved) => {
        view.claim = { ...claim, ...saved };
        renderClaim(view);
      },
    });
  }
}

// The sign-in form: asks for the admin key, checks it with a campaign list
// request, and keeps it for this tab (api.js) when the Worker accepts it.
// The shell (console.js) decides when the form shows and where to go after.

import { api, errorOf, setKey } from "./api.js";
import { clear, h } from "./dom.js";
import { t } from "./i18n.js";
import { main, setTitle } from "./page.js";

/**
 * Draws the sign-in form into the page.
 * @param {import("./page.js").View} v
 * @param {{ signOutReason: () => string, onSignedIn: () => void }} session
 *   signOutReason: why the last session ended ("" if it did not), shown as the error;
 *   onSignedIn: called once the key is accepted and stored.
 */
export function renderSignIn(v, session) {
  setTitle(t("signInTitle"));
  const reason = session.signOutReason();
  const input = keyInput();
  const error = h(
    "p",
    { class: "field-error", id: "sign-in-error", "data-testid": "sign-in-error", role: "alert" },
    reason,
  );
  const button = h("button", { type: "submit", class: "button button-primary", "data-testid": "sign-in" }, t("signIn"));
  const form = h(
    "form",
    {
      class: "signin-form",
      novalidate: true,
      onsubmit: (event) => submitKey(event, { input, error, button }, session),
    },
    h(
      "div",
      { class: "field" },
      h("label", { for: "admin-key" }, t("adminKey")),
      h("div", { class: "key-row" }, input, revealButton(input)),
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
  if (reason) input.setAttribute("aria-invalid", "true");
  input.focus();
  v.rerender = () => {
    const keep = input.value;
    renderSignIn(v, session);
    /** @type {HTMLInputElement} */ (main.querySelector("#admin-key")).value = keep;
  };
}

/** @returns {HTMLInputElement} */
function keyInput() {
  return /** @type {HTMLInputElement} */ (
    h("input", {
      id: "admin-key",
      type: "password",
      name: "admin-key",
      "data-testid": "admin-key",
      autocomplete: "current-password",
      autocapitalize: "off",
      spellcheck: "false",
      required: true,
      "aria-describedby": "admin-key-hint sign-in-error",
    })
  );
}

/** The button beside the key that shows or hides what was typed. */
function revealButton(input) {
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
  return reveal;
}

/** Checks the typed key against the Worker; keeps it, or says why not. */
async function submitKey(event, { input, error, button }, session) {
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
    input.value = "";
    session.onSignedIn();
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
}

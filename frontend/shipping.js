// The shipping form: where a prize goes. Checked here with the server's rules
// (shared/contact.js), with errors at the field, then
// PUT /api/v1/campaigns/{id}/claim with the claim code as bearer (the code
// names the claim by itself).
// One form on the page at a time (its test ids and element ids are unique).

import { api, errorOf } from "./api.js";
import { contactProblems, normalizeContact } from "./shared/contact.js";
import { errorText } from "./errors.js";
import { t, onLanguageChange } from "./i18n.js";
import { state } from "./state.js";
import { h, clear, showError, clearError, announce, setFieldError } from "./ui.js";

let current = null; // {mount, form, options}

/**
 * A labelled input with its optional hint and its error line.
 * @param {string} name
 * @param {object} parts
 * @param {string} parts.label the label's text key
 * @param {string} [parts.hint] the hint's text key
 * @param {HTMLInputElement | HTMLTextAreaElement} parts.input
 */
function field(name, { label, hint, input }) {
  const errorId = `ship-${name}-error`;
  const hintId = hint ? `ship-${name}-hint` : null;
  input.id = `ship-${name}`;
  input.name = name;
  input.setAttribute("data-testid", `shipping-${name}`);
  input.setAttribute("aria-describedby", [hintId, errorId].filter(Boolean).join(" "));
  input.required = true;
  return h(
    "div",
    { class: "field" },
    h("label", { for: input.id, "data-key": label }, t(label)),
    input,
    hint ? h("p", { class: "hint", id: hintId, "data-key": hint }, t(hint)) : null,
    h("p", { class: "field-error", id: errorId }),
  );
}

/** The three contact fields, in the form's order. */
const CONTACT_FIELDS = ["name", "phone", "address"];

/**
 * The contact as typed into `form`.
 * @param {HTMLFormElement} form
 */
function typedContact(form) {
  const typed = (key) => /** @type {HTMLInputElement | HTMLTextAreaElement} */ (form.elements.namedItem(key)).value;
  return { name: typed("name"), phone: typed("phone"), address: typed("address") };
}

/**
 * Checks the typed contact with the server's rules and shows the problem (or
 * none) at each of `keys`; returns every field's problem.
 * @param {HTMLFormElement} form
 * @param {string[]} [keys]
 */
function checkContact(form, keys = CONTACT_FIELDS) {
  const errors = contactProblems(typedContact(form));
  for (const key of keys) setFieldError(form.elements[key], errors[key] ? t(errors[key]) : "");
  return errors;
}

/** The submit button's text: save a new address or update the saved one. */
function submitText(options) {
  return t(options.shipping ? "shipUpdate" : "shipSubmit");
}

/**
 * The form, pre-filled from `options.shipping`, with its submit button, error
 * slot and saved-status line.
 */
function buildShippingForm(options) {
  const name = h("input", { type: "text", autocomplete: "name" });
  const phone = h("input", { type: "tel", autocomplete: "tel", inputmode: "tel" });
  // Several lines (street, district, city and postcode), sent as they are typed.
  const address = h("textarea", { rows: 4, autocomplete: "street-address" });
  if (options.shipping) {
    name.value = options.shipping.name ?? "";
    phone.value = options.shipping.phone ?? "";
    address.value = options.shipping.address ?? "";
  }
  const submit = h(
    "button",
    { type: "submit", class: "button button-primary", "data-testid": "shipping-submit" },
    submitText(options),
  );
  const errorSlot = h("div", { class: "error-slot", role: "alert" });
  const saved = h("div", { class: "ship-status", role: "status" });
  const form = h(
    "form",
    { class: "ship-form", "data-testid": "shipping-form", novalidate: true, "aria-labelledby": "ship-title" },
    h("h3", { id: "ship-title" }, t("shipTitle")),
    field("name", { label: "shipName", input: name }),
    field("phone", { label: "shipPhone", hint: "shipPhoneHint", input: phone }),
    field("address", { label: "shipAddress", hint: "shipAddressHint", input: address }),
    h("div", { class: "form-actions" }, submit),
    errorSlot,
    saved,
  );
  return { form, submit, errorSlot, saved };
}

/**
 * After a save: the form shows what the server kept (trimmed, full-width
 * digits made plain, empty lines dropped) and says it was saved.
 */
function showSaved({ form, submit, saved }, options, reply, body) {
  options.shipping = reply.data?.shipping ?? body;
  for (const key of CONTACT_FIELDS) form.elements[key].value = options.shipping[key];
  submit.textContent = submitText(options);
  clear(saved, h("p", { class: "saved", "data-testid": "shipping-saved" }, t("shipSaved")));
  announce(t("shipSaved"));
  options.onSaved?.(reply.data);
}

/**
 * A refused save: a finding about one field goes to that field (in the
 * player's language when we know the rule), anything else to the error slot.
 */
function showRefusal({ form, errorSlot }, reply) {
  const error = errorOf(reply);
  const key = /^\/(name|phone|address)$/.exec(error.field ?? "")?.[1];
  if (reply.status === 400 && key) {
    const ours = contactProblems(typedContact(form))[key];
    setFieldError(form.elements[key], ours ? t(ours) : error.message);
    form.elements[key].focus();
    return;
  }
  showError(errorSlot, { code: error.code, text: () => errorText(error) });
}

/**
 * Checks the form, focusing the first field with a problem; otherwise sends
 * the contact and shows the outcome.
 */
async function saveContact(parts, options) {
  const { form, submit, errorSlot, saved } = parts;
  clearError(errorSlot);
  saved.replaceChildren();
  const errors = checkContact(form);
  const first = CONTACT_FIELDS.find((key) => errors[key]);
  if (first) {
    form.elements[first].focus();
    return;
  }
  const body = normalizeContact(typedContact(form));
  submit.setAttribute("aria-disabled", "true");
  submit.textContent = t("shipSaving");
  const reply = await api.putClaim(state.id, options.code, body);
  submit.removeAttribute("aria-disabled");
  submit.textContent = submitText(options);
  if (reply.error?.code === "network") showError(errorSlot, { code: "network", text: () => t("errNetwork") });
  else if (reply.ok) showSaved(parts, options, reply, body);
  else showRefusal(parts, reply);
}

/**
 * Puts the shipping form into `mount` for the claim that `code` opens;
 * `shipping` pre-fills it; `onSaved(reply)` after a save.
 */
export function mountShipping(mount, options) {
  if (current && current.mount !== mount && current.mount.isConnected) {
    const note = current.options.elsewhereNote !== false;
    clear(current.mount, note ? h("p", { class: "muted small" }, t("shipElsewhere")) : null);
  }
  const parts = buildShippingForm(options);
  const { form, submit, saved } = parts;
  // A field is checked as it is left only once a save has been tried.
  let tried = false;
  for (const key of CONTACT_FIELDS) {
    const input = form.elements[key];
    input.addEventListener("blur", () => tried && checkContact(form, [key]));
    input.addEventListener("input", () => {
      if (input.getAttribute("aria-invalid") === "true") checkContact(form, [key]);
      saved.replaceChildren();
    });
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (submit.getAttribute("aria-disabled") === "true") return;
    tried = true;
    await saveContact(parts, options);
  });
  clear(mount, form);
  current = { mount, form, options };
  return form;
}

onLanguageChange(() => {
  if (!current?.form.isConnected) return;
  const { form, options } = current;
  for (const element of form.querySelectorAll("[data-key]")) element.textContent = t(element.dataset.key);
  form.querySelector("#ship-title").textContent = t("shipTitle");
  form.querySelector('[data-testid="shipping-submit"]').textContent = submitText(options);
  const problems = contactProblems(typedContact(form));
  for (const key of CONTACT_FIELDS) {
    if (form.elements[key].getAttribute("aria-invalid") === "true" && problems[key])
      setFieldError(form.elements[key], t(problems[key]));
  }
  const saved = form.querySelector('[data-testid="shipping-saved"]');
  if (saved) saved.textContent = t("shipSaved");
});

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

/**
 * Puts the shipping form into `mount` for the claim that `code` opens;
 * `shipping` pre-fills it; `onSaved(reply)` after a save.
 */
export function mountShipping(mount, options) {
  if (current && current.mount !== mount && current.mount.isConnected) {
    const note = current.options.elsewhereNote !== false;
    clear(current.mount, note ? h("p", { class: "muted small" }, t("shipElsewhere")) : null);
  }
  const name = h("input", { type: "text", autocomplete: "name" });
  const phone = h("input", { type: "tel", autocomplete: "tel", inputmode: "tel" });
  // Several lines (street, district, city and postcode), sent as they are typed.
  const address = h("textarea", { rows: 4, autocomplete: "street-address" });
  if (options.shipping) {
    name.value = options.shipping.name ?? "";
    phone.value = options.shipping.phone ?? "";
    address.value = options.shipping.address ?? "";
  }
  const submitLabel = () => t(options.shipping ? "shipUpdate" : "shipSubmit");
  const submit = h(
    "button",
    { type: "submit", class: "button button-primary", "data-testid": "shipping-submit" },
    submitLabel(),
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
  let tried = false;
  const check = (only) => {
    const errors = contactProblems({ name: name.value, phone: phone.value, address: address.value });
    for (const key of only ? [only] : ["name", "phone", "address"])
      setFieldError(form.elements[key], errors[key] ? t(errors[key]) : "");
    return errors;
  };
  for (const input of [name, phone, address]) {
    input.addEventListener("blur", () => tried && check(input.name));
    input.addEventListener("input", () => {
      if (input.getAttribute("aria-invalid") === "true") check(input.name);
      saved.replaceChildren();
    });
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (submit.getAttribute("aria-disabled") === "true") return;
    tried = true;
    clearError(errorSlot);
    saved.replaceChildren();
    const errors = check();
    const first = ["name", "phone", "address"].find((key) => errors[key]);
    if (first) {
      form.elements[first].focus();
      return;
    }
    const body = normalizeContact({ name: name.value, phone: phone.value, address: address.value });
    submit.setAttribute("aria-disabled", "true");
    submit.textContent = t("shipSaving");
    const reply = await api.putClaim(state.id, options.code, body);
    submit.removeAttribute("aria-disabled");
    submit.textContent = submitLabel();
    if (reply.error?.code === "network") {
      showError(errorSlot, { code: "network", text: () => t("errNetwork") });
      return;
    }
    if (reply.ok) {
      options.shipping = reply.data?.shipping ?? body;
      // Show what was saved (trimmed, full-width digits made plain, empty lines dropped).
      name.value = options.shipping.name;
      phone.value = options.shipping.phone;
      address.value = options.shipping.address;
      submit.textContent = submitLabel();
      clear(saved, h("p", { class: "saved", "data-testid": "shipping-saved" }, t("shipSaved")));
      announce(t("shipSaved"));
      options.onSaved?.(reply.data);
      return;
    }
    const error = errorOf(reply);
    const key = /^\/(name|phone|address)$/.exec(error.field ?? "")?.[1];
    if (reply.status === 400 && key) {
      // The server's finding, in the player's language when we know the rule.
      const ours = contactProblems({ name: name.value, phone: phone.value, address: address.value })[key];
      setFieldError(form.elements[key], ours ? t(ours) : error.message);
      form.elements[key].focus();
      return;
    }
    showError(errorSlot, { code: error.code, text: () => errorText(error) });
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
  form.querySelector('[data-testid="shipping-submit"]').textContent = t(options.shipping ? "shipUpdate" : "shipSubmit");
  for (const key of ["name", "phone", "address"]) {
    if (form.elements[key].getAttribute("aria-invalid") === "true") {
      const problem = contactProblems({
        name: form.elements.name.value,
        phone: form.elements.phone.value,
        address: form.elements.address.value,
      })[key];
      if (problem) setFieldError(form.elements[key], t(problem));
    }
  }
  const saved = form.querySelector('[data-testid="shipping-saved"]');
  if (saved) saved.textContent = t("shipSaved");
});

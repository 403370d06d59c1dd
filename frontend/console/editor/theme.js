// The editor's theme: four colours (a picker beside the hex text, and a
// "use default" button), the logo and box pictures (with upload), the
// headline and intro in both languages, and a note on the text's contrast
// against the background (theme.js of the player page computes it). The
// editor's state comes in `ctx`.

import { announce, clear, debounce, h } from "../dom.js";
import { t } from "../i18n.js";
import * as ptr from "../pointer.js";
import { contrast, themeColors } from "../../theme.js";
import { uploadControl } from "../upload.js";
import { applyValue, errorSlot, field, PRUNE } from "./fields.js";

/**
 * Each colour field: its key under /theme, its CSS property, its test id.
 * @type {Array<[string, string, string]>}
 */
const THEME_COLORS = [
  ["primary_color", "--primary", "theme-primary-color"],
  ["accent_color", "--accent", "theme-accent-color"],
  ["background_color", "--bg", "theme-background-color"],
  ["text_color", "--text", "theme-text-color"],
];
const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const PICTURE_URL = /^(https?:\/\/|\/(?!\/))/;

function colorRow(ctx, [key, variable, testid]) {
  const fallback = themeColors({})[variable];
  const pointer = `/theme/${key}`;
  const current = ptr.get(ctx.ed.draft, pointer);
  const label = t(`color_${key}`);
  const picker = h("input", {
    type: "color",
    id: ptr.domId("c-", pointer),
    value: typeof current === "string" && HEX_COLOR.test(current) ? current.toLowerCase() : fallback,
    "data-testid": testid,
    "aria-label": t("colorPicker", label),
  });
  const hexField = field(ctx, pointer, { label, kind: "optional", placeholder: fallback, className: "f-hex" });
  const hex = hexField.querySelector("input");
  hex.setAttribute("spellcheck", "false");
  picker.addEventListener("input", () => {
    hex.value = picker.value;
    ctx.ed.touched.add(pointer);
    applyValue(ctx.ed.draft, pointer, "optional", picker.value);
    ctx.changed("form");
  });
  hex.addEventListener("input", () => {
    if (HEX_COLOR.test(hex.value)) picker.value = hex.value.toLowerCase();
    if (hex.value === "") picker.value = fallback;
  });
  const reset = h(
    "button",
    {
      type: "button",
      class: "button button-ghost button-small",
      onclick: () => {
        hex.value = "";
        picker.value = fallback;
        ptr.remove(ctx.ed.draft, pointer, PRUNE);
        ctx.changed("form");
        announce(t("colorReset", label));
      },
    },
    t("useDefault"),
    h("span", { class: "visually-hidden" }, ` (${label})`),
  );
  return h("div", { class: "color-row" }, picker, hexField, reset);
}

function picture(ctx, key, testid, label, hint) {
  const pointer = `/theme/${key}`;
  const f = field(ctx, pointer, { label, kind: "optional", placeholder: "/media/…", hint });
  const input = f.querySelector("input");
  const thumb = h("div", { class: "theme-thumb", "aria-hidden": "true" });
  const setThumb = (url) =>
    clear(thumb, typeof url === "string" && PICTURE_URL.test(url) ? h("img", { src: url, alt: "" }) : null);
  setThumb(ptr.get(ctx.ed.draft, pointer));
  input.addEventListener(
    "input",
    debounce(() => setThumb(input.value), 300),
  );
  const upload = uploadControl({
    campaignId: () => ctx.ed.id ?? ctx.ed.draft.id,
    testid,
    label: t("uploadPicture"),
    onUploaded: (url) => {
      input.value = url;
      ctx.ed.touched.add(pointer);
      applyValue(ctx.ed.draft, pointer, "optional", url);
      setThumb(url);
      ctx.changed("form");
    },
  });
  f.append(h("div", { class: "picture-row" }, thumb, upload));
  return f;
}

function themeTexts(ctx) {
  return h(
    "div",
    { class: "grid-2" },
    field(ctx, "/theme/headline/en", {
      label: t("fHeadlineEn"),
      kind: "optional",
      testid: "theme-headline-en",
      counter: 120,
    }),
    field(ctx, "/theme/headline/zh", {
      label: t("fHeadlineZh"),
      kind: "optional",
      testid: "theme-headline-zh",
      counter: 120,
    }),
    field(ctx, "/theme/intro/en", { label: t("fIntroEn"), kind: "textarea", counter: 1000 }),
    field(ctx, "/theme/intro/zh", { label: t("fIntroZh"), kind: "textarea", counter: 1000 }),
  );
}

/** The theme section's content. */
export function themeBlock(ctx) {
  return h(
    "div",
    { class: "theme-form", "data-pointer": "/theme", "data-label": t("secTheme") },
    errorSlot("/theme"),
    h("h4", {}, t("themeColors")),
    h(
      "div",
      { class: "colors" },
      THEME_COLORS.map((color) => colorRow(ctx, color)),
    ),
    h("p", { class: "hint contrast-note", "data-contrast": "" }),
    h("h4", {}, t("themePictures")),
    h(
      "div",
      { class: "grid-2" },
      picture(ctx, "logo", "theme-logo-upload", t("fLogo"), t("fLogoHint")),
      picture(ctx, "box_image", "theme-box-image-upload", t("fBoxImage"), t("fBoxImageHint")),
    ),
    h("p", { class: "hint" }, t("prizePicturesHint")),
    h("h4", {}, t("themeTexts")),
    themeTexts(ctx),
  );
}

/** The contrast note: the text colour against the background, once either is set. */
export function refreshContrast(ctx) {
  const note = ctx.els.form?.querySelector("[data-contrast]");
  if (!note) return;
  const theme = ctx.ed.draft.theme ?? {};
  const colors = themeColors(theme);
  const hex = (v) => typeof v === "string" && HEX_COLOR.test(v);
  const parts = [];
  if (hex(theme.text_color) || hex(theme.background_color)) {
    const text = hex(theme.text_color) ? theme.text_color : colors["--text"];
    const bg = hex(theme.background_color) ? theme.background_color : colors["--bg"];
    const ratio = contrast(text, bg);
    parts.push(ratio < 4.5 ? t("contrastLow", ratio) : t("contrastOk", ratio));
    note.classList.toggle("warn", ratio < 4.5);
  }
  note.textContent = parts.join(" ");
}

// The campaign's theme as CSS custom properties, with readable fallbacks:
// text that would not reach 4.5:1 against the background is replaced, and
// colours on buttons get black or white text, whichever reads better.

const DEFAULTS = {
  primary: "#5b3cc4",
  accent: "#ffb400",
  background: "#f8f5fc",
  text: "#201a2c",
};

const HEX = /^#[0-9a-f]{6}$/i;

function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** @param {number[]} rgbValues red, green, blue, 0 to 255 */
function hex([r, g, b]) {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

function luminance(color) {
  const [r, g, b] = rgb(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** a mixed with b; weight is b's share. */
function mix(a, b, weight) {
  const [p, q] = [rgb(a), rgb(b)];
  return hex(p.map((c, i) => c + (q[i] - c) * weight));
}

/** `color`, moved towards `toward` until it reaches `ratio` against every background. */
function readable(color, backgrounds, ratio, toward) {
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(color, toward, step / 20);
    if (backgrounds.every((bg) => contrast(candidate, bg) >= ratio)) return candidate;
  }
  return toward;
}

function bestOn(background) {
  return contrast("#ffffff", background) >= contrast("#141414", background) ? "#ffffff" : "#141414";
}

export function themeColors(theme = {}) {
  const pick = (value, fallback) => (typeof value === "string" && HEX.test(value) ? value.toLowerCase() : fallback);
  const background = pick(theme.background_color, DEFAULTS.background);
  const dark = luminance(background) < 0.2;
  const surface = dark ? mix(background, "#ffffff", 0.07) : mix(background, "#ffffff", 0.75);
  // Text that does not read on the background gives way to the default text colour.
  const fallback = dark ? "#f4f1f8" : DEFAULTS.text;
  let text = pick(theme.text_color, fallback);
  const reads = (color) => Math.min(contrast(color, background), contrast(color, surface));
  if (reads(text) < 4.5) text = fallback;
  if (reads(text) < 4.5) text = reads("#ffffff") > reads("#000000") ? "#ffffff" : "#000000";
  const primary = pick(theme.primary_color, DEFAULTS.primary);
  const accent = pick(theme.accent_color, DEFAULTS.accent);
  // The panels muted text also sits on (odds totals, table heads, notes).
  const panels = [mix(surface, text, 0.05), mix(surface, primary, 0.1), mix(surface, accent, 0.18)];
  return {
    "--bg": background,
    "--surface": surface,
    "--surface-2": panels[0],
    "--text": text,
    "--muted": readable(mix(text, surface, 0.35), [background, surface, ...panels], 4.6, text),
    "--border": mix(surface, text, 0.16),
    "--primary": primary,
    "--on-primary": bestOn(primary),
    // Primary as text (links, headings) only where it reads; otherwise moved towards the text colour.
    "--primary-ink": readable(primary, [background, surface], 4.5, text),
    "--primary-soft": panels[1],
    "--accent": accent,
    "--on-accent": bestOn(accent),
    "--accent-soft": panels[2],
    "--danger": readable(dark ? "#ff8a80" : "#b3261e", [background, surface], 4.5, text),
    "--danger-soft": mix(surface, "#d93025", 0.09),
    "--success": readable(dark ? "#7ee2a8" : "#17693f", [background, surface, mix(surface, "#1b7f4b", 0.1)], 4.5, text),
    "--success-soft": mix(surface, "#1b7f4b", 0.1),
    "--focus": readable(primary, [background, surface], 3, text),
  };
}

let applied = "";

export function applyTheme(theme) {
  const colors = themeColors(theme ?? {});
  const key = JSON.stringify(colors);
  if (key === applied) return;
  applied = key;
  const root = document.documentElement.style;
  for (const [name, value] of Object.entries(colors)) root.setProperty(name, value);
  const meta = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="theme-color"]'));
  if (meta) meta.content = colors["--primary"];
}

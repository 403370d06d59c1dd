// Building the DOM, for the player page and the operator console alike: an
// element builder (text always goes in as text, never as HTML) and polite
// announcements for screen readers.

const SVG = "http://www.w3.org/2000/svg";

/**
 * What goes into an element: nodes and text, nested arrays of them; undefined, null and false are skipped.
 * @typedef {Node | string | number | boolean | null | undefined | ChildList} Child
 */
/** @typedef {Child[]} ChildList */
/**
 * A table column as shown: its label, or {label, numeric}.
 * @typedef {string | {label: string, numeric?: boolean}} ShownColumn
 */
/**
 * A table column as given: null or false leaves it out.
 * @typedef {ShownColumn | null | false} Column
 */
/**
 * The element h(tag) makes: the tag's own HTML element type, an SVGElement for "svg:…".
 * @template {string} Tag
 * @typedef {Tag extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[Tag]
 *   : Tag extends `svg:${string}` ? SVGElement : HTMLElement} ElementFor
 */

/**
 * h("p", {class: "x", dataset: {a: 1}, onclick}, "text", child, [more]).
 * Attributes that are undefined, null or false are left out (so are such
 * dataset entries); `text`, `value` and `checked` set the properties;
 * `style` ("--hue:120;width:40%") goes in through the CSSOM, one property at a
 * time, never as a style attribute: the pages' Content-Security-Policy
 * (frontend/_headers) allows no inline style.
 * @template {string} Tag
 * @param {Tag} tag a tag name, or "svg:name" for an SVG element
 * @param {Record<string, unknown> | null} [attributes]
 * @param {...Child} children
 * @returns {ElementFor<Tag>}
 */
export function h(tag, attributes = {}, ...children) {
  const svg = tag.startsWith("svg:");
  const element = svg ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "dataset") {
      // The DOM stores a dataset entry as text, whatever it is given.
      for (const [key, data] of Object.entries(/** @type {Record<string, unknown>} */ (value)))
        if (data !== undefined && data !== null) element.dataset[key] = /** @type {string} */ (data);
    } else if (name.startsWith("on") && typeof value === "function")
      element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else if (name === "text") element.textContent = /** @type {string} */ (value);
    else if (name === "value" && !svg) /** @type {HTMLInputElement} */ (element).value = /** @type {string} */ (value);
    else if (name === "checked" && !svg) /** @type {HTMLInputElement} */ (element).checked = Boolean(value);
    else if (name === "style") setStyle(element, String(value));
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return /** @type {ElementFor<Tag>} */ (/** @type {unknown} */ (element));
}

/**
 * Sets "name:value;name:value" declarations (values without ";") on an element's style.
 * @param {ElementCSSInlineStyle} element
 * @param {string} declarations
 */
function setStyle(element, declarations) {
  for (const declaration of declarations.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon > 0) element.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
  }
}

/**
 * Appends children (nested arrays flattened; undefined, null and false skipped).
 * @template {Element} E
 * @param {E} element
 * @param {Child[]} children
 * @returns {E}
 */
export function append(element, children) {
  for (const child of /** @type {unknown[]} */ (children).flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * Replaces an element's children.
 * @template {Element} E
 * @param {E} element
 * @param {...Child} children
 * @returns {E}
 */
export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/**
 * Says `text` to screen readers, through the page's polite live region #announcer.
 * @param {string} text
 */
export function announce(text) {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  // A fresh text node after a tick, so the same message twice is read twice.
  setTimeout(() => (region.textContent = text), 50);
}

/**
 * A table's <thead>: one column header per entry, each a label or
 * {label, numeric}; numeric columns get class "num" (right-aligned figures).
 * Entries that are null or false are left out (an optional column).
 * @param {Column[]} columns
 * @returns {HTMLElement}
 */
export function tableHead(columns) {
  /** @type {(column: ShownColumn) => HTMLElement} */
  const header = (column) => {
    const { label, numeric = false } = typeof column === "object" ? column : { label: column };
    return h("th", { scope: "col", class: numeric ? "num" : undefined }, label);
  };
  return h(
    "thead",
    {},
    h("tr", {}, /** @type {ShownColumn[]} */ (columns.filter((column) => column || column === "")).map(header)),
  );
}

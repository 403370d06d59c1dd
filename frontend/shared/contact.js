// The rules for a winner's shipping details (name, phone, address), as the
// server checks them (host/src/routes/player.ts imports them): what is sent (normalized)
// and which field breaks which rule, as message keys the page translates.
// No imports, no DOM.

const PHONE = /^\+?[0-9][0-9 ()-]*[0-9]$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * A winner's shipping details, as typed or as sent.
 * @typedef {{name: string, phone: string, address: string}} Contact
 */

/**
 * Full-width digits and signs (from a Chinese keyboard) as ASCII.
 * @param {string} text
 * @returns {string}
 */
function ascii(text) {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** At most this many lines in an address (the server's limit too: host/src/routes/player.ts). */
export const ADDRESS_LINES = 10;

/**
 * What will be sent: trimmed, no control characters; the address keeps its
 * lines (each trimmed, empty ones dropped) joined with "\n".
 * @param {Contact} contact
 * @returns {Contact}
 */
export function normalizeContact({ name, phone, address }) {
  return {
    name: name.replace(CONTROL, " ").trim(),
    phone: ascii(phone).replace(CONTROL, " ").trim(),
    address: address
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(CONTROL, " ").trim())
      .filter(Boolean)
      .join("\n"),
  };
}

/**
 * Field -> message key for every problem, as the server would find them.
 * @param {Contact} values
 * @returns {{name?: string, phone?: string, address?: string}}
 */
export function contactProblems(values) {
  const { name, phone, address } = normalizeContact(values);
  /** @type {{name?: string, phone?: string, address?: string}} */
  const errors = {};
  if (name.length === 0) errors.name = "errNameEmpty";
  else if ([...name].length > 100) errors.name = "errNameLong";
  const digits = phone.replace(/[^0-9]/g, "").length;
  if (!PHONE.test(phone) || digits < 5 || digits > 15 || [...phone].length > 32) errors.phone = "errPhone";
  if (address.length < 5) errors.address = "errAddressShort";
  else if ([...address].length > 500) errors.address = "errAddressLong";
  else if (address.split("\n").length > ADDRESS_LINES) errors.address = "errAddressLines";
  return errors;
}

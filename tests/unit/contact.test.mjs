// A winner's shipping details (frontend/shared/contact.js), as the server
// checks them: what is sent after normalizing, and which field breaks which
// rule (a message key the page translates).

import assert from "node:assert/strict";
import { test } from "node:test";
import { ADDRESS_LINES, contactProblems, normalizeContact } from "../../frontend/shared/contact.js";

const good = { name: "Li Wei", phone: "+86 138 0013 8000", address: "1 Nanjing Road\nShanghai" };

test("good details have no problems", () => {
  assert.deepEqual(contactProblems(good), {});
});

test("what is sent is trimmed, control characters become spaces", () => {
  assert.deepEqual(normalizeContact({ name: "  Li\tWei \u0007", phone: " 12345 ", address: "  Road 1  " }), {
    name: "Li Wei",
    phone: "12345",
    address: "Road 1",
  });
});

test("an address keeps its lines, each trimmed, empty ones dropped, whatever the line ends", () => {
  const { address } = normalizeContact({ ...good, address: " Road 1 \r\n\r\n  Block B\rShanghai \n" });
  assert.equal(address, "Road 1\nBlock B\nShanghai");
});

test("a phone typed with full-width digits and signs is sent in ASCII", () => {
  const { phone } = normalizeContact({ ...good, phone: "＋８６\u3000１３８（００１３）８０００" });
  assert.equal(phone, "+86 138(0013)8000");
  assert.deepEqual(contactProblems({ ...good, phone: "＋８６\u3000１３８００１３８０００" }), {});
});

test("a name is required and at most 100 characters (counted as characters, not UTF-16 units)", () => {
  assert.equal(contactProblems({ ...good, name: "   " }).name, "errNameEmpty");
  assert.equal(contactProblems({ ...good, name: "x".repeat(101) }).name, "errNameLong");
  assert.equal(contactProblems({ ...good, name: "x".repeat(100) }).name, undefined);
  assert.equal(contactProblems({ ...good, name: "😀".repeat(100) }).name, undefined);
});

test("a phone has 5 to 15 digits, with +, spaces, brackets and dashes between them", () => {
  assert.equal(contactProblems({ ...good, phone: "12345" }).phone, undefined);
  assert.equal(contactProblems({ ...good, phone: "1234" }).phone, "errPhone");
  assert.equal(contactProblems({ ...good, phone: "1".repeat(15) }).phone, undefined);
  assert.equal(contactProblems({ ...good, phone: "1".repeat(16) }).phone, "errPhone");
  assert.equal(contactProblems({ ...good, phone: "(010) 555-1234" }).phone, "errPhone", "must start with + or a digit");
  assert.equal(contactProblems({ ...good, phone: "010 555-1234" }).phone, undefined);
  assert.equal(contactProblems({ ...good, phone: "12345-" }).phone, "errPhone", "must end with a digit");
  assert.equal(contactProblems({ ...good, phone: "call 12345" }).phone, "errPhone");
});

test("a phone is at most 32 characters, however few its digits", () => {
  assert.equal(contactProblems({ ...good, phone: `1${" ".repeat(30)}2345` }).phone, "errPhone");
  assert.equal(contactProblems({ ...good, phone: `1${" ".repeat(27)}2345` }).phone, undefined);
});

test("an address has 5 to 500 characters on at most ADDRESS_LINES lines", () => {
  assert.equal(ADDRESS_LINES, 10);
  assert.equal(contactProblems({ ...good, address: "Road" }).address, "errAddressShort");
  assert.equal(contactProblems({ ...good, address: " \n \n Road \n" }).address, "errAddressShort");
  assert.equal(contactProblems({ ...good, address: "x".repeat(501) }).address, "errAddressLong");
  assert.equal(contactProblems({ ...good, address: "x".repeat(500) }).address, undefined);
  const lines = (n) => Array.from({ length: n }, (_, i) => `line ${i}`).join("\n");
  assert.equal(contactProblems({ ...good, address: lines(10) }).address, undefined);
  assert.equal(contactProblems({ ...good, address: lines(11) }).address, "errAddressLines");
});

test("every broken field is named at once", () => {
  assert.deepEqual(contactProblems({ name: "", phone: "", address: "" }), {
    name: "errNameEmpty",
    phone: "errPhone",
    address: "errAddressShort",
  });
});

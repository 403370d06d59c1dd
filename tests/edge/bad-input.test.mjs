// Bad input, endpoint by endpoint: wrong types, missing and unknown fields,
// oversize bodies, non-UTF-8 and lone surrogates, deep nesting, huge and
// negative numbers, wrong content types, wrong methods, bad paths. Every case
// must get a 4xx JSON error ({"error": {"code", "message", "field"?}}) with the
// status and code the contract gives, naming the field where there is one,
// and never a 5xx.
//
// The cases are data: a table of {rule, name, method, path, headers, body,
// status, code, field}, generated from one valid request per endpoint and
// lists of mutations (see buildMatrix), against one service. Each test runs
// the cases of one rule, one after another, and reports every case that broke
// it; the last one prints the count.
//
//   node --test --test-concurrency=1 tests/edge/bad-input.test.mjs
//
// Over 400 lines on purpose: the file starts one `wrangler dev` for all its
// tests (the slow part), and each test() stands alone on its own campaign.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ADMIN_KEY, campaignOpenToday, client, sendChunked, sleep, startService } from "./harness.mjs";
import { objectDatabases } from "./object-storage.mjs";

const PORT = 8830;
const ADMIN = { authorization: `Bearer ${ADMIN_KEY}` };
const JSON_TYPE = { "content-type": "application/json" };

const OPEN = "bad-input-open"; // odds 0: a draw that gets through is a harmless blank
const TICKETED = "bad-input-ticket"; // identity "ticket"
const PRIZES = "bad-input-prizes"; // odds 1: its winners hold claim tokens
const ELSEWHERE = "bad-input-elsewhere"; // odds 1 too: one winner, whose token opens nothing in PRIZES
const CONTROL = "bad-input-control"; // created by the control test, from the same base definition
const PUT_TARGET = "bad-input-put"; // every refused definition is sent here
const WINNERS = 16; // the claim cases rotate over their tokens

let service;
let api;
let stateDir;
/** The winners of PRIZES: { player, token }. */
const winners = [];
/** The claim token of ELSEWHERE's winner. */
let elsewhereToken = null;
/** The table, built once the fixtures exist. */
let matrix = [];
const results = { run: 0, failed: 0, byRule: new Map() };

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "blindbox-bad-input-"));
  // wrangler picks its inspector port itself; another service starting at the
  // same moment can take it first, so a failed start is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      service = await startService({ port: PORT, persistDir: stateDir, vars: { ADDRESS_RATE_LIMIT: "off" } });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(1500);
    }
  }
  api = client(service);
  const create = async (campaign) => {
    const reply = await api.putCampaign(campaign);
    assert.equal(reply.status, 201, `creating ${campaign.id}: ${reply.text}`);
  };
  await create(
    campaignOpenToday(OPEN, {
      limits: { draws_per_day: 1000 },
      prize_table: { prizes: [{ id: "dust", name: "Dust", stock: 5, odds: "0" }] },
    }),
  );
  await create(campaignOpenToday(TICKETED, { identity: "ticket" }));
  await create(
    campaignOpenToday(PRIZES, {
      limits: { draws_per_day: 1 },
      prize_table: { prizes: [{ id: "mug", name: "Mug", stock: 1000, odds: "1" }] },
    }),
  );
  for (let i = 0; i < WINNERS; i++) {
    const player = `winner-${String(i).padStart(2, "0")}`;
    const reply = await api.draw(PRIZES, { player, request_id: `${player}-first-draw` });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.draw.outcome, "win", reply.text);
    winners.push({ player, token: reply.json.draw.claim_token });
  }
  await create(
    campaignOpenToday(ELSEWHERE, { prize_table: { prizes: [{ id: "cup", name: "Cup", stock: 10, odds: "1" }] } }),
  );
  const elsewhere = await api.draw(ELSEWHERE, { player: "winner-00", request_id: "elsewhere-first-draw" });
  assert.equal(elsewhere.json?.draw?.outcome, "win", elsewhere.text);
  elsewhereToken = elsewhere.json.draw.claim_token;
  matrix = buildMatrix();
});

after(async () => {
  await service?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// Valid requests, the starting point of every mutation

/** A definition the core accepts; `id` is the URL's. */
function baseDefinition(id) {
  return campaignOpenToday(id, {
    limits: { draws_per_day: 3 },
    prize_table: {
      prizes: [
        { id: "gold", name: "Gold", stock: 5, odds: "1/10" },
        { id: "silver", name: "Silver", stock: 50, odds: "0.2" },
      ],
    },
  });
}

const SHIPPING = { name: "Ada Lovelace", phone: "+44 20 7946 0000", address: "12 St James's Square, London" };

// A real 1x1 PNG.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf" +
    "c000000301010018dd8db40000000049454e44ae426082",
  "hex",
);

let serial = 0;
/** A player id of its own for each draw case, so the per-player rate limit never decides one. */
const freshPlayer = () => `bad-player-${++serial}`;
/** A valid request id (16-128 of A-Z a-z 0-9 _ -), distinct per case. */
const freshRequestId = () => `bad-input-request-${String(++serial).padStart(6, "0")}`;
const validDraw = () => ({ player: freshPlayer(), request_id: freshRequestId() });
const validStatus = () => ({ player: freshPlayer() });

let nextWinner = 0;
/** The next winner in turn, so no one player's claims reach the rate limit. */
const winner = () => winners[nextWinner++ % winners.length];
/** A claim token of the right form that opens nothing. */
const strangerToken = () => randomBytes(18).toString("base64url");

// ---------------------------------------------------------------------------
// Building bodies

/**
 * JSON text with values JSON.stringify cannot write: raw("1e400") is put in
 * as it is (huge numbers, big integers). Lone surrogates in strings are
 * written by JSON.stringify as \uD800-style escapes, which is what we want.
 */
const RAW = "\u{E000}raw:";
const raw = (text) => `${RAW}${text}\u{E000}`;
function jsonText(value) {
  return JSON.stringify(value).replace(/"\u{E000}raw:(.*?)\u{E000}"/gu, "$1");
}
const jsonBody = (value) => Buffer.from(jsonText(value), "utf8");

/** `value` as JSON, with `bytes` put raw inside the string that holds the marker "@BYTES@". */
function withBytes(value, bytes) {
  const [before, after] = jsonText(value).split("@BYTES@");
  return Buffer.concat([Buffer.from(before, "utf8"), Buffer.from(bytes), Buffer.from(after, "utf8")]);
}

/** `value` as JSON padded with spaces to exactly `size` bytes: valid JSON, only too long. */
function paddedTo(value, size) {
  const text = jsonText(value);
  return Buffer.from(text.replace(/^\{/, `{${" ".repeat(size - Buffer.byteLength(text))}`), "utf8");
}

/** A streamed body (chunked, no Content-Length) of `total` bytes in chunks of `size`, starting with `head`. */
function streamOf(head, total, size) {
  const chunks = [Buffer.from(head)];
  for (let sent = chunks[0].length; sent < total; sent += size) chunks.push(Buffer.alloc(size, 0x20));
  return { stream: chunks };
}

const nested = (depth, open, close, inner = "") => open.repeat(depth) + inner + close.repeat(depth);

// ---------------------------------------------------------------------------
// The mutations

/** Values of the wrong type for a string member, huge and negative numbers among them. */
const WRONG_TYPES = [
  ["a number", 42],
  ["zero", 0],
  ["a negative number", -1],
  ["a fraction", 1.5],
  ["a huge number (1e400)", raw("1e400")],
  ["a huge negative number (-1e400)", raw("-1e400")],
  ["a 30-digit integer", raw("123456789012345678901234567890")],
  ["true", true],
  ["false", false],
  ["null", null],
  ["an empty array", []],
  ["an array of a string", ["alice"]],
  ["an empty object", {}],
  ["an object", { id: "alice" }],
];

/** Bytes that are not UTF-8, each put inside a string value. */
const NOT_UTF8 = [
  ["a 0xFF byte", [0xff]],
  ["a lead byte without its continuation", [0xc3, 0x28]],
  ["an overlong encoding of '/'", [0xc0, 0xaf]],
  ["an encoded surrogate (CESU-8)", [0xed, 0xa0, 0x80]],
  ["a truncated three-byte sequence", [0xe2, 0x82]],
  ["a Latin-1 byte", [0x63, 0x61, 0x66, 0xe9]],
  ["a five-byte sequence", [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
];

/** Bodies that are not one JSON object: 400 invalid_request for the body as a whole (""). */
const NOT_AN_OBJECT = [
  ["an empty body", ""],
  ["only spaces", "   "],
  ["null", "null"],
  ["an array", "[]"],
  ["an array of the object", "[{}]"],
  ["a string", '"hello"'],
  ["a number", "42"],
  ["true", "true"],
  ["an unclosed object", "{"],
  ["a member without a value", '{"player":}'],
  ["a trailing comma", '{"player": "p",}'],
  ["single quotes", "{'player': 'p'}"],
  ["NaN", '{"player": NaN}'],
  ["a comment", "/* hi */ {}"],
  ["text after the object", "{} {}"],
];

/** Content types that are not application/json; null sends no Content-Type at all. */
const NOT_JSON_TYPES = [
  null,
  "",
  "text/plain",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "text/json",
  "application/jsonp",
  "application/merge-patch+json",
  "application/javascript",
];

const DEEP = 1900; // arrays nested this deep still fit in a 4 KB body

// ---------------------------------------------------------------------------
// The table: one adder per endpoint, then one function per group of rules

/** The reply a case must get. field: undefined = not checked; a string = exactly; an array = one of (null = no field); a RegExp = matches. */
const invalidAt = (field) => ({ status: 400, code: "invalid_request", field });
/** 400 invalid_request, wherever the refusal points. */
const INVALID_REQUEST = invalidAt(undefined);
const invalidCampaignAt = (field) => ({ status: 400, code: "invalid_campaign", field });
/** A campaign document the core cannot read at all: refused for the whole document. */
const DOCUMENT_REFUSED = { status: 400, code: ["invalid_campaign", "invalid_request"], field: [null, ""] };
const TOO_LARGE = { status: 413, code: "payload_too_large" };
const UNSUPPORTED_TYPE = { status: 415, code: "unsupported_media_type" };
const BAD_TICKET = { status: 401, code: "invalid_ticket", field: "/ticket" };
const CAMPAIGN_NOT_FOUND = { status: 404, code: "campaign_not_found" };

// A claim is named by its token alone.
const claimPath = (id = PRIZES) => `/api/v1/campaigns/${id}/claim`;
const bearer = (token) => ({ authorization: `Bearer ${token}` });

/**
 * The case adders: `add(rule, name, method, path, {headers, body, status,
 * code, field})` for any request, and one per endpoint that takes a body,
 * `(rule, name, body, expected, {headers, id})`, with the endpoint's path,
 * credentials and (by default) content type.
 */
function caseAdders(cases) {
  const add = (rule, name, method, path, { headers = {}, body, status, code, field }) =>
    cases.push({ rule, name, method, path, headers, body, status, code, field });
  const endpoint =
    (label, method, path, { credentials = (headers) => headers, contentType = JSON_TYPE } = {}) =>
    (rule, name, body, expected, { headers = contentType, id } = {}) =>
      add(rule, `${label}: ${name}`, method, path(id), { headers: credentials(headers), body, ...expected });
  const asAdmin = (headers) => ({ ...ADMIN, ...headers });
  return {
    add,
    draw: endpoint("draw", "POST", (id = OPEN) => `/api/v1/campaigns/${id}/draws`),
    playerStatus: endpoint("player status", "POST", (id = OPEN) => `/api/v1/campaigns/${id}/player-status`),
    // Each claim case carries the next winner's token.
    claim: endpoint("claim", "PUT", () => claimPath(), {
      credentials: (headers) => ({ ...headers, ...bearer(winner().token) }),
    }),
    putCampaign: endpoint("campaign PUT", "PUT", () => `/api/v1/admin/campaigns/${PUT_TARGET}`, {
      credentials: asAdmin,
    }),
    media: endpoint("media", "POST", (id = OPEN) => `/api/v1/admin/campaigns/${id}/media`, {
      credentials: asAdmin,
      contentType: { "content-type": "image/png" },
    }),
  };
}

/** A case per [member, what, value]: `valid()` with that member set to the value, refused at the member. */
function memberCases(send, rule, changes, valid) {
  for (const [member, what, value] of changes) {
    send(rule, `${member} ${what}`, jsonBody({ ...valid(), [member]: value }), invalidAt(`/${member}`));
  }
}

/** [member, what, value] for every wrong-typed value of each of `members`. */
const wrongTypes = (members) => members.flatMap((member) => WRONG_TYPES.map(([what, value]) => [member, what, value]));

/**
 * `value` as JSON with one more member written by hand after the others (an
 * object literal cannot hold "__proto__" as an own member); `memberJson` is
 * the member's value as JSON text.
 */
const withMember = (value, key, memberJson) =>
  Buffer.from(jsonText(value).replace(/\}$/, `, ${JSON.stringify(key)}: ${memberJson}}`));

/** A valid definition for PUT_TARGET after `change(definition)`. */
function definitionWith(change) {
  const definition = baseDefinition(PUT_TARGET);
  change(definition);
  return definition;
}

const DRAW_STRINGS = [
  ["player", "empty", ""],
  ["player", "129 characters", "p".repeat(129)],
  ["player", "129 characters, not ASCII", "玩".repeat(129)],
  ["player", "with NUL", "al\u0000ice"],
  ["player", "with a line break", "al\nice"],
  ["player", "with a tab", "al\tice"],
  ["player", "with DEL", "al\u007fice"],
  ["player", "with an escape", "\u001b[31malice"],
  ["request_id", "empty", ""],
  ["request_id", "15 characters", "r".repeat(15)],
  ["request_id", "129 characters", "r".repeat(129)],
  ["request_id", "with a space", "first draw 000001"],
  ["request_id", "with a slash", "first/draw/000001"],
  ["request_id", "with a dot", "first.draw.000001"],
  ["request_id", "with a plus", "first+draw+000001"],
  ["request_id", "with a colon", "first:draw:000001"],
  ["request_id", "with a percent sign", "first%20draw%2000"],
  ["request_id", "with accented letters", "première-tirage-01"],
  ["request_id", "in Chinese", "第一次抽奖第一次抽奖第一次抽奖第一"],
  ["request_id", "with an emoji", "first-draw-000001-🎁"],
  ["request_id", "with a tab", "first\tdraw\t000001"],
  ["request_id", "with a line break", "first-draw-000001\n"],
  ["request_id", "with NUL", "first-draw-000001\u0000"],
  ["ticket", "empty", ""],
  ["ticket", "65 characters", "t".repeat(65)],
  ["ticket", "with NUL", "123.\u0000abc"],
];

/** Members a draw or status body does not know, and the JSON pointer that names each. */
const UNKNOWN_MEMBERS = [
  ["x", "/x"],
  ["Player", "/Player"],
  ["requestId", "/requestId"],
  ["request-id", "/request-id"],
  ["id", "/id"],
  ["__proto__", "/__proto__"],
  ["constructor", "/constructor"],
  ["", "/"],
  ["a/b", "/a~1b"],
  ["m~n", "/m~0n"],
];

function drawBodyCases({ draw }) {
  memberCases(draw, "draw-types", wrongTypes(["player", "request_id", "ticket"]), validDraw);
  memberCases(draw, "draw-strings", DRAW_STRINGS, validDraw);
  draw("draw-members", "missing player", jsonBody({ request_id: freshRequestId() }), invalidAt("/player"));
  draw("draw-members", "missing request_id", jsonBody({ player: freshPlayer() }), invalidAt("/request_id"));
  draw("draw-members", "an empty object", jsonBody({}), invalidAt(["/player", "/request_id"]));
  for (const [key, field] of UNKNOWN_MEMBERS) {
    const body = withMember(validDraw(), key, "1");
    draw("draw-members", `an unknown member ${JSON.stringify(key)}`, body, invalidAt(field));
  }
}

// Player status bodies ({"player", "ticket"?}: a POST, so the id is never in a URL).
function statusBodyCases({ playerStatus }) {
  memberCases(playerStatus, "status-body", wrongTypes(["player", "ticket"]), validStatus);
  memberCases(
    playerStatus,
    "status-body",
    DRAW_STRINGS.filter(([member]) => member === "ticket"),
    validStatus,
  );
  playerStatus("status-body", "missing player", jsonBody({}), invalidAt("/player"));
  playerStatus("status-body", "only a ticket", jsonBody({ ticket: "1.abc" }), invalidAt("/player"));
  for (const [key, field] of [...UNKNOWN_MEMBERS, ["request_id", "/request_id"]]) {
    const body = withMember({ player: freshPlayer() }, key, "1");
    playerStatus("status-body", `an unknown member ${JSON.stringify(key)}`, body, invalidAt(field));
  }
}

const SHIPPING_FIELDS = ["name", "phone", "address"];

const SHIPPING_STRINGS = [
  ["name", "empty", ""],
  ["name", "only spaces", "   "],
  ["name", "101 characters", "n".repeat(101)],
  ["name", "with NUL", "Ada\u0000Lovelace"],
  ["name", "with a line break", "Ada\nLovelace"],
  ["name", "with a tab", "Ada\tLovelace"],
  ["phone", "letters", "call me maybe"],
  ["phone", "4 digits", "1234"],
  ["phone", "16 digits", "1234567890123456"],
  ["phone", "over 32 characters", `${"1 ".repeat(20)}1`],
  ["phone", "two plus signs", "++44 20 7946 0000"],
  ["phone", "only a plus", "+"],
  ["phone", "empty", ""],
  ["phone", "with a line break", "+44 20\n7946 0000"],
  ["address", "4 characters", "abcd"],
  ["address", "501 characters", "a".repeat(501)],
  ["address", "with NUL", "12 Road\u0000London"],
  ["address", "with a bell", "12 Road, London\u0007"],
  ["address", "with an escape sequence", "\u001b[31m12 Road, London"],
  ["address", "with DEL", "12 Road\u007f, London"],
  ["address", "with a tab", "12 Road\tLondon"],
  ["address", "with a lone carriage return", "12 Road\rLondon"],
  ["address", "with a vertical tab", "12 Road\u000bLondon"],
  ["address", "of 50 lines", `${"line\n".repeat(49)}line`],
];

function shippingCases({ claim }) {
  const shipping = () => SHIPPING;
  memberCases(claim, "claim-types", wrongTypes(SHIPPING_FIELDS), shipping);
  memberCases(claim, "claim-strings", SHIPPING_STRINGS, shipping);
  for (const member of SHIPPING_FIELDS) {
    const { [member]: _left, ...rest } = SHIPPING;
    claim("claim-members", `missing ${member}`, jsonBody(rest), invalidAt(`/${member}`));
  }
  for (const [key, field] of [
    ["email", "/email"],
    ["Name", "/Name"],
    ["", "/"],
    ["a/b", "/a~1b"],
    ["__proto__", "/__proto__"],
  ]) {
    claim(
      "claim-members",
      `an unknown member ${JSON.stringify(key)}`,
      withMember(SHIPPING, key, '"x"'),
      invalidAt(field),
    );
  }
}

/** The bodies of NOT_AN_OBJECT that are sent as a campaign definition too. */
const NOT_A_DEFINITION = [
  "an empty body",
  "null",
  "an array",
  "a string",
  "a number",
  "an unclosed object",
  "single quotes",
  "text after the object",
];

function notAnObjectCases({ draw, playerStatus, claim, putCampaign }) {
  for (const [what, text] of NOT_AN_OBJECT) {
    draw("not-an-object", what, Buffer.from(text), invalidAt(""));
    playerStatus("not-an-object", what, Buffer.from(text), invalidAt(""));
    claim("not-an-object", what, Buffer.from(text), invalidAt(""));
  }
  for (const [what, text] of NOT_AN_OBJECT.filter(([what]) => NOT_A_DEFINITION.includes(what))) {
    // The core reads definitions: not JSON or not an object is invalid_campaign (or invalid_request) for the whole document.
    putCampaign("not-an-object", what, Buffer.from(text), DOCUMENT_REFUSED);
  }
}

function contentTypeCases({ draw, playerStatus, claim, putCampaign }) {
  for (const type of NOT_JSON_TYPES) {
    const what = type === null ? "no Content-Type" : `Content-Type ${JSON.stringify(type)}`;
    const headers = type === null ? {} : { "content-type": type };
    draw("content-type", what, jsonBody(validDraw()), UNSUPPORTED_TYPE, { headers });
    playerStatus("content-type", what, jsonBody(validStatus()), UNSUPPORTED_TYPE, { headers });
    claim("content-type", what, jsonBody(SHIPPING), UNSUPPORTED_TYPE, { headers });
    putCampaign("content-type", what, jsonBody(baseDefinition(PUT_TARGET)), UNSUPPORTED_TYPE, { headers });
  }
}

function sizeCases({ draw, playerStatus, claim, putCampaign, media }) {
  const exact = "4097 bytes (Content-Length)";
  const big = "64 KB (Content-Length)";
  const streamed = "8 KB streamed without a Content-Length";
  draw("size", exact, paddedTo(validDraw(), 4097), TOO_LARGE);
  draw("size", big, paddedTo(validDraw(), 64 * 1024), TOO_LARGE);
  draw("size", streamed, streamOf('{"player": "streamed", ', 8 * 1024, 1024), TOO_LARGE);
  playerStatus("size", exact, paddedTo(validStatus(), 4097), TOO_LARGE);
  playerStatus("size", streamed, streamOf('{"player": "streamed", ', 8 * 1024, 1024), TOO_LARGE);
  claim("size", exact, paddedTo(SHIPPING, 4097), TOO_LARGE);
  claim("size", big, paddedTo(SHIPPING, 64 * 1024), TOO_LARGE);
  claim("size", streamed, streamOf('{"name": "streamed", ', 8 * 1024, 1024), TOO_LARGE);
  const definition = baseDefinition(PUT_TARGET);
  putCampaign("size", "256 KB + 1 byte (Content-Length)", paddedTo(definition, 256 * 1024 + 1), TOO_LARGE);
  const streamedDefinition = streamOf('{"id": "bad-input-put", ', 300 * 1024, 16 * 1024);
  putCampaign("size", "300 KB streamed without a Content-Length", streamedDefinition, TOO_LARGE);
  const overTwoMegabytes = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 1 - PNG.length)]);
  media("size", "2 MB + 1 byte (Content-Length)", overTwoMegabytes, TOO_LARGE);
  media("size", "3 MB streamed without a Content-Length", streamOf(PNG, 3 * 1024 * 1024, 64 * 1024), TOO_LARGE);
}

function notUtf8Cases({ draw, playerStatus, claim, putCampaign }) {
  for (const [what, bytes] of NOT_UTF8) {
    draw("not-utf8", `player with ${what}`, withBytes({ ...validDraw(), player: "p@BYTES@" }, bytes), INVALID_REQUEST);
    playerStatus("not-utf8", `player with ${what}`, withBytes({ player: "p@BYTES@" }, bytes), INVALID_REQUEST);
    claim("not-utf8", `name with ${what}`, withBytes({ ...SHIPPING, name: "Ada@BYTES@" }, bytes), INVALID_REQUEST);
  }
  for (const [what, bytes] of NOT_UTF8.slice(0, 4)) {
    const body = withBytes({ ...baseDefinition(PUT_TARGET), title: "T@BYTES@" }, bytes);
    putCampaign("not-utf8", `title with ${what}`, body, INVALID_REQUEST);
  }
  draw("not-utf8", "a body in UTF-16", Buffer.from(jsonText(validDraw()), "utf16le"), INVALID_REQUEST);
  claim("not-utf8", "a body in UTF-16", Buffer.from(jsonText(SHIPPING), "utf16le"), INVALID_REQUEST);
}

// Lone surrogates (not well-formed UTF-16), at any depth.
const DRAW_SURROGATES = [
  ["a lone high surrogate in player", { player: "p\ud800" }, "/player"],
  ["a lone low surrogate in player", { player: "\udfffp" }, "/player"],
  ["a reversed surrogate pair in player", { player: "\udc00\ud800" }, "/player"],
  ["a lone surrogate in request_id", { request_id: "first-draw-000001\ud800" }, "/request_id"],
  ["a lone surrogate in ticket", { ticket: "1.\udbff" }, "/ticket"],
  ["a lone surrogate deep in an unknown member", { extra: { a: ["ok", "\ud800"] } }, "/extra/a/1"],
];
const SHIPPING_SURROGATES = [
  ["name", "Ada\ud800"],
  ["phone", "\udc00+44 20 7946 0000"],
  ["address", "12 Road\ud83d, London"],
  ["address", "12 Road\udc00\ud800 London"],
];
const CAMPAIGN_SURROGATES = [
  ["in the title", (d) => (d.title = "Spring \ud800"), "/title"],
  ["in a prize name", (d) => (d.prize_table.prizes[1].name = "Silver \udfff"), "/prize_table/prizes/1/name"],
  ["in a date", (d) => (d.window.first_day = "2026-01-0\ud800"), "/window/first_day"],
  ["deep in the theme", (d) => (d.theme = { a: { b: [{ c: "\udbff" }] } }), "/theme/a/b/0/c"],
];

function surrogateCases({ draw, playerStatus, claim, putCampaign }) {
  for (const [what, change, field] of DRAW_SURROGATES) {
    draw("surrogates", what, jsonBody({ ...validDraw(), ...change }), invalidAt(field));
    if (!("request_id" in change)) {
      playerStatus("surrogates", what, jsonBody({ ...validStatus(), ...change }), invalidAt(field));
    }
  }
  const inName = withMember(validDraw(), "\ud800", "1");
  draw("surrogates", "a lone surrogate in a member name", inName, invalidAt("/\ud800"));
  for (const [member, value] of SHIPPING_SURROGATES) {
    const body = jsonBody({ ...SHIPPING, [member]: value });
    claim("surrogates", `a lone surrogate in ${member} (${JSON.stringify(value)})`, body, invalidAt(`/${member}`));
  }
  for (const [what, change, field] of CAMPAIGN_SURROGATES) {
    putCampaign("surrogates", `a lone surrogate ${what}`, jsonBody(definitionWith(change)), invalidAt(field));
  }
}

function deepCases({ draw, playerStatus, claim, putCampaign }) {
  const arrays = (depth) => nested(depth, "[", "]");
  const objects = (depth) => nested(depth, '{"a":', "}", "1");
  const inDeep = invalidAt(/^\/deep(\/|$)/);
  const inUnknown = `arrays ${DEEP} deep in an unknown member`;
  const tooDeep = `a body of arrays ${DEEP + 100} deep`;
  const { player, request_id } = validDraw();
  draw("deep", inUnknown, withMember({ player, request_id }, "deep", arrays(DEEP)), inDeep);
  draw("deep", tooDeep, Buffer.from(arrays(DEEP + 100)), invalidAt(""));
  const deepPlayer = Buffer.from(`{"player": ${objects(600)}, "request_id": "${request_id}"}`);
  draw("deep", "objects 600 deep as the player", deepPlayer, invalidAt("/player"));
  playerStatus("deep", inUnknown, withMember({ player: "deep" }, "deep", arrays(DEEP)), inDeep);
  const deepStatusPlayer = Buffer.from(`{"player": ${objects(600)}}`);
  playerStatus("deep", "objects 600 deep as the player", deepStatusPlayer, invalidAt("/player"));
  claim("deep", inUnknown, withMember(SHIPPING, "deep", arrays(DEEP)), inDeep);
  claim("deep", tooDeep, Buffer.from(arrays(DEEP + 100)), invalidAt(""));
  const inTheme = invalidCampaignAt(/^\/theme(\/|$)/);
  const definition = baseDefinition(PUT_TARGET);
  putCampaign("deep", "arrays 100000 deep as the theme", withMember(definition, "theme", arrays(100_000)), inTheme);
  putCampaign("deep", "objects 30000 deep as the theme", withMember(definition, "theme", objects(30_000)), inTheme);
  putCampaign("deep", "a body of arrays 100000 deep", Buffer.from(arrays(100_000)), DOCUMENT_REFUSED);
}

// Campaign definitions: types, huge and negative numbers, missing and unknown members.
const DEFINITION_MUTATIONS = [
  ["title a number", (d) => (d.title = 42), "/title"],
  ["title null", (d) => (d.title = null), "/title"],
  ["title empty", (d) => (d.title = ""), "/title"],
  ["title with a control character", (d) => (d.title = "Spring\u0001"), "/title"],
  [
    "a prize name of 1000 characters",
    (d) => (d.prize_table.prizes[1].name = "x".repeat(1000)),
    "/prize_table/prizes/1/name",
  ],
  ["stock -1", (d) => (d.prize_table.prizes[0].stock = -1), "/prize_table/prizes/0/stock"],
  ["stock 1e20", (d) => (d.prize_table.prizes[0].stock = 1e20), "/prize_table/prizes/0/stock"],
  ["stock 2^53 + 1", (d) => (d.prize_table.prizes[0].stock = raw("9007199254740993")), "/prize_table/prizes/0/stock"],
  [
    "stock a 30-digit integer",
    (d) => (d.prize_table.prizes[0].stock = raw("123456789012345678901234567890")),
    "/prize_table/prizes/0/stock",
  ],
  ["stock 1.5", (d) => (d.prize_table.prizes[0].stock = 1.5), "/prize_table/prizes/0/stock"],
  ["stock a string", (d) => (d.prize_table.prizes[0].stock = "5"), "/prize_table/prizes/0/stock"],
  // Out of every number type's range: the core's parser refuses the document, or the validator the member.
  ["stock 1e400", (d) => (d.prize_table.prizes[0].stock = raw("1e400")), [null, "", "/prize_table/prizes/0/stock"]],
  ["stock -1e400", (d) => (d.prize_table.prizes[0].stock = raw("-1e400")), [null, "", "/prize_table/prizes/0/stock"]],
  ["draws_per_day 0", (d) => (d.limits.draws_per_day = 0), "/limits/draws_per_day"],
  ["draws_per_day -5", (d) => (d.limits.draws_per_day = -5), "/limits/draws_per_day"],
  ["draws_per_day 1e15", (d) => (d.limits.draws_per_day = 1e15), "/limits/draws_per_day"],
  ["draws_per_campaign -1", (d) => (d.limits.draws_per_campaign = -1), "/limits/draws_per_campaign"],
  ["pity after -1", (d) => (d.pity = { after: -1, prizes: ["gold"] }), "/pity/after"],
  ["pity after 1e308", (d) => (d.pity = { after: raw("1e308"), prizes: ["gold"] }), "/pity/after"],
  ["odds a number", (d) => (d.prize_table.prizes[0].odds = 0.1), "/prize_table/prizes/0/odds"],
  ["odds negative", (d) => (d.prize_table.prizes[0].odds = "-0.1"), "/prize_table/prizes/0/odds"],
  ["odds a negative fraction", (d) => (d.prize_table.prizes[0].odds = "-1/2"), "/prize_table/prizes/0/odds"],
  [
    "deck boxes -1",
    (d) => Object.assign(d, { pool: "deck", prize_table: { boxes: -1, prizes: [{ id: "g", name: "G", stock: 1 }] } }),
    "/prize_table/boxes",
  ],
  [
    "deck boxes 1e300",
    (d) =>
      Object.assign(d, { pool: "deck", prize_table: { boxes: 1e300, prizes: [{ id: "g", name: "G", stock: 1 }] } }),
    "/prize_table/boxes",
  ],
  ["an unknown top-level member", (d) => (d.surprise = 1), "/surprise"],
  ["an unknown member in window", (d) => (d.window.surprise = 1), "/window/surprise"],
  ["an unknown member in a prize", (d) => (d.prize_table.prizes[0].colour = "red"), "/prize_table/prizes/0/colour"],
  ["missing title", (d) => delete d.title, "/title"],
  ["missing window", (d) => delete d.window, "/window"],
  ["missing prize_table", (d) => delete d.prize_table, "/prize_table"],
  ["prizes an object", (d) => (d.prize_table.prizes = {}), "/prize_table/prizes"],
  ["prize_table an array", (d) => (d.prize_table = []), "/prize_table"],
  ["window a string", (d) => (d.window = "always"), "/window"],
  ["utc_offset a number", (d) => (d.utc_offset = 8), "/utc_offset"],
  ["limits an array", (d) => (d.limits = [3]), "/limits"],
  ["pool a number", (d) => (d.pool = 1), "/pool"],
  ["an id other than the URL's", (d) => (d.id = "someone-else"), "/id"],
  ["id a number", (d) => (d.id = 7), "/id"],
];

function definitionCases({ putCampaign }) {
  for (const [what, change, field] of DEFINITION_MUTATIONS) {
    putCampaign("definition", what, jsonBody(definitionWith(change)), invalidCampaignAt(field));
  }
  for (const value of ['"v1"', 'W/"1"']) {
    const headers = { ...JSON_TYPE, "if-none-match": value };
    putCampaign(
      "definition",
      `If-None-Match ${JSON.stringify(value)}`,
      jsonBody(baseDefinition(PUT_TARGET)),
      INVALID_REQUEST,
      {
        headers,
      },
    );
  }
}

// Picture uploads.
function mediaCases({ media }) {
  const JPEG = Buffer.concat([Buffer.from("ffd8ffe000104a464946000101", "hex"), Buffer.alloc(32)]);
  const WAVE = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WAVEfmt "), Buffer.alloc(16)]);
  const declaredAs = (type) => ({ headers: { "content-type": type } });
  for (const type of [
    null,
    "text/plain",
    "image/svg+xml",
    "application/json",
    "application/octet-stream",
    "image/bmp",
    "image/png-but-not",
  ]) {
    const what = type === null ? "no Content-Type" : `Content-Type ${type}`;
    media("media", what, PNG, UNSUPPORTED_TYPE, type === null ? { headers: {} } : declaredAs(type));
  }
  const svg = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>");
  media("media", "an SVG declared as PNG", svg, UNSUPPORTED_TYPE);
  media("media", "a JPEG declared as PNG", JPEG, UNSUPPORTED_TYPE);
  media("media", "a PNG declared as GIF", PNG, UNSUPPORTED_TYPE, declaredAs("image/gif"));
  media("media", "a WAVE file declared as WebP", WAVE, UNSUPPORTED_TYPE, declaredAs("image/webp"));
  const text = Buffer.from("hello, not a picture at all");
  media("media", "text declared as JPEG", text, UNSUPPORTED_TYPE, declaredAs("image/jpeg"));
  media("media", "an empty body", Buffer.alloc(0), UNSUPPORTED_TYPE);
  media("media", "the first 11 bytes of a PNG", PNG.subarray(0, 11), UNSUPPORTED_TYPE);
}

/** Every endpoint with a campaign id: [name, method, path for an id, body for an id, headers]. */
function campaignEndpoints() {
  const token = strangerToken();
  return [
    ["campaign view", "GET", (id) => `/api/v1/campaigns/${id}`],
    ["draw", "POST", (id) => `/api/v1/campaigns/${id}/draws`, () => jsonBody(validDraw()), JSON_TYPE],
    [
      "player status",
      "POST",
      (id) => `/api/v1/campaigns/${id}/player-status`,
      () => jsonBody(validStatus()),
      JSON_TYPE,
    ],
    ["claim GET", "GET", (id) => `/api/v1/campaigns/${id}/claim`, undefined, bearer(token)],
    [
      "claim PUT",
      "PUT",
      (id) => `/api/v1/campaigns/${id}/claim`,
      () => jsonBody(SHIPPING),
      { ...JSON_TYPE, ...bearer(token) },
    ],
    [
      "admin PUT",
      "PUT",
      (id) => `/api/v1/admin/campaigns/${id}`,
      (id) => jsonBody(baseDefinition(safeDecode(id))),
      { ...JSON_TYPE, ...ADMIN },
    ],
    ["admin GET", "GET", (id) => `/api/v1/admin/campaigns/${id}`, undefined, ADMIN],
    ["pause", "POST", (id) => `/api/v1/admin/campaigns/${id}/pause`, undefined, ADMIN],
    ["resume", "POST", (id) => `/api/v1/admin/campaigns/${id}/resume`, undefined, ADMIN],
    ["stats", "GET", (id) => `/api/v1/admin/campaigns/${id}/stats`, undefined, ADMIN],
    ["winners", "GET", (id) => `/api/v1/admin/campaigns/${id}/winners`, undefined, ADMIN],
    ["winners.csv", "GET", (id) => `/api/v1/admin/campaigns/${id}/winners.csv`, undefined, ADMIN],
    [
      "media",
      "POST",
      (id) => `/api/v1/admin/campaigns/${id}/media`,
      () => PNG,
      { "content-type": "image/png", ...ADMIN },
    ],
  ];
}

const INVALID_IDS = [
  ["in capitals", "UPPER-case"],
  ["of 65 characters", "x".repeat(65)],
  ["starting with a dash", "-leading-dash"],
  ["not ASCII (%E7%8E%A9)", "%E7%8E%A9"],
];

function campaignIdCases({ add }, byCampaign) {
  for (const [endpoint, method, path, body, headers = {}] of byCampaign) {
    for (const [what, id] of INVALID_IDS) {
      const name = `${endpoint}: a campaign id ${what}`;
      add("campaign-id", name, method, path(id), { headers, body: body?.(id), ...CAMPAIGN_NOT_FOUND });
    }
  }
  for (const [what, id] of [
    ["with a dot", "has.dot"],
    ["with an encoded slash", "a%2Fb"],
    ["of spaces (%20)", "%20%20"],
  ]) {
    add("campaign-id", `campaign view: a campaign id ${what}`, "GET", `/api/v1/campaigns/${id}`, CAMPAIGN_NOT_FOUND);
  }
}

const BAD_ENCODINGS = [
  ["%ZZ", "%ZZ"],
  ["a lone %", "abc%"],
  ["a truncated sequence", "%E0%A4%A"],
  ["%FF (not UTF-8)", "%FF"],
  ["an overlong '/' (%C0%AF)", "%C0%AF"],
  ["an encoded surrogate (%ED%A0%80)", "%ED%A0%80"],
];

function percentEncodingCases({ add }, byCampaign) {
  for (const [what, id] of BAD_ENCODINGS) {
    const name = `campaign view: ${what} in the campaign id`;
    add("percent-encoding", name, "GET", `/api/v1/campaigns/${id}`, INVALID_REQUEST);
  }
  for (const [endpoint, method, path, body, headers = {}] of byCampaign.slice(1)) {
    for (const [what, id] of [BAD_ENCODINGS[0], BAD_ENCODINGS[5]]) {
      const name = `${endpoint}: ${what} in the campaign id`;
      add("percent-encoding", name, method, path(id), { headers, body: body?.("x"), ...INVALID_REQUEST });
    }
  }
}

// Player ids travel only in bodies (no endpoint has one in its path): the
// player status body's player, checked as a draw's is.
function playerIdCases({ playerStatus }) {
  const badPlayers = [
    ["empty", ""],
    ["of 129 characters", "p".repeat(129)],
    ["of 129 characters, not ASCII", "玩".repeat(129)],
    ["with NUL", "al\u0000ice"],
    ["with a line break", "al\nice"],
    ["with a tab", "al\tice"],
    ["with DEL", "al\u007fice"],
    ["with an escape", "\u001b[31m"],
  ];
  for (const [what, player] of badPlayers) {
    playerStatus("player-id", `a player id ${what}`, jsonBody({ player }), invalidAt("/player"));
    const ticketed = jsonBody({ player, ticket: `4102444800.${"A".repeat(43)}` });
    playerStatus("player-id", `a player id ${what}, ticket campaign`, ticketed, invalidAt("/player"), { id: TICKETED });
  }
}

// Query parameters (the winners' pages: ?cursor= ?limit= ?day= ?prize=).
function queryCases({ add }) {
  const badQueries = [
    ["cursor", "negative", "-1"],
    ["cursor", "not a number", "abc"],
    ["cursor", "a fraction", "1.5"],
    ["cursor", "1e400", "1e400"],
    ["cursor", "a 30-digit integer", "1".repeat(30)],
    ["cursor", "%FF", "%FF"],
    ["limit", "zero", "0"],
    ["limit", "negative", "-5"],
    ["limit", "a fraction", "2.5"],
    ["limit", "1e400", "1e400"],
    ["limit", "a 30-digit integer", "9".repeat(30)],
    ["limit", "not a number", "all"],
    ["day", "not a date", "yesterday"],
    ["day", "without leading zeros", "2026-1-1"],
    ["day", "%FF", "%FF"],
    ["prize", "in capitals", "GOLD"],
    ["prize", "with NUL", "gold%00"],
  ];
  for (const list of ["winners", "winners.csv"]) {
    for (const [name, what, value] of badQueries) {
      const path = `/api/v1/admin/campaigns/${OPEN}/${list}?${name}=${value}`;
      add("query", `${list}: ${name} ${what}`, "GET", path, { headers: ADMIN, ...invalidAt(`/${name}`) });
    }
  }
}

// Campaigns that were never created.
function unknownCampaignCases({ add }, byCampaign) {
  const ghosts = byCampaign.filter(([endpoint]) => endpoint !== "admin PUT");
  ghosts.forEach(([endpoint, method, path, body, headers = {}], index) => {
    const id = `never-created-${index}`;
    const name = `${endpoint} of a campaign never created`;
    add("unknown-campaign", name, method, path(id), { headers, body: body?.(id), ...CAMPAIGN_NOT_FOUND });
  });
}

function ticketCases({ draw, playerStatus }) {
  const forged = `4102444800.${"A".repeat(43)}`;
  const expired = `1.${"A".repeat(43)}`;
  const ticketDraw = (name, change, expected) =>
    draw("tickets", `ticket campaign, ${name}`, jsonBody({ ...validDraw(), ...change }), expected, { id: TICKETED });
  ticketDraw("no ticket", {}, BAD_TICKET);
  ticketDraw("a ticket that is not one", { ticket: "not-a-ticket" }, BAD_TICKET);
  ticketDraw("a ticket with a short signature", { ticket: "4102444800.abc" }, BAD_TICKET);
  ticketDraw("a forged signature", { ticket: forged }, BAD_TICKET);
  ticketDraw("an expired ticket", { ticket: expired }, BAD_TICKET);
  ticketDraw("a ticket that is a number", { ticket: 4102444800 }, invalidAt("/ticket"));
  const ticketStatus = (name, change, expected) =>
    playerStatus("tickets", `ticket campaign, ${name}`, jsonBody({ player: "tina", ...change }), expected, {
      id: TICKETED,
    });
  ticketStatus("no ticket", {}, BAD_TICKET);
  ticketStatus("a ticket that is not one", { ticket: "garbage" }, BAD_TICKET);
  ticketStatus("a forged signature", { ticket: forged }, BAD_TICKET);
  ticketStatus("an expired ticket", { ticket: expired }, BAD_TICKET);
  ticketStatus("a ticket that is a number", { ticket: 4102444800 }, invalidAt("/ticket"));
}

function adminKeyCases({ add }) {
  const adminEndpoints = [
    ["admin PUT", "PUT", `/api/v1/admin/campaigns/${OPEN}`, () => jsonBody(baseDefinition(OPEN)), JSON_TYPE],
    ["admin GET", "GET", `/api/v1/admin/campaigns/${OPEN}`],
    ["pause", "POST", `/api/v1/admin/campaigns/${OPEN}/pause`],
    ["resume", "POST", `/api/v1/admin/campaigns/${OPEN}/resume`],
    ["stats", "GET", `/api/v1/admin/campaigns/${OPEN}/stats`],
    ["winners", "GET", `/api/v1/admin/campaigns/${OPEN}/winners`],
    ["winners.csv", "GET", `/api/v1/admin/campaigns/${OPEN}/winners.csv`],
    ["campaign list", "GET", "/api/v1/admin/campaigns"],
    ["media", "POST", `/api/v1/admin/campaigns/${OPEN}/media`, () => PNG, { "content-type": "image/png" }],
  ];
  const wrongKeys = [
    ["no Authorization", {}],
    ["a wrong key", { authorization: "Bearer wrong-admin-key-0000000000000000000" }],
    ["the key without its last character", { authorization: `Bearer ${ADMIN_KEY.slice(0, -1)}` }],
    [
      "the key as Basic credentials",
      { authorization: `Basic ${Buffer.from(`admin:${ADMIN_KEY}`).toString("base64")}` },
    ],
  ];
  for (const [endpoint, method, path, body, headers = {}] of adminEndpoints) {
    for (const [what, auth] of wrongKeys) {
      add("admin-key", `${endpoint} with ${what}`, method, path, {
        headers: { ...headers, ...auth },
        body: body?.(),
        status: 401,
        code: "unauthorized",
        field: [null],
      });
    }
  }
}

function claimTokenCases({ add }) {
  const claimTokens = [
    ["no Authorization", () => ({})],
    ["a short token", () => bearer("short")],
    ["a 25-character token", (own) => bearer(`${own}x`)],
    ["a token with a '+'", (own) => bearer(`+${own.slice(1)}`)],
    ["the token as Basic credentials", (own) => ({ authorization: `Basic ${own}` })],
    ["a token that differs in its last character", (own) => bearer(own.slice(0, -1) + (own.endsWith("A") ? "B" : "A"))],
    ["a well-formed token that opens nothing", () => bearer(strangerToken())],
    ["the token of a winner of another campaign", () => bearer(elsewhereToken)],
  ];
  for (const [what, auth] of claimTokens) {
    for (const method of ["GET", "PUT"]) {
      const own = winner();
      const headers = method === "PUT" ? { ...JSON_TYPE, ...auth(own.token) } : auth(own.token);
      add("claim-token", `claim ${method} with ${what}`, method, claimPath(), {
        headers,
        body: method === "PUT" ? jsonBody(SHIPPING) : undefined,
        status: 404,
        code: "claim_not_found",
      });
    }
  }
}

function methodCases({ add }) {
  const routes = [
    ["/api/v1/health", ["GET"]],
    [`/api/v1/campaigns/${OPEN}`, ["GET"]],
    [`/api/v1/campaigns/${OPEN}/draws`, ["POST"]],
    [`/api/v1/campaigns/${OPEN}/player-status`, ["POST"]],
    [`/api/v1/campaigns/${PRIZES}/claim`, ["GET", "PUT"]],
    [`/api/v1/admin/campaigns/${OPEN}`, ["GET", "PUT"]],
    [`/api/v1/admin/campaigns/${OPEN}/pause`, ["POST"]],
    [`/api/v1/admin/campaigns/${OPEN}/resume`, ["POST"]],
    [`/api/v1/admin/campaigns/${OPEN}/stats`, ["GET"]],
    [`/api/v1/admin/campaigns/${OPEN}/winners`, ["GET"]],
    [`/api/v1/admin/campaigns/${OPEN}/winners.csv`, ["GET"]],
    [`/api/v1/admin/campaigns/${OPEN}/media`, ["POST"]],
    ["/api/v1/admin/campaigns", ["GET"]],
  ];
  for (const [path, allowed] of routes) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]) {
      if (allowed.includes(method)) continue;
      add("method", `${method} ${path}`, method, path, { headers: ADMIN, status: 405, code: "method_not_allowed" });
    }
  }
}

function pathCases({ add }) {
  for (const path of [
    "/api/",
    "/api/v1",
    "/api/v1/",
    "/api/v1/nothing",
    "/api/v2/campaigns/x",
    "/api/v1/campaigns",
    "/api/v1/campaigns/",
    `/api/v1/campaigns/${OPEN}/`,
    `/api/v1/campaigns/${OPEN}/draws/`,
    `/api/v1/campaigns/${OPEN}/draws/extra`,
    `/api/v1/campaigns/${OPEN}/players`,
    `/api/v1/campaigns/${OPEN}/players/`,
    `/api/v1/campaigns/${OPEN}/claims/`,
    // The paths that carried a player id are gone.
    `/api/v1/campaigns/${OPEN}/players/somebody`,
    `/api/v1/campaigns/${PRIZES}/claims/somebody`,
    `/api/v1/campaigns/${PRIZES}/claim/somebody`,
    `/api/v1/campaigns/${OPEN}/player-status/somebody`,
    "/api/v1//campaigns/x",
    "/api/v1/CAMPAIGNS/x",
    "/api/v1/admin",
    "/api/v1/admin/campaigns/",
    `/api/v1/admin/campaigns/${OPEN}/unknown`,
    `/api/v1/admin/campaigns/${OPEN}/winners.json`,
  ]) {
    add("path", `GET ${path}`, "GET", path, { headers: ADMIN, status: 404, code: "not_found" });
  }
}

/** Every case, grouped by rule, in the order they are built. */
function buildMatrix() {
  const cases = [];
  const adders = caseAdders(cases);
  drawBodyCases(adders);
  statusBodyCases(adders);
  shippingCases(adders);
  notAnObjectCases(adders);
  contentTypeCases(adders);
  sizeCases(adders);
  notUtf8Cases(adders);
  surrogateCases(adders);
  deepCases(adders);
  definitionCases(adders);
  mediaCases(adders);
  const byCampaign = campaignEndpoints();
  campaignIdCases(adders, byCampaign);
  percentEncodingCases(adders, byCampaign);
  playerIdCases(adders);
  queryCases(adders);
  unknownCampaignCases(adders, byCampaign);
  ticketCases(adders);
  adminKeyCases(adders);
  claimTokenCases(adders);
  methodCases(adders);
  pathCases(adders);
  return cases;
}

/** decodeURIComponent, or the text itself when it is not valid percent-encoding. */
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------
// Sending a case and judging the reply

async function send(c) {
  if (c.body?.stream) return sendChunked(service.base, c.method, c.path, c.headers, c.body.stream);
  const init = { method: c.method, headers: c.headers };
  if (c.body !== undefined) init.body = c.body;
  for (let attempt = 0; ; attempt++) {
    const response = await service.fetch(c.path, init);
    const text = await response.text();
    // wrangler dev's own proxy (not the service) answers this when its connection to the runtime failed.
    if (response.status === 503 && text.startsWith("Your worker restarted mid-request") && attempt < 3) {
      await sleep(200 * (attempt + 1));
      continue;
    }
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", text };
  }
}

const describeField = (field) =>
  field instanceof RegExp
    ? `a field matching ${field}`
    : Array.isArray(field)
      ? `field one of ${field.map((f) => JSON.stringify(f ?? "(none)")).join(", ")}`
      : `field ${JSON.stringify(field)}`;

/** What is wrong with the reply to case `c`, or null. */
function judge(c, reply) {
  const expected = `${c.status} ${[c.code].flat().join("|")}${c.field === undefined ? "" : ` at ${describeField(c.field)}`}`;
  const got = `${reply.status} ${reply.text.slice(0, 240)}`;
  const wrong = (why) => `${c.name}: ${why} (expected ${expected}; got ${got})`;
  if (reply.status >= 500) return wrong("a 5xx");
  if (reply.status < 400) return wrong("accepted");
  if (reply.status !== c.status) return wrong(`status ${reply.status}`);
  if (!/^application\/json\b/.test(reply.contentType))
    return wrong(`content type ${JSON.stringify(reply.contentType)}`);
  if (c.method === "HEAD") return reply.text === "" ? null : wrong("a body in a reply to HEAD");
  let body;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return wrong("a body that is not JSON");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body) || Object.keys(body).join() !== "error") {
    return wrong('not {"error": {...}}');
  }
  const { error } = body;
  if (error === null || typeof error !== "object") return wrong("error is not an object");
  if (![c.code].flat().includes(error.code)) return wrong(`code ${JSON.stringify(error.code)}`);
  if (typeof error.message !== "string" || error.message.length === 0) return wrong("no message");
  if ("field" in error && typeof error.field !== "string") return wrong("a field that is not a string");
  const field = "field" in error ? error.field : null;
  if (c.field instanceof RegExp) {
    if (field === null || !c.field.test(field)) return wrong(`field ${JSON.stringify(field)}`);
  } else if (Array.isArray(c.field)) {
    if (!c.field.includes(field)) return wrong(`field ${JSON.stringify(field)}`);
  } else if (c.field !== undefined && field !== c.field) {
    return wrong(`field ${JSON.stringify(field)}`);
  }
  return null;
}

/** Runs every case of `rule`, one after another; the failures, one line each. */
async function runRule(rule) {
  const cases = matrix.filter((c) => c.rule === rule);
  assert.ok(cases.length > 0, `the matrix has cases for ${rule}`);
  const failures = [];
  for (const c of cases) {
    let problem;
    try {
      problem = judge(c, await send(c));
    } catch (error) {
      problem = `${c.name}: no reply (${error.cause?.code ?? error.message})`;
    }
    if (problem) failures.push(problem);
  }
  results.run += cases.length;
  results.failed += failures.length;
  results.byRule.set(rule, { cases: cases.length, failures: failures.length });
  return failures;
}

const passes = async (rule) => assert.deepEqual(await runRule(rule), []);

// ---------------------------------------------------------------------------
// The rules

test("the valid requests the mutations start from are accepted as they are", async () => {
  const definition = await api.putCampaign(baseDefinition(CONTROL));
  assert.equal(definition.status, 201, definition.text);
  const drawn = await api.draw(OPEN, validDraw());
  assert.equal(drawn.status, 200, drawn.text);
  const { token } = winners[0];
  const claimed = await api.call("PUT", `/api/v1/campaigns/${PRIZES}/claim`, SHIPPING, {
    authorization: `Bearer ${token}`,
  });
  assert.equal(claimed.status, 200, claimed.text);
  assert.deepEqual(claimed.json.shipping, SHIPPING);
  const status = await api.call("POST", `/api/v1/campaigns/${OPEN}/player-status`, validStatus());
  assert.equal(status.status, 200, status.text);
  const longest = await api.call("POST", `/api/v1/campaigns/${OPEN}/player-status`, {
    player: "玩".repeat(128),
    ticket: "ignored-here",
  });
  assert.equal(longest.status, 200, `a 128-character player id; an open campaign ignores the ticket: ${longest.text}`);
  const upload = await service.fetch(`/api/v1/admin/campaigns/${OPEN}/media`, {
    method: "POST",
    headers: { ...ADMIN, "content-type": "image/png" },
    body: PNG,
  });
  assert.equal(upload.status, 201, await upload.text());
  const charset = await service.fetch(`/api/v1/campaigns/${OPEN}/draws`, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: jsonBody(validDraw()),
  });
  assert.equal(charset.status, 200, `a charset parameter is fine: ${await charset.text()}`);
  const limits = await api.draw(OPEN, { player: "p".repeat(128), request_id: "r".repeat(128) });
  assert.equal(limits.status, 200, `128-character player and request_id: ${limits.text}`);
  const shortest = await api.draw(OPEN, { player: "shortest-request-id", request_id: "abcdefghijklmn_-" });
  assert.equal(shortest.status, 200, `a 16-character request_id: ${shortest.text}`);
  assert.ok(matrix.length > 0);
});

test("a draw body member of the wrong type, a huge or negative number among them, is refused with 400 invalid_request at that member", () =>
  passes("draw-types"));

test("a draw's player, request_id or ticket that is empty, too long or has characters it may not have is refused at that member", () =>
  passes("draw-strings"));

test("a draw body without player or request_id, or with a member it does not know, is refused at that member", () =>
  passes("draw-members"));

test("a player status body with a member of the wrong type, a ticket of the wrong form, no player, or a member it does not know is refused at that member", () =>
  passes("status-body"));

test("shipping details of the wrong type, a huge or negative number among them, are refused with 400 invalid_request at that field", () =>
  passes("claim-types"));

test("shipping details that are empty, too long, malformed or carry control characters other than line breaks in the address are refused at that field", () =>
  passes("claim-strings"));

test("shipping details without name, phone or address, or with a member they do not know, are refused at that member", () =>
  passes("claim-members"));

test("a body that is not one JSON object is refused with 400 for the body as a whole", () => passes("not-an-object"));

test("a JSON endpoint refuses a body not sent as application/json with 415 unsupported_media_type", () =>
  passes("content-type"));

test("a body over the endpoint's limit is refused with 413 payload_too_large, with or without a Content-Length", () =>
  passes("size"));

test("a body that is not UTF-8 is refused with 400 invalid_request", () => passes("not-utf8"));

test("a string with a lone surrogate, at any depth, is refused with 400 invalid_request at its JSON pointer", () =>
  passes("surrogates"));

test("deeply nested bodies are refused with a 4xx naming where, never a 5xx", () => passes("deep"));

test("a campaign definition with a wrong type, a huge or negative number, a missing or an unknown member is refused with 400 invalid_campaign at that member", () =>
  passes("definition"));

test("an upload that is not a PNG, JPEG, GIF or WebP picture, by its type or by its bytes, is refused with 415", () =>
  passes("media"));

test("a campaign id that is not a campaign id gets 404 campaign_not_found on every endpoint", () =>
  passes("campaign-id"));

test("a player id (in a player status body) that is empty, too long or has control characters is refused with 400 at /player", () =>
  passes("player-id"));

test("a path that is not valid percent-encoded UTF-8 is refused with 400 invalid_request", () =>
  passes("percent-encoding"));

test("a winners query parameter (cursor, limit, day, prize) of the wrong form, huge and negative numbers among them, is refused with 400 at its name", () =>
  passes("query"));

test("a campaign that was never created gets 404 campaign_not_found on every endpoint, and no Durable Object wakes for it", async () => {
  const before = objectDatabases(stateDir);
  assert.ok(before.length >= 3, `the created campaigns' objects are on disk (${before.length} files)`);
  const failures = await runRule("unknown-campaign");
  assert.deepEqual(objectDatabases(stateDir), before, "no object's storage appeared for a campaign never created");
  assert.deepEqual(failures, []);
});

test("a ticket campaign refuses a draw or a status without a valid ticket with 401 invalid_ticket at the ticket", () =>
  passes("tickets"));

test("every admin endpoint refuses a missing or wrong admin key with 401 unauthorized and no field", () =>
  passes("admin-key"));

test("a claim asked for without a well-formed token of this campaign's claim gets 404 claim_not_found", () =>
  passes("claim-token"));

test("a known path with a method it does not take gets 405 method_not_allowed", () => passes("method"));

test("an /api path that matches no endpoint gets 404 not_found", () => passes("path"));

test("the matrix has at least 150 cases, every one run and counted", () => {
  const rules = [...new Set(matrix.map((c) => c.rule))];
  const line = `bad input: ${results.run} cases, ${results.failed} failures`;
  console.log(line);
  for (const rule of rules) {
    const r = results.byRule.get(rule);
    console.log(`  ${rule}: ${r ? `${r.cases} cases, ${r.failures} failures` : "not run"}`);
  }
  assert.ok(matrix.length >= 150, `${matrix.length} cases`);
  assert.equal(results.run, matrix.length, "every case of the table was run by its rule's test");
});

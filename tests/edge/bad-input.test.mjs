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

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ADMIN_KEY, campaignOpenToday, client, sendChunked, startService } from "./harness.mjs";
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
      await new Promise((resolve) => setTimeout(resolve, 1500));
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
// The table

function buildMatrix() {
  const cases = [];
  /** field: undefined = not checked; a string = exactly; an array = one of (null = no field); a RegExp = matches. */
  const add = (rule, name, method, path, { headers = {}, body, status, code, field }) =>
    cases.push({ rule, name, method, path, headers, body, status, code, field });

  const drawPath = (id = OPEN) => `/api/v1/campaigns/${id}/draws`;
  const statusPath = (id = OPEN) => `/api/v1/campaigns/${id}/player-status`;
  // A claim is named by its token alone.
  const claimPath = (id = PRIZES) => `/api/v1/campaigns/${id}/claim`;
  const bearer = (token) => ({ authorization: `Bearer ${token}` });
  const draw = (rule, name, body, status, code, field, headers = JSON_TYPE, id = OPEN) =>
    add(rule, `draw: ${name}`, "POST", drawPath(id), { headers, body, status, code, field });
  const playerStatus = (rule, name, body, status, code, field, headers = JSON_TYPE, id = OPEN) =>
    add(rule, `player status: ${name}`, "POST", statusPath(id), { headers, body, status, code, field });
  const claim = (rule, name, body, status, code, field, headers = JSON_TYPE) => {
    const { token } = winner();
    add(rule, `claim: ${name}`, "PUT", claimPath(), {
      headers: { ...headers, ...bearer(token) },
      body,
      status,
      code,
      field,
    });
  };
  const putCampaign = (rule, name, body, status, code, field, headers = JSON_TYPE) =>
    add(rule, `campaign PUT: ${name}`, "PUT", `/api/v1/admin/campaigns/${PUT_TARGET}`, {
      headers: { ...ADMIN, ...headers },
      body,
      status,
      code,
      field,
    });
  const mutated = (change) => {
    const definition = baseDefinition(PUT_TARGET);
    change(definition);
    return definition;
  };

  // --- Draw bodies --------------------------------------------------------
  for (const member of ["player", "request_id", "ticket"]) {
    for (const [what, value] of WRONG_TYPES) {
      draw(
        "draw-types",
        `${member} ${what}`,
        jsonBody({ ...validDraw(), [member]: value }),
        400,
        "invalid_request",
        `/${member}`,
      );
    }
  }
  const drawStrings = [
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
  for (const [member, what, value] of drawStrings) {
    draw(
      "draw-strings",
      `${member} ${what}`,
      jsonBody({ ...validDraw(), [member]: value }),
      400,
      "invalid_request",
      `/${member}`,
    );
  }
  draw("draw-members", "missing player", jsonBody({ request_id: freshRequestId() }), 400, "invalid_request", "/player");
  draw(
    "draw-members",
    "missing request_id",
    jsonBody({ player: freshPlayer() }),
    400,
    "invalid_request",
    "/request_id",
  );
  draw("draw-members", "an empty object", jsonBody({}), 400, "invalid_request", ["/player", "/request_id"]);
  const unknownMembers = [
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
  for (const [key, field] of unknownMembers) {
    const { player, request_id } = validDraw();
    // Written by hand: an object literal cannot hold "__proto__" as an own member.
    const text = `{"player": ${JSON.stringify(player)}, "request_id": ${JSON.stringify(request_id)}, ${JSON.stringify(key)}: 1}`;
    draw("draw-members", `an unknown member ${JSON.stringify(key)}`, Buffer.from(text), 400, "invalid_request", field);
  }

  // --- Player status bodies ({"player", "ticket"?}: a POST, so the id is never in a URL) ---
  for (const member of ["player", "ticket"]) {
    for (const [what, value] of WRONG_TYPES) {
      playerStatus(
        "status-body",
        `${member} ${what}`,
        jsonBody({ ...validStatus(), [member]: value }),
        400,
        "invalid_request",
        `/${member}`,
      );
    }
  }
  for (const [member, what, value] of drawStrings.filter(([member]) => member === "ticket")) {
    playerStatus(
      "status-body",
      `${member} ${what}`,
      jsonBody({ ...validStatus(), [member]: value }),
      400,
      "invalid_request",
      `/${member}`,
    );
  }
  playerStatus("status-body", "missing player", jsonBody({}), 400, "invalid_request", "/player");
  playerStatus("status-body", "only a ticket", jsonBody({ ticket: "1.abc" }), 400, "invalid_request", "/player");
  for (const [key, field] of [...unknownMembers, ["request_id", "/request_id"]]) {
    const text = `{"player": ${JSON.stringify(freshPlayer())}, ${JSON.stringify(key)}: 1}`;
    playerStatus(
      "status-body",
      `an unknown member ${JSON.stringify(key)}`,
      Buffer.from(text),
      400,
      "invalid_request",
      field,
    );
  }

  // --- Shipping details ----------------------------------------------------
  for (const member of ["name", "phone", "address"]) {
    for (const [what, value] of WRONG_TYPES) {
      claim(
        "claim-types",
        `${member} ${what}`,
        jsonBody({ ...SHIPPING, [member]: value }),
        400,
        "invalid_request",
        `/${member}`,
      );
    }
  }
  const claimStrings = [
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
  for (const [member, what, value] of claimStrings) {
    claim(
      "claim-strings",
      `${member} ${what}`,
      jsonBody({ ...SHIPPING, [member]: value }),
      400,
      "invalid_request",
      `/${member}`,
    );
  }
  for (const member of ["name", "phone", "address"]) {
    const { [member]: _left, ...rest } = SHIPPING;
    claim("claim-members", `missing ${member}`, jsonBody(rest), 400, "invalid_request", `/${member}`);
  }
  for (const [key, field] of [
    ["email", "/email"],
    ["Name", "/Name"],
    ["", "/"],
    ["a/b", "/a~1b"],
    ["__proto__", "/__proto__"],
  ]) {
    const text = jsonText(SHIPPING).replace(/\}$/, `, ${JSON.stringify(key)}: "x"}`);
    claim(
      "claim-members",
      `an unknown member ${JSON.stringify(key)}`,
      Buffer.from(text),
      400,
      "invalid_request",
      field,
    );
  }

  // --- Bodies that are not one JSON object -----------------------------------
  for (const [what, text] of NOT_AN_OBJECT) {
    draw("not-an-object", what, Buffer.from(text), 400, "invalid_request", "");
    playerStatus("not-an-object", what, Buffer.from(text), 400, "invalid_request", "");
    claim("not-an-object", what, Buffer.from(text), 400, "invalid_request", "");
  }
  const notADefinition = [
    "an empty body",
    "null",
    "an array",
    "a string",
    "a number",
    "an unclosed object",
    "single quotes",
    "text after the object",
  ];
  for (const [what, text] of NOT_AN_OBJECT.filter(([what]) => notADefinition.includes(what))) {
    // The core reads definitions: not JSON or not an object is invalid_campaign (or invalid_request) for the whole document.
    putCampaign("not-an-object", what, Buffer.from(text), 400, ["invalid_campaign", "invalid_request"], [null, ""]);
  }

  // --- Content types ---------------------------------------------------------
  for (const type of NOT_JSON_TYPES) {
    const what = type === null ? "no Content-Type" : `Content-Type ${JSON.stringify(type)}`;
    const headers = type === null ? {} : { "content-type": type };
    draw("content-type", what, jsonBody(validDraw()), 415, "unsupported_media_type", undefined, headers);
    playerStatus("content-type", what, jsonBody(validStatus()), 415, "unsupported_media_type", undefined, headers);
    claim("content-type", what, jsonBody(SHIPPING), 415, "unsupported_media_type", undefined, headers);
    putCampaign(
      "content-type",
      what,
      jsonBody(baseDefinition(PUT_TARGET)),
      415,
      "unsupported_media_type",
      undefined,
      headers,
    );
  }

  // --- Sizes -----------------------------------------------------------------
  draw("size", "4097 bytes (Content-Length)", paddedTo(validDraw(), 4097), 413, "payload_too_large");
  draw("size", "64 KB (Content-Length)", paddedTo(validDraw(), 64 * 1024), 413, "payload_too_large");
  draw(
    "size",
    "8 KB streamed without a Content-Length",
    streamOf('{"player": "streamed", ', 8 * 1024, 1024),
    413,
    "payload_too_large",
  );
  playerStatus("size", "4097 bytes (Content-Length)", paddedTo(validStatus(), 4097), 413, "payload_too_large");
  playerStatus(
    "size",
    "8 KB streamed without a Content-Length",
    streamOf('{"player": "streamed", ', 8 * 1024, 1024),
    413,
    "payload_too_large",
  );
  claim("size", "4097 bytes (Content-Length)", paddedTo(SHIPPING, 4097), 413, "payload_too_large");
  claim("size", "64 KB (Content-Length)", paddedTo(SHIPPING, 64 * 1024), 413, "payload_too_large");
  claim(
    "size",
    "8 KB streamed without a Content-Length",
    streamOf('{"name": "streamed", ', 8 * 1024, 1024),
    413,
    "payload_too_large",
  );
  putCampaign(
    "size",
    "256 KB + 1 byte (Content-Length)",
    paddedTo(baseDefinition(PUT_TARGET), 256 * 1024 + 1),
    413,
    "payload_too_large",
  );
  putCampaign(
    "size",
    "300 KB streamed without a Content-Length",
    streamOf('{"id": "bad-input-put", ', 300 * 1024, 16 * 1024),
    413,
    "payload_too_large",
  );
  const media = (rule, name, body, status, code, headers = { "content-type": "image/png" }, id = OPEN, auth = ADMIN) =>
    add(rule, `media: ${name}`, "POST", `/api/v1/admin/campaigns/${id}/media`, {
      headers: { ...auth, ...headers },
      body,
      status,
      code,
    });
  media(
    "size",
    "2 MB + 1 byte (Content-Length)",
    Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 1 - PNG.length)]),
    413,
    "payload_too_large",
  );
  media(
    "size",
    "3 MB streamed without a Content-Length",
    streamOf(PNG, 3 * 1024 * 1024, 64 * 1024),
    413,
    "payload_too_large",
  );

  // --- Not UTF-8 -------------------------------------------------------------
  for (const [what, bytes] of NOT_UTF8) {
    draw(
      "not-utf8",
      `player with ${what}`,
      withBytes({ ...validDraw(), player: "p@BYTES@" }, bytes),
      400,
      "invalid_request",
    );
    playerStatus("not-utf8", `player with ${what}`, withBytes({ player: "p@BYTES@" }, bytes), 400, "invalid_request");
    claim(
      "not-utf8",
      `name with ${what}`,
      withBytes({ ...SHIPPING, name: "Ada@BYTES@" }, bytes),
      400,
      "invalid_request",
    );
  }
  for (const [what, bytes] of NOT_UTF8.slice(0, 4)) {
    putCampaign(
      "not-utf8",
      `title with ${what}`,
      withBytes({ ...baseDefinition(PUT_TARGET), title: "T@BYTES@" }, bytes),
      400,
      "invalid_request",
    );
  }
  draw("not-utf8", "a body in UTF-16", Buffer.from(jsonText(validDraw()), "utf16le"), 400, "invalid_request");
  claim("not-utf8", "a body in UTF-16", Buffer.from(jsonText(SHIPPING), "utf16le"), 400, "invalid_request");

  // --- Lone surrogates (not well-formed UTF-16), at any depth -----------------
  const drawSurrogates = [
    ["a lone high surrogate in player", { player: "p\ud800" }, "/player"],
    ["a lone low surrogate in player", { player: "\udfffp" }, "/player"],
    ["a reversed surrogate pair in player", { player: "\udc00\ud800" }, "/player"],
    ["a lone surrogate in request_id", { request_id: "first-draw-000001\ud800" }, "/request_id"],
    ["a lone surrogate in ticket", { ticket: "1.\udbff" }, "/ticket"],
    ["a lone surrogate deep in an unknown member", { extra: { a: ["ok", "\ud800"] } }, "/extra/a/1"],
  ];
  for (const [what, change, field] of drawSurrogates) {
    draw("surrogates", what, jsonBody({ ...validDraw(), ...change }), 400, "invalid_request", field);
    if (!("request_id" in change)) {
      playerStatus("surrogates", what, jsonBody({ ...validStatus(), ...change }), 400, "invalid_request", field);
    }
  }
  {
    const { player, request_id } = validDraw();
    const text = `{"player": ${JSON.stringify(player)}, "request_id": ${JSON.stringify(request_id)}, "\\ud800": 1}`;
    draw("surrogates", "a lone surrogate in a member name", Buffer.from(text), 400, "invalid_request", "/\ud800");
  }
  for (const [member, value] of [
    ["name", "Ada\ud800"],
    ["phone", "\udc00+44 20 7946 0000"],
    ["address", "12 Road\ud83d, London"],
    ["address", "12 Road\udc00\ud800 London"],
  ]) {
    claim(
      "surrogates",
      `a lone surrogate in ${member} (${JSON.stringify(value)})`,
      jsonBody({ ...SHIPPING, [member]: value }),
      400,
      "invalid_request",
      `/${member}`,
    );
  }
  const campaignSurrogates = [
    ["in the title", (d) => (d.title = "Spring \ud800"), "/title"],
    ["in a prize name", (d) => (d.prize_table.prizes[1].name = "Silver \udfff"), "/prize_table/prizes/1/name"],
    ["in a date", (d) => (d.window.first_day = "2026-01-0\ud800"), "/window/first_day"],
    ["deep in the theme", (d) => (d.theme = { a: { b: [{ c: "\udbff" }] } }), "/theme/a/b/0/c"],
  ];
  for (const [what, change, field] of campaignSurrogates) {
    putCampaign("surrogates", `a lone surrogate ${what}`, jsonBody(mutated(change)), 400, "invalid_request", field);
  }

  // --- Deep nesting ----------------------------------------------------------
  {
    const { player, request_id } = validDraw();
    const text = `{"player": ${JSON.stringify(player)}, "request_id": ${JSON.stringify(request_id)}, "deep": ${nested(DEEP, "[", "]")}}`;
    draw(
      "deep",
      `arrays ${DEEP} deep in an unknown member`,
      Buffer.from(text),
      400,
      "invalid_request",
      /^\/deep(\/|$)/,
    );
    draw(
      "deep",
      `a body of arrays ${DEEP + 100} deep`,
      Buffer.from(nested(DEEP + 100, "[", "]")),
      400,
      "invalid_request",
      "",
    );
    draw(
      "deep",
      "objects 600 deep as the player",
      Buffer.from(`{"player": ${nested(600, '{"a":', "}", "1")}, "request_id": "${request_id}"}`),
      400,
      "invalid_request",
      "/player",
    );
    const shipping = jsonText(SHIPPING).replace(/\}$/, `, "deep": ${nested(DEEP, "[", "]")}}`);
    playerStatus(
      "deep",
      `arrays ${DEEP} deep in an unknown member`,
      Buffer.from(`{"player": "deep", "deep": ${nested(DEEP, "[", "]")}}`),
      400,
      "invalid_request",
      /^\/deep(\/|$)/,
    );
    playerStatus(
      "deep",
      "objects 600 deep as the player",
      Buffer.from(`{"player": ${nested(600, '{"a":', "}", "1")}}`),
      400,
      "invalid_request",
      "/player",
    );
    claim(
      "deep",
      `arrays ${DEEP} deep in an unknown member`,
      Buffer.from(shipping),
      400,
      "invalid_request",
      /^\/deep(\/|$)/,
    );
    claim(
      "deep",
      `a body of arrays ${DEEP + 100} deep`,
      Buffer.from(nested(DEEP + 100, "[", "]")),
      400,
      "invalid_request",
      "",
    );
    const definition = jsonText(baseDefinition(PUT_TARGET));
    putCampaign(
      "deep",
      "arrays 100000 deep as the theme",
      Buffer.from(definition.replace(/\}$/, `, "theme": ${nested(100_000, "[", "]")}}`)),
      400,
      "invalid_campaign",
      /^\/theme(\/|$)/,
    );
    putCampaign(
      "deep",
      "objects 30000 deep as the theme",
      Buffer.from(definition.replace(/\}$/, `, "theme": ${nested(30_000, '{"a":', "}", "1")}}`)),
      400,
      "invalid_campaign",
      /^\/theme(\/|$)/,
    );
    putCampaign(
      "deep",
      "a body of arrays 100000 deep",
      Buffer.from(nested(100_000, "[", "]")),
      400,
      ["invalid_campaign", "invalid_request"],
      [null, ""],
    );
  }

  // --- Campaign definitions: types, huge and negative numbers, missing and unknown members ---
  const definitionMutations = [
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
  for (const [what, change, field] of definitionMutations) {
    putCampaign("definition", what, jsonBody(mutated(change)), 400, "invalid_campaign", field);
  }
  for (const value of ['"v1"', 'W/"1"']) {
    putCampaign(
      "definition",
      `If-None-Match ${JSON.stringify(value)}`,
      jsonBody(baseDefinition(PUT_TARGET)),
      400,
      "invalid_request",
      undefined,
      { ...JSON_TYPE, "if-none-match": value },
    );
  }

  // --- Picture uploads --------------------------------------------------------
  const JPEG = Buffer.concat([Buffer.from("ffd8ffe000104a464946000101", "hex"), Buffer.alloc(32)]);
  const WAVE = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WAVEfmt "), Buffer.alloc(16)]);
  for (const type of [
    null,
    "text/plain",
    "image/svg+xml",
    "application/json",
    "application/octet-stream",
    "image/bmp",
    "image/png-but-not",
  ]) {
    media(
      "media",
      type === null ? "no Content-Type" : `Content-Type ${type}`,
      PNG,
      415,
      "unsupported_media_type",
      type === null ? {} : { "content-type": type },
    );
  }
  media(
    "media",
    "an SVG declared as PNG",
    Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
    415,
    "unsupported_media_type",
  );
  media("media", "a JPEG declared as PNG", JPEG, 415, "unsupported_media_type");
  media("media", "a PNG declared as GIF", PNG, 415, "unsupported_media_type", { "content-type": "image/gif" });
  media("media", "a WAVE file declared as WebP", WAVE, 415, "unsupported_media_type", { "content-type": "image/webp" });
  media("media", "text declared as JPEG", Buffer.from("hello, not a picture at all"), 415, "unsupported_media_type", {
    "content-type": "image/jpeg",
  });
  media("media", "an empty body", Buffer.alloc(0), 415, "unsupported_media_type");
  media("media", "the first 11 bytes of a PNG", PNG.subarray(0, 11), 415, "unsupported_media_type");

  // --- Path parameters ----------------------------------------------------------
  // Every endpoint with a campaign id: [name, method, path for an id, body, headers].
  const token = strangerToken();
  const byCampaign = [
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
  const invalidIds = [
    ["in capitals", "UPPER-case"],
    ["of 65 characters", "x".repeat(65)],
    ["starting with a dash", "-leading-dash"],
    ["not ASCII (%E7%8E%A9)", "%E7%8E%A9"],
  ];
  for (const [endpoint, method, path, body, headers = {}] of byCampaign) {
    for (const [what, id] of invalidIds) {
      add("campaign-id", `${endpoint}: a campaign id ${what}`, method, path(id), {
        headers,
        body: body?.(id),
        status: 404,
        code: "campaign_not_found",
      });
    }
  }
  for (const [what, id] of [
    ["with a dot", "has.dot"],
    ["with an encoded slash", "a%2Fb"],
    ["of spaces (%20)", "%20%20"],
  ]) {
    add("campaign-id", `campaign view: a campaign id ${what}`, "GET", `/api/v1/campaigns/${id}`, {
      status: 404,
      code: "campaign_not_found",
    });
  }
  const badEncodings = [
    ["%ZZ", "%ZZ"],
    ["a lone %", "abc%"],
    ["a truncated sequence", "%E0%A4%A"],
    ["%FF (not UTF-8)", "%FF"],
    ["an overlong '/' (%C0%AF)", "%C0%AF"],
    ["an encoded surrogate (%ED%A0%80)", "%ED%A0%80"],
  ];
  for (const [what, id] of badEncodings) {
    add("percent-encoding", `campaign view: ${what} in the campaign id`, "GET", `/api/v1/campaigns/${id}`, {
      status: 400,
      code: "invalid_request",
    });
  }
  for (const [endpoint, method, path, body, headers = {}] of byCampaign.slice(1)) {
    for (const [what, id] of [badEncodings[0], badEncodings[5]]) {
      add("percent-encoding", `${endpoint}: ${what} in the campaign id`, method, path(id), {
        headers,
        body: body?.("x"),
        status: 400,
        code: "invalid_request",
      });
    }
  }
  // Player ids travel only in bodies (no endpoint has one in its path): the
  // player status body's player, checked as a draw's is.
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
    playerStatus("player-id", `a player id ${what}`, jsonBody({ player }), 400, "invalid_request", "/player");
    playerStatus(
      "player-id",
      `a player id ${what}, ticket campaign`,
      jsonBody({ player, ticket: `4102444800.${"A".repeat(43)}` }),
      400,
      "invalid_request",
      "/player",
      JSON_TYPE,
      TICKETED,
    );
  }

  // --- Query parameters (the winners' pages: ?cursor= ?limit= ?day= ?prize=) ------
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
      add("query", `${list}: ${name} ${what}`, "GET", `/api/v1/admin/campaigns/${OPEN}/${list}?${name}=${value}`, {
        headers: ADMIN,
        status: 400,
        code: "invalid_request",
        field: `/${name}`,
      });
    }
  }

  // --- Campaigns that were never created ---------------------------------------
  const ghosts = byCampaign.filter(([endpoint]) => endpoint !== "admin PUT");
  ghosts.forEach(([endpoint, method, path, body, headers = {}], index) => {
    const id = `never-created-${index}`;
    add("unknown-campaign", `${endpoint} of a campaign never created`, method, path(id), {
      headers,
      body: body?.(id),
      status: 404,
      code: "campaign_not_found",
    });
  });

  // --- Tickets ------------------------------------------------------------------
  const ticketDraw = (name, change, status, code, field) =>
    draw(
      "tickets",
      `ticket campaign, ${name}`,
      jsonBody({ ...validDraw(), ...change }),
      status,
      code,
      field,
      JSON_TYPE,
      TICKETED,
    );
  ticketDraw("no ticket", {}, 401, "invalid_ticket", "/ticket");
  ticketDraw("a ticket that is not one", { ticket: "not-a-ticket" }, 401, "invalid_ticket", "/ticket");
  ticketDraw("a ticket with a short signature", { ticket: "4102444800.abc" }, 401, "invalid_ticket", "/ticket");
  ticketDraw("a forged signature", { ticket: `4102444800.${"A".repeat(43)}` }, 401, "invalid_ticket", "/ticket");
  ticketDraw("an expired ticket", { ticket: `1.${"A".repeat(43)}` }, 401, "invalid_ticket", "/ticket");
  ticketDraw("a ticket that is a number", { ticket: 4102444800 }, 400, "invalid_request", "/ticket");
  const ticketStatus = (name, change, status, code, field) =>
    playerStatus(
      "tickets",
      `ticket campaign, ${name}`,
      jsonBody({ player: "tina", ...change }),
      status,
      code,
      field,
      JSON_TYPE,
      TICKETED,
    );
  ticketStatus("no ticket", {}, 401, "invalid_ticket", "/ticket");
  ticketStatus("a ticket that is not one", { ticket: "garbage" }, 401, "invalid_ticket", "/ticket");
  ticketStatus("a forged signature", { ticket: `4102444800.${"A".repeat(43)}` }, 401, "invalid_ticket", "/ticket");
  ticketStatus("an expired ticket", { ticket: `1.${"A".repeat(43)}` }, 401, "invalid_ticket", "/ticket");
  ticketStatus("a ticket that is a number", { ticket: 4102444800 }, 400, "invalid_request", "/ticket");

  // --- Admin key ----------------------------------------------------------------
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

  // --- Claim tokens -------------------------------------------------------------
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

  // --- Methods ------------------------------------------------------------------
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

  // --- Paths --------------------------------------------------------------------
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
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
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

// What the service stores and answers matches kv-schema/: the KV values as the
// wrangler CLI reads them back, every reply of a run through the API (against
// the JSON Schemas and against kv-schema/openapi.yaml), and the Durable
// Objects' SQLite files (tables, columns, sealed values, no secrets in clear).
//
//   node --test --test-concurrency=1 tests/edge/storage-schema.test.mjs
//
// Over 400 lines on purpose: the file starts one `wrangler dev` for all its
// tests (the slow part), and each test() stands alone on its own campaign.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import YAML from "yaml";
import { ADMIN_KEY, WRANGLER_OFFLINE, campaignOpenToday, root, sleep, startService } from "./harness.mjs";
import { filesUnder, objectDatabases, query, queryPlan, unseal } from "./object-storage.mjs";

const PORT = 8793;
const SCHEMAS = join(root, "kv-schema");
const BASE = "https://blindbox.example/schemas/";

// The Durable Objects' SQLite files are read through object-storage.mjs, with
// this small stand-in for a database handle: prepare(sql).all() / .get(), and
// exec(sql) for an in-memory reference built from DDL (sqlite3 runs the
// statements so far again before each query).
class Database {
  constructor(path) {
    this.path = path;
    this.script = []; // for ":memory:": the statements run so far
  }
  exec(sql) {
    this.script.push(sql.trim().endsWith(";") ? sql : `${sql};`);
  }
  prepare(sql) {
    const run = () =>
      this.path === ":memory:"
        ? query(":memory:", `${this.script.join("\n")}\n${sql}`, { write: true })
        : query(this.path, sql);
    return { all: run, get: () => run()[0] };
  }
  close() {}
}

// ---------------------------------------------------------------------------
// Schemas

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const schemaFiles = readdirSync(SCHEMAS).filter((name) => name.endsWith(".schema.json"));
for (const name of schemaFiles) {
  const schema = JSON.parse(readFileSync(join(SCHEMAS, name), "utf8"));
  assert.equal(schema.$id, BASE + name, `${name} has the $id ${BASE + name}`);
  ajv.addSchema(schema);
}

function check(ref, value, what) {
  const validate = ajv.getSchema(BASE + ref);
  assert.ok(validate, `schema ${ref} exists`);
  if (!validate(value)) {
    assert.fail(
      `${what} does not match ${ref}:\n${ajv.errorsText(validate.errors, { separator: "\n" })}\n` +
        JSON.stringify(value, null, 2),
    );
  }
}

const openapi = YAML.parse(readFileSync(join(SCHEMAS, "openapi.yaml"), "utf8"));

/** An OpenAPI schema object compiled with the JSON Schemas (refs to components rewritten). */
const openapiValidators = new Map();
function openapiSchemaId(name) {
  return `${BASE}openapi.components.schemas.${name}`;
}
function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")) {
      out[key] = openapiSchemaId(value.slice("#/components/schemas/".length));
    } else {
      out[key] = rewriteRefs(value);
    }
  }
  return out;
}
for (const [name, schema] of Object.entries(openapi.components?.schemas ?? {})) {
  ajv.addSchema({ ...rewriteRefs(schema), $id: openapiSchemaId(name) });
}
function openapiValidator(key, schema) {
  let validate = openapiValidators.get(key);
  if (!validate) {
    validate = ajv.compile({ ...rewriteRefs(schema), $id: `${BASE}openapi.inline.${openapiValidators.size}` });
    openapiValidators.set(key, validate);
  }
  return validate;
}

function resolveLocal(document, pointer) {
  let node = document;
  for (const raw of pointer.split("/").slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(part in node)) return undefined;
    node = node[part];
  }
  return node;
}

/** Checks a recorded reply against what openapi.yaml declares for its operation and status. */
function checkAgainstOpenapi(record) {
  const operation = openapi.paths?.[record.template]?.[record.method.toLowerCase()];
  assert.ok(operation, `openapi.yaml describes ${record.method} ${record.template}`);
  let response = operation.responses?.[String(record.status)];
  assert.ok(response, `openapi.yaml declares status ${record.status} for ${record.method} ${record.template}`);
  if (response.$ref) response = resolveLocal(openapi, response.$ref.slice(1));
  assert.ok(response, `response ref resolves for ${record.method} ${record.template} ${record.status}`);
  const type = record.contentType.split(";")[0].trim();
  const media = response.content?.[type];
  assert.ok(media, `openapi.yaml declares ${type} for ${record.method} ${record.template} ${record.status}`);
  if (type !== "application/json") return;
  const validate = openapiValidator(`${record.method} ${record.template} ${record.status}`, media.schema);
  if (!validate(record.json)) {
    assert.fail(
      `${record.method} ${record.path} ${record.status} does not match openapi.yaml:\n` +
        `${ajv.errorsText(validate.errors, { separator: "\n" })}\n${record.text}`,
    );
  }
}

// ---------------------------------------------------------------------------
// The DDL this document promises: MIGRATIONS from the source and the copy in kv-schema/README.md.

const migrationsSource = readFileSync(join(root, "host", "src", "migrations.ts"), "utf8");
const migrationsText = migrationsSource.match(/const MIGRATIONS: string\[\] = \[([\s\S]*?)\n\];/)?.[1] ?? "";
const MIGRATIONS = [...migrationsText.matchAll(/`([^`]*)`/g)].map((match) => match[1]);
const SCHEMA_VERSION_DDL = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";

/** Columns as PRAGMA table_info gives them: name, declared type, NOT NULL, default, primary key. */
const COLUMNS = {
  schema_version: [["version", "INTEGER", 1, null, 0]],
  meta: [
    ["key", "TEXT", 0, null, 1],
    ["value", "TEXT", 1, null, 0],
  ],
  counters: [
    ["name", "TEXT", 1, null, 1], // a WITHOUT ROWID primary key is NOT NULL
    ["value", "INTEGER", 1, null, 0],
  ],
  entries: [
    ["id", "INTEGER", 0, null, 1],
    ["day", "TEXT", 1, null, 0],
    ["player", "TEXT", 1, null, 0],
    ["request_id", "TEXT", 0, null, 0],
    ["drawn_at", "INTEGER", 1, null, 0],
    ["outcome", "TEXT", 1, null, 0],
    ["prize_id", "TEXT", 0, null, 0],
    ["prize_name", "TEXT", 0, null, 0],
    ["by_pity", "INTEGER", 1, "0", 0],
    ["player_draw_number", "INTEGER", 1, null, 0],
    ["entropy", "TEXT", 1, null, 0],
    ["campaign_version", "INTEGER", 1, null, 0],
    ["reply", "TEXT", 1, null, 0],
  ],
  claims: [
    ["entry_id", "INTEGER", 0, null, 1],
    ["player", "TEXT", 1, null, 0],
    ["day", "TEXT", 1, null, 0],
    ["prize_id", "TEXT", 1, null, 0],
    ["won_at", "INTEGER", 1, null, 0],
    ["token_hash", "TEXT", 1, null, 0],
    ["token_sealed", "TEXT", 1, null, 0],
    ["shipping_sealed", "TEXT", 0, null, 0],
    ["shipping_updated_at", "INTEGER", 0, null, 0],
  ],
  day_totals: [
    ["day", "TEXT", 1, null, 1],
    ["draws", "INTEGER", 1, null, 0],
    ["players", "INTEGER", 1, null, 0],
    ["wins", "INTEGER", 1, null, 0],
  ],
  claimed_totals: [
    ["day", "TEXT", 1, null, 1],
    ["prize_id", "TEXT", 1, null, 1],
    ["claimed", "INTEGER", 1, null, 0],
  ],
  minute_draws: [
    ["minute", "INTEGER", 0, null, 1],
    ["draws", "INTEGER", 1, null, 0],
  ],
  housekeeping: [
    ["name", "TEXT", 1, null, 1],
    ["value", "INTEGER", 1, null, 0],
  ],
};
/** The runtime's own tables in an object's file (workerd, and miniflare locally). */
const RUNTIME_TABLE = /^(?:_cf_|__miniflare_|sqlite_)/;

// ---------------------------------------------------------------------------
// The run through the API

let service;
let stateDir;
const replies = [];

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "blindbox-storage-"));
  service = await startService({ port: PORT, persistDir: stateDir });
});

after(async () => {
  await service?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

const admin = { authorization: `Bearer ${ADMIN_KEY}` };
const bearer = (token) => ({ authorization: `Bearer ${token}` });

/**
 * One request; `template` is the openapi.yaml path, `params` fills it in
 * (percent-encoded), or `params.$path` is the path as sent.
 */
async function call(method, template, params, body, headers = {}) {
  const path = params.$path ?? template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(params[name]));
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.headers["content-type"] ??= "application/json";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const response = await service.fetch(path, init);
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (the CSV)
  }
  const record = {
    method,
    template,
    path,
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    json,
    text,
  };
  replies.push(record);
  return record;
}

const T = {
  campaign: "/api/v1/campaigns/{campaignId}",
  draws: "/api/v1/campaigns/{campaignId}/draws",
  claim: "/api/v1/campaigns/{campaignId}/claim",
  player: "/api/v1/campaigns/{campaignId}/player-status",
  admin: "/api/v1/admin/campaigns/{campaignId}",
  pause: "/api/v1/admin/campaigns/{campaignId}/pause",
  resume: "/api/v1/admin/campaigns/{campaignId}/resume",
  stats: "/api/v1/admin/campaigns/{campaignId}/stats",
  winners: "/api/v1/admin/campaigns/{campaignId}/winners.csv",
};

const WIN = "storage-win";
const BLANK = "storage-blank";
const DECK = "storage-deck";
const TICKET = "storage-ticket";
const GHOST = "storage-ghost"; // never created

const definitions = {
  [WIN]: campaignOpenToday(WIN, {
    limits: { draws_per_day: 2 },
    prize_table: {
      prizes: [{ id: "sure", name: "Sure Thing", value: "¥18", image: "/images/sure.png", stock: 10, odds: "1" }],
    },
  }),
  [BLANK]: campaignOpenToday(BLANK, {
    limits: { draws_per_day: 3, draws_per_campaign: 2 },
    pity: { after: 1, prizes: ["nothing"] },
    prize_table: { prizes: [{ id: "nothing", name: "Nothing", stock: 0, odds: "0" }] },
  }),
  [DECK]: campaignOpenToday(DECK, {
    pool: "deck",
    prize_table: { boxes: 1, prizes: [{ id: "box", name: "The Box", stock: 1 }] },
  }),
  [TICKET]: campaignOpenToday(TICKET, { identity: "ticket" }),
};

const PLAYER_CN = "李雷/7"; // not ASCII, with a slash: in bodies and counter names
const shippingSent = {
  alice: { name: "  Zhang Wei  ", phone: "+86 139 1234 5678", address: "88 Harbour Street, Shenzhen " },
  [PLAYER_CN]: { name: "Li Lei", phone: "+86 (21) 5555-0199", address: "Room 5, 12 Garden Lane, Suzhou" },
};
const trimmed = (shipping) => Object.fromEntries(Object.entries(shipping).map(([k, v]) => [k, v.trim()]));

/** What the run produced, for the later tests. */
const run = { wins: [], draws: [], day: null, tokens: [], lastDrawAt: {} };

let autoRequest = 0;
/** A draw, recorded in `run` when it counts; every draw carries a request_id (required), tests that care choose theirs. */
async function draw(campaignId, given) {
  const body = { request_id: `auto-request-${String(++autoRequest).padStart(4, "0")}`, ...given };
  const reply = await call("POST", T.draws, { campaignId }, body);
  if (reply.status === 200) {
    run.draws.push({ campaignId, player: body.player, requestId: body.request_id ?? null, draw: reply.json.draw });
    run.day ??= reply.json.draw.day;
    run.lastDrawAt[campaignId] = Date.now();
  }
  return reply;
}

/** The claim token of a win in WIN, by its player and request id. */
const tokenOf = (player, requestId) =>
  run.wins.find((d) => d.campaignId === WIN && d.player === player && d.requestId === requestId).draw.claim_token;

/** The four campaigns, each version 1. */
async function createCampaigns() {
  for (const id of [WIN, BLANK, DECK, TICKET]) {
    const put = await call("PUT", T.admin, { campaignId: id }, definitions[id], admin);
    assert.equal(put.status, 201, put.text);
    assert.equal(put.json.version, 1);
  }
}

/** Wins (odds "1"), a replayed request, the daily limit. */
async function drawWinsAndTheDailyLimit() {
  const first = await draw(WIN, { player: "alice", request_id: "alice-first-draw" });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.json.draw.outcome, "win");
  const replay = await call("POST", T.draws, { campaignId: WIN }, { player: "alice", request_id: "alice-first-draw" });
  assert.equal(replay.status, 200);
  assert.deepEqual(replay.json, first.json, "a repeated request_id gets the first reply, token included");
  assert.equal((await draw(WIN, { player: "alice", request_id: "alice-second-draw" })).json.draw.outcome, "win");
  const daily = await draw(WIN, { player: "alice" });
  assert.equal(daily.status, 409);
  assert.equal(daily.json.error.limit, "daily");
  assert.equal((await draw(WIN, { player: PLAYER_CN, request_id: "li-lei-first-draw" })).json.draw.outcome, "win");
  assert.equal((await draw(WIN, { player: "bob" })).json.draw.outcome, "win");
}

/** Blanks (odds "0"; the pity prize has no stock), the campaign limit. */
async function drawBlanksAndTheCampaignLimit() {
  for (let i = 0; i < 2; i++) {
    const blank = await draw(BLANK, { player: "carol", request_id: `carol-blank-draw-${i}` });
    assert.equal(blank.status, 200, blank.text);
    assert.equal(blank.json.draw.outcome, "blank");
  }
  const capped = await draw(BLANK, { player: "carol" });
  assert.equal(capped.status, 409);
  assert.equal(capped.json.error.limit, "campaign");
  // Carol's status: her two draws, the campaign limit reached, two blanks towards the pity rule.
  const carol = await call("POST", T.player, { campaignId: BLANK }, { player: "carol" });
  assert.equal(carol.status, 200, carol.text);
  assert.equal(carol.json.draws_total, 2);
  assert.equal(carol.json.draws_left_in_campaign, 0);
  assert.equal(carol.json.pity.streak, 2);
}

/** A deck of one box: a win, then nothing left; tickets missing or malformed; a status body with a draw's member. */
async function drawTheDeckAndRefusedTickets() {
  assert.equal((await draw(DECK, { player: "dave" })).json.draw.outcome, "win");
  assert.equal((await draw(DECK, { player: "erin" })).json.error.code, "boxes_exhausted");

  // Tickets.
  assert.equal((await draw(TICKET, { player: "frank" })).json.error.code, "invalid_ticket");
  const malformed = await draw(TICKET, { player: "frank", ticket: "123.not-a-signature" });
  assert.equal(malformed.status, 401);
  assert.equal(malformed.json.error.reason, "malformed");
  const frank = await call("POST", T.player, { campaignId: TICKET }, { player: "frank" });
  assert.equal(frank.status, 401, frank.text);
  assert.equal(frank.json.error.field, "/ticket");
  const statusExtra = await call(
    "POST",
    T.player,
    { campaignId: BLANK },
    { player: "carol", request_id: "not-here-at-all" },
  );
  assert.equal(statusExtra.json.error.field, "/request_id");
}

/** A replacement refused for the stock already won, and one accepted as version 2. */
async function replaceDefinitions() {
  // A replacement may not drop today's stock below what was won (here the deck's, which is
  // not PUT again: see the last test); a replacement that keeps it is version 2.
  const shrunk = structuredClone(definitions[DECK]);
  shrunk.prize_table.prizes[0].stock = 0;
  const refused = await call("PUT", T.admin, { campaignId: DECK }, shrunk, admin);
  assert.equal(refused.status, 409);
  assert.equal(refused.json.error.code, "stock_below_issued");
  assert.equal(refused.json.error.field, "/prize_table/prizes/0/stock");
  const replaced = await call("PUT", T.admin, { campaignId: WIN }, definitions[WIN], admin);
  assert.equal(replaced.status, 200, replaced.text);
  assert.equal(replaced.json.version, 2);
}

/** The claim that `token` opens in `campaignId`: read it, or with `shipping` send the shipping details. */
const claimWith = (token, campaignId, shipping) =>
  call(shipping === undefined ? "GET" : "PUT", T.claim, { campaignId }, shipping, bearer(token));

/** Shipping details sent, read back, refused; a token opens its own campaign's claim only. */
async function claimPrizes() {
  const aliceToken = tokenOf("alice", "alice-first-draw");
  const aliceClaim = await claimWith(aliceToken, WIN, shippingSent.alice);
  assert.equal(aliceClaim.status, 200, aliceClaim.text);
  assert.deepEqual(aliceClaim.json.shipping, trimmed(shippingSent.alice));
  const cnClaim = await claimWith(tokenOf(PLAYER_CN, "li-lei-first-draw"), WIN, shippingSent[PLAYER_CN]);
  assert.equal(cnClaim.status, 200, cnClaim.text);
  const read = await claimWith(aliceToken, WIN);
  assert.deepEqual(read.json.shipping, trimmed(shippingSent.alice));
  const unsent = await claimWith(tokenOf("alice", "alice-second-draw"), WIN);
  assert.equal(unsent.json.shipping, null);
  // A token opens its own campaign's claim only.
  const stolen = await claimWith(aliceToken, DECK);
  assert.equal(stolen.json.error.code, "claim_not_found");
  const badPhone = await claimWith(aliceToken, WIN, { ...shippingSent.alice, phone: "12" });
  assert.equal(badPhone.status, 400);
  assert.equal(badPhone.json.error.field, "/phone");
  const noToken = await call("GET", T.claim, { campaignId: WIN });
  assert.equal(noToken.json.error.code, "claim_not_found");
}

/** The operator's side; the campaign ends paused. */
async function pauseResumeAndReport() {
  assert.equal((await call("POST", T.pause, { campaignId: WIN }, undefined, admin)).json.paused, true);
  assert.equal((await call("POST", T.resume, { campaignId: WIN }, undefined, admin)).json.paused, false);
  assert.equal((await call("POST", T.pause, { campaignId: WIN }, undefined, admin)).json.status, "paused");
  const paused = await draw(WIN, { player: "carol" });
  assert.equal(paused.status, 403);
  assert.equal(paused.json.error.status, "paused");
  assert.equal((await call("GET", T.admin, { campaignId: WIN }, undefined, admin)).status, 200);
  assert.equal((await call("GET", T.stats, { campaignId: WIN }, undefined, admin)).status, 200);
  const csv = await call("GET", T.winners, { campaignId: WIN }, undefined, admin);
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Zhang Wei/, "the operator gets the shipping details back unsealed");
}

/** Errors of every kind. */
async function provokeEveryKindOfError() {
  assert.equal((await call("GET", T.admin, { campaignId: WIN })).json.error.code, "unauthorized");
  assert.equal((await call("GET", "/api/v1/nothing-here", {})).json.error.code, "not_found");
  assert.equal((await call("HEAD", "/api/v1/health", {})).status, 405);
  assert.equal((await call("DELETE", T.campaign, { campaignId: WIN })).json.error.code, "method_not_allowed");
  const invalid = await call("PUT", T.admin, { campaignId: "storage-bad" }, { id: "storage-bad" }, admin);
  assert.equal(invalid.json.error.code, "invalid_campaign");
  assert.ok(invalid.json.error.errors.length > 1);
  const mismatch = await call("PUT", T.admin, { campaignId: "storage-other" }, definitions[WIN], admin);
  assert.equal(mismatch.json.error.field, "/id");
  assert.equal((await call("POST", T.draws, { campaignId: WIN }, { player: "x".repeat(5000) })).status, 413);
  assert.equal(
    (await call("POST", T.draws, { campaignId: WIN }, "player=x", { "content-type": "text/plain" })).status,
    415,
  );
  assert.equal(
    (await call("POST", T.draws, { campaignId: WIN }, { player: "x", extra: 1 })).json.error.field,
    "/extra",
  );
  assert.equal((await call("POST", T.draws, { campaignId: WIN }, "[1]")).json.error.code, "invalid_request");
  assert.equal((await call("GET", T.campaign, { campaignId: GHOST })).json.error.code, "campaign_not_found");
  const badEncoding = await call("GET", T.campaign, { $path: "/api/v1/campaigns/%E0%A4%A" });
  assert.equal(badEncoding.json.error.code, "invalid_request");
}

/** Waits for every stock snapshot to include its campaign's last draw, then reads the public views. */
async function readCaughtUpPublicViews() {
  // Wait for every stock snapshot to include the campaign's last draw (the alarm runs about 1 s after it).
  for (const id of [WIN, BLANK, DECK]) {
    const caughtUp = (view) => Date.parse(view?.campaign?.stock_as_of ?? "") >= run.lastDrawAt[id];
    let view;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && !caughtUp(view); ) {
      await sleep(250);
      view = await service.fetch(`/api/v1/campaigns/${id}`).then((r) => r.json());
    }
    assert.ok(caughtUp(view), `${id}: the stock snapshot caught up with the last draw`);
  }
  for (const id of [WIN, BLANK, DECK, TICKET]) {
    assert.equal((await call("GET", T.campaign, { campaignId: id })).status, 200);
  }
  const publicWin = replies.at(-4).json.campaign;
  assert.equal(publicWin.status, "paused");
  assert.equal(publicWin.prizes[0].stock_left, 6, "4 of 10 won, as the snapshot says");
}

/** Every reply against the schemas and openapi.yaml, and every error code among them. */
function checkEveryReply() {
  for (const record of replies) {
    const what = `${record.method} ${record.path} (${record.status})`;
    if (record.template === T.winners && record.status === 200) {
      assert.match(record.contentType, /^text\/csv/);
    } else {
      assert.equal(record.contentType, "application/json; charset=utf-8", what);
      assert.ok(record.json !== null || record.method === "HEAD", `${what} is JSON`);
    }
    if (record.method === "HEAD") continue; // no body
    if (record.status >= 400) check("error.schema.json", record.json, what);
    else if (record.template === T.draws) check("draw-reply.schema.json", record.json.draw, what);
    else if (record.template === T.campaign) check("public-campaign.schema.json", record.json, what);
    else if (record.template === T.claim) check("shipping.schema.json#/$defs/claim", record.json, what);
    else if (record.template === T.player && record.status === 200)
      check("player-status.schema.json", record.json, what);
    else if (record.template === T.admin && record.method === "PUT") {
      check("public-campaign.schema.json#/$defs/summary", record.json.campaign, what);
    }
    // Unknown paths and methods (404 not_found, 405) are described once, in info.description.
    if (openapi.paths[record.template] && record.status !== 405) checkAgainstOpenapi(record);
  }
  const codes = new Set(replies.filter((r) => r.status >= 400 && r.json).map((r) => r.json.error.code));
  for (const code of [
    "invalid_request",
    "invalid_campaign",
    "invalid_ticket",
    "unauthorized",
    "campaign_not_open",
    "campaign_not_found",
    "claim_not_found",
    "not_found",
    "method_not_allowed",
    "draw_limit_reached",
    "boxes_exhausted",
    "stock_below_issued",
    "payload_too_large",
    "unsupported_media_type",
  ]) {
    assert.ok(codes.has(code), `the run produced a ${code} error`);
  }
}

test("a run through the API: every reply matches its schema and openapi.yaml", async () => {
  await createCampaigns();
  await drawWinsAndTheDailyLimit();
  await drawBlanksAndTheCampaignLimit();
  await drawTheDeckAndRefusedTickets();
  run.wins = run.draws.filter((d) => d.draw.outcome === "win");
  run.tokens = run.wins.map((d) => d.draw.claim_token);
  await replaceDefinitions();
  await claimPrizes();
  await pauseResumeAndReport();
  await provokeEveryKindOfError();
  await readCaughtUpPublicViews();
  checkEveryReply();

  // Stop the service so that its storage is complete and quiet on disk.
  await service.stop();
  service = null;
});

// ---------------------------------------------------------------------------
// KV, read back with the wrangler CLI

const execFileAsync = promisify(execFile);

async function kvGet(key) {
  const { stdout } = await execFileAsync(
    join(root, "node_modules", ".bin", "wrangler"),
    ["kv", "key", "get", key, "--binding", "CAMPAIGN_KV", "--local", "--persist-to", stateDir],
    { cwd: root, env: { ...process.env, ...WRANGLER_OFFLINE }, maxBuffer: 16 * 1024 * 1024 },
  );
  try {
    return JSON.parse(stdout);
  } catch {
    assert.fail(`KV ${key} is not JSON: ${stdout}`);
  }
}

const kv = {};

test("KV campaign/{id} and campaign/{id}/stock validate against their schemas", async () => {
  assert.ok(run.day, "the run drew");
  for (const id of [WIN, BLANK, DECK, TICKET]) {
    const record = await kvGet(`campaign/${id}`);
    const snapshot = await kvGet(`campaign/${id}/stock`);
    check("campaign-record.schema.json", record, `KV campaign/${id}`);
    check("stock-snapshot.schema.json", snapshot, `KV campaign/${id}/stock`);
    assert.equal(record.id, id);
    assert.deepEqual(record.definition, definitions[id], "the definition as sent");
    assert.equal(snapshot.campaign, id);
    assert.equal(snapshot.version, record.version);
    assert.equal(snapshot.day, run.day);
    kv[id] = { record, snapshot };
  }
  assert.equal(kv[WIN].record.version, 2);
  assert.equal(kv[WIN].record.paused, true);
  assert.deepEqual(kv[WIN].snapshot.issued, { sure: 4 });
  assert.deepEqual(kv[BLANK].snapshot.issued, {});
  assert.deepEqual(kv[DECK].snapshot, { ...kv[DECK].snapshot, issued: { box: 1 }, boxes_opened: 1 });
});

// ---------------------------------------------------------------------------
// The Durable Objects' SQLite files

function openDatabase(path) {
  return new Database(path);
}

const userTables = (db) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name)
    .filter((name) => !RUNTIME_TABLE.test(name));

/** The tables and indexes of a database (not the runtime's, nor SQLite's automatic indexes), with their DDL. */
const masterOf = (db) =>
  db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
    .all()
    .filter((row) => !RUNTIME_TABLE.test(row.tbl_name) && !row.name.startsWith("sqlite_autoindex"));

/** Every table of COLUMNS in `db` has exactly the columns listed there; `what(table)` names a mismatch. */
function assertColumns(db, what) {
  for (const [table, columns] of Object.entries(COLUMNS)) {
    const info = db.prepare(`PRAGMA table_info("${table}")`).all();
    assert.deepEqual(
      info.map((c) => [c.name, c.type, c.notnull, c.dflt_value, c.pk ? 1 : 0]),
      columns,
      what(table),
    );
  }
}

/** The README's DDL is MIGRATIONS, exactly. */
function checkReadmeCopiesMigrations() {
  assert.ok(MIGRATIONS.length >= 1, "MIGRATIONS parsed from migrations.ts");
  const readme = readFileSync(join(SCHEMAS, "README.md"), "utf8");
  const sqlBlocks = [...readme.matchAll(/```sql\n([\s\S]*?)\n```/g)].map((match) => match[1]);
  assert.ok(sqlBlocks.includes(SCHEMA_VERSION_DDL), "README shows the schema_version DDL");
  MIGRATIONS.forEach((ddl, index) => {
    assert.ok(sqlBlocks.includes(ddl), `README copies MIGRATIONS[${index}] exactly`);
  });
  assert.match(readme, new RegExp(`currently \\*\\*${MIGRATIONS.length}\\*\\*`), "README names SCHEMA_VERSION");
}

/** What the DDL builds, to compare every object's file with; COLUMNS must describe it. */
function masterOfTheDdl() {
  const reference = new Database(":memory:");
  reference.exec(SCHEMA_VERSION_DDL);
  for (const ddl of MIGRATIONS) reference.exec(ddl);
  const expectedMaster = masterOf(reference);
  assert.deepEqual(Object.keys(COLUMNS).sort(), userTables(reference), "COLUMNS lists the DDL's tables");
  assertColumns(reference, (table) => `COLUMNS.${table} is what the DDL declares`);
  reference.close();
  return expectedMaster;
}

/** What must never be stored in clear: the claim tokens, the shipping details, the request ids. */
function secretsOfTheRun() {
  const secrets = [
    ...run.tokens,
    ...Object.values(shippingSent).flatMap((s) => Object.values(trimmed(s))),
    JSON.stringify(trimmed(shippingSent.alice)),
    // Request ids are kept only as hashes.
    ...run.draws.map((d) => d.requestId),
  ];
  assert.ok(run.tokens.length === 5 && run.tokens.every((token) => /^[A-Za-z0-9_-]{24}$/.test(token)));
  return secrets;
}

/** No secret in clear in any text (or blob) cell of any table, the runtime's included. */
function checkNoSecretInCells(db, path, secrets) {
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()) {
    for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) {
      for (const [column, value] of Object.entries(row)) {
        const text = typeof value === "string" ? value : Buffer.isBuffer(value) ? value.toString("utf8") : null;
        if (text === null) continue;
        for (const secret of secrets) {
          assert.ok(!text.includes(secret), `${path}: ${name}.${column} holds ${JSON.stringify(secret)} in clear`);
        }
      }
    }
  }
}

/** A campaign object's rows, by table; undefined for an object only asked about, whose tables must be empty. */
function campaignRows(db, path) {
  const meta = Object.fromEntries(
    db
      .prepare("SELECT key, value FROM meta")
      .all()
      .map((r) => [r.key, r.value]),
  );
  if (meta.id === undefined) {
    // An object that was only asked about (GHOST, the refused PUTs): tables but no data.
    for (const table of [
      "counters",
      "entries",
      "claims",
      "day_totals",
      "claimed_totals",
      "minute_draws",
      "housekeeping",
    ]) {
      assert.equal(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n, 0, `${path}: empty ${table}`);
    }
    return undefined;
  }
  return {
    path,
    meta,
    counters: Object.fromEntries(
      db
        .prepare("SELECT name, value FROM counters")
        .all()
        .map((r) => [r.name, r.value]),
    ),
    entries: db.prepare("SELECT * FROM entries ORDER BY id").all(),
    claims: db.prepare("SELECT * FROM claims ORDER BY entry_id").all(),
    dayTotals: db.prepare("SELECT * FROM day_totals ORDER BY day").all(),
    claimedTotals: db.prepare("SELECT * FROM claimed_totals ORDER BY day, prize_id").all(),
    minuteDraws: db.prepare("SELECT * FROM minute_draws ORDER BY minute").all(),
  };
}

/**
 * Every object's file: the DDL's tables and columns, no secret in clear; the
 * rows of each campaign's object, by campaign id.
 */
function readCampaignDatabases(secrets) {
  const expectedMaster = masterOfTheDdl();
  const sqliteFiles = objectDatabases(stateDir);
  assert.ok(sqliteFiles.length >= 4, `found the objects' files under ${join(stateDir, "v3", "do")}`);
  const campaigns = {};
  for (const path of sqliteFiles) {
    const db = openDatabase(path);
    try {
      // Objects asked about campaigns that do not exist store nothing at all.
      if (userTables(db).length === 0) continue;
      // Tables and columns.
      assert.deepEqual(userTables(db), Object.keys(COLUMNS).sort(), `${path}: the tables of the DDL, no others`);
      assert.deepEqual(masterOf(db), expectedMaster, `${path}: tables and indexes exactly as the DDL`);
      assertColumns(db, (table) => `${path}: columns of ${table}`);
      assert.deepEqual(db.prepare("SELECT version FROM schema_version").all(), [{ version: MIGRATIONS.length }]);
      checkNoSecretInCells(db, path, secrets);
      const rows = campaignRows(db, path);
      if (rows) campaigns[rows.meta.id] = rows;
    } finally {
      db.close();
    }
  }
  assert.deepEqual(Object.keys(campaigns).sort(), [BLANK, DECK, TICKET, WIN].sort());
  return campaigns;
}

/** meta is the KV record. */
function checkMetaIsTheKvRecord(campaigns) {
  for (const [id, { meta }] of Object.entries(campaigns)) {
    const record = kv[id]?.record;
    assert.ok(record, `KV record of ${id} read`);
    assert.deepEqual(
      {
        id: meta.id,
        version: Number(meta.version),
        paused: meta.paused === "1",
        updated_at: meta.updated_at,
        definition: JSON.parse(meta.definition),
      },
      record,
      `${id}: meta holds the KV record`,
    );
    assert.match(meta.paused, /^[01]$/);
    assert.match(meta.version, /^[1-9][0-9]*$/);
  }
}

/** Counters: only the names of counter_key, and one request mark per entry (the marks are then set aside). */
function checkCounterNames(campaigns) {
  const names = [
    /^issued\/\d{4}-\d{2}-\d{2}\/[a-z0-9][a-z0-9_-]*$/,
    /^opened\/\d{4}-\d{2}-\d{2}$/,
    /^draws\/\d{4}-\d{2}-\d{2}\/.+$/,
    /^draws\/all\/.+$/,
    /^pity\/.+$/,
    /^request\/\d{4}-\d{2}-\d{2}\/\d+\/.+\/[0-9a-f]{64}$/,
  ];
  for (const [id, { counters }] of Object.entries(campaigns)) {
    for (const [name, value] of Object.entries(counters)) {
      assert.ok(
        names.some((pattern) => pattern.test(name)),
        `${id}: counter ${name} is a counter_key name`,
      );
      assert.ok(Number.isInteger(value) && value >= 0, `${id}: counter ${name} = ${value}`);
    }
  }
  // The core marks each drawn request for its day (request/DAY/LEN/PLAYER/HASH: the entry's request_id).
  for (const id of [WIN, BLANK, DECK]) {
    const marks = Object.keys(campaigns[id].counters).filter((name) => name.startsWith("request/"));
    const expected = campaigns[id].entries.map(
      (entry) => `request/${entry.day}/${Buffer.byteLength(entry.player)}/${entry.player}/${entry.request_id}`,
    );
    assert.deepEqual(marks.sort(), expected.sort(), `${id}: one request mark per entry`);
    for (const mark of marks) delete campaigns[id].counters[mark];
  }
}

/** The counters hold the values the run implies, and the KV snapshot is these counters. */
function checkCounterValues(campaigns) {
  const day = run.day;
  assert.deepEqual(campaigns[WIN].counters, {
    [`issued/${day}/sure`]: 4,
    [`draws/${day}/alice`]: 2,
    "draws/all/alice": 2,
    [`draws/${day}/${PLAYER_CN}`]: 1,
    [`draws/all/${PLAYER_CN}`]: 1,
    [`draws/${day}/bob`]: 1,
    "draws/all/bob": 1,
  });
  assert.deepEqual(campaigns[BLANK].counters, {
    [`draws/${day}/carol`]: 2,
    "draws/all/carol": 2,
    "pity/carol": 2,
  });
  assert.deepEqual(campaigns[DECK].counters, {
    [`opened/${day}`]: 1,
    [`issued/${day}/box`]: 1,
    [`draws/${day}/dave`]: 1,
    "draws/all/dave": 1,
  });
  assert.deepEqual(campaigns[TICKET].counters, {});
  // The KV snapshot is these counters.
  for (const id of [WIN, BLANK, DECK]) {
    const issued = Object.fromEntries(
      Object.entries(campaigns[id].counters)
        .filter(([name]) => name.startsWith(`issued/${day}/`))
        .map(([name, value]) => [name.slice(`issued/${day}/`.length), value]),
    );
    assert.deepEqual(kv[id].snapshot.issued, issued, `${id}: snapshot issued = counters`);
    assert.equal(kv[id].snapshot.boxes_opened, campaigns[id].counters[`opened/${day}`] ?? 0);
  }
}

/** Entries: one per counted draw; reply is the reply sent, minus its id (the row's) and the claim token. */
function checkEntries(campaigns) {
  for (const [id, { entries }] of Object.entries(campaigns)) {
    const sent = run.draws.filter((d) => d.campaignId === id);
    assert.equal(entries.length, sent.length, `${id}: one entry per counted draw`);
    entries.forEach((entry, index) => {
      const what = `${id} entries.id ${entry.id}`;
      const { id: sentId, claim_token, ...stored } = sent[index].draw;
      const reply = JSON.parse(entry.reply);
      check("draw-reply.schema.json#/$defs/stored", reply, `${what} reply`);
      assert.deepEqual(reply, stored, `${what}: reply as sent without id and claim_token`);
      assert.equal(String(entry.id), sentId);
      assert.equal(entry.day, reply.day);
      assert.equal(entry.outcome, reply.outcome);
      assert.equal(entry.prize_id, reply.prize?.id ?? null);
      assert.equal(entry.prize_name, reply.prize?.name ?? null);
      assert.equal(entry.by_pity, reply.by_pity ? 1 : 0);
      assert.equal(entry.player, sent[index].player);
      // Only the request id's hash is stored: lowercase hex SHA-256 of the id as sent.
      assert.match(entry.request_id, /^[0-9a-f]{64}$/, `${what}: request_id is a SHA-256 in hex`);
      assert.equal(
        entry.request_id,
        createHash("sha256").update(sent[index].requestId, "utf8").digest("hex"),
        `${what}: request_id is SHA-256(request id)`,
      );
      assert.match(entry.entropy, /^[0-9a-f]{64}$/);
      assert.ok(
        Number.isInteger(entry.drawn_at) && Math.abs(entry.drawn_at - Date.now()) < 3_600_000,
        `${what}: drawn_at in ms`,
      );
      assert.equal(entry.campaign_version, 1);
    });
  }
}

/** Claims: one per win, token hashed, token and shipping sealed. */
async function checkClaims(campaigns) {
  for (const [id, { entries, claims, path }] of Object.entries(campaigns)) {
    const wins = entries.filter((entry) => entry.outcome === "win");
    assert.deepEqual(
      claims.map((c) => c.entry_id),
      wins.map((e) => e.id),
      `${id}: one claim per win`,
    );
    for (const claim of claims) {
      const entry = wins.find((e) => e.id === claim.entry_id);
      const token = run.draws.find((d) => d.campaignId === id && d.draw.id === String(entry.id)).draw.claim_token;
      assert.match(claim.token_hash, /^[0-9a-f]{64}$/);
      assert.equal(claim.token_hash, createHash("sha256").update(token).digest("hex"), "token_hash is SHA-256(token)");
      // The claim endpoints find a claim by its token's hash, through claims_by_token.
      const plan = queryPlan(
        path,
        `SELECT c.*, e.prize_name FROM claims c JOIN entries e ON e.id = c.entry_id WHERE c.token_hash = '${claim.token_hash}'`,
      );
      assert.match(
        plan,
        /claims_by_token/,
        `${id}: the claim is looked up by its token's hash through the index:\n${plan}`,
      );
      check("shipping.schema.json#/$defs/sealed", claim.token_sealed, "claims.token_sealed");
      assert.ok(claim.token_sealed.startsWith("v1."));
      assert.equal(await unseal(claim.token_sealed), token, "token_sealed opens to the token");
      assert.equal(claim.player, entry.player);
      assert.equal(claim.day, entry.day);
      assert.equal(claim.prize_id, entry.prize_id);
      assert.equal(claim.won_at, entry.drawn_at);
      const sent = id === WIN ? shippingSent[claim.player] : undefined;
      const sentFor = sent && run.draws.find((d) => d.draw.id === String(entry.id) && d.campaignId === id).requestId;
      if (sent && (claim.player !== "alice" || sentFor === "alice-first-draw")) {
        check("shipping.schema.json#/$defs/sealed", claim.shipping_sealed, "claims.shipping_sealed");
        assert.ok(claim.shipping_sealed.startsWith("v1."));
        const shipping = JSON.parse(await unseal(claim.shipping_sealed));
        check("shipping.schema.json", shipping, "the unsealed shipping details");
        assert.deepEqual(shipping, trimmed(sent));
        assert.ok(Number.isInteger(claim.shipping_updated_at) && claim.shipping_updated_at >= claim.won_at);
      } else {
        assert.equal(claim.shipping_sealed, null);
        assert.equal(claim.shipping_updated_at, null);
      }
    }
  }
  assert.equal(campaigns[WIN].claims.filter((c) => c.shipping_sealed !== null).length, 2);
}

/** The stats' counters agree with the entries and claims they count. */
function checkStatTotals(campaigns) {
  for (const [id, { entries, claims, dayTotals, claimedTotals, minuteDraws }] of Object.entries(campaigns)) {
    const days = [...new Set(entries.map((e) => e.day))].sort();
    assert.deepEqual(
      dayTotals,
      days.map((day) => {
        const of = entries.filter((e) => e.day === day);
        return {
          day,
          draws: of.length,
          players: new Set(of.map((e) => e.player)).size,
          wins: of.filter((e) => e.outcome === "win").length,
        };
      }),
      `${id}: day_totals`,
    );
    const claimed = {};
    for (const c of claims.filter((c) => c.shipping_sealed !== null))
      claimed[`${c.day}|${c.prize_id}`] = (claimed[`${c.day}|${c.prize_id}`] ?? 0) + 1;
    assert.deepEqual(
      claimedTotals,
      Object.entries(claimed)
        .sort()
        .map(([key, n]) => ({ day: key.split("|")[0], prize_id: key.split("|")[1], claimed: n })),
      `${id}: claimed_totals`,
    );
    const perMinute = {};
    for (const e of entries)
      perMinute[Math.floor(e.drawn_at / 60000)] = (perMinute[Math.floor(e.drawn_at / 60000)] ?? 0) + 1;
    assert.deepEqual(
      minuteDraws,
      Object.entries(perMinute)
        .map(([minute, draws]) => ({ minute: Number(minute), draws }))
        .sort((a, b) => a.minute - b.minute),
      `${id}: minute_draws`,
    );
  }
}

/** Nor anywhere on disk: WAL files, KV blobs, the runtime's files. */
function checkNoSecretOnDisk(secrets) {
  for (const path of filesUnder(stateDir)) {
    const bytes = readFileSync(path);
    for (const secret of secrets) {
      assert.ok(!bytes.includes(Buffer.from(secret, "utf8")), `${path} holds ${JSON.stringify(secret)} in clear`);
    }
  }
}

test("Durable Object SQLite: tables, columns, stored replies, sealed values, no secrets in clear", async () => {
  assert.ok(run.day, "the run drew");
  checkReadmeCopiesMigrations();
  const secrets = secretsOfTheRun();
  const campaigns = readCampaignDatabases(secrets);
  checkMetaIsTheKvRecord(campaigns);
  checkCounterNames(campaigns);
  checkCounterValues(campaigns);
  checkEntries(campaigns);
  await checkClaims(campaigns);
  checkStatTotals(campaigns);
  checkNoSecretOnDisk(secrets);
});

// ---------------------------------------------------------------------------
// openapi.yaml

/** Every $ref of openapi.yaml and of every file it reaches is relative and resolves. */
function checkEveryRefResolves() {
  const documents = new Map();
  const load = (file) => {
    if (!documents.has(file)) {
      assert.ok(existsSync(file), `${file} exists`);
      documents.set(
        file,
        file.endsWith(".yaml") ? YAML.parse(readFileSync(file, "utf8")) : JSON.parse(readFileSync(file, "utf8")),
      );
    }
    return documents.get(file);
  };
  const openapiFile = join(SCHEMAS, "openapi.yaml");
  documents.set(openapiFile, openapi);

  // Every $ref of openapi.yaml and of every file it reaches.
  const pending = [openapiFile, ...schemaFiles.map((name) => join(SCHEMAS, name))];
  const seen = new Set();
  let refs = 0;
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const walk = (node, at) => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => {
          walk(item, `${at}/${i}`);
        });
        return;
      }
      if (node === null || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string") {
          refs++;
          const [target, fragment = ""] = value.split("#");
          assert.ok(!/^[a-z]+:/i.test(target), `${file}${at}: $ref ${value} is relative`);
          const targetFile = target === "" ? file : resolve(dirname(file), target);
          const document = load(targetFile);
          if (fragment !== "") {
            assert.ok(fragment.startsWith("/"), `${file}${at}: $ref ${value} is a JSON pointer`);
            assert.notEqual(resolveLocal(document, fragment), undefined, `${file}${at}: $ref ${value} resolves`);
          }
          if (targetFile !== file) pending.push(targetFile);
        } else {
          walk(value, `${at}/${key}`);
        }
      }
    };
    walk(load(file), "#");
  }
  assert.ok(refs > 50, `checked ${refs} $refs`);
}

const OPENAPI_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/**
 * Paths and methods: exactly the routes of host/src/index.ts (an entry on one
 * line or, when the formatter breaks a long one, over several).
 */
function checkPathsAreTheRoutes() {
  const index = readFileSync(join(root, "host", "src", "index.ts"), "utf8");
  const routes = [...index.matchAll(/\{\s*method: "([A-Z]+)",\s*pattern: \/\^(.+?)\$\/,\s*handler/g)].map(
    ([, method, pattern]) =>
      `${method} ${pattern
        .replace(/\(\[\^\/\]\+\)/g, "{}")
        .replace(/\\\//g, "/")
        .replace(/\\\./g, ".")}`,
  );
  assert.ok(routes.length >= 10, "routes parsed from index.ts");
  const described = Object.entries(openapi.paths).flatMap(([path, item]) =>
    OPENAPI_METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path.replace(/\{[^}]+\}/g, "{}")}`),
  );
  assert.deepEqual([...described].sort(), [...routes].sort(), "openapi.yaml describes exactly the implemented routes");
}

/**
 * Security: admin paths need the admin key, claims the claim token, nothing
 * else either; every operation and response is described, errors by their code.
 */
function checkSecurityAndResponses() {
  const schemes = Object.keys(openapi.components.securitySchemes);
  assert.deepEqual(schemes.sort(), ["adminKey", "claimToken"]);
  for (const [path, item] of Object.entries(openapi.paths)) {
    for (const method of OPENAPI_METHODS.filter((m) => item[m])) {
      const operation = item[method];
      const security = (operation.security ?? openapi.security ?? []).flatMap((s) => Object.keys(s));
      const expected = path.startsWith("/api/v1/admin/") ? ["adminKey"] : path.endsWith("/claim") ? ["claimToken"] : [];
      assert.deepEqual(security, expected, `security of ${method.toUpperCase()} ${path}`);
      assert.ok(
        operation.operationId && operation.summary,
        `${method.toUpperCase()} ${path} has an operationId and summary`,
      );
      for (const [status, response] of Object.entries(operation.responses)) {
        assert.match(status, /^[1-5][0-9][0-9]$/);
        const resolved = response.$ref ? resolveLocal(openapi, response.$ref.slice(1)) : response;
        assert.ok(resolved?.description, `${method.toUpperCase()} ${path} ${status} has a description`);
        if (Number(status) >= 400) {
          assert.match(
            resolved.description,
            /`[a-z_]+`/,
            `${method.toUpperCase()} ${path} ${status} names its error code`,
          );
        }
      }
    }
  }
}

test("openapi.yaml parses, covers every route, and every $ref resolves", () => {
  assert.equal(openapi.openapi, "3.1.0");
  checkEveryRefResolves();
  checkPathsAreTheRoutes();
  checkSecurityAndResponses();
});

// A refused PUT once left its definition cached in the core as the next
// version, and the next accepted PUT then ran on it.

test("a refused PUT does not leak its definition into the next version", async () => {
  const dir = mkdtempSync(join(tmpdir(), "blindbox-storage-refused-"));
  const own = await startService({ port: PORT, persistDir: dir });
  try {
    const put = (definition) =>
      own.fetch(`/api/v1/admin/campaigns/${definition.id}`, {
        method: "PUT",
        headers: { ...admin, "content-type": "application/json" },
        body: JSON.stringify(definition),
      });
    const definition = campaignOpenToday("storage-refused", {
      prize_table: { prizes: [{ id: "sure", name: "Sure Thing", stock: 10, odds: "1" }] },
    });
    assert.equal((await put(definition)).status, 201);
    const draw = () =>
      own
        .fetch("/api/v1/campaigns/storage-refused/draws", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ player: "p", request_id: crypto.randomUUID() }),
        })
        .then((r) => r.json());
    assert.equal((await draw()).draw.outcome, "win");
    const shrunk = structuredClone(definition);
    shrunk.prize_table.prizes[0].stock = 0;
    assert.equal((await put(shrunk)).status, 409);
    assert.equal((await put(definition)).status, 200);
    const view = await own.fetch("/api/v1/admin/campaigns/storage-refused", { headers: admin }).then((r) => r.json());
    assert.equal(view.today.prizes[0].stock_total, 10, "the stored definition's stock, not the refused one's");
    assert.equal((await draw()).draw?.outcome, "win", "draws run on the stored definition");
  } finally {
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

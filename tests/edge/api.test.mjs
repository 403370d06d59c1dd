// API v1, endpoint by endpoint and error code by error code, against the real
// Worker under `wrangler dev` (one service for the file; a campaign id per test).
//
//   node --test --test-concurrency=1 tests/edge/api.test.mjs
//
// Over 400 lines on purpose: the file starts one `wrangler dev` for all its
// tests (the slow part), and each test() stands alone on its own campaign.

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  ADMIN_KEY,
  TICKET_SECRET,
  campaignOpenToday,
  client,
  localDate,
  parseCsv,
  root,
  sleep,
  startService,
} from "./harness.mjs";

const PORT = 8792;
const CLI = join(root, "build", "native", "blindbox");
const CLAIM_TOKEN = /^[A-Za-z0-9_-]{24}$/;
const ADMIN = { authorization: `Bearer ${ADMIN_KEY}` };

let service;
let api;
let stateDir;
let scratch;

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "blindbox-api-state-"));
  scratch = mkdtempSync(join(tmpdir(), "blindbox-api-files-"));
  // wrangler picks its inspector port itself; another service starting at the
  // same moment can take it first, so a failed start is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      service = await startService({ port: PORT, persistDir: stateDir });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(1500);
    }
  }
  api = client(service);
});

after(async () => {
  await service?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// Helpers

const today = () => localDate(480);

/** The only prize always wins (odds 1). */
function alwaysWins(id, changes = {}) {
  return campaignOpenToday(id, {
    prize_table: { prizes: [{ id: "gold", name: "Gold", stock: 5, odds: "1" }] },
    ...changes,
  });
}

/** The only prize never wins (odds 0): every draw is a blank. */
function neverWins(id, changes = {}) {
  return campaignOpenToday(id, {
    prize_table: { prizes: [{ id: "gold", name: "Gold", stock: 5, odds: "0" }] },
    ...changes,
  });
}

async function create(campaign) {
  const reply = await api.putCampaign(campaign);
  assert.equal(reply.status, 201, `creating ${campaign.id}: ${reply.text}`);
  return reply;
}

/** Asserts an API error: status, code, a message, the field (when given), JSON, and nothing else at the top. */
function assertError(reply, status, code, field) {
  assert.equal(reply.status, status, `expected ${status} ${code}, got ${reply.status}: ${reply.text}`);
  assert.match(reply.headers.get("content-type") ?? "", /^application\/json/);
  assert.ok(reply.json && typeof reply.json === "object", `not JSON: ${reply.text}`);
  assert.deepEqual(Object.keys(reply.json), ["error"]);
  assert.equal(reply.json.error.code, code);
  assert.equal(typeof reply.json.error.message, "string");
  assert.ok(reply.json.error.message.length > 0);
  if (field !== undefined) assert.equal(reply.json.error.field, field);
  return reply.json.error;
}

// Request ids are 16-128 characters of A-Z a-z 0-9 _ - (a client sends a UUID
// or 128 random bits); the same id where a test repeats a request.
const FIRST = "first-draw-request";
const SECOND = "second-draw-request";
const THIRD = "third-draw-request";
const FOURTH = "fourth-draw-request";

// A claim is named by its token alone: no player id in the path or anywhere else.
const claimPath = (cid) => `/api/v1/campaigns/${cid}/claim`;
const getClaim = (cid, token) =>
  api.call("GET", claimPath(cid), undefined, token === undefined ? {} : { authorization: `Bearer ${token}` });
const putClaim = (cid, token, body) =>
  api.call("PUT", claimPath(cid), body, token === undefined ? {} : { authorization: `Bearer ${token}` });

async function winFor(cid, player, requestId = FIRST) {
  const reply = await api.draw(cid, { player, request_id: requestId });
  assert.equal(reply.status, 200, reply.text);
  assert.equal(reply.json.draw.outcome, "win", reply.text);
  return reply.json.draw;
}

function mintTicket(campaign, player, expiry) {
  const args = ["ticket", "--campaign", campaign, "--player", player];
  if (expiry !== undefined) args.push("--expires", String(expiry));
  else args.push("--expires-in", "600");
  return execFileSync(CLI, args, {
    env: { ...process.env, BLINDBOX_TICKET_SECRET: TICKET_SECRET },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

const CSV_HEADER = ["day", "prize_id", "prize_name", "player", "won_at", "claimed", "name", "phone", "address"];

// ---------------------------------------------------------------------------
// Admin: create, replace, validate

test("an operator PUT creates a campaign with 201 and version 1, and replaces it with 200 and the version incremented", async () => {
  const campaign = campaignOpenToday("api-create-replace");
  const created = await api.putCampaign(campaign);
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.version, 1);
  assert.equal(created.json.campaign.id, "api-create-replace");
  assert.equal(created.json.campaign.title, campaign.title);

  const replaced = await api.putCampaign({ ...campaign, title: "Renamed" });
  assert.equal(replaced.status, 200, replaced.text);
  assert.equal(replaced.json.version, 2);
  assert.equal(replaced.json.campaign.title, "Renamed");

  const again = await api.putCampaign(campaign);
  assert.equal(again.status, 200);
  assert.equal(again.json.version, 3);
});

test("a PUT with If-None-Match: * only creates: for an existing id it gets 412 campaign_exists and changes nothing", async () => {
  const campaign = campaignOpenToday("api-create-only");
  const created = await api.putCampaign(campaign, { "if-none-match": "*" });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.version, 1);

  const refused = await api.putCampaign({ ...campaign, title: "Someone else's" }, { "if-none-match": "*" });
  assertError(refused, 412, "campaign_exists", "/id");
  const stored = await api.admin("GET", campaign.id);
  assert.equal(stored.json.version, 1, "the existing campaign is unchanged");
  assert.equal(stored.json.campaign.title, campaign.title);

  assertError(await api.putCampaign(campaign, { "if-none-match": '"v1"' }), 400, "invalid_request");
  assert.equal((await api.admin("GET", campaign.id)).json.version, 1);
});

test("an invalid campaign gets 400 invalid_campaign listing exactly what `blindbox validate` prints, pointer for pointer", async () => {
  for (const example of ["deck-with-odds-and-no-boxes", "odds-sum-over-one", "pity-unknown-prize"]) {
    const id = `api-invalid-${example}`;
    const definition = JSON.parse(
      readFileSync(join(root, "kv-schema", "examples", "invalid", `${example}.json`), "utf8"),
    );
    definition.id = id;
    const text = JSON.stringify(definition, null, 2);
    const file = join(scratch, `${example}.json`);
    writeFileSync(file, text);

    const cli = spawnSync(CLI, ["validate", file], { encoding: "utf8" });
    assert.equal(cli.status, 1, cli.stderr);
    const lines = cli.stderr.trimEnd().split("\n");
    assert.match(lines.pop(), /: \d+ problems?$/);
    const expected = lines.map((line) => {
      assert.ok(line.startsWith(`${file}: `), line);
      const rest = line.slice(file.length + 2);
      const cut = rest.indexOf(": ");
      return { pointer: rest.slice(0, cut), message: rest.slice(cut + 2) };
    });
    assert.ok(expected.length >= 1);

    const reply = await api.call("PUT", `/api/v1/admin/campaigns/${id}`, text, ADMIN);
    const error = assertError(reply, 400, "invalid_campaign");
    assert.ok(Array.isArray(error.errors), reply.text);
    assert.deepEqual(
      error.errors,
      expected.map(({ pointer, message }) => ({ field: pointer, message })),
      `${example}: ${reply.text}`,
    );
    // Nothing was stored.
    assertError(await api.admin("GET", id), 404, "campaign_not_found");
  }
  assertError(
    await api.call("PUT", "/api/v1/admin/campaigns/api-not-json", "{ not json", ADMIN),
    400,
    "invalid_request",
    "",
  );
});

test("a definition whose id is not the id in the URL is refused with 400 at /id", async () => {
  const reply = await api.call("PUT", "/api/v1/admin/campaigns/api-url-id", campaignOpenToday("api-other-id"), ADMIN);
  assertError(reply, 400, "invalid_campaign", "/id");
  assertError(await api.admin("GET", "api-url-id"), 404, "campaign_not_found");
  assertError(await api.admin("GET", "api-other-id"), 404, "campaign_not_found");
});

test("a prize's stock cannot be lowered below what was already won today: 409 stock_below_issued at that prize's stock", async () => {
  const id = "api-stock-below";
  const campaign = campaignOpenToday(id, {
    prize_table: {
      prizes: [
        { id: "paper", name: "Paper", stock: 9, odds: "0" },
        { id: "gold", name: "Gold", stock: 5, odds: "1" },
      ],
    },
  });
  await create(campaign);
  await winFor(id, "alice");
  await winFor(id, "bob");

  const lowered = structuredClone(campaign);
  lowered.prize_table.prizes[1].stock = 1;
  const error = assertError(await api.putCampaign(lowered), 409, "stock_below_issued", "/prize_table/prizes/1/stock");
  assert.match(error.message, /2/);
  assert.equal((await api.admin("GET", id)).json.version, 1, "a refused replacement changes nothing");

  lowered.prize_table.prizes[1].stock = 2;
  const exact = await api.putCampaign(lowered);
  assert.equal(exact.status, 200, exact.text);
  assert.equal(exact.json.version, 2);
});

test("every admin endpoint answers 401 unauthorized without the admin key or with a wrong one", async () => {
  const id = "api-admin-auth";
  await create(campaignOpenToday(id));
  const endpoints = [
    ["PUT", `/api/v1/admin/campaigns/${id}`, campaignOpenToday(id)],
    ["GET", `/api/v1/admin/campaigns/${id}`],
    ["POST", `/api/v1/admin/campaigns/${id}/pause`],
    ["POST", `/api/v1/admin/campaigns/${id}/resume`],
    ["GET", `/api/v1/admin/campaigns/${id}/stats`],
    ["GET", `/api/v1/admin/campaigns/${id}/winners.csv`],
  ];
  const wrongs = [
    {},
    { authorization: "Bearer wrong-admin-key" },
    { authorization: `Bearer ${ADMIN_KEY}x` },
    { authorization: `Basic ${Buffer.from(`admin:${ADMIN_KEY}`).toString("base64")}` },
    { authorization: "Bearer " },
  ];
  for (const [method, path, body] of endpoints) {
    for (const headers of wrongs) {
      const reply = await api.call(method, path, body, headers);
      assertError(reply, 401, "unauthorized");
      assert.equal(reply.json.error.field, undefined);
    }
  }
  // Nothing changed: still version 1 and not paused.
  const view = await api.admin("GET", id);
  assert.equal(view.json.version, 1);
  assert.equal(view.json.paused, false);
});

test("an admin PUT with a non-JSON content type gets 415 unsupported_media_type", async () => {
  const id = "api-admin-415";
  const body = JSON.stringify(campaignOpenToday(id));
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "text/json"]) {
    const reply = await service.fetch(`/api/v1/admin/campaigns/${id}`, {
      method: "PUT",
      headers: { ...ADMIN, "content-type": type },
      body,
    });
    const parsed = { status: reply.status, headers: reply.headers, text: await reply.text() };
    parsed.json = JSON.parse(parsed.text);
    assertError(parsed, 415, "unsupported_media_type");
  }
  assertError(await api.admin("GET", id), 404, "campaign_not_found");
});

test("an admin PUT body over 256 KB gets 413 payload_too_large", async () => {
  const id = "api-admin-413";
  const campaign = campaignOpenToday(id);
  const padded = JSON.stringify(campaign).replace(/^\{/, `{${" ".repeat(256 * 1024)}`);
  assert.ok(padded.length > 256 * 1024);
  assertError(await api.call("PUT", `/api/v1/admin/campaigns/${id}`, padded, ADMIN), 413, "payload_too_large");
  assertError(await api.admin("GET", id), 404, "campaign_not_found");
  // Just under the limit is fine.
  const under = JSON.stringify(campaign).replace(/^\{/, `{${" ".repeat(200 * 1024)}`);
  assert.equal((await api.call("PUT", `/api/v1/admin/campaigns/${id}`, under, ADMIN)).status, 201);
});

// ---------------------------------------------------------------------------
// Draws

test("a draw at a prize with odds 1 wins it, with a 24-character URL-safe claim token", async () => {
  const id = "api-draw-win";
  await create(alwaysWins(id));
  const reply = await api.draw(id, { player: "alice", request_id: FIRST });
  assert.equal(reply.status, 200, reply.text);
  assert.match(reply.headers.get("content-type"), /^application\/json/);
  const { draw } = reply.json;
  assert.equal(typeof draw.id, "string");
  assert.equal(draw.day, today());
  assert.equal(draw.outcome, "win");
  assert.deepEqual({ id: draw.prize.id, name: draw.prize.name }, { id: "gold", name: "Gold" });
  assert.match(draw.claim_token, CLAIM_TOKEN);
  assert.equal(draw.error, undefined);
});

test("a draw at odds 0 is a blank, with neither prize nor claim token", async () => {
  const id = "api-draw-blank";
  await create(neverWins(id));
  const reply = await api.draw(id, { player: "alice", request_id: FIRST });
  assert.equal(reply.status, 200, reply.text);
  assert.equal(reply.json.draw.outcome, "blank");
  assert.equal(reply.json.draw.day, today());
  assert.equal(typeof reply.json.draw.id, "string");
  assert.equal("prize" in reply.json.draw, false);
  assert.equal("claim_token" in reply.json.draw, false);
});

test("past draws_per_day a player gets 409 draw_limit_reached, which reveals no claim token", async () => {
  const id = "api-draw-limit";
  await create(alwaysWins(id, { limits: { draws_per_day: 2 } }));
  const tokens = [(await winFor(id, "alice", FIRST)).claim_token, (await winFor(id, "alice", SECOND)).claim_token];
  for (const requestId of [THIRD, FOURTH]) {
    const reply = await api.draw(id, { player: "alice", request_id: requestId });
    const error = assertError(reply, 409, "draw_limit_reached");
    assert.ok(!reply.text.includes("claim_token"), reply.text);
    for (const token of tokens) assert.ok(!reply.text.includes(token), reply.text);
    assert.equal(error.draws_per_day, 2);
  }
  // Another player still has their own draws.
  assert.equal((await api.draw(id, { player: "bob", request_id: FIRST })).status, 200);
});

test("the same player with the same request_id gets the original 200 again, claim token included, even past the limit", async () => {
  const id = "api-draw-replay";
  await create(alwaysWins(id, { limits: { draws_per_day: 1 } }));
  const first = await api.draw(id, { player: "alice", request_id: "tap-to-open-box-1" });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.json.draw.outcome, "win");

  const again = await api.draw(id, { player: "alice", request_id: "tap-to-open-box-1" });
  assert.equal(again.status, 200, again.text);
  assert.deepEqual(again.json, first.json);

  // The limit is reached for a new request, but the lost reply is still there.
  assertError(await api.draw(id, { player: "alice", request_id: "tap-to-open-box-2" }), 409, "draw_limit_reached");
  const third = await api.draw(id, { player: "alice", request_id: "tap-to-open-box-1" });
  assert.equal(third.status, 200);
  assert.deepEqual(third.json, first.json);

  // The same request_id from another player is that player's own draw.
  const bob = await api.draw(id, { player: "bob", request_id: "tap-to-open-box-1" });
  assert.equal(bob.status, 200);
  assert.notEqual(bob.json.draw.id, first.json.draw.id);
  assert.notEqual(bob.json.draw.claim_token, first.json.draw.claim_token);

  // A blank is replayed the same way.
  const blanks = "api-draw-replay-blank";
  await create(neverWins(blanks, { limits: { draws_per_day: 1 } }));
  const blank = await api.draw(blanks, { player: "alice", request_id: "tap-to-open-box-1" });
  assert.equal(blank.json.draw.outcome, "blank");
  assert.deepEqual((await api.draw(blanks, { player: "alice", request_id: "tap-to-open-box-1" })).json, blank.json);
  assert.equal((await api.admin("GET", blanks)).json.today.draws, 1, "a replay draws nothing");
});

test("a draw request that is malformed, mistyped, has unknown fields, a missing, empty or over-long player or a request_id that is not 16-128 characters of A-Z a-z 0-9 _ - gets 400 invalid_request at that field", async () => {
  const id = "api-draw-400";
  await create(neverWins(id, { limits: { draws_per_day: 100 } }));
  const path = `/api/v1/campaigns/${id}/draws`;
  const cases = [
    ["malformed JSON", '{"player": "alice",', ""],
    ["not an object", '["alice"]', ""],
    ["null body", "null", ""],
    ["empty body", "", ""],
    ["unknown field", { player: "alice", request_id: FIRST, x: 1 }, "/x"],
    ["missing player", { request_id: FIRST }, "/player"],
    ["empty player", { player: "", request_id: FIRST }, "/player"],
    ["over-long player", { player: "p".repeat(129), request_id: FIRST }, "/player"],
    ["player a number", { player: 42, request_id: FIRST }, "/player"],
    ["player null", { player: null, request_id: FIRST }, "/player"],
    ["player with a control character", { player: "al\nice", request_id: FIRST }, "/player"],
    ["empty request_id", { player: "alice", request_id: "" }, "/request_id"],
    ["15-character request_id", { player: "alice", request_id: "r".repeat(15) }, "/request_id"],
    ["129-character request_id", { player: "alice", request_id: "r".repeat(129) }, "/request_id"],
    ["request_id with a space", { player: "alice", request_id: "first draw request" }, "/request_id"],
    ["request_id with a slash", { player: "alice", request_id: "first/draw/request" }, "/request_id"],
    ["request_id a number", { player: "alice", request_id: 7 }, "/request_id"],
    ["request_id a 16-digit number", { player: "alice", request_id: 1234567890123456 }, "/request_id"],
    ["ticket a number", { player: "alice", request_id: FIRST, ticket: 5 }, "/ticket"],
  ];
  const failures = [];
  for (const [name, body, field] of cases) {
    const reply = await api.call("POST", path, body);
    try {
      assertError(reply, 400, "invalid_request", field);
    } catch (error) {
      failures.push(`${name}: ${error.message.split("\n")[0]}`);
    }
  }
  assert.deepEqual(failures, []);
  // The limits themselves are allowed: 128-character player, 16- and 128-character request_id of every allowed kind.
  const edge = await api.draw(id, { player: "p".repeat(128), request_id: "r".repeat(128) });
  assert.equal(edge.status, 200, edge.text);
  const shortest = await api.draw(id, { player: "alice", request_id: "aZ09_-aZ09_-aZ09" });
  assert.equal(shortest.status, 200, `a 16-character request_id: ${shortest.text}`);
  const uuid = await api.draw(id, { player: "alice", request_id: crypto.randomUUID() });
  assert.equal(uuid.status, 200, `a UUID: ${uuid.text}`);
  const multibyte = await api.draw(id, { player: "玩".repeat(128), request_id: FIRST });
  assert.equal(multibyte.status, 200, `128 characters, not bytes: ${multibyte.text}`);
});

test("a draw without a request_id is refused with 400 invalid_request at /request_id", async () => {
  // The issue: 400 for a "missing, empty or over-long player or request_id".
  const id = "api-draw-no-request-id";
  await create(neverWins(id));
  assertError(await api.draw(id, { player: "alice" }), 400, "invalid_request", "/request_id");
  assert.equal((await api.admin("GET", id)).json.today.draws, 0, "nothing was drawn");
});

test("a draw body over 4 KB gets 413 payload_too_large", async () => {
  const id = "api-draw-413";
  await create(neverWins(id));
  const big = JSON.stringify({ player: "alice", request_id: FIRST, pad: "x".repeat(5000) });
  assertError(await api.call("POST", `/api/v1/campaigns/${id}/draws`, big), 413, "payload_too_large");
  assert.equal((await api.admin("GET", id)).json.today.draws, 0);
});

test("a draw sent as something other than JSON gets 415 unsupported_media_type", async () => {
  const id = "api-draw-415";
  await create(neverWins(id));
  const response = await service.fetch(`/api/v1/campaigns/${id}/draws`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "player=alice&request_id=r1",
  });
  const text = await response.text();
  assertError(
    { status: response.status, headers: response.headers, text, json: JSON.parse(text) },
    415,
    "unsupported_media_type",
  );
});

test("a draw in an unknown campaign, or with an invalid campaign id in the URL, gets 404 campaign_not_found", async () => {
  for (const cid of ["api-no-such-campaign", "Not-A-Valid-Id", "x".repeat(65), "-leading-dash", "%E7%8E%A9"]) {
    assertError(await api.draw(cid, { player: "alice", request_id: FIRST }), 404, "campaign_not_found");
  }
});

test("a campaign whose window has not started refuses draws with 403 campaign_not_open, status scheduled and opens_at", async () => {
  const id = "api-draw-scheduled";
  await create(alwaysWins(id, { window: { first_day: localDate(480, 10), last_day: localDate(480, 20) } }));
  const reply = await api.draw(id, { player: "alice", request_id: FIRST });
  const error = assertError(reply, 403, "campaign_not_open");
  assert.equal(error.status, "scheduled");
  assert.equal(typeof error.opens_at, "string");
  // Midnight of first_day in +08:00 is 16:00 UTC the day before.
  assert.equal(error.opens_at, `${localDate(480, 9)}T16:00:00.000Z`);
  assert.ok(!reply.text.includes("claim_token"));
  const view = await api.call("GET", `/api/v1/campaigns/${id}`);
  assert.equal(view.json.campaign.status, "scheduled");
  assert.equal(view.json.campaign.opens_at, error.opens_at);
});

test("a paused campaign refuses draws with 403 campaign_not_open status paused, and after resume draws work again", async () => {
  const id = "api-draw-paused";
  await create(alwaysWins(id));
  const paused = await api.admin("POST", `${id}/pause`);
  assert.equal(paused.status, 200, paused.text);
  assert.deepEqual(paused.json, { status: "paused", paused: true });

  const refused = await api.draw(id, { player: "alice", request_id: FIRST });
  const error = assertError(refused, 403, "campaign_not_open");
  assert.equal(error.status, "paused");
  assert.equal((await api.call("GET", `/api/v1/campaigns/${id}`)).json.campaign.status, "paused");
  assert.equal((await api.admin("GET", id)).json.status, "paused");
  assert.equal((await api.admin("GET", id)).json.paused, true);

  const resumed = await api.admin("POST", `${id}/resume`);
  assert.equal(resumed.status, 200, resumed.text);
  assert.deepEqual(resumed.json, { status: "open", paused: false });
  const drawn = await api.draw(id, { player: "alice", request_id: FIRST });
  assert.equal(drawn.status, 200, drawn.text);
  assert.equal(drawn.json.draw.outcome, "win");
  assert.equal((await api.call("GET", `/api/v1/campaigns/${id}`)).json.campaign.status, "open");
});

test("a ticket campaign refuses a missing, foreign, malformed or expired ticket with 401 invalid_ticket and draws with a valid one", async () => {
  const id = "api-draw-ticket";
  await create(alwaysWins(id, { identity: "ticket" }));
  const draw = (player, ticket) =>
    api.draw(id, { player, request_id: FIRST, ...(ticket !== undefined ? { ticket } : {}) });

  assertError(await draw("alice"), 401, "invalid_ticket", "/ticket");

  const bobs = mintTicket(id, "bob");
  assert.match(bobs, /^\d+\.[A-Za-z0-9_-]{43}$/);
  const foreign = assertError(await draw("alice", bobs), 401, "invalid_ticket", "/ticket");
  assert.equal(foreign.reason, "bad_signature");

  const otherCampaign = assertError(await draw("alice", mintTicket("api-elsewhere", "alice")), 401, "invalid_ticket");
  assert.equal(otherCampaign.reason, "bad_signature");

  const malformed = assertError(await draw("alice", "not-a-ticket"), 401, "invalid_ticket", "/ticket");
  assert.equal(malformed.reason, "malformed");

  const expired = assertError(
    await draw("alice", mintTicket(id, "alice", Math.floor(Date.now() / 1000) - 60)),
    401,
    "invalid_ticket",
    "/ticket",
  );
  assert.equal(expired.reason, "expired");

  assert.equal((await api.admin("GET", id)).json.today.draws, 0, "no refused ticket drew");

  const valid = await draw("alice", mintTicket(id, "alice"));
  assert.equal(valid.status, 200, valid.text);
  assert.equal(valid.json.draw.outcome, "win");
  assert.match(valid.json.draw.claim_token, CLAIM_TOKEN);
});

// ---------------------------------------------------------------------------
// Player status

// A POST with the player (and ticket) in the body: nothing of the player in the URL.
const status = (id, player, ticket) =>
  api.call("POST", `/api/v1/campaigns/${id}/player-status`, ticket === undefined ? { player } : { player, ticket });

test("a player's status counts draws today and in the campaign and the pity countdown, as the draws change them", async () => {
  const id = "api-status-pity";
  await create(
    neverWins(id, { limits: { draws_per_day: 3, draws_per_campaign: 5 }, pity: { after: 2, prizes: ["gold"] } }),
  );
  const counts = async (player) => {
    const reply = await status(id, player);
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.player, player);
    assert.equal(reply.json.status, "open");
    return reply.json;
  };
  const before = await counts("lucy");
  assert.deepEqual(
    { ...before, day: undefined },
    {
      player: "lucy",
      day: undefined,
      status: "open",
      draws_today: 0,
      draws_left_today: 3,
      draws_total: 0,
      draws_left_in_campaign: 5,
      pity: { after: 2, streak: 0, draws_until_guaranteed: 3 },
    },
  );
  assert.match(before.day, /^\d{4}-\d{2}-\d{2}$/);

  const outcomes = [];
  for (const [i, until] of [
    [1, 2],
    [2, 1],
    [3, 3],
  ].map(([n, u]) => [n, u])) {
    const drawn = await api.draw(id, { player: "lucy", request_id: `lucy-status-draw-${i}` });
    assert.equal(drawn.status, 200, drawn.text);
    outcomes.push(drawn.json.draw.by_pity ? "pity" : drawn.json.draw.outcome);
    const now = await counts("lucy");
    assert.equal(now.draws_today, i);
    assert.equal(now.draws_left_today, 3 - i);
    assert.equal(now.draws_total, i);
    assert.equal(now.draws_left_in_campaign, 5 - i);
    assert.equal(now.pity.draws_until_guaranteed, until, `after draw ${i}`);
    assert.equal(drawn.json.draw.draws_left_today, now.draws_left_today, "the draw's reply and the status agree");
  }
  assert.deepEqual(outcomes, ["blank", "blank", "pity"], "the countdown said when the pity prize would come");
  assert.equal((await counts("lucy")).pity.streak, 0);
  assert.equal((await counts("someone-else")).draws_total, 0, "counts are per player");
});

test("without pity or a campaign limit, the status says null for them; an unknown campaign or a bad player id is refused", async () => {
  const id = "api-status-plain";
  await create(neverWins(id, { limits: { draws_per_day: 2 } }));
  const plain = await status(id, "plain-player");
  assert.equal(plain.status, 200, plain.text);
  assert.equal(plain.json.pity, null);
  assert.equal(plain.json.draws_left_in_campaign, null);
  assert.equal(plain.json.draws_left_today, 2);
  assertError(await status("api-no-such-campaign", "p"), 404, "campaign_not_found");
  assertError(await status(id, "x".repeat(129)), 400, "invalid_request", "/player");
  assertError(await status(id, ""), 400, "invalid_request", "/player");
  const post = (body) => api.call("POST", `/api/v1/campaigns/${id}/player-status`, body);
  assertError(await post({}), 400, "invalid_request", "/player");
  assertError(await post({ player: 7 }), 400, "invalid_request", "/player");
  assertError(await post({ player: "p", request_id: "not-for-status-0001" }), 400, "invalid_request", "/request_id");
  assertError(await post({ player: "p", ticket: "" }), 400, "invalid_request", "/ticket");
  const textPlain = await service.fetch(`/api/v1/campaigns/${id}/player-status`, {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: JSON.stringify({ player: "p" }),
  });
  assert.equal(textPlain.status, 415);
  assert.equal((await textPlain.json()).error.code, "unsupported_media_type");
  // A read: the status asked for changes nothing.
  assert.equal((await status(id, "plain-player")).json.draws_today, 0);
});

test("a ticket campaign's status needs the player's ticket in the body, refused at /ticket", async () => {
  const id = "api-status-ticket";
  await create(neverWins(id, { identity: "ticket", limits: { draws_per_day: 1 } }));
  assertError(await status(id, "tina"), 401, "invalid_ticket", "/ticket");
  const foreign = assertError(await status(id, "tina", mintTicket(id, "tom")), 401, "invalid_ticket", "/ticket");
  assert.equal(foreign.reason, "bad_signature");
  assert.equal(assertError(await status(id, "tina", "garbage"), 401, "invalid_ticket", "/ticket").reason, "malformed");
  const valid = await status(id, "tina", mintTicket(id, "tina"));
  assert.equal(valid.status, 200, valid.text);
  assert.equal(valid.json.draws_left_today, 1);
});

test("more than 20 draw requests in 10 s from one player get 429 rate_limited; other players are not held back", async () => {
  const id = "api-draw-rate";
  await create(neverWins(id, { limits: { draws_per_day: 1000 } }));
  const statuses = [];
  let limited = null;
  // The limit counts in fixed 10 s windows: 45 requests in well under 10 s put more
  // than 20 into one window even when a window boundary falls among them.
  for (let i = 0; i < 45; i++) {
    const reply = await api.draw(id, { player: "hasty", request_id: `hasty-draw-request-${i}` });
    statuses.push(reply.status);
    if (reply.status === 429) limited ??= reply;
  }
  assert.ok(limited, `no 429 among ${statuses.join(",")}`);
  assertError(limited, 429, "rate_limited");
  assert.deepEqual([...new Set(statuses)].sort(), [200, 429]);
  assert.ok(statuses.filter((s) => s === 200).length >= 1);
  assert.equal((await api.draw(id, { player: "patient", request_id: FIRST })).status, 200);
});

// ---------------------------------------------------------------------------
// Claims

test("a winner's token opens the claim (shipping null), a PUT stores shipping, and a GET then shows it", async () => {
  const id = "api-claim-flow";
  await create(alwaysWins(id));
  const draw = await winFor(id, "alice");

  const claim = await getClaim(id, draw.claim_token);
  assert.equal(claim.status, 200, claim.text);
  assert.deepEqual(claim.json.prize, { id: "gold", name: "Gold" });
  assert.equal(claim.json.shipping, null);
  assert.ok(!Number.isNaN(Date.parse(claim.json.won_at)));
  assert.ok(Math.abs(Date.parse(claim.json.won_at) - Date.now()) < 60_000);

  const shipping = { name: "Alice Liddell", phone: "+86 138-0013-8000", address: "1 Rabbit Hole Lane, Oxford" };
  const put = await putClaim(id, draw.claim_token, shipping);
  assert.equal(put.status, 200, put.text);
  assert.deepEqual(put.json.shipping, shipping);
  assert.equal(put.json.prize.id, "gold");

  const after = await getClaim(id, draw.claim_token);
  assert.equal(after.status, 200);
  assert.deepEqual(after.json.shipping, shipping);
  assert.equal(after.json.won_at, claim.json.won_at);

  // A second PUT replaces the details.
  const moved = { ...shipping, address: "2 Looking Glass Road" };
  assert.equal((await putClaim(id, draw.claim_token, moved)).status, 200);
  assert.deepEqual((await getClaim(id, draw.claim_token)).json.shipping, moved);
});

test("a token alone opens its own claim; a wrong, malformed or missing token, or one from another campaign, all get the same 404 claim_not_found", async () => {
  const id = "api-claim-404";
  const other = "api-claim-404-other";
  await create(alwaysWins(id));
  await create(alwaysWins(other));
  const alice = await winFor(id, "alice");
  const bob = await winFor(id, "bob");
  // The same player id wins in another campaign: its token opens nothing here.
  const elsewhere = await winFor(other, "alice");
  await api.draw(id, { player: "loser", request_id: FIRST });

  // Each token opens exactly its own winner's claim, with no player named anywhere.
  const aliceClaim = await getClaim(id, alice.claim_token);
  assert.equal(aliceClaim.status, 200, aliceClaim.text);
  assert.equal(aliceClaim.json.won_at, (await getClaim(id, alice.claim_token)).json.won_at);
  const bobShipping = { name: "Bob", phone: "12345678", address: "Bob's Place 2" };
  assert.equal((await putClaim(id, bob.claim_token, bobShipping)).status, 200);
  assert.deepEqual((await getClaim(id, bob.claim_token)).json.shipping, bobShipping, "bob's token opens bob's claim");
  assert.equal((await getClaim(id, alice.claim_token)).json.shipping, null, "and not alice's");
  assert.equal(
    (await getClaim(other, elsewhere.claim_token)).status,
    200,
    "the other campaign's token opens its own claim there",
  );

  const wrong = alice.claim_token.startsWith("A") ? `B${alice.claim_token.slice(1)}` : `A${alice.claim_token.slice(1)}`;
  const eve = { name: "Eve", phone: "12345678", address: "Somewhere 1" };
  const replies = [
    ["wrong token", await getClaim(id, wrong)],
    ["another campaign's token", await getClaim(id, elsewhere.claim_token)],
    ["this campaign's token in the other campaign", await getClaim(other, alice.claim_token)],
    ["missing Authorization", await getClaim(id)],
    ["malformed token", await getClaim(id, "short")],
    ["a token one character too long", await getClaim(id, `${alice.claim_token}A`)],
    ["wrong token on PUT", await putClaim(id, wrong, eve)],
    ["another campaign's token on PUT", await putClaim(id, elsewhere.claim_token, eve)],
    ["missing Authorization on PUT", await putClaim(id, undefined, eve)],
  ];
  for (const [name, reply] of replies) {
    assertError(reply, 404, "claim_not_found");
    assert.equal(reply.text, replies[0][1].text, `${name} differs: ${reply.text}`);
  }
  // The real claims were not touched by the refused PUTs.
  assert.equal((await getClaim(id, alice.claim_token)).json.shipping, null);
  assert.equal((await getClaim(other, elsewhere.claim_token)).json.shipping, null);
});

test("shipping details with a bad phone, a missing or blank name, a short or over-long address or an unknown field get 400 at that field", async () => {
  const id = "api-claim-400";
  await create(alwaysWins(id));
  const { claim_token: token } = await winFor(id, "alice");
  const good = { name: "Alice", phone: "+44 20 7946 0958", address: "221B Baker Street, London" };
  const cases = [
    ["phone with letters", { ...good, phone: "call me" }, "/phone"],
    ["phone with too few digits", { ...good, phone: "1234" }, "/phone"],
    ["phone with too many digits", { ...good, phone: "1234567890123456" }, "/phone"],
    ["phone a number", { ...good, phone: 5551234 }, "/phone"],
    ["phone over 32 characters", { ...good, phone: `${"1 ".repeat(20)}1` }, "/phone"],
    ["missing phone", { name: good.name, address: good.address }, "/phone"],
    ["missing name", { phone: good.phone, address: good.address }, "/name"],
    ["empty name", { ...good, name: "" }, "/name"],
    ["blank name", { ...good, name: "   " }, "/name"],
    ["over-long name", { ...good, name: "n".repeat(101) }, "/name"],
    ["missing address", { name: good.name, phone: good.phone }, "/address"],
    ["short address", { ...good, address: "abc" }, "/address"],
    ["over-long address", { ...good, address: "a".repeat(501) }, "/address"],
    ["unknown field", { ...good, email: "alice@example.com" }, "/email"],
    ["malformed JSON", '{"name": "Alice"', ""],
  ];
  const failures = [];
  for (const [name, body, field] of cases) {
    const reply = await putClaim(id, token, body);
    try {
      assertError(reply, 400, "invalid_request", field);
    } catch (error) {
      failures.push(`${name}: ${error.message.split("\n")[0]}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.equal((await getClaim(id, token)).json.shipping, null, "nothing refused was stored");
  // The limits themselves are accepted.
  const edge = { name: "n".repeat(100), phone: "+1 (555) 010-0000", address: "a".repeat(500) };
  const accepted = await putClaim(id, token, edge);
  assert.equal(accepted.status, 200, accepted.text);
  assert.deepEqual(accepted.json.shipping, edge);
});

test("a claim body over 4 KB gets 413 payload_too_large", async () => {
  const id = "api-claim-413";
  await create(alwaysWins(id));
  const { claim_token: token } = await winFor(id, "alice");
  const body = { name: "Alice", phone: "12345678", address: "x".repeat(5000) };
  assertError(await putClaim(id, token, body), 413, "payload_too_large");
});

// ---------------------------------------------------------------------------
// Public campaign view

test("GET a campaign shows title, status open, today's day, prizes with stock and disclosed and effective odds, limits and pity", async () => {
  const id = "api-public-view";
  const campaign = campaignOpenToday(id, {
    limits: { draws_per_day: 4, draws_per_campaign: 20 },
    pity: { after: 3, prizes: ["silver"] },
  });
  await create(campaign);
  const reply = await api.call("GET", `/api/v1/campaigns/${id}`);
  assert.equal(reply.status, 200, reply.text);
  assert.match(reply.headers.get("content-type"), /^application\/json/);
  const view = reply.json.campaign;
  assert.equal(view.id, id);
  assert.equal(view.title, campaign.title);
  assert.equal(view.status, "open");
  assert.equal(view.day, today());
  assert.deepEqual(view.limits, { draws_per_day: 4, draws_per_campaign: 20 });
  assert.deepEqual(view.pity, { after: 3, prizes: ["silver"] });
  assert.deepEqual(
    view.prizes.map((p) => [p.id, p.name, p.stock_total, p.stock_left]),
    [
      ["gold", "Gold", 5, 5],
      ["silver", "Silver", 50, 50],
    ],
  );
  for (const prize of view.prizes) {
    for (const kind of ["disclosed", "effective"]) {
      assert.equal(typeof prize.odds[kind].decimal, "string", `${prize.id} ${kind}`);
      assert.equal(typeof prize.odds[kind].fraction, "string", `${prize.id} ${kind}`);
    }
  }
  assert.equal(view.prizes[0].odds.disclosed.fraction, "1/10");
  assert.equal(view.prizes[0].odds.disclosed.decimal, "0.100000000");
  assert.equal(view.prizes[1].odds.disclosed.decimal, "0.200000000");
  assert.equal(view.prizes[0].odds.effective.decimal, "0.100000000");
});

test("a win shows in the public stock_left within a few seconds", async () => {
  const id = "api-public-stock";
  await create(alwaysWins(id));
  const path = `/api/v1/campaigns/${id}`;
  assert.equal((await api.call("GET", path)).json.campaign.prizes[0].stock_left, 5);
  await winFor(id, "alice");
  const deadline = Date.now() + 5000;
  let left;
  for (;;) {
    left = (await api.call("GET", path)).json.campaign.prizes[0].stock_left;
    if (left === 4 || Date.now() > deadline) break;
    await sleep(200);
  }
  assert.equal(left, 4);
});

test("GET an unknown campaign, or an invalid campaign id, gets 404 campaign_not_found", async () => {
  for (const cid of ["api-nowhere", "UPPER", "x".repeat(65)]) {
    assertError(await api.call("GET", `/api/v1/campaigns/${cid}`), 404, "campaign_not_found");
  }
});

// ---------------------------------------------------------------------------
// Operator views

test("the admin GET returns the stored config, version, status and today's counters", async () => {
  const id = "api-admin-view";
  const campaign = alwaysWins(id, { limits: { draws_per_day: 2 } });
  await create(campaign);
  const { claim_token: token } = await winFor(id, "alice", FIRST);
  await winFor(id, "alice", SECOND);
  await winFor(id, "bob", FIRST);
  await putClaim(id, token, { name: "Alice", phone: "12345678", address: "1 Main Street" });

  const reply = await api.admin("GET", id);
  assert.equal(reply.status, 200, reply.text);
  assert.deepEqual(reply.json.campaign, campaign);
  assert.equal(reply.json.version, 1);
  assert.equal(reply.json.paused, false);
  assert.equal(reply.json.status, "open");
  assert.ok(!Number.isNaN(Date.parse(reply.json.updated_at)));
  const t = reply.json.today;
  assert.equal(t.day, today());
  assert.deepEqual({ draws: t.draws, players: t.players, wins: t.wins }, { draws: 3, players: 2, wins: 3 });
  assert.deepEqual(t.prizes, [{ id: "gold", name: "Gold", stock_total: 5, issued: 3, stock_left: 2, claimed: 1 }]);
});

test("stats give draws, players and wins per day, issued and claimed per prize, and draws per minute", async () => {
  const id = "api-admin-stats";
  await create(
    campaignOpenToday(id, {
      limits: { draws_per_day: 5 },
      prize_table: {
        prizes: [
          { id: "gold", name: "Gold", stock: 2, odds: "1" },
          { id: "tin", name: "Tin", stock: 9, odds: "0" },
        ],
      },
    }),
  );
  const a = await winFor(id, "alice");
  await winFor(id, "bob");
  const sold = await api.draw(id, { player: "carol", request_id: FIRST });
  assert.equal(sold.json.draw.outcome, "blank", "gold is sold out: the draw loses");
  await api.draw(id, { player: "carol", request_id: SECOND });
  await putClaim(id, a.claim_token, { name: "Alice", phone: "12345678", address: "1 Main Street" });

  const reply = await api.admin("GET", `${id}/stats`);
  assert.equal(reply.status, 200, reply.text);
  assert.equal(reply.json.campaign, id);
  const day = reply.json.days.find((d) => d.day === today());
  assert.ok(day, reply.text);
  assert.deepEqual({ draws: day.draws, players: day.players, wins: day.wins }, { draws: 4, players: 3, wins: 2 });
  assert.deepEqual(
    day.prizes.map((p) => [p.id, p.stock_total, p.issued, p.claimed]),
    [
      ["gold", 2, 2, 1],
      ["tin", 9, 0, 0],
    ],
  );
  assert.ok(Array.isArray(reply.json.draws_per_minute) && reply.json.draws_per_minute.length > 0, reply.text);
  const total = reply.json.draws_per_minute.reduce((sum, m) => sum + m.draws, 0);
  assert.equal(total, 4);
  for (const m of reply.json.draws_per_minute) {
    assert.ok(Date.now() - Date.parse(m.minute) < 24 * 3600 * 1000 + 60_000);
    assert.equal(new Date(m.minute).getUTCSeconds(), 0);
  }
});

test("operator endpoints for an unknown campaign get 404 campaign_not_found", async () => {
  for (const [method, suffix] of [
    ["GET", ""],
    ["POST", "/pause"],
    ["POST", "/resume"],
    ["GET", "/stats"],
    ["GET", "/winners.csv"],
  ]) {
    assertError(await api.admin(method, `api-admin-unknown${suffix}`), 404, "campaign_not_found");
  }
});

test("winners.csv is RFC 4180 text/csv with a header and one row per win, carrying the submitted shipping", async () => {
  const id = "api-winners";
  await create(alwaysWins(id, { limits: { draws_per_day: 2 } }));
  const alice = await winFor(id, "alice");
  const odd = 'o\'neil, "the kid"';
  const oddWin = await winFor(id, odd);
  await winFor(id, "alice", SECOND);
  await api.call("POST", `/api/v1/campaigns/${id}/draws`, { player: "alice", request_id: THIRD }); // 409: no row

  const shipping = { name: "张伟", phone: "+86 138-0013-8000", address: 'Room 5, "Blue" Tower, 88 Nanjing Road' };
  assert.equal((await putClaim(id, alice.claim_token, shipping)).status, 200);
  const oddShipping = { name: 'Zoë "Z" Smith', phone: "5551234567", address: "1,2,3 Comma Court" };
  assert.equal((await putClaim(id, oddWin.claim_token, oddShipping)).status, 200);

  const reply = await api.admin("GET", `${id}/winners.csv`);
  assert.equal(reply.status, 200, reply.text);
  assert.match(reply.headers.get("content-type"), /^text\/csv/);
  assert.match(reply.headers.get("content-type"), /charset=utf-8/i);
  const records = parseCsv(reply.text);
  assert.deepEqual(records[0], CSV_HEADER);
  const rows = records.slice(1).map((r) => Object.fromEntries(CSV_HEADER.map((h, i) => [h, r[i]])));
  for (const r of records.slice(1)) assert.equal(r.length, CSV_HEADER.length);
  assert.equal(rows.length, 3);

  const wonAt = (await getClaim(id, alice.claim_token)).json.won_at;
  assert.deepEqual(rows[0], {
    day: today(),
    prize_id: "gold",
    prize_name: "Gold",
    player: "alice",
    won_at: wonAt,
    claimed: "yes",
    ...shipping,
    // A cell starting with + (or =, -, @) gets a leading ' so that a spreadsheet does not run it as a formula.
    phone: `'${shipping.phone}`,
  });
  const whoAndWhere = ({ player, claimed, name, phone, address }) => ({ player, claimed, name, phone, address });
  assert.deepEqual(whoAndWhere(rows[1]), { player: odd, ...oddShipping, claimed: "yes" });
  assert.deepEqual(whoAndWhere(rows[2]), { player: "alice", claimed: "no", name: "", phone: "", address: "" });
  // Quoting is minimal and exact: a quote-bearing field is quoted with doubled quotes.
  assert.ok(reply.text.includes('"Room 5, ""Blue"" Tower, 88 Nanjing Road"'), reply.text);
  assert.ok(reply.text.includes(",张伟,"), reply.text);
});

test("a shipping address keeps its line breaks (LF or CRLF); other control characters in it, and a line break in the name, are refused with 400 at that field", async () => {
  const id = "api-claim-lines";
  await create(alwaysWins(id));
  const { claim_token: token } = await winFor(id, "alice");
  const lines = ['Flat 3, "Plum" House', "12 Garden Road", "Shanghai 200000"];
  const shipping = { name: "李娜", phone: "+86 21 5555 0100", address: lines.join("\n") };
  for (const [what, control] of [
    ["NUL", "\u0000"],
    ["a tab", "\t"],
    ["a bell", "\u0007"],
    ["an escape", "\u001b"],
    ["DEL", "\u007f"],
  ]) {
    const refused = await putClaim(id, token, { ...shipping, address: `12 Garden${control} Road, Shanghai` });
    assert.equal(refused.json?.error?.field, "/address", `${what} in the address: ${refused.text}`);
    assertError(refused, 400, "invalid_request", "/address");
  }
  assertError(await putClaim(id, token, { ...shipping, name: "李\r\n娜" }), 400, "invalid_request", "/name");
  assertError(await putClaim(id, token, { ...shipping, name: "李\n娜" }), 400, "invalid_request", "/name");
  assert.equal((await getClaim(id, token)).json.shipping, null, "nothing refused was stored");

  const linesOf = (text) => text.split(/\r?\n/);
  for (const [what, address] of [
    ["LF", lines.join("\n")],
    ["CRLF", lines.join("\r\n")],
  ]) {
    const put = await putClaim(id, token, { ...shipping, address });
    assert.equal(put.status, 200, `${what}: ${put.text}`);
    assert.deepEqual(linesOf(put.json.shipping.address), lines, `${what}: the reply keeps the lines`);
    const got = await getClaim(id, token);
    assert.deepEqual(linesOf(got.json.shipping.address), lines, `${what}: the claim keeps the lines`);
  }
});

// ---------------------------------------------------------------------------
// Routing and static files

test("an unknown /api path gets 404 not_found", async () => {
  // The old paths that carried a player id are gone.
  for (const path of [
    "/api/v1/nothing",
    "/api/v2/campaigns/x",
    "/api/v1/campaigns/x/draws/extra",
    "/api/",
    "/api/v1/campaigns/x/claims/alice",
    "/api/v1/campaigns/x/players/alice",
    "/api/v1/campaigns/x/claim/alice",
  ]) {
    assertError(await api.call("GET", path), 404, "not_found");
  }
});

test("a known path with the wrong method gets 405 method_not_allowed", async () => {
  const cases = [
    ["DELETE", "/api/v1/campaigns/api-anything", "GET"],
    ["GET", "/api/v1/campaigns/api-anything/draws", "POST"],
    ["POST", "/api/v1/campaigns/api-anything/claim", "GET, PUT"],
    ["GET", "/api/v1/campaigns/api-anything/player-status", "POST"],
    ["DELETE", "/api/v1/admin/campaigns/api-anything", "PUT, GET"],
    ["GET", "/api/v1/admin/campaigns/api-anything/pause", "POST"],
    ["POST", "/api/v1/admin/campaigns/api-anything/stats", "GET"],
  ];
  for (const [method, path, allow] of cases) {
    const reply = await api.call(method, path);
    assertError(reply, 405, "method_not_allowed");
    const allowed = (reply.headers.get("allow") ?? "")
      .split(/\s*,\s*/)
      .sort()
      .join(", ");
    assert.equal(allowed, allow.split(", ").sort().join(", "), `Allow of ${method} ${path}`);
  }
});

test("GET / serves the frontend's index.html", async () => {
  const response = await service.fetch("/");
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type"), /^text\/html/);
  assert.equal(await response.text(), readFileSync(join(root, "frontend", "index.html"), "utf8"));
});

// What an attacker tries in the first hour, against the real runtime: secrets
// that fail closed, logs that hold nothing a player sent, spreadsheet
// formulas that stay text in the CSV, request ids that expire as keys to a
// claim, unknown campaigns that never reach an object, the per-address draw
// limit (oversize bodies, streamed or not, are in bad-input.test.mjs).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  ADMIN_KEY,
  TICKET_SECRET,
  campaignOpenToday,
  client,
  parseCsv,
  root,
  sleep,
  startService,
} from "./harness.mjs";
import { filesUnder, objectDatabases, query } from "./object-storage.mjs";

// Each service gets a port of its own (8872-8879): a stopped runtime may still hold its port for a moment.
let nextPort = 8872;
const services = [];
after(async () => {
  for (const service of services) await service.stop();
});

async function start(options = {}) {
  const service = await startService({ port: nextPort++, ...options });
  services.push(service);
  return service;
}

async function stop(service) {
  services.splice(services.indexOf(service), 1);
  await service.stop();
}

const requestId = (label) => `${label}-${crypto.randomUUID()}`;
const sure = { prize_table: { prizes: [{ id: "sure", name: "Sure Thing", stock: 1000, odds: "1" }] } };
const waitForLog = () => sleep(1500);

test("a missing or short SEAL_KEY or ADMIN_KEY fails closed: 500 server_misconfigured, and the log names the secret once, never its value", async () => {
  const shortSeal = "only-twenty-chars-ok";
  const service = await start({ vars: { SEAL_KEY: shortSeal } });
  const api = client(service);
  assert.equal((await api.putCampaign(campaignOpenToday("misconfigured", sure))).status, 201);
  for (let i = 0; i < 3; i++) {
    const draw = await api.draw("misconfigured", { player: `p${i}`, request_id: requestId("draw") });
    assert.equal(draw.status, 500, draw.text);
    assert.equal(draw.json.error.code, "server_misconfigured");
  }
  const claim = await api.call("GET", "/api/v1/campaigns/misconfigured/claim", undefined, {
    authorization: `Bearer ${"A".repeat(24)}`,
  });
  assert.equal(claim.json?.error?.code, "server_misconfigured", claim.text);
  const csv = await api.admin("GET", "misconfigured/winners.csv");
  assert.equal(csv.json?.error?.code, "server_misconfigured", csv.text);
  // Nothing was drawn under the weak key.
  const stats = await api.admin("GET", "misconfigured/stats");
  assert.equal(stats.status, 200, stats.text);
  assert.equal(
    stats.json.days.reduce((sum, day) => sum + day.draws, 0),
    0,
  );
  await waitForLog();
  const log = service.output();
  assert.equal(log.match(/the secret SEAL_KEY is shorter than 32 characters/g)?.length, 1, log);
  assert.ok(!log.includes(shortSeal), "the log never shows the secret's value");
  await stop(service);

  const noAdmin = await start({ vars: { ADMIN_KEY: "" } });
  for (const key of ["", "anything"]) {
    const reply = await noAdmin.fetch("/api/v1/admin/campaigns", { headers: { authorization: `Bearer ${key}` } });
    assert.equal(reply.status, 500);
    assert.equal((await reply.json()).error.code, "server_misconfigured");
  }
  await waitForLog();
  assert.equal(noAdmin.output().match(/the secret ADMIN_KEY is not set/g)?.length, 1, noAdmin.output());
  await stop(noAdmin);
});

/** A player status request. */
const playerStatus = (api, id, body) => api.call("POST", `/api/v1/campaigns/${id}/player-status`, body);

/** Five marked players each ask their status, draw and send and read shipping details; their claim tokens. */
async function drawAndClaimAsMarkedPlayers(api, mark) {
  const bearers = [];
  for (let i = 0; i < 5; i++) {
    const player = `${mark}-player-${i}`;
    assert.equal((await playerStatus(api, "private", { player })).status, 200);
    const draw = await api.draw("private", { player, request_id: requestId(mark) });
    assert.equal(draw.status, 200, draw.text);
    bearers.push(draw.json.draw.claim_token);
    const auth = { authorization: `Bearer ${draw.json.draw.claim_token}` };
    const shipping = {
      name: `${mark} Name ${i}`,
      phone: `+86 139 0000 000${i}`,
      address: `${mark} Street ${i}\nFloor 2`,
    };
    assert.equal((await api.call("PUT", "/api/v1/campaigns/private/claim", shipping, auth)).status, 200);
    assert.equal((await api.call("GET", "/api/v1/campaigns/private/claim", undefined, auth)).status, 200);
  }
  return bearers;
}

/** A ticket campaign's player with a real ticket (the marked player and the ticket both stay out of the log); the ticket. */
async function drawWithARealTicket(api, mark) {
  const ticketed = `${mark}-ticketed`;
  const ticket = execFileSync(
    join(root, "build", "native", "blindbox"),
    ["ticket", "--campaign", "private-ticket", "--player", ticketed, "--expires-in", "600"],
    {
      env: { ...process.env, BLINDBOX_TICKET_SECRET: TICKET_SECRET },
      encoding: "utf8",
    },
  ).trim();
  assert.equal((await playerStatus(api, "private-ticket", { player: ticketed, ticket })).status, 200);
  const ticketDraw = await api.draw("private-ticket", { player: ticketed, request_id: requestId(mark), ticket });
  assert.equal(ticketDraw.status, 200, ticketDraw.text);
  return ticket;
}

/** Refusals quote nothing either: malformed JSON, lone surrogates, wrong tokens and tickets, unknown fields. */
async function sendRefusedRequests(api, mark, ticket) {
  const refused = [
    ["POST", "/api/v1/campaigns/private/draws", `{"player": "${mark}-broken`],
    ["POST", "/api/v1/campaigns/private/draws", `{"player": "${mark}\\ud800", "request_id": "${requestId(mark)}"}`],
    ["POST", "/api/v1/campaigns/private/draws", JSON.stringify({ player: mark, request_id: mark, [mark]: 1 })],
    ["POST", "/api/v1/campaigns/private/player-status", JSON.stringify({ player: mark, [mark]: 1 })],
    ["POST", "/api/v1/campaigns/private/player-status", `{"player": "${mark}\\udc00"}`],
    ["POST", "/api/v1/campaigns/private-ticket/player-status", JSON.stringify({ player: mark, ticket: `${mark}.x` })],
    ["POST", "/api/v1/campaigns/private-ticket/player-status", JSON.stringify({ player: mark, ticket })],
    [
      "POST",
      "/api/v1/campaigns/private-ticket/draws",
      JSON.stringify({ player: mark, request_id: requestId(mark), ticket }),
    ],
    ["PUT", "/api/v1/campaigns/private/claim", JSON.stringify({ name: mark, phone: "12345", address: mark })],
    ["PUT", "/api/v1/admin/campaigns/private", `{"id": "private", "title": "${mark}\\udc00"}`],
    ["PUT", "/api/v1/admin/campaigns/private", JSON.stringify({ ...campaignOpenToday("private"), title: { mark } })],
  ];
  for (const [method, path, body] of refused) {
    const headers = path.includes("/admin/")
      ? { authorization: `Bearer ${ADMIN_KEY}` }
      : { authorization: `Bearer ${mark}` };
    const reply = await api.call(method, path, body, headers);
    assert.ok(reply.status >= 400 && reply.status < 500, `${method} ${path}: ${reply.status} ${reply.text}`);
  }
}

/**
 * The log shows what an access log records, a line per request with its path
 * as sent, and none of the marked values, claim tokens or tickets.
 */
function checkLogHoldsNothingSent(log, { mark, pathValue, bearers }) {
  for (const line of [
    "POST /api/v1/campaigns/private/draws",
    "POST /api/v1/campaigns/private/player-status",
    "POST /api/v1/campaigns/private-ticket/player-status",
    "PUT /api/v1/campaigns/private/claim",
    "GET /api/v1/campaigns/private/claim",
  ]) {
    assert.ok(log.includes(line), `the log shows the request line ${JSON.stringify(line)}:\n${log}`);
  }
  // What a URL carries does reach the log (here, a value sent in an old-style path, a 404 now):
  // the reason no endpoint takes a player's id or ticket in its URL.
  assert.ok(
    log.includes(`/api/v1/campaigns/private/claims/${pathValue}`),
    `the request line shows the path as sent:\n${log}`,
  );
  assert.ok(!log.includes(mark), `the log holds a marked value:\n${log}`);
  for (const secret of bearers) assert.ok(!log.includes(secret), `the log holds a claim token or ticket:\n${log}`);
}

test("nothing a player sends reaches the log, request lines included: marked ids, tickets, names, phones and addresses, in draws, status, claims and refused requests", async () => {
  // wrangler's default log level ("log"): the runtime's request lines, which
  // record every path as an access log does, and everything the Worker logs.
  const service = await start({ logLevel: "log" });
  const api = client(service);
  const mark = `MARK${Date.now().toString(36)}`;
  const pathValue = `PATH${Date.now().toString(36)}`;
  assert.equal((await api.putCampaign(campaignOpenToday("private", sure))).status, 201);
  assert.equal(
    (await api.putCampaign(campaignOpenToday("private-ticket", { ...sure, identity: "ticket" }))).status,
    201,
  );
  // Claim tokens and the ticket: secrets the log must not show either.
  const bearers = await drawAndClaimAsMarkedPlayers(api, mark);
  const ticket = await drawWithARealTicket(api, mark);
  bearers.push(ticket);
  await sendRefusedRequests(api, mark, ticket);
  assert.equal((await api.call("GET", `/api/v1/campaigns/private/claims/${pathValue}`)).status, 404);
  assert.equal((await api.admin("GET", "private/winners.csv")).status, 200);
  await waitForLog();
  const log = service.output();
  checkLogHoldsNothingSent(log, { mark, pathValue, bearers });
  await stop(service);
});

test("winners.csv makes every cell a spreadsheet would run as a formula inert with a leading ', and keeps an address's lines in one cell", async () => {
  const service = await start();
  const api = client(service);
  assert.equal((await api.putCampaign(campaignOpenToday("formulas", sure))).status, 201);
  const players = ['=HYPERLINK("http://x")', "+1-555", "-2+3", "@SUM(1+1)", "plain-player"];
  const names = ["@SUM(1+1)*cmd|' /C calc'!A0", "=1+1", "+cmd", "-cmd", "Han Meimei"];
  const address = "2 Autumn Lane\nSuzhou 215000\nChina";
  for (const [i, player] of players.entries()) {
    const draw = await api.draw("formulas", { player, request_id: requestId("formula") });
    assert.equal(draw.status, 200, draw.text);
    const auth = { authorization: `Bearer ${draw.json.draw.claim_token}` };
    const shipping = { name: names[i], phone: "+86 139 0000 0000", address };
    const put = await api.call("PUT", "/api/v1/campaigns/formulas/claim", shipping, auth);
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json.shipping.address, address, "line breaks are kept");
  }
  const csv = (await api.admin("GET", "formulas/winners.csv")).text;
  const cells = parseCsv(csv).flat();
  for (const cell of cells) {
    assert.ok(!/^[=+\-@\t\r]/.test(cell), `a live formula cell: ${JSON.stringify(cell)}`);
  }
  for (const value of [...players.slice(0, 4), ...names.slice(0, 4)]) {
    assert.ok(cells.includes(`'${value}`), `${value} is written as text with a leading '`);
  }
  assert.ok(cells.includes("plain-player") && cells.includes("Han Meimei"), "other cells are as they were");
  assert.ok(cells.includes(address), "the address is one cell with its lines");
  await stop(service);
});

test("a request id is stored only as its hash; a retry after 24 hours gets the draw without the claim token", async () => {
  const stateDir = mkdtempSync(join(tmpdir(), "blindbox-hardening-"));
  try {
    let service = await start({ persistDir: stateDir });
    let api = client(service);
    assert.equal((await api.putCampaign(campaignOpenToday("retry-window", sure))).status, 201);
    const id = requestId("tap");
    const first = await api.draw("retry-window", { player: "alice", request_id: id });
    assert.equal(first.json.draw.outcome, "win", first.text);
    assert.deepEqual((await api.draw("retry-window", { player: "alice", request_id: id })).json, first.json);
    await stop(service);

    const [file] = objectDatabases(stateDir).filter(
      (path) => query(path, "SELECT name FROM sqlite_master WHERE name = 'entries'").length,
    );
    const stored = query(file, "SELECT request_id FROM entries")[0].request_id;
    const hash = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(id));
    assert.equal(stored, Buffer.from(hash).toString("hex"), "the entry holds SHA-256(request_id), not the id");
    for (const path of filesUnder(join(stateDir, "v3", "do"))) {
      assert.ok(!readFileSync(path).includes(id), `${path} holds the request id in clear`);
    }
    // The draw happened 25 hours ago.
    query(file, "UPDATE entries SET drawn_at = drawn_at - 25 * 3600 * 1000", { write: true });

    service = await start({ persistDir: stateDir });
    api = client(service);
    const late = await api.draw("retry-window", { player: "alice", request_id: id });
    assert.equal(late.status, 200, late.text);
    const { claim_token, ...withoutToken } = first.json.draw;
    assert.ok(claim_token);
    assert.deepEqual(late.json.draw, withoutToken, "the same draw, without its claim token");
    await stop(service);
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
});

test("requests for campaigns that do not exist never reach an object: nothing is stored for them, uploads included", async () => {
  const stateDir = mkdtempSync(join(tmpdir(), "blindbox-hardening-"));
  try {
    const service = await start({ persistDir: stateDir });
    const api = client(service);
    for (let i = 0; i < 20; i++) {
      const id = `ghost-${i}`;
      const replies = [
        await api.call("GET", `/api/v1/campaigns/${id}`),
        await api.draw(id, { player: "p", request_id: requestId("ghost") }),
        await api.call("POST", `/api/v1/campaigns/${id}/player-status`, { player: "p" }),
        await api.call("GET", `/api/v1/campaigns/${id}/claim`, undefined, {
          authorization: `Bearer ${"A".repeat(24)}`,
        }),
        await api.admin("GET", id),
        await api.admin("POST", `${id}/pause`),
        await api.admin("GET", `${id}/stats`),
        await api.admin("GET", `${id}/winners`),
        await api.admin("GET", `${id}/winners.csv`),
      ];
      for (const reply of replies) {
        assert.equal(reply.status, 404, reply.text);
        assert.equal(reply.json.error.code, "campaign_not_found");
      }
    }
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const upload = await service.fetch("/api/v1/admin/campaigns/ghost-0/media", {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "image/png" },
      body: png,
    });
    assert.equal(upload.status, 404);
    assert.equal((await upload.json()).error.code, "campaign_not_found");
    assert.deepEqual(objectDatabases(stateDir), [], "no object storage was made");
    await stop(service);
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
});

test("draws and claims are limited per client address as well (counted apart): past the limit a script gets 429 with Retry-After", async () => {
  const service = await start({ vars: { ADDRESS_RATE_LIMIT: "on" } });
  const api = client(service);
  assert.equal(
    (await api.putCampaign(campaignOpenToday("drain", { limits: { draws_per_day: 1 }, ...sure }))).status,
    201,
  );
  const replies = [];
  // 120 a minute (wrangler.toml): 300 fresh players cross it whatever the window boundary.
  for (let i = 0; i < 300; i++) {
    replies.push(await api.draw("drain", { player: `script-${i}`, request_id: requestId("drain") }));
  }
  const won = replies.filter((reply) => reply.status === 200);
  const limited = replies.filter((reply) => reply.status === 429);
  assert.ok(won.length >= 120 && won.length <= 240, `${won.length} draws went through`);
  assert.equal(won.length + limited.length, replies.length, "every other draw was rate limited");
  assert.equal(limited[0].json.error.code, "rate_limited");
  assert.equal(limited[0].headers.get("retry-after"), "60");

  // Claims name no player: a script guessing tokens is slowed per address. The draws
  // above used up the address's draws, not its claims: the first claims go through.
  const token = won[0].json.draw.claim_token;
  const own = await api.call("GET", "/api/v1/campaigns/drain/claim", undefined, { authorization: `Bearer ${token}` });
  assert.equal(own.status, 200, own.text);
  const guesses = [];
  const shipping = { name: "A", phone: "12345", address: "Somewhere 1" };
  for (let i = 0; i < 300; i++) {
    const auth = {
      authorization: `Bearer ${Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64url")}`,
    };
    // Every third guess is a PUT: GET and PUT count against the same limit.
    const method = i % 3 === 2 ? "PUT" : "GET";
    guesses.push({
      method,
      ...(await api.call(method, "/api/v1/campaigns/drain/claim", method === "PUT" ? shipping : undefined, auth)),
    });
  }
  const missed = guesses.filter((reply) => reply.status === 404).length;
  const slowed = guesses.filter((reply) => reply.status === 429);
  assert.ok(missed >= 119 && missed <= 240, `${missed} guesses were answered`);
  assert.equal(missed + slowed.length, guesses.length, "every other guess was rate limited");
  assert.equal(slowed[0].json.error.code, "rate_limited");
  assert.equal(slowed[0].headers.get("retry-after"), "60");
  assert.ok(
    slowed.some((reply) => reply.method === "PUT") && slowed.some((reply) => reply.method === "GET"),
    "GETs and PUTs alike",
  );
  await stop(service);
});

test("every reply the Worker makes itself can run nothing, be framed nowhere and not be sniffed: API JSON, errors, CSV and /media/", async () => {
  const service = await start();
  const api = client(service);
  assert.equal((await api.putCampaign(campaignOpenToday("headers"))).status, 201);
  const replies = {
    health: await api.call("GET", "/api/v1/health"),
    "an error": await api.call("GET", "/api/v1/nothing-here"),
    "a draw": await api.draw("headers", { player: "h", request_id: requestId("headers") }),
    "the CSV": await api.admin("GET", "headers/winners.csv"),
    "a missing picture": await api.call("GET", `/media/headers/${"0".repeat(64)}.png`),
  };
  for (const [what, reply] of Object.entries(replies)) {
    assert.equal(
      reply.headers.get("content-security-policy"),
      "default-src 'none'; frame-ancestors 'none'; sandbox",
      what,
    );
    assert.equal(reply.headers.get("x-content-type-options"), "nosniff", what);
    assert.equal(reply.headers.get("x-frame-options"), "DENY", what);
    assert.equal(reply.headers.get("referrer-policy"), "no-referrer", what);
  }
  assert.equal(replies["a draw"].headers.get("cache-control"), "no-store", "a draw reply carries a claim token");
  assert.equal(replies["the CSV"].headers.get("cache-control"), "no-store", "the CSV carries addresses");
  await stop(service);
});

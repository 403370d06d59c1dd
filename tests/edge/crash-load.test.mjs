// Load and crashes: mixed traffic against two small-stock campaigns while the
// runtime is killed with SIGKILL three times and restarted on the same state.
// Then, from the API and from the Durable Objects' SQLite files: no prize
// issued past its stock, counters equal to what the entries say, no player
// past a limit, every win a client was told of present with its claim opening
// under its token, every retry of an acknowledged draw given the identical
// reply, every acknowledged shipping update kept.
//
//   BLINDBOX_LOAD_SECONDS=60 node --test tests/edge/crash-load.test.mjs
//
// BLINDBOX_LOAD_SECONDS (default 30) is the traffic's wall time, downtime
// included; BLINDBOX_LOAD_CLIENTS (default 12) the concurrent virtual clients;
// BLINDBOX_LOAD_SEED makes the clients' choices repeatable (the runtime's are
// not). Traffic goes to 127.0.0.1 only, and every loop is bounded in count and
// time. It prints one line of figures; failures list the first violations.
//
// Over 400 lines on purpose: one scenario (traffic, three kills, the audit)
// over one service; its steps are the named functions below.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ADMIN_KEY, localDate, sleep, startService } from "./harness.mjs";
import { campaignFiles, readCampaignFile, unseal } from "./object-storage.mjs";

const PORT = 8840;
const SECONDS = Number(process.env.BLINDBOX_LOAD_SECONDS ?? 30);
const CLIENTS = Number(process.env.BLINDBOX_LOAD_CLIENTS ?? 12);
const SEED = Number(process.env.BLINDBOX_LOAD_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = 3;
const MIN_UPTIME_MS = 2000; // traffic between a restart and the next kill (and the end)
const REQUEST_TIMEOUT_MS = 15_000;
const MAX_RECORDED_VIOLATIONS = 200;

assert.ok(Number.isFinite(SECONDS) && SECONDS >= 5 && SECONDS <= 600, "BLINDBOX_LOAD_SECONDS: 5 to 600");
assert.ok(Number.isInteger(CLIENTS) && CLIENTS >= 1 && CLIENTS <= 64, "BLINDBOX_LOAD_CLIENTS: 1 to 64");

// ---------------------------------------------------------------------------
// The campaigns: small stock, both limits, pity, a deck that can run out.

/** A whole-hour UTC offset that puts the campaign's clock near noon, far from a day change. */
function noonOffsetMinutes() {
  const now = new Date();
  let hours = Math.round(12 - (now.getUTCHours() + now.getUTCMinutes() / 60));
  if (hours < -12) hours += 24;
  if (hours > 14) hours -= 24;
  return hours * 60;
}
const OFFSET = noonOffsetMinutes();
const UTC_OFFSET = `${OFFSET < 0 ? "-" : "+"}${String(Math.abs(OFFSET) / 60).padStart(2, "0")}:00`;
const window_ = { first_day: localDate(OFFSET, -1), last_day: localDate(OFFSET, 30) };

const CAMPAIGNS = {
  // Odds model: a daily limit of 3 (the campaign limit is never reached in one
  // day), pity after 2 blanks, prizes that sell out during the run.
  "load-odds": {
    id: "load-odds",
    title: "Load test, odds",
    utc_offset: UTC_OFFSET,
    window: window_,
    pool: "odds",
    sold_out: "lose",
    limits: { draws_per_day: 3, draws_per_campaign: 10 },
    pity: { after: 2, prizes: ["bronze"] },
    prize_table: {
      prizes: [
        { id: "gold", name: "Gold", stock: 5, odds: "1/3000" },
        { id: "silver", name: "Silver", stock: 15, odds: "1/400" },
        { id: "bronze", name: "Bronze", stock: 20, odds: "1/100" },
      ],
    },
  },
  // Deck model: a campaign limit of 2 (below the daily 5), boxes that run out.
  "load-deck": {
    id: "load-deck",
    title: "Load test, deck",
    utc_offset: UTC_OFFSET,
    window: window_,
    pool: "deck",
    limits: { draws_per_day: 5, draws_per_campaign: 2 },
    prize_table: {
      boxes: Math.max(300, Math.round(SECONDS * 20)), // runs out during the run on this 2-core machine
      prizes: [
        { id: "secret", name: "Secret figure", stock: 2 },
        { id: "figure", name: "Figure", stock: 10 },
        { id: "keychain", name: "Keychain", stock: 20 },
      ],
    },
  },
};
const CAMPAIGN_IDS = Object.keys(CAMPAIGNS);

// ---------------------------------------------------------------------------
// Bookkeeping: what clients sent and what they were told.

const figures = {
  requests: 0,
  draws: 0,
  retries: 0,
  retriesCompared: 0,
  recoveries: 0,
  claimReads: 0,
  shippingSent: 0,
  shippingAcked: 0,
  acked200: 0,
  wins: 0,
  refused: {},
  throttled: 0,
  unacknowledged: 0,
  kills: 0,
  downtimeMs: 0,
};
const violations = [];
const violationCounts = {};
function violation(kind, detail) {
  violationCounts[kind] = (violationCounts[kind] ?? 0) + 1;
  if (violations.length < MAX_RECORDED_VIOLATIONS) violations.push(`${kind}: ${detail}`);
}

/** Draw requests by `${campaign} ${player} ${request_id}`. */
const requests = new Map();
const requestList = [];
/** Players by campaign. */
const players = Object.fromEntries(CAMPAIGN_IDS.map((id) => [id, []]));
/** Claims by entry key `${campaign} ${entryId}`: one per acknowledged win. */
const claims = new Map();

let serviceBase = "";
let service;
const stateDir = mkdtempSync(join(tmpdir(), "blindbox-crash-load-"));

/** mulberry32: the clients' choices, repeatable from BLINDBOX_LOAD_SEED. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One HTTP request. `ack` is false when the client got no answer from the
 * service: a connection error, a timeout, a reply cut short, or wrangler dev's
 * proxy saying the runtime restarted mid-request. Whether such a request took
 * effect is unknown.
 */
/** Answered requests per second of the run (BLINDBOX_LOAD_VERBOSE prints it). */
const timeline = [];
let timelineStart = 0;

async function send(method, path, body, headers = {}) {
  figures.requests++;
  const init = { method, headers: { ...headers }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  try {
    const response = await fetch(serviceBase + path, init);
    const text = await response.text();
    if (response.status === 503 && text.startsWith("Your worker restarted mid-request")) {
      return { ack: false, why: "proxy 503" };
    }
    if (timelineStart > 0) {
      const second = Math.floor((Date.now() - timelineStart) / 1000);
      if (second < 3600) timeline[second] = (timeline[second] ?? 0) + 1;
    }
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { ack: true, status: response.status, text, json };
  } catch (error) {
    return { ack: false, why: error?.cause?.code ?? error?.name ?? String(error) };
  }
}

const drawPath = (campaign) => `/api/v1/campaigns/${campaign}/draws`;
// A claim is named by its token alone (Authorization), never by the player.
const claimPath = (campaign) => `/api/v1/campaigns/${campaign}/claim`;
const admin = { authorization: `Bearer ${ADMIN_KEY}` };

const describeRequest = (request) => `${request.campaign} ${request.player} ${request.requestId}`;

function newRequest(campaign, player) {
  const request = {
    campaign,
    player,
    requestId: crypto.randomUUID(),
    okText: null, // the acknowledged 200 reply, byte for byte
    okJson: null,
    refused: null, // the code of an acknowledged refusal (409), if any
    unresolved: false, // the last attempt got no answer, and no answer came since
  };
  requests.set(`${campaign} ${player} ${request.requestId}`, request);
  requestList.push(request);
  return request;
}

/**
 * Sends (or resends) a draw request and records what came back. `owner` is
 * the client that keeps a win's claim (shipping updates go one at a time).
 */
async function sendDraw(request, owner) {
  figures.draws++;
  const reply = await send("POST", drawPath(request.campaign), {
    player: request.player,
    request_id: request.requestId,
  });
  if (!reply.ack) {
    figures.unacknowledged++;
    request.unresolved = true;
    return reply;
  }
  const { status, text, json } = reply;
  if (status === 429 && json?.error?.code === "rate_limited") {
    figures.throttled++;
    return reply;
  }
  request.unresolved = false;
  if (status === 200 && json?.draw) {
    if (request.okText === null) {
      if (request.refused !== null) {
        violation("refused request later drawn", `${describeRequest(request)}: ${request.refused}, then ${text}`);
      }
      request.okText = text;
      request.okJson = json;
      figures.acked200++;
      if (json.draw.outcome === "win") {
        figures.wins++;
        const key = `${request.campaign} ${json.draw.id}`;
        if (claims.has(key)) {
          violation("one entry id, two wins", `${key}: ${claims.get(key).player} and ${request.player}`);
        } else {
          claims.set(key, {
            campaign: request.campaign,
            player: request.player,
            requestId: request.requestId,
            entryId: json.draw.id,
            day: json.draw.day,
            prizeId: json.draw.prize?.id,
            token: json.draw.claim_token,
            owner,
            lastAcked: null, // the shipping details the service last confirmed
            unknown: [], // details sent since, with no answer: each may or may not be stored
            busy: false,
            touchedAt: 0,
          });
        }
        if (!/^[A-Za-z0-9_-]{24}$/.test(json.draw.claim_token ?? "")) {
          violation("win without a claim token", `${request.campaign} ${request.player}: ${text}`);
        }
      } else if (json.draw.claim_token !== undefined) {
        violation("blank with a claim token", `${request.campaign} ${request.player}: ${text}`);
      }
    } else {
      figures.retriesCompared++;
      if (text !== request.okText) {
        violation("retry reply differs", `${describeRequest(request)}:\n  first ${request.okText}\n  retry ${text}`);
      }
    }
    return reply;
  }
  if (status === 409 && ["draw_limit_reached", "boxes_exhausted"].includes(json?.error?.code)) {
    figures.refused[json.error.code] = (figures.refused[json.error.code] ?? 0) + 1;
    if (request.okText !== null) {
      violation("acknowledged draw later refused", `${describeRequest(request)}: ${request.okText}, then ${text}`);
    } else if (json.error.code === "draw_limit_reached" || request.refused === null) {
      request.refused = json.error.code;
    }
    if (text.includes("claim_token")) violation("refusal with a claim token", text);
    return reply;
  }
  violation("unexpected draw reply", `${request.campaign} ${request.player}: ${status} ${text.slice(0, 300)}`);
  return reply;
}

let shippingSerial = 0;
function nextShipping() {
  const n = ++shippingSerial;
  return {
    name: `Load Tester ${n}`,
    phone: `+86 138 ${String(n % 10000).padStart(4, "0")} ${String((n * 7919) % 10000).padStart(4, "0")}`,
    address: `Room ${n}\nBuilding ${n % 17}, Lane ${n % 5}\n${n % 2 ? "Hangzhou" : "Suzhou"} 310000`,
  };
}

const sameShipping = (a, b) =>
  a === null || b === null ? a === b : a.name === b.name && a.phone === b.phone && a.address === b.address;

/** Shipping details a claim may hold now: the last confirmed, or one sent after it without an answer. */
function shippingMatches(claim, shipping) {
  if (sameShipping(claim.lastAcked, shipping ?? null)) return true;
  return claim.unknown.some((candidate) => sameShipping(candidate, shipping ?? null));
}

function describeShipping(value) {
  return value === null ? "null" : JSON.stringify(value.name);
}

async function readClaim(claim, { final = false } = {}) {
  figures.claimReads++;
  const reply = await send("GET", claimPath(claim.campaign), undefined, { authorization: `Bearer ${claim.token}` });
  if (!reply.ack || (reply.status === 429 && reply.json?.error?.code === "rate_limited")) return reply;
  if (reply.status !== 200) {
    const kind = reply.status === 404 ? "acknowledged win without its claim" : "unexpected claim reply";
    violation(
      kind,
      `${claim.campaign} entry ${claim.entryId} (${claim.player}): ${reply.status} ${reply.text.slice(0, 200)}`,
    );
    return reply;
  }
  const body = reply.json;
  if (body?.prize?.id !== claim.prizeId || body?.day !== claim.day) {
    violation(
      "claim shows another prize",
      `${claim.campaign} entry ${claim.entryId}: won ${claim.prizeId} on ${claim.day}, claim says ${reply.text.slice(0, 200)}`,
    );
  }
  if (!shippingMatches(claim, body?.shipping ?? null)) {
    violation(
      "acknowledged shipping update lost",
      `${claim.campaign} entry ${claim.entryId}${final ? " (final)" : ""}: holds ${describeShipping(body?.shipping ?? null)}, ` +
        `last acknowledged ${describeShipping(claim.lastAcked)}, ` +
        `unanswered since ${claim.unknown.map(describeShipping).join(", ") || "none"}`,
    );
  } else {
    // Updates are sent one at a time and each value once, so what the claim
    // holds now settles the unanswered ones: the one it shows was stored, the
    // others were not (and cannot be later: their runtime is gone).
    claim.lastAcked = body?.shipping ?? null;
    claim.unknown = [];
  }
  return reply;
}

async function updateShipping(claim) {
  const shipping = nextShipping();
  figures.shippingSent++;
  const reply = await send("PUT", claimPath(claim.campaign), shipping, { authorization: `Bearer ${claim.token}` });
  if (!reply.ack) {
    claim.unknown.push(shipping);
    return reply;
  }
  if (reply.status === 429 && reply.json?.error?.code === "rate_limited") return reply;
  if (reply.status !== 200) {
    const kind = reply.status === 404 ? "acknowledged win without its claim" : "unexpected shipping reply";
    violation(
      kind,
      `${claim.campaign} entry ${claim.entryId} (${claim.player}, shipping): ${reply.status} ${reply.text.slice(0, 300)}`,
    );
    return reply;
  }
  figures.shippingAcked++;
  if (!sameShipping(reply.json?.shipping ?? null, shipping)) {
    violation(
      "shipping reply differs from what was sent",
      `${claim.campaign} entry ${claim.entryId}: ${reply.text.slice(0, 300)}`,
    );
  }
  claim.lastAcked = shipping;
  claim.unknown = [];
  return reply;
}

// ---------------------------------------------------------------------------
// The traffic.

let trafficEnd = 0;

/**
 * A virtual client. Each turn, one of: resend its own unanswered draw (same
 * player and request id, with a back-off while the service is down); 20% a
 * retry of any earlier draw request; 10% read one of its claims; 10% update
 * its shipping details; 30% a new player's first draw; 30% a returning
 * player's next draw.
 */
async function virtualClient(index) {
  const rng = random(SEED + index * 7919);
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const own = { unresolved: [], claims: () => [...claims.values()].filter((c) => c.owner === index) };
  let failures = 0;
  let turns = 0;
  const backOff = async (reply) => {
    if (reply.ack) {
      failures = 0;
      return;
    }
    failures++;
    await sleep(Math.min(50 * failures, 500));
  };
  while (Date.now() < trafficEnd && turns++ < 1_000_000) {
    if (own.unresolved.length > 0) {
      const request = own.unresolved[0];
      if (!request.unresolved) {
        own.unresolved.shift();
        continue;
      }
      figures.recoveries++;
      const reply = await sendDraw(request, index);
      if (!request.unresolved) own.unresolved.shift();
      await backOff(reply);
      continue;
    }
    const roll = rng();
    if (roll < 0.2 && requestList.length > 0) {
      figures.retries++;
      const request = pick(requestList);
      const reply = await sendDraw(request, index);
      if (request.unresolved && !own.unresolved.includes(request)) own.unresolved.push(request);
      await backOff(reply);
      continue;
    }
    if (roll < 0.4) {
      // A claim of this client's not touched in the last 600 ms (one request at a time per claim).
      const ready = own.claims().filter((c) => !c.busy && Date.now() - c.touchedAt > 600);
      if (ready.length > 0) {
        const claim = pick(ready);
        claim.busy = true;
        claim.touchedAt = Date.now();
        try {
          const reply = roll < 0.3 ? await readClaim(claim) : await updateShipping(claim);
          await backOff(reply);
        } finally {
          claim.busy = false;
        }
        continue;
      }
    }
    const campaign = rng() < 0.5 ? CAMPAIGN_IDS[0] : CAMPAIGN_IDS[1];
    let player;
    if (rng() < 0.5 || players[campaign].length === 0) {
      player = `c${index}-${turns}-${crypto.randomUUID().slice(0, 8)}`;
      players[campaign].push(player);
    } else {
      player = pick(players[campaign]);
    }
    const request = newRequest(campaign, player);
    const reply = await sendDraw(request, index);
    if (request.unresolved) own.unresolved.push(request);
    await backOff(reply);
  }
}

/** Kills the runtime KILLS times, spread over the run, restarting it each time. */
async function killer(start) {
  let readyAt = start;
  for (let k = 1; k <= KILLS; k++) {
    const jitter = (Math.random() - 0.5) * 1000;
    const at = Math.max(start + (SECONDS * 1000 * k) / (KILLS + 1) + jitter, readyAt + MIN_UPTIME_MS);
    await sleep(Math.max(0, at - Date.now()));
    const down = Date.now();
    await service.kill();
    await service.relaunch();
    readyAt = Date.now();
    figures.kills++;
    figures.downtimeMs += readyAt - down;
    trafficEnd = Math.max(trafficEnd, readyAt + MIN_UPTIME_MS);
  }
}

// ---------------------------------------------------------------------------
// After the traffic: resolve what is still unanswered, then check everything.

/** A request for the checks: repeated while unanswered or rate limited, at most ~30 s. */
async function settled(call) {
  let reply;
  for (let attempt = 0; attempt < 30; attempt++) {
    reply = await call();
    if (reply.ack && !(reply.status === 429 && reply.json?.error?.code === "rate_limited")) return reply;
    await sleep(reply.ack ? 1000 : Math.min(200 * (attempt + 1), 1000));
  }
  return reply;
}

/** Runs `work` on each item, `parallel` at a time. */
async function eachLimited(items, parallel, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** The day's prize table of a definition: its override for `day`, or the default. */
const tableOn = (definition, day) => definition.date_overrides?.[day] ?? definition.prize_table;

/** Counters the core keeps, as the entries (in id order) say they must be. */
function countersFromEntries(definition, entries) {
  const expected = new Map();
  const add = (name) => expected.set(name, (expected.get(name) ?? 0) + 1);
  const pity = new Map();
  for (const entry of entries) {
    add(`draws/${entry.day}/${entry.player}`);
    add(`draws/all/${entry.player}`);
    if (definition.pool === "deck") add(`opened/${entry.day}`);
    if (entry.outcome === "win") add(`issued/${entry.day}/${entry.prize_id}`);
    if (definition.pity) pity.set(entry.player, entry.outcome === "win" ? 0 : (pity.get(entry.player) ?? 0) + 1);
  }
  for (const [player, value] of pity) expected.set(`pity/${player}`, value);
  return expected;
}

/** Counters equal to what the entries say (a counter never written reads 0). */
function checkCountersMatchEntries(id, counters, expected) {
  const actual = new Map(counters.map((row) => [row.name, row.value]));
  const counted = /^(?:draws\/|opened\/|issued\/|pity\/)/;
  for (const name of new Set([...expected.keys(), ...[...actual.keys()].filter((n) => counted.test(n))])) {
    if ((actual.get(name) ?? 0) !== (expected.get(name) ?? 0)) {
      const detail = `${id}: ${name} is ${actual.get(name) ?? 0}, the entries say ${expected.get(name) ?? 0}`;
      violation("counter differs from the entries", detail);
    }
  }
}

/** No prize past its stock, no deck past its boxes, no player past a limit. */
function checkWithinStockAndLimits(id, definition, expected) {
  for (const [name, value] of expected) {
    let match;
    if ((match = name.match(/^issued\/(\d{4}-\d{2}-\d{2})\/(.+)$/))) {
      const prize = tableOn(definition, match[1]).prizes.find((p) => p.id === match[2]);
      if (!prize) violation("win of an unknown prize", `${id}: ${name}`);
      else if (value > prize.stock)
        violation("prize issued past its stock", `${id}: ${name} = ${value} > stock ${prize.stock}`);
    } else if ((match = name.match(/^opened\/(\d{4}-\d{2}-\d{2})$/))) {
      const boxes = tableOn(definition, match[1]).boxes;
      if (value > boxes) violation("boxes opened past the deck", `${id}: ${name} = ${value} > ${boxes}`);
    } else if (name.startsWith("draws/all/")) {
      if (definition.limits.draws_per_campaign !== undefined && value > definition.limits.draws_per_campaign) {
        violation("player past the campaign limit", `${id}: ${name} = ${value}`);
      }
    } else if (name.startsWith("draws/")) {
      if (value > definition.limits.draws_per_day)
        violation("player past the daily limit", `${id}: ${name} = ${value}`);
    }
  }
}

/**
 * Entries: a player's draws numbered 1, 2, ... in order; request ids unique;
 * counts the wins into `facts`; the entries by `${player} ${request_id}`.
 */
function entriesByRequest(id, entries, facts) {
  const drawNumber = new Map();
  const byRequest = new Map();
  for (const entry of entries) {
    const n = (drawNumber.get(entry.player) ?? 0) + 1;
    drawNumber.set(entry.player, n);
    if (entry.player_draw_number !== n) {
      violation(
        "player draw number out of step",
        `${id}: entry ${entry.id} says ${entry.player_draw_number}, expected ${n}`,
      );
    }
    const key = `${entry.player} ${entry.request_id}`;
    if (byRequest.has(key))
      violation("one request drawn twice", `${id}: entries ${byRequest.get(key).id} and ${entry.id}`);
    byRequest.set(key, entry);
    if (entry.outcome === "win") facts.wins++;
  }
  return byRequest;
}

/** Claims: exactly one per win, matching it. */
function checkOneClaimPerWin(id, entries, claimRows, claimByEntry, facts) {
  for (const entry of entries) {
    const claim = claimByEntry.get(String(entry.id));
    if (entry.outcome === "win" && !claim) violation("win without a claim row", `${id}: entry ${entry.id}`);
    if (entry.outcome !== "win" && claim) violation("claim row for a blank", `${id}: entry ${entry.id}`);
    const differs = (row) =>
      row.player !== entry.player ||
      row.day !== entry.day ||
      row.prize_id !== entry.prize_id ||
      row.won_at !== entry.drawn_at;
    if (claim && differs(claim)) {
      violation("claim row differs from its entry", `${id}: entry ${entry.id}`);
    }
  }
  if (claimRows.length !== facts.wins) {
    violation("claims and wins differ in number", `${id}: ${claimRows.length} claims, ${facts.wins} wins`);
  }
}

/** Every acknowledged draw is an entry with the same reply; a win's token opens its claim row. */
function checkAcknowledgedDrawsStored(id, byRequest, claimByEntry) {
  for (const request of requestList) {
    if (request.campaign !== id || request.okJson === null) continue;
    const draw = request.okJson.draw;
    // Entries keep the request id in clear or, as the service now does, only its SHA-256.
    const entry =
      byRequest.get(`${request.player} ${request.requestId}`) ??
      byRequest.get(`${request.player} ${createHash("sha256").update(request.requestId).digest("hex")}`);
    if (!entry || String(entry.id) !== draw.id) {
      violation(
        draw.outcome === "win" ? "acknowledged win lost" : "acknowledged draw lost",
        `${id}: ${request.player} ${request.requestId} was told ${request.okText}, stored: ${entry ? `entry ${entry.id}` : "nothing"}`,
      );
      continue;
    }
    const { id: _id, claim_token: token, ...stored } = draw;
    assert.ok(_id);
    if (JSON.stringify(JSON.parse(entry.reply)) !== JSON.stringify(stored)) {
      violation(
        "stored reply differs from the acknowledged one",
        `${id} entry ${entry.id}: stored ${entry.reply}, told ${request.okText}`,
      );
    }
    if (draw.outcome === "win") {
      const claim = claimByEntry.get(draw.id);
      if (
        !claim ||
        claim.token_hash !==
          createHash("sha256")
            .update(token ?? "")
            .digest("hex")
      ) {
        violation("acknowledged win's token does not open its claim row", `${id}: entry ${draw.id}`);
      }
    }
  }
}

/** Shipping as stored (sealed): what the last acknowledged update, or a later unanswered one, sent. */
async function checkStoredShipping(id, claimByEntry) {
  for (const claim of claims.values()) {
    if (claim.campaign !== id) continue;
    const row = claimByEntry.get(claim.entryId);
    if (!row) continue; // reported above
    let stored = null;
    if (row.shipping_sealed !== null) {
      try {
        stored = JSON.parse(await unseal(row.shipping_sealed));
      } catch (error) {
        violation("sealed shipping does not open", `${id}: entry ${claim.entryId}: ${error.message}`);
        continue;
      }
    }
    if (!shippingMatches(claim, stored)) {
      violation(
        "acknowledged shipping update lost (storage)",
        `${id}: entry ${claim.entryId} holds ${describeShipping(stored)}, last acknowledged ${describeShipping(claim.lastAcked)}`,
      );
    }
    if ((row.shipping_sealed === null) !== (row.shipping_updated_at === null)) {
      violation("shipping and its time disagree", `${id}: entry ${claim.entryId}`);
    }
  }
}

/** The API agrees with the files: per day draws, players, wins; per prize issued (within stock). */
function checkStatsMatchEntries(id, entries, apiStats) {
  for (const day of new Set(entries.map((e) => e.day))) {
    const dayEntries = entries.filter((e) => e.day === day);
    const stats = apiStats.days.find((d) => d.day === day);
    if (!stats) {
      violation("stats miss a day", `${id}: ${day}`);
      continue;
    }
    const want = {
      draws: dayEntries.length,
      players: new Set(dayEntries.map((e) => e.player)).size,
      wins: dayEntries.filter((e) => e.outcome === "win").length,
    };
    for (const [key, value] of Object.entries(want)) {
      if (stats[key] !== value)
        violation("stats differ from the entries", `${id} ${day}: ${key} ${stats[key]}, entries ${value}`);
    }
    for (const prize of stats.prizes) {
      const wins = dayEntries.filter((e) => e.outcome === "win" && e.prize_id === prize.id).length;
      if (prize.issued !== wins) {
        violation("stats differ from the entries", `${id} ${day}: ${prize.id} issued ${prize.issued}, entries ${wins}`);
      }
      if (prize.issued > prize.stock_total) {
        violation(
          "prize issued past its stock (API)",
          `${id} ${day}: ${prize.id} ${prize.issued} > ${prize.stock_total}`,
        );
      }
    }
  }
}

/** The winners list is the claims table, with each claim's shipping. */
function checkWinnersListMatchesClaims(id, apiWinners, claimRows) {
  const listed = new Map(apiWinners.map((w) => [String(w.entry_id), w]));
  if (listed.size !== claimRows.length) {
    violation("winners list differs from the claims", `${id}: ${listed.size} listed, ${claimRows.length} claims`);
  }
  for (const claim of claims.values()) {
    if (claim.campaign !== id) continue;
    const winner = listed.get(claim.entryId);
    if (!winner) {
      violation("acknowledged win missing from the winners list", `${id}: entry ${claim.entryId}`);
      continue;
    }
    if (winner.player !== claim.player || winner.prize?.id !== claim.prizeId) {
      violation("winners list shows another win", `${id}: entry ${claim.entryId}`);
    }
    if (!shippingMatches(claim, winner.shipping ?? null)) {
      violation("acknowledged shipping update lost (winners list)", `${id}: entry ${claim.entryId}`);
    }
  }
}

/**
 * One campaign's object file and API replies against each other and against
 * what the clients were told; every finding is a violation. Its entries, wins,
 * day and issued stock, for the figures.
 */
async function checkCampaign(id, file, apiStats, apiWinners) {
  const definition = CAMPAIGNS[id];
  const { integrity, counters, entries, claimRows, meta } = file;
  const facts = { entries: entries.length, wins: 0 };
  if (integrity !== "ok") violation("database damaged", `${id}: integrity_check says ${integrity}`);
  assert.equal(JSON.parse(meta.definition).id, id);
  const expected = countersFromEntries(definition, entries);
  checkCountersMatchEntries(id, counters, expected);
  checkWithinStockAndLimits(id, definition, expected);
  const byRequest = entriesByRequest(id, entries, facts);
  const claimByEntry = new Map(claimRows.map((row) => [String(row.entry_id), row]));
  checkOneClaimPerWin(id, entries, claimRows, claimByEntry, facts);
  checkAcknowledgedDrawsStored(id, byRequest, claimByEntry);
  await checkStoredShipping(id, claimByEntry);
  checkStatsMatchEntries(id, entries, apiStats);
  checkWinnersListMatchesClaims(id, apiWinners, claimRows);
  // Per prize: issued of stock, for the figures.
  const day = entries.at(-1)?.day;
  facts.day = day;
  facts.issued = Object.fromEntries(
    (day ? tableOn(definition, day).prizes : []).map((p) => [p.id, expected.get(`issued/${day}/${p.id}`) ?? 0]),
  );
  facts.opened = day ? (expected.get(`opened/${day}`) ?? 0) : 0;
  return facts;
}

/** The public view (from KV: the stock snapshot the object publishes about a second after draws) catches up with the counters. */
async function checkPublicStock(id, facts) {
  if (!facts.day) return;
  const definition = CAMPAIGNS[id];
  const want = JSON.stringify({
    issued: Object.fromEntries(
      Object.entries(facts.issued)
        .filter(([, n]) => n > 0)
        .sort(),
    ),
    boxes_opened: definition.pool === "deck" ? facts.opened : 0,
  });
  let seen = "";
  for (let attempt = 0; attempt < 20; attempt++) {
    const view = await settled(() => send("GET", `/api/v1/campaigns/${id}`));
    const stock = view.json?.campaign?.stock;
    if (stock?.day === facts.day) {
      const issued = Object.fromEntries(
        Object.entries(stock.issued ?? {})
          .filter(([, n]) => n > 0)
          .sort(),
      );
      seen = JSON.stringify({ issued, boxes_opened: stock.boxes_opened ?? 0 });
      if (seen === want) return;
    } else {
      seen = view.text?.slice(0, 200) ?? "no answer";
    }
    await sleep(500);
  }
  violation("public stock differs from the counters", `${id}: public ${seen}, counters ${want}`);
}

// ---------------------------------------------------------------------------

before(async () => {
  service = await startService({ port: PORT, persistDir: stateDir, vars: { ADDRESS_RATE_LIMIT: "off" } });
  serviceBase = service.base;
});

after(async () => {
  await service?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Every draw still unanswered is sent again (same player and request id) until it is answered. */
async function resendUnanswered() {
  const unresolved = requestList.filter((r) => r.unresolved);
  await eachLimited(unresolved, 4, async (request) => {
    figures.recoveries++;
    await settled(() => sendDraw(request, -1));
    if (request.unresolved) violation("draw never answered", describeRequest(request));
  });
}

/** Retries after the last restart: every win, and up to 300 other acknowledged draws, once more. */
async function retryAcknowledgedDraws() {
  const acknowledged = requestList.filter((r) => r.okJson !== null);
  const wins = acknowledged.filter((r) => r.okJson.draw.outcome === "win");
  const others = acknowledged.filter((r) => r.okJson.draw.outcome !== "win");
  const sample = [...wins, ...others.filter((_, i) => i % Math.max(1, Math.ceil(others.length / 300)) === 0)];
  await eachLimited(sample, 4, async (request) => {
    figures.retries++;
    await settled(() => sendDraw(request, -1));
  });
}

/** Every acknowledged win's claim opens under its token, with the shipping last acknowledged. */
async function readEveryClaim() {
  await eachLimited([...claims.values()], 4, async (claim) => {
    const reply = await settled(() => readClaim(claim, { final: true }));
    if (!reply.ack) violation("claim never answered", `${claim.campaign} entry ${claim.entryId}`);
  });
}

/** Every page of a campaign's winners list. */
async function allWinners(id) {
  const winners = [];
  let cursor = "";
  for (let page = 0; page < 100 && cursor !== null; page++) {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
    const list = await settled(() => send("GET", `/api/v1/admin/campaigns/${id}/winners${query}`, undefined, admin));
    assert.equal(list.status, 200, list.text);
    winners.push(...list.json.winners);
    cursor = list.json.next_cursor;
  }
  assert.equal(cursor, null, "every winners page was read");
  return winners;
}

/** No player past a limit, as the player status endpoint counts (a sample). */
async function checkPlayerLimitsSample(id) {
  const definition = CAMPAIGNS[id];
  for (const player of players[id].filter((_, i) => i % Math.max(1, Math.ceil(players[id].length / 20)) === 0)) {
    const status = await settled(() => send("POST", `/api/v1/campaigns/${id}/player-status`, { player }));
    if (status.status !== 200) {
      violation("unexpected player status reply", `${id} ${player}: ${status.status} ${status.text?.slice(0, 200)}`);
      continue;
    }
    const { draws_today: today, draws_total: total } = status.json;
    if (today > definition.limits.draws_per_day || total > definition.limits.draws_per_campaign) {
      violation("player past a limit (API)", `${id} ${player}: ${today} today, ${total} in all`);
    }
  }
}

/** Each campaign from the API and from its object's SQLite file; the facts of each, by id. */
async function checkEveryCampaign() {
  const files = campaignFiles(stateDir);
  const facts = {};
  for (const id of CAMPAIGN_IDS) {
    const stats = await settled(() => send("GET", `/api/v1/admin/campaigns/${id}/stats`, undefined, admin));
    assert.equal(stats.status, 200, stats.text);
    const winners = await allWinners(id);
    assert.ok(files[id], `found the SQLite file of ${id}`);
    facts[id] = await checkCampaign(id, readCampaignFile(files[id]), stats.json, winners);
    await checkPublicStock(id, facts[id]);
    await checkPlayerLimitsSample(id);
  }
  return facts;
}

/** The run's figures on the log, one line in all and one per campaign; returns the number of violations. */
function reportFigures(trafficSeconds, facts) {
  const refused =
    Object.entries(figures.refused)
      .map(([code, n]) => `${n} ${code}`)
      .join(", ") || "none";
  const entries = CAMPAIGN_IDS.reduce((sum, id) => sum + facts[id].entries, 0);
  const storedWins = CAMPAIGN_IDS.reduce((sum, id) => sum + facts[id].wins, 0);
  const total = Object.values(violationCounts).reduce((a, b) => a + b, 0);
  const line =
    `crash-load: ${trafficSeconds.toFixed(0)} s, ${CLIENTS} clients, seed ${SEED}: ${figures.requests} requests ` +
    `(${figures.draws} draws, of them ${figures.retries} retries and ${figures.recoveries} resends of unanswered ones; ` +
    `${figures.claimReads} claim reads, ${figures.shippingSent} shipping updates), ` +
    `${figures.acked200} draws acknowledged, ${figures.wins} wins, refused: ${refused}, ${figures.throttled} rate limited, ` +
    `${figures.unacknowledged} draws unanswered at first, ${figures.retriesCompared} retries compared, ` +
    `${figures.shippingAcked} shipping updates acknowledged; stored: ${entries} entries, ${storedWins} wins; ` +
    `kills survived: ${figures.kills} (down ${(figures.downtimeMs / 1000).toFixed(1)} s in all); violations: ${total}`;
  console.log(line);
  for (const id of CAMPAIGN_IDS) {
    const definition = CAMPAIGNS[id];
    const table = definition.prize_table;
    const issued = table.prizes.map((p) => `${p.id} ${facts[id].issued?.[p.id] ?? 0}/${p.stock}`).join(", ");
    const boxes = definition.pool === "deck" ? `, boxes ${facts[id].opened}/${table.boxes}` : "";
    console.log(`crash-load: ${id}: ${facts[id].entries} entries, ${facts[id].wins} wins; issued ${issued}${boxes}`);
  }
  if (process.env.BLINDBOX_LOAD_VERBOSE) console.log(`answers per second: ${timeline.join(" ")}`);
  return total;
}

const TITLE = `${SECONDS} s of mixed traffic, ${KILLS} SIGKILLs: nothing over-issued, lost or contradicted`;
test(TITLE, { timeout: (SECONDS + 300) * 1000 }, async () => {
  for (const definition of Object.values(CAMPAIGNS)) {
    const put = await send("PUT", `/api/v1/admin/campaigns/${definition.id}`, definition, admin);
    assert.equal(put.status, 201, put.text);
  }

  // The traffic, with the kills.
  const start = Date.now();
  timelineStart = start;
  trafficEnd = start + SECONDS * 1000;
  await Promise.all([killer(start), ...Array.from({ length: CLIENTS }, (_, i) => virtualClient(i))]);
  const trafficSeconds = (Date.now() - start) / 1000;

  await resendUnanswered();
  await retryAcknowledgedDraws();
  await readEveryClaim();
  const facts = await checkEveryCampaign();
  const total = reportFigures(trafficSeconds, facts);
  assert.equal(figures.kills, KILLS, "every kill happened");
  assert.ok(figures.wins > 0, "some draw won");
  assert.equal(
    total,
    0,
    `violations:\n${JSON.stringify(violationCounts, null, 2)}\n${violations.slice(0, 40).join("\n")}`,
  );
});

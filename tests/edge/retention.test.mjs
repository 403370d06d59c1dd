// Retention and bounded work (kv-schema/README.md, "Retention" and "Winners
// pages"): stats come from counters the draws keep (and the migration that
// added them backfills them from stored entries); the object's alarm deletes
// per-player day counters of days that can no longer be drawn, drops
// stored replies after 48 hours and compacts the results log
// RESULTS_RETENTION_DAYS after the campaign's last day; the winners JSON and
// CSV come in bounded pages, one object call each, so a campaign with more
// wins than the old export could fetch within a request's subrequest limit
// exports in full.
//
//   node --test --test-concurrency=1 tests/edge/retention.test.mjs
//
// What the API cannot show (deleted counters, compacted columns) is read from
// the objects' SQLite files, through object-storage.mjs.
//
// Over 400 lines on purpose: the file starts one `wrangler dev` for all its
// tests (the slow part), and each test() stands alone on its own campaign.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ADMIN_KEY, campaignOpenToday, client, localDate, parseCsv, sleep, startService } from "./harness.mjs";
import { campaignFiles, query } from "./object-storage.mjs";

const VARS = { ADDRESS_RATE_LIMIT: "off" };
const admin = { authorization: `Bearer ${ADMIN_KEY}` };
const cleanups = [];

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A service on its own state folder, stopped and removed after the file. */
async function serviceOn(port, vars = {}) {
  const dir = mkdtempSync(join(tmpdir(), "blindbox-retention-"));
  const box = { dir, service: await startService({ port, persistDir: dir, vars: { ...VARS, ...vars } }) };
  box.api = client(box.service);
  box.restart = async (whileStopped = () => {}) => {
    await box.service.stop();
    await whileStopped();
    box.service = await startService({ port, persistDir: dir, vars: { ...VARS, ...vars } });
    box.api = client(box.service);
  };
  cleanups.push(async () => {
    await box.service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return box;
}

/** The database of a campaign's object. */
function objectFile(dir, campaignId) {
  return campaignFiles(dir)[campaignId] ?? assert.fail(`no object file for ${campaignId} under ${dir}`);
}

const quote = (text) => `'${String(text).replace(/'/g, "''")}'`;

/** Waits (at most 20 s) until `check()` is true. */
async function eventually(check, what) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(250)) {
    if (await check()) return;
  }
  assert.fail(`timed out waiting until ${what}`);
}

/**
 * The earliest campaign day now, the date at UTC-12:00 (a campaign at
 * utc_offset "-12:00" is on it): it changes at 12:00 UTC. A test that needs
 * it to stay put for a minute or two first waits out that moment.
 */
async function stableEarliestDay() {
  const sinceNoon = (Date.now() - 12 * 3600_000) % 86_400_000;
  if (sinceNoon > 86_400_000 - 180_000) await sleep(86_400_000 - sinceNoon + 1000);
  return localDate(-720);
}

/**
 * Creates a campaign at utc_offset -12:00, so on the earliest day any
 * campaign can have, open from `daysBack` days ago to 30 days on, with one
 * prize; returns its definition.
 */
async function putEarliestDayCampaign(api, id, { daysBack, drawsPerDay, prize }) {
  const campaign = campaignOpenToday(id, {
    utc_offset: "-12:00",
    window: { first_day: localDate(-720, -daysBack), last_day: localDate(-720, 30) },
    limits: { draws_per_day: drawsPerDay },
    prize_table: { prizes: [prize] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  return campaign;
}

/** A draw with a fresh request id; the reply carries `requestId`, for retries. */
async function draw(api, id, player, requestId = crypto.randomUUID()) {
  return { ...(await api.draw(id, { player, request_id: requestId })), requestId };
}

// ---------------------------------------------------------------------------
// One service (default retention, 90 days) for the stats and pruning tests.

let main;

/**
 * A campaign of 3 golds (odds 1) and tins (odds 0): six draws by three
 * players, and Ann's win claimed twice (the same claim, updated).
 */
async function drawsAndAClaim(id) {
  const campaign = campaignOpenToday(id, {
    limits: { draws_per_day: 3 },
    prize_table: {
      prizes: [
        { id: "gold", name: "Gold", stock: 3, odds: "1" },
        { id: "tin", name: "Tin", stock: 9, odds: "0" },
      ],
    },
  });
  assert.equal((await main.api.putCampaign(campaign)).status, 201);
  const sent = [];
  for (const player of ["ann", "ann", "ben", "cat", "ann", "ben"]) {
    const reply = await draw(main.api, id, player);
    assert.equal(reply.status, 200, reply.text);
    sent.push({ player, ...reply.json.draw });
  }
  const annWin = sent.find((d) => d.player === "ann" && d.outcome === "win");
  const claimAnnWin = (address) =>
    main.api.call(
      "PUT",
      `/api/v1/campaigns/${id}/claim`,
      { name: "Ann", phone: "+1 555 0100", address },
      { authorization: `Bearer ${annWin.claim_token}` },
    );
  const put = await claimAnnWin("1 Main Street");
  assert.equal(put.status, 200, put.text);
  // The same details again do not count the claim twice.
  await claimAnnWin("2 Main Street");
  return { sent, annWin };
}

/** The stats and the admin view count the six draws, three players and three wins; returns the stats and their day. */
async function checkStatsCountTheDraws(id, sent) {
  const stats = await main.api.admin("GET", `${id}/stats`);
  assert.equal(stats.status, 200, stats.text);
  const day = sent[0].day;
  const wins = sent.filter((d) => d.outcome === "win").length;
  assert.equal(wins, 3, "gold (stock 3) sold out, then blanks");
  const today = stats.json.days.find((d) => d.day === day);
  assert.deepEqual({ draws: today.draws, players: today.players, wins: today.wins }, { draws: 6, players: 3, wins: 3 });
  assert.deepEqual(
    today.prizes.map((p) => [p.id, p.issued, p.claimed]),
    [
      ["gold", 3, 1],
      ["tin", 0, 0],
    ],
  );
  assert.equal(
    stats.json.draws_per_minute.reduce((sum, m) => sum + m.draws, 0),
    6,
  );
  const adminView = await main.api.admin("GET", id);
  assert.deepEqual(
    { draws: adminView.json.today.draws, players: adminView.json.today.players, wins: adminView.json.today.wins },
    { draws: 6, players: 3, wins: 3 },
  );
  assert.equal(adminView.json.today.prizes.find((p) => p.id === "gold").claimed, 1);
  return { stats, day };
}

/**
 * Back to schema version 1 (the tables and indexes of migrations 2 and 3
 * gone), as an object written before them; on its next start it migrates
 * and backfills.
 */
async function downgradeToSchemaVersion1(id) {
  await main.restart(() => {
    const file = objectFile(main.dir, id);
    query(
      file,
      `DROP TABLE day_totals; DROP TABLE claimed_totals; DROP TABLE minute_draws; DROP TABLE housekeeping;
      DROP INDEX claims_by_day; DROP INDEX claims_by_prize; DROP INDEX claims_by_day_prize; DROP INDEX claims_by_token;
      CREATE INDEX entries_by_day ON entries (day); UPDATE schema_version SET version = 1`,
      { write: true },
    );
    assert.deepEqual(query(file, "SELECT version FROM schema_version"), [{ version: 1 }]);
  });
}

test("stats come from counters the draws keep, and an object of schema version 1 gets them backfilled from its entries (and its claims indexed by token)", async () => {
  main ??= await serviceOn(8860);
  const id = "ret-stats";
  const { sent, annWin } = await drawsAndAClaim(id);
  const { stats, day } = await checkStatsCountTheDraws(id, sent);
  await downgradeToSchemaVersion1(id);
  const again = await main.api.admin("GET", `${id}/stats`);
  assert.equal(again.status, 200, again.text);
  assert.deepEqual(again.json, stats.json, "the backfilled counters give the same stats");
  const migrated = objectFile(main.dir, id);
  assert.deepEqual(query(migrated, "SELECT version FROM schema_version"), [{ version: 3 }]);
  assert.deepEqual(
    query(migrated, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'claims_by_token'"),
    [{ name: "claims_by_token" }],
  );
  // A claim won before the index existed opens by its token alone.
  const claim = await main.api.call("GET", `/api/v1/campaigns/${id}/claim`, undefined, {
    authorization: `Bearer ${annWin.claim_token}`,
  });
  assert.equal(claim.status, 200, claim.text);
  assert.equal(claim.json.shipping.address, "2 Main Street");
  // And the draws after the migration count on top.
  assert.equal((await draw(main.api, id, "dan")).status, 200);
  const after = (await main.api.admin("GET", `${id}/stats`)).json.days.find((d) => d.day === day);
  assert.deepEqual({ draws: after.draws, players: after.players, wins: after.wins }, { draws: 7, players: 4, wins: 3 });
});

/** The names of an object's counters, sorted. */
const counterNames = (file) => query(file, "SELECT name FROM counters ORDER BY name").map((row) => row.name);

/**
 * Into a stopped object's file: yesterday's and older counters (more than one
 * pass deletes: 2,000 a pass), a request mark of yesterday and one without a
 * day, and the draw `oldDrawId` made 49 hours old.
 */
function plantStaleRows(file, { yesterday, before, oldDrawId }) {
  const rows = [
    [`draws/${yesterday}/alice`, 2],
    [`draws/${yesterday}/carol`, 1],
    [`draws/${before}/dave`, 1],
    [`issued/${yesterday}/gold`, 3],
    [`request/5/alice/an-old-request-id`, 1],
    [`request/${yesterday}/5/carol/${"0".repeat(64)}`, 1],
  ];
  query(
    file,
    `INSERT INTO counters (name, value) VALUES ${rows.map(([n, v]) => `(${quote(n)}, ${v})`).join(", ")};
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500)
      INSERT INTO counters (name, value) SELECT ${quote(`draws/${yesterday}/player-`)} || i, 1 FROM n;
    UPDATE entries SET drawn_at = drawn_at - 49 * 3600000 WHERE id = ${oldDrawId}`,
    { write: true },
  );
}

/** The pruned counters: today's and the campaign-wide ones stay, with today's request marks; older days' go. */
function checkOnlyCurrentCountersStay(file, today, yesterday) {
  // The core's request marks (request/DAY/LEN/PLAYER/HASH) go with their day's draws counters.
  const marks = counterNames(file).filter((name) => name.startsWith("request/"));
  assert.deepEqual(
    marks.map((name) => name.split("/").slice(1, 4).join("/")).sort(),
    [`${today}/5/alice`, `${today}/5/alice`, `${today}/3/bob`, `${today}/4/erin`].sort(),
    "today's request marks stay; yesterday's, and those without a day, are gone",
  );
  assert.ok(
    marks.every((name) => /\/[0-9a-f]{64}$/.test(name)),
    marks.join(" "),
  );
  assert.deepEqual(
    counterNames(file).filter((name) => !name.startsWith("request/")),
    [
      `draws/${today}/alice`,
      `draws/${today}/bob`,
      `draws/${today}/erin`,
      "draws/all/alice",
      "draws/all/bob",
      "draws/all/erin",
      `issued/${yesterday}/gold`,
      `issued/${today}/gold`,
    ],
  );
}

/**
 * After pruning, a retry of the recent request is the same draw, and one of
 * the old request the same draw rebuilt from its entry, without its claim
 * token; the entry keeps the request id's hash and the claim, which still opens.
 */
async function checkRetriesAfterPruning(id, file, { old, recent }) {
  // Today's counters still hold: alice has used both of today's draws, bob one.
  const status = await main.api.call("POST", `/api/v1/campaigns/${id}/player-status`, { player: "bob" });
  assert.equal(status.json.draws_today, 1, status.text);
  // The recent request is still a retry: the same draw again.
  const recentAgain = await main.api.draw(id, { player: "alice", request_id: recent.requestId });
  assert.equal(recentAgain.status, 200, recentAgain.text);
  assert.equal(recentAgain.json.draw.id, recent.json.draw.id);
  // The old one is still the same draw, rebuilt from its entry, without its claim token (49 hours on).
  const oldAgain = await main.api.draw(id, { player: "alice", request_id: old.requestId });
  assert.equal(oldAgain.status, 200, oldAgain.text);
  const { claim_token: _token, draws_left_today: _left, ...oldDraw } = old.json.draw;
  assert.deepEqual(oldAgain.json.draw, { ...oldDraw, draws_left_today: 0 });

  const [dropped, kept] = query(
    file,
    "SELECT e.id, e.request_id, e.reply, c.token_sealed, c.token_hash FROM entries e JOIN claims c ON c.entry_id = e.id WHERE e.player = 'alice' ORDER BY e.id",
  );
  assert.deepEqual({ reply: dropped.reply, token_sealed: dropped.token_sealed }, { reply: "", token_sealed: "" });
  assert.match(dropped.request_id, /^[0-9a-f]{64}$/, "the request id's hash stays: the same id never draws twice");
  assert.match(dropped.token_hash, /^[0-9a-f]{64}$/, "the claim itself stays");
  assert.match(kept.request_id, /^[0-9a-f]{64}$/);
  assert.ok(kept.reply.startsWith("{") && kept.token_sealed.startsWith("v1."));
  assert.deepEqual(query(file, "SELECT name, value FROM housekeeping WHERE name = 'replies_dropped_through'"), [
    { name: "replies_dropped_through", value: Number(old.json.draw.id) },
  ]);
  // The old winner still has the prize: the claim opens with its token.
  const claim = await main.api.call("GET", `/api/v1/campaigns/${id}/claim`, undefined, {
    authorization: `Bearer ${old.json.draw.claim_token}`,
  });
  assert.equal(claim.status, 200, claim.text);
}

test("the alarm deletes per-player day counters of days that can no longer be drawn, keeps today's, and drops stored replies after 48 hours (a retry then gets the draw rebuilt, never a new one)", async () => {
  main ??= await serviceOn(8860);
  const id = "ret-prune";
  const today = await stableEarliestDay();
  const yesterday = localDate(-720, -1);
  const before = localDate(-720, -2);
  // At -12:00 the campaign's today is the earliest day any campaign can have.
  const campaign = await putEarliestDayCampaign(main.api, id, {
    daysBack: 5,
    drawsPerDay: 2,
    prize: { id: "gold", name: "Gold", stock: 100, odds: "1" },
  });
  const old = await draw(main.api, id, "alice");
  const recent = await draw(main.api, id, "alice");
  const bob = await draw(main.api, id, "bob");
  for (const reply of [old, recent, bob]) assert.equal(reply.status, 200, reply.text);
  assert.equal(old.json.draw.day, today);
  // And a campaign that ends below: with the default retention (90 days) its log stays as it is.
  const keep = { ...campaign, id: "ret-keep" };
  assert.equal((await main.api.putCampaign(keep)).status, 201);
  assert.equal((await draw(main.api, keep.id, "kim")).status, 200);

  let file;
  await main.restart(() => {
    file = objectFile(main.dir, id);
    plantStaleRows(file, { yesterday, before, oldDrawId: Number(old.json.draw.id) });
  });

  // A draw sets the alarm (the stock snapshot's); its first pass after the start prunes.
  assert.equal((await draw(main.api, id, "erin")).status, 200);
  const ended = { ...keep, window: { first_day: keep.window.first_day, last_day: yesterday } };
  assert.equal((await main.api.putCampaign(ended)).status, 200);
  const endedAt = Date.now();
  await eventually(
    () => !counterNames(file).some((name) => name.startsWith(`draws/${yesterday}/`)),
    "yesterday's counters are gone",
  );
  await eventually(
    () => query(file, `SELECT reply FROM entries WHERE id = ${Number(old.json.draw.id)}`)[0].reply === "",
    "the old request's stored reply is dropped",
  );
  checkOnlyCurrentCountersStay(file, today, yesterday);
  await checkRetriesAfterPruning(id, file, { old, recent });

  // The ended campaign's alarm (set by its PUT) has run by now: nothing compacted.
  await sleep(Math.max(0, endedAt + 3000 - Date.now()));
  const kept90 = query(objectFile(main.dir, keep.id), "SELECT player, entropy, reply FROM entries");
  assert.equal(kept90.length, 1);
  assert.equal(kept90[0].player, "kim");
  assert.match(kept90[0].entropy, /^[0-9a-f]{64}$/);
  assert.ok(kept90[0].reply.startsWith("{"));
});

test("with RESULTS_RETENTION_DAYS 0 the log is compacted the day after the last day; claims, winners and stats stay", async () => {
  const box = await serviceOn(8861, { RESULTS_RETENTION_DAYS: "0" });
  const id = "ret-compact";
  await stableEarliestDay();
  const campaign = await putEarliestDayCampaign(box.api, id, {
    daysBack: 3,
    drawsPerDay: 1,
    prize: { id: "mug", name: "Mug", stock: 2, odds: "1" },
  });
  const ann = await draw(box.api, id, "ann");
  const ben = await draw(box.api, id, "ben");
  const cat = await draw(box.api, id, "cat");
  assert.deepEqual(
    [ann, ben, cat].map((r) => r.json?.draw?.outcome),
    ["win", "win", "blank"],
  );
  const shipping = { name: "Ann", phone: "+1 555 0100", address: "1 Main Street" };
  const bearer = { authorization: `Bearer ${ann.json.draw.claim_token}` };
  assert.equal((await box.api.call("PUT", `/api/v1/campaigns/${id}/claim`, shipping, bearer)).status, 200);

  const file = objectFile(box.dir, id);
  const entriesBefore = query(file, "SELECT * FROM entries ORDER BY id");
  const claimsBefore = query(file, "SELECT * FROM claims ORDER BY entry_id");
  const statsBefore = (await box.api.admin("GET", `${id}/stats`)).json;
  const winnersBefore = (await box.api.admin("GET", `${id}/winners`)).json;
  assert.equal(winnersBefore.winners.length, 2);

  // It ended yesterday: with no retention, today its log is compacted.
  const ended = { ...campaign, window: { first_day: campaign.window.first_day, last_day: localDate(-720, -1) } };
  assert.equal((await box.api.putCampaign(ended)).status, 200);
  await eventually(
    () => query(file, "SELECT COUNT(*) AS n FROM entries WHERE player <> ''")[0].n === 0,
    "the entries are compacted",
  );

  const entries = query(file, "SELECT * FROM entries ORDER BY id");
  assert.deepEqual(
    entries,
    entriesBefore.map((entry) => ({ ...entry, player: "", request_id: null, entropy: "", reply: "" })),
    "what the log needs stays: id, day, drawn_at, outcome, prize, by_pity, player_draw_number, campaign_version",
  );
  assert.deepEqual(
    query(file, "SELECT * FROM claims ORDER BY entry_id"),
    claimsBefore.map((claim) => ({ ...claim, token_sealed: "" })),
    "claims stay (shipping included) without the sealed token",
  );
  assert.deepEqual(query(file, "SELECT name, value FROM housekeeping ORDER BY name"), [
    { name: "compacted_through", value: entries.at(-1).id },
    { name: "replies_dropped_through", value: entries.at(-1).id },
  ]);

  // The operator and the winner see the same as before.
  const statsAfter = (await box.api.admin("GET", `${id}/stats`)).json;
  const drawn = (stats) => stats.days.filter((d) => d.draws > 0);
  assert.deepEqual(drawn(statsAfter), drawn(statsBefore));
  assert.deepEqual(statsAfter.draws_per_minute, statsBefore.draws_per_minute);
  assert.deepEqual((await box.api.admin("GET", `${id}/winners`)).json, winnersBefore);
  const claim = await box.api.call("GET", `/api/v1/campaigns/${id}/claim`, undefined, bearer);
  assert.equal(claim.status, 200, claim.text);
  assert.deepEqual(claim.json.shipping, shipping);
});

// ---------------------------------------------------------------------------
// The export of a large campaign.
//
// The old export called the object once per 500 wins within one request; a
// Worker request may make 50 subrequests on the Free plan (1,000 or more on
// paid plans), and each call to a Durable Object is one. So WINS = 25,600 is
// the first round number past 50 × 500: the old winners.csv needed 52 object
// calls in one request. (The paid limit would need over 500,000 wins: ten
// minutes or more of draws through the API here, at the 700-900 draws a second
// measured on an idle two-core machine.) Locally
// wrangler dev does not enforce the limit, so the test checks what keeps every
// request within it: each page is one request (one object call), with at most
// `limit` wins, and the pages together hold every win exactly once.

const WINS = 25_600;
const PAGE = 1000;

/** Distinct players (each has one draw a day), 16 at a time, until WINS have won; the wins by entry id, and their day. */
async function drawDistinctWinners(api, id) {
  const won = new Map(); // entry id -> player
  let day = null;
  let next = 0;
  const failures = [];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < WINS) {
        const player = `w${String(next++).padStart(6, "0")}`;
        const reply = await api.draw(id, { player, request_id: crypto.randomUUID() });
        if (reply.status === 200 && reply.json.draw.outcome === "win") {
          won.set(Number(reply.json.draw.id), player);
          day ??= reply.json.draw.day;
        } else if (failures.length < 5) failures.push(`${reply.status} ${reply.text}`);
      }
    }),
  );
  assert.deepEqual(failures, []);
  assert.equal(won.size, WINS);
  return { won, day };
}

/** JSON: following next_cursor gives every win exactly once, in full pages of at most PAGE; filters filter in the object. */
async function checkWinnersJsonPages(api, id, { won, day }) {
  const seen = new Map();
  let cursor = null;
  let requests = 0;
  for (; requests <= WINS / PAGE + 1; ) {
    const params = `limit=${PAGE}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`;
    const page = await api.admin("GET", `${id}/winners?${params}`);
    requests++;
    assert.equal(page.status, 200, page.text);
    assert.ok(page.json.winners.length <= PAGE, `page ${requests}: at most ${PAGE} wins`);
    if (page.json.next_cursor !== null) assert.equal(page.json.winners.length, PAGE, `page ${requests} is full`);
    for (const w of page.json.winners) {
      assert.ok(!seen.has(w.entry_id), `entry ${w.entry_id} once`);
      seen.set(w.entry_id, w.player);
    }
    cursor = page.json.next_cursor;
    if (cursor === null) break;
  }
  assert.equal(cursor, null, "the last page says so");
  assert.equal(requests, Math.ceil(WINS / PAGE));
  assert.deepEqual(
    [...seen].sort((a, b) => a[0] - b[0]),
    [...won].sort((a, b) => a[0] - b[0]),
    "every win exactly once",
  );
  // Filtered pages are filtered in the object: as full as unfiltered ones.
  const filtered = await api.admin("GET", `${id}/winners?limit=${PAGE}&day=${day}&prize=sure`);
  assert.equal(filtered.json.winners.length, PAGE);
  assert.equal((await api.admin("GET", `${id}/winners?day=1999-01-01`)).json.winners.length, 0);
}

/** CSV: following Link rel="next" gives pages of at most PAGE wins, the header row only on the first; the pages' texts. */
async function winnersCsvPages(service, id) {
  const prefix = `/api/v1/admin/campaigns/${id}/winners.csv`;
  const pages = [];
  let path = prefix;
  while (path !== null && pages.length <= WINS / PAGE + 1) {
    const response = await service.fetch(path, { headers: admin });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type"), /^text\/csv/);
    const text = await response.text();
    const records = parseCsv(text);
    assert.equal(
      records[0][0] === "day" && records[0][1] === "prize_id",
      pages.length === 0,
      `page ${pages.length + 1}: header row on the first page only`,
    );
    assert.ok(records.length - (pages.length === 0 ? 1 : 0) <= PAGE, `page ${pages.length + 1}: at most ${PAGE} wins`);
    pages.push(text);
    const link = response.headers.get("link");
    const match = link === null ? null : /^<([^>]+)>; rel="next"$/.exec(link);
    if (link !== null) assert.ok(match?.[1].startsWith(`${prefix}?`), `Link: ${link}`);
    path = match ? match[1] : null;
  }
  assert.equal(path, null, "the last page has no Link");
  return pages;
}

/** The console's download follows the same links and joins the pages into the same file. */
async function checkConsoleJoinsThePages(service, id, pages, file) {
  const console = await import("../../frontend/console/api.js");
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    realFetch(typeof input === "string" && input.startsWith("/") ? service.base + input : input, init);
  try {
    console.setKey(ADMIN_KEY);
    let count = 0;
    const joined = await console.winnersCsvFile(id, { onPage: (n) => (count = n) });
    assert.equal(joined.ok, true, JSON.stringify(joined.data));
    assert.equal(count, pages.length);
    assert.equal(joined.text, file);
  } finally {
    globalThis.fetch = realFetch;
  }
}

test(`a campaign with ${WINS} wins exports in full, in bounded pages (JSON and CSV, and the console's joined file)`, async () => {
  const service = await startService({ port: 8862, vars: VARS });
  cleanups.push(() => service.stop());
  const api = client(service);
  const id = "ret-export";
  const campaign = campaignOpenToday(id, {
    limits: { draws_per_day: 1 },
    prize_table: { prizes: [{ id: "sure", name: "Sure", stock: WINS + 100, odds: "1" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);

  const { won, day } = await drawDistinctWinners(api, id);
  await checkWinnersJsonPages(api, id, { won, day });
  const pages = await winnersCsvPages(service, id);
  assert.equal(pages.length, Math.ceil(WINS / PAGE));
  const file = pages.join("");
  const rows = parseCsv(file).slice(1);
  assert.equal(rows.length, WINS);
  const players = rows.map((row) => row[3]);
  assert.equal(new Set(players).size, WINS, "every winner exactly once");
  assert.deepEqual(players.sort(), [...won.values()].sort());

  await checkConsoleJoinsThePages(service, id, pages, file);
});

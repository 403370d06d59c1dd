// The player page in a real Chromium against the real Worker (wrangler dev).
//
// Over 400 lines on purpose: the file starts one `wrangler dev` and one
// Chromium for all its tests, and each test() stands alone in its own page.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { TICKET_SECRET, campaignOpenToday, client, root, startService } from "../edge/harness.mjs";
import {
  assertAccessible,
  launchBrowser,
  SECURITY_HEADERS,
  screenshot,
  securityHeaders,
  watchedPage,
} from "./browser.mjs";

let service;
let api;
let browser;

before(async () => {
  service = await startService({ port: 8798 });
  api = client(service);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

const pageUrl = (id, extra = "") => `${service.base}/?campaign=${id}${extra}`;

/** The fractions the page shows, by prize and kind ("disclosed" or "effective"). */
async function oddsOnPage(page) {
  return page.$$eval("[data-testid=prize-row]", (rows) =>
    rows.map((row) => ({
      id: row.getAttribute("data-prize-id"),
      disclosed: row.querySelector('[data-odds="disclosed"]').getAttribute("data-fraction"),
      effective: row.querySelector('[data-odds="effective"]').getAttribute("data-fraction"),
    })),
  );
}

test("the odds on the page are the API's and the CLI's, computed by the core in the browser", async () => {
  const campaign = JSON.parse(
    execFileSync("cat", [join(root, "kv-schema/examples/valid/spring-festival.json")], { encoding: "utf8" }),
  );
  campaign.id = "odds-page";
  campaign.window.first_day = campaignOpenToday("x").window.first_day;
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const { page, context, problems, violations } = await watchedPage(browser);
  const script = page.waitForResponse((response) => new URL(response.url()).pathname === "/app.js");
  const wasm = page.waitForResponse((response) => new URL(response.url()).pathname === "/core/blindbox.wasm");
  const pageResponse = await page.goto(pageUrl("odds-page"));
  // The page and its assets carry the CSP and the other security headers (frontend/_headers).
  assert.deepEqual(await securityHeaders(pageResponse), SECURITY_HEADERS);
  assert.deepEqual(await securityHeaders(await script), SECURITY_HEADERS);
  assert.deepEqual(await securityHeaders(await wasm), SECURITY_HEADERS);
  await page.waitForSelector("[data-testid=prize-row] [data-odds=effective][data-fraction]");
  const shown = await oddsOnPage(page);

  const fromApi = (await api.call("GET", "/api/v1/campaigns/odds-page")).json.campaign.prizes.map((p) => ({
    id: p.id,
    disclosed: p.odds.disclosed.fraction,
    effective: p.odds.effective.fraction,
  }));
  assert.deepEqual(shown, fromApi);

  const file = join(tmpdir(), "odds-page.json");
  writeFileSync(file, JSON.stringify(campaign));
  const day = (await api.call("GET", "/api/v1/campaigns/odds-page")).json.campaign.day;
  const cli = JSON.parse(
    execFileSync(join(root, "build/native/blindbox"), ["odds", file, "--day", day, "--json"], { encoding: "utf8" }),
  );
  assert.deepEqual(
    shown,
    cli.prizes.map((p) => ({ id: p.id, disclosed: p.odds.disclosed.fraction, effective: p.odds.effective.fraction })),
  );
  await screenshot(page, "player-odds-phone-en");
  await assertAccessible(page, "the player page at start");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("the policy is enforced: inline script and style and framing are refused, and the tests see each violation", async () => {
  const { page, context, violations } = await watchedPage(browser);
  await page.goto(`${service.base}/`);
  await page.waitForSelector("#notice:not([hidden])");
  const outcome = await page.evaluate(() => {
    window.inlineRan = false;
    const script = document.createElement("script");
    script.textContent = "window.inlineRan = true";
    document.body.append(script);
    const styled = document.createElement("p");
    styled.setAttribute("style", "color: rgb(255, 0, 0)");
    document.body.append(styled);
    const frame = document.createElement("iframe");
    frame.src = "/?campaign=framed";
    frame.title = "framed";
    document.body.append(frame);
    return { scriptRan: window.inlineRan, color: getComputedStyle(styled).color };
  });
  assert.equal(outcome.scriptRan, false, "an inline script does not run");
  assert.notEqual(outcome.color, "rgb(255, 0, 0)", "an inline style does not apply");
  const seen = (pattern) => violations.some((violation) => pattern.test(violation));
  const deadline = Date.now() + 10_000;
  while (
    !(seen(/script-src-elem blocked inline/) && seen(/style-src-attr blocked inline/) && seen(/frame-ancestors 'none'/))
  ) {
    assert.ok(Date.now() < deadline, `the violations seen: ${JSON.stringify(violations, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await context.close();
});

/**
 * The address is a textarea of a few lines, sent with its line breaks: 11
 * lines are refused at the field; the address sent is trimmed line by line,
 * and the form shows what was saved. Returns the address as saved.
 */
async function fileShippingDetails(page) {
  assert.equal(await page.$eval("[data-testid=shipping-address]", (field) => field.tagName), "TEXTAREA");
  await page.fill("[data-testid=shipping-name]", "Han Meimei");
  await page.fill("[data-testid=shipping-phone]", "+86 139 1234 5678");
  await page.fill(
    "[data-testid=shipping-address]",
    `${Array.from({ length: 10 }, (_, i) => `Line ${i + 1}`).join("\n")}\n11 Lantern Street`,
  );
  await page.click("[data-testid=shipping-submit]");
  await page.waitForFunction(() => document.getElementById("ship-address-error")?.textContent !== "");
  assert.equal(await page.textContent("#ship-address-error"), "The address can have at most 10 lines.");
  assert.equal(await page.getAttribute("[data-testid=shipping-address]", "aria-invalid"), "true");
  await assertAccessible(page, "the player page with a shipping error shown");
  const address = "Room 5, Building 2\n88 Lantern Street\nSuzhou 215000";
  await page.fill("[data-testid=shipping-address]", `  Room 5, Building 2\r\n\n 88 Lantern Street \nSuzhou 215000\n`);
  const sent = page.waitForRequest(
    (request) => request.method() === "PUT" && new URL(request.url()).pathname === "/api/v1/campaigns/sure-win/claim",
  );
  await page.click("[data-testid=shipping-submit]");
  assert.equal((await sent).postDataJSON().address, address);
  await page.waitForSelector("[data-testid=shipping-saved]");
  assert.equal(await page.inputValue("[data-testid=shipping-address]"), address);
  return address;
}

/**
 * Look the claim up as from another device (nothing of this browser's kept):
 * the claim code alone opens it, shows the address on its lines, and updates it.
 */
async function lookUpFromAnotherDevice(code, address, player) {
  const other = await watchedPage(browser);
  const requests = [];
  other.page.on("request", (request) => requests.push(request.url()));
  await other.page.goto(pageUrl("sure-win"));
  await other.page.fill("[data-testid=lookup-code]", code);
  const lookedUp = other.page.waitForRequest(
    (request) => request.method() === "GET" && new URL(request.url()).pathname.endsWith("/claim"),
  );
  await other.page.click("[data-testid=lookup-submit]");
  assert.equal((await lookedUp).url(), `${service.base}/api/v1/campaigns/sure-win/claim`);
  await other.page.waitForSelector("[data-testid=claim-details]");
  const details = await other.page.textContent("[data-testid=claim-details]");
  assert.ok(details.includes("Han Meimei") && details.includes("88 Lantern Street"), details);
  // Shown on the lines it was typed on.
  assert.equal(await other.page.innerText("[data-testid=claim-details] [data-testid=claim-address]"), address);
  // The form under "My prizes" has it too, ready to change, with the code as its only key.
  assert.equal(await other.page.inputValue(".claim-ship [data-testid=shipping-address]"), address);
  await other.page.fill(".claim-ship [data-testid=shipping-name]", "Li Lei");
  const changed = other.page.waitForResponse(
    (response) =>
      response.request().method() === "PUT" && new URL(response.url()).pathname === "/api/v1/campaigns/sure-win/claim",
  );
  await other.page.click(".claim-ship [data-testid=shipping-submit]");
  assert.equal((await changed).status(), 200);
  await other.page.waitForFunction(() =>
    document.querySelector("[data-testid=claim-details]")?.textContent.includes("Li Lei"),
  );
  assert.ok(!requests.some((url) => url.includes(player)), "no request of the other device names the player");
  await screenshot(other.page, "player-claim-phone-en");
  await assertAccessible(other.page, "the player page with a prize looked up under My prizes");
  assert.deepEqual(other.problems, []);
  assert.deepEqual(other.violations, []);
  await other.context.close();
}

test("a winner copies the code, files shipping details, and sees them after a reload", async () => {
  const campaign = campaignOpenToday("sure-win", {
    prize_table: { prizes: [{ id: "mug", name: "Lucky Mug", value: "¥59", stock: 100, odds: "1" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const { page, context, problems, violations } = await watchedPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: service.base });
  await page.goto(pageUrl("sure-win"));
  await page.click("[data-testid=open-box]");
  await page.waitForSelector('[data-testid=result][data-outcome="win"]', { timeout: 15_000 });
  const code = (await page.textContent("[data-testid=claim-code]")).trim();
  assert.match(code, /^[A-Za-z0-9_-]{24}$/);
  await screenshot(page, "player-win-phone-en");
  await assertAccessible(page, "the player page after a win (result and shipping form)");

  await page.click("[data-testid=copy-code]");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

  const address = await fileShippingDetails(page);

  await page.reload();
  await page.waitForSelector("[data-testid=my-prizes]");
  const saved = await page.textContent("[data-testid=my-prizes]");
  assert.ok(saved.includes(code), "the code is kept on this device");
  const player = await page.evaluate(() =>
    JSON.parse(
      Object.entries(localStorage).find(([key]) => key.includes("sure-win") && key.includes("player"))?.[1] ?? "null",
    ),
  );
  assert.ok(player, "the page keeps the player id");
  assert.equal(await page.$("[data-testid=lookup-player]"), null, "the lookup asks for no player id");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();

  await lookUpFromAnotherDevice(code, address, player);
});

test("a blank, then the daily limit, then a pause each get their own message", async () => {
  const campaign = campaignOpenToday("no-luck", {
    limits: { draws_per_day: 1 },
    prize_table: { prizes: [{ id: "mug", name: "Lucky Mug", stock: 100, odds: "0" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const { page, context, problems, violations } = await watchedPage(browser, {
    viewport: { width: 1280, height: 900 },
  });
  await page.goto(pageUrl("no-luck"));
  await page.click("[data-testid=open-box]");
  await page.waitForSelector('[data-testid=result][data-outcome="blank"]', { timeout: 15_000 });
  await screenshot(page, "player-blank-desktop-en");

  await page.click("[data-testid=open-box]");
  await page.waitForSelector('[data-testid=error-message][data-error-code="draw_limit_reached"]');
  await screenshot(page, "player-limit-desktop-en");
  await assertAccessible(page, "the player page with a blank and the daily limit's message");

  assert.equal((await api.admin("POST", "no-luck/pause")).status, 200);
  await page.reload();
  await page.waitForSelector("[data-testid=status]");
  assert.match(await page.textContent("[data-testid=status]"), /paused/i);
  assert.ok(await page.isDisabled("[data-testid=open-box]"), "no box to open while paused");
  await screenshot(page, "player-paused-desktop-en");
  await assertAccessible(page, "the player page of a paused campaign");
  await api.admin("POST", "no-luck/resume");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("a returning player sees the boxes left today and the pity countdown from the service before opening one", async () => {
  const campaign = campaignOpenToday("pity-page", {
    limits: { draws_per_day: 4 },
    pity: { after: 2, prizes: ["charm"] },
    prize_table: { prizes: [{ id: "charm", name: "Lucky Charm", stock: 10, odds: "0" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  // One blank drawn elsewhere (another device, say) before this visit.
  const earlier = await api.draw("pity-page", { player: "returning", request_id: "elsewhere-draw-0001" });
  assert.equal(earlier.json.draw.outcome, "blank", earlier.text);

  const { page, context, problems, violations } = await watchedPage(browser, {
    viewport: { width: 1280, height: 900 },
  });
  const requests = [];
  page.on("request", (request) => requests.push(request));
  // Linked with the player id in the fragment, which never reaches a server.
  await page.goto(pageUrl("pity-page", "#player=returning"));
  const text = async (id) => (await page.textContent(`[data-testid=${id}]`)).trim();
  await page.waitForFunction(() => document.querySelector("[data-testid=box-left]")?.textContent.trim() !== "");
  assert.equal(await text("box-left"), "3 boxes left for you today");
  // The page took the player id out of its address (and this history entry)...
  assert.equal(page.url(), pageUrl("pity-page"));
  // ...and asked for the status by POST, the id in the body.
  const statusRequest = requests.find(
    (request) => new URL(request.url()).pathname === "/api/v1/campaigns/pity-page/player-status",
  );
  assert.equal(statusRequest?.method(), "POST");
  assert.deepEqual(statusRequest.postDataJSON(), { player: "returning" });
  assert.equal(
    await text("box-pity"),
    "A prize is guaranteed within your next 2 boxes (while the guaranteed prizes last).",
  );

  await page.click("[data-testid=open-box]");
  await page.waitForSelector('[data-testid=result][data-outcome="blank"]', { timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector("[data-testid=box-pity]")?.textContent.includes("next box"));
  assert.equal(await text("box-pity"), "Your next box is a guaranteed prize (while the guaranteed prizes last).");
  await screenshot(page, "player-pity-countdown-desktop-en");

  await page.click("[data-testid=open-box]");
  await page.waitForSelector('[data-testid=result][data-outcome="win"]', { timeout: 15_000 });
  await page.waitForFunction(() =>
    document.querySelector("[data-testid=box-pity]")?.textContent.includes("next 3 boxes"),
  );

  // A reload keeps the player for this tab, though the address no longer names it.
  await page.reload();
  await page.waitForFunction(() => document.querySelector(".player-code")?.textContent === "returning");
  assert.equal(page.url(), pageUrl("pity-page"));
  assert.ok(!requests.some((request) => request.url().includes("returning")), "no request line names the player");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("a ticket campaign linked with the player id and ticket in the fragment draws with them, and neither stays in the address or reaches a request line", async () => {
  const id = "ticket-page";
  const campaign = campaignOpenToday(id, {
    identity: "ticket",
    prize_table: { prizes: [{ id: "mug", name: "Lucky Mug", stock: 100, odds: "1" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const player = "tina@example.com";
  const ticket = execFileSync(
    join(root, "build/native/blindbox"),
    ["ticket", "--campaign", id, "--player", player, "--expires-in", "600"],
    {
      env: { ...process.env, BLINDBOX_TICKET_SECRET: TICKET_SECRET },
      encoding: "utf8",
    },
  ).trim();
  const { page, context, problems, violations } = await watchedPage(browser, {
    viewport: { width: 1280, height: 900 },
  });
  const requests = [];
  page.on("request", (request) => requests.push(request));
  const leaks = () =>
    requests
      .filter((request) => {
        const url = request.url();
        return url.includes(ticket) || url.includes(encodeURIComponent(player)) || url.includes(player);
      })
      .map((request) => request.url());
  const fragment = `player=${encodeURIComponent(player)}&ticket=${encodeURIComponent(ticket)}`;

  // /#campaign=ID&player=...&ticket=...: everything in the fragment; the campaign id moves to the query.
  await page.goto(`${service.base}/#campaign=${id}&${fragment}`);
  await page.waitForSelector("[data-testid=open-box]:not([disabled])");
  assert.equal(page.url(), pageUrl(id));
  assert.equal(await page.textContent(".player-code"), player);
  const drawn = page.waitForRequest((request) => new URL(request.url()).pathname === `/api/v1/campaigns/${id}/draws`);
  await page.click("[data-testid=open-box]");
  assert.deepEqual(
    { ...(await drawn).postDataJSON(), request_id: undefined },
    { player, request_id: undefined, ticket },
  );
  await page.waitForSelector('[data-testid=result][data-outcome="win"]', { timeout: 15_000 });
  const status = requests.find(
    (request) => new URL(request.url()).pathname === `/api/v1/campaigns/${id}/player-status`,
  );
  assert.equal(status?.method(), "POST");
  assert.deepEqual(status.postDataJSON(), { player, ticket });

  // A reload still has them (this tab's sessionStorage), though the address does not.
  await page.reload();
  await page.waitForSelector("[data-testid=open-box]:not([disabled])");
  assert.equal(await page.textContent(".player-code"), player);

  // /?campaign=ID#player=...&ticket=..., and the older query form, are cleaned up the same way.
  for (const address of [`${pageUrl(id)}#${fragment}`, `${pageUrl(id)}&${fragment}`]) {
    await page.goto("about:blank"); // a new document each time (a change of the fragment alone is not one)
    await page.goto(address);
    await page.waitForSelector("[data-testid=open-box]:not([disabled])");
    assert.equal(page.url(), pageUrl(id), address);
  }
  // Only the query form ever put them into a request line (the page's own, which is why links use the fragment).
  assert.deepEqual(leaks(), [`${pageUrl(id)}&${fragment}`]);
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("the page switches to Chinese and works with reduced motion", async () => {
  const campaign = campaignOpenToday("quiet", {
    prize_table: { prizes: [{ id: "tea", name: "Tea", stock: 100, odds: "1" }] },
    theme: { primary_color: "#0b6e4f", headline: { en: "Quiet tea box", zh: "安静的茶盒" } },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const { page, context, problems, violations } = await watchedPage(browser, {
    reducedMotion: "reduce",
    locale: "en-US",
  });
  await page.goto(pageUrl("quiet"));
  // The title element is in the static page from the start (with "Loading…"):
  // wait for the campaign's own headline before switching.
  await page.waitForFunction(() =>
    document.querySelector("[data-testid=campaign-title]")?.textContent?.includes("Quiet tea box"),
  );
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.click("[data-testid=lang-toggle]");
  await page.waitForFunction(() => document.documentElement.lang.startsWith("zh"));
  assert.match(await page.textContent("[data-testid=campaign-title]"), /安静的茶盒/);
  const started = Date.now();
  await page.click("[data-testid=open-box]");
  await page.waitForSelector('[data-testid=result][data-outcome="win"]', { timeout: 15_000 });
  assert.ok(Date.now() - started < 5000, "no long animation with reduced motion");
  await screenshot(page, "player-win-phone-zh-reduced-motion");
  await assertAccessible(page, "the player page in Chinese after a win");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("the what-if simulation runs in a worker and shows winners per prize", async () => {
  const { page, context, problems, violations } = await watchedPage(browser, {
    viewport: { width: 1280, height: 900 },
  });
  await page.goto(pageUrl("odds-page"));
  await page.fill("[data-testid=simulate-players]", "200000");
  await page.click("[data-testid=simulate-run]");
  await page.waitForSelector("[data-testid=simulate-result] [data-sim-prize-id]", { timeout: 30_000 });
  const rows = await page.$$eval("[data-testid=simulate-result] [data-sim-prize-id]", (items) => items.length);
  assert.ok(rows >= 6, `a row per prize (got ${rows})`);
  await screenshot(page, "player-simulation-desktop-en");
  await assertAccessible(page, "the player page with the simulation result");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

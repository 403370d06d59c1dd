// The operator console (frontend/console/) in a real Chromium against the real
// Worker (wrangler dev): sign-in, the editor with the core's checks and the
// forecast, the dashboard with pause and resume, theme and picture uploads,
// and fulfilment (winners, filters, CSV).
//
// Over 400 lines on purpose: the file starts one `wrangler dev` and one
// Chromium for all its tests, and each test() stands alone in its own page.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { crc32, deflateSync } from "node:zlib";
import { ADMIN_KEY, campaignOpenToday, client, localDate, parseCsv, root, startService } from "../edge/harness.mjs";
import {
  assertAccessible,
  launchBrowser,
  SECURITY_HEADERS,
  screenshot as fullScreenshot,
  securityHeaders,
  watchedPage,
} from "./browser.mjs";

let service;
let api;
let browser;
let scratch;

// A real 1x1 PNG (the same as in tests/edge/operator-api.test.mjs).
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf" +
    "c000000301010018dd8db40000000049454e44ae426082",
  "hex",
);

/** A real PNG of size x size pixels in one colour (big enough to see in the screenshots). */
function solidPng(size, [r, g, b]) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, "latin1"), data])));
    return Buffer.concat([length, Buffer.from(type, "latin1"), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [r, g, b]).flat())]);
  return Buffer.concat([
    PNG.subarray(0, 8),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array(size).fill(row)))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

before(async () => {
  service = await startService({ port: 8804 });
  api = client(service);
  browser = await launchBrowser();
  scratch = mkdtempSync(join(tmpdir(), "blindbox-console-"));
});

after(async () => {
  await browser?.close();
  await service?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const consoleUrl = (hash = "") => `${service.base}/console/${hash}`;
const byTestId = (id) => `[data-testid="${id}"]`;

/** A full-page screenshot from the top (sticky headers otherwise land mid-page in the picture). */
async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullScreenshot(page, name);
}

/** A desktop-sized page that fails the test on console errors. */
const desktopPage = () =>
  watchedPage(browser, { viewport: { width: 1366, height: 900 }, locale: "en-GB", acceptDownloads: true });

async function signIn(page, key = ADMIN_KEY) {
  await page.goto(consoleUrl());
  await page.fill(byTestId("admin-key"), key);
  await page.click(byTestId("sign-in"));
}

/** Signs in, then opens a route of the console (a campaign's dashboard or editor). */
async function openConsole(page, hash) {
  await signIn(page);
  await page.waitForSelector(byTestId("campaign-list"), { state: "attached" });
  if (hash) await page.goto(consoleUrl(hash));
}

/** What `blindbox validate` says about a campaign, as {pointer: [messages]}. */
function cliProblems(campaignText) {
  const file = join(scratch, "validate.json");
  writeFileSync(file, campaignText);
  const run = spawnSync(join(root, "build/native/blindbox"), ["validate", file], { encoding: "utf8" });
  assert.ok(run.status === 0 || run.status === 1, `blindbox validate: ${run.status} ${run.stderr}`);
  const problems = {};
  for (const line of `${run.stdout}\n${run.stderr}`.split("\n")) {
    if (!line.startsWith(`${file}: /`)) continue;
    const rest = line.slice(file.length + 2);
    const at = rest.indexOf(": ");
    (problems[rest.slice(0, at)] ??= []).push(rest.slice(at + 2));
  }
  return problems;
}

test("a wrong admin key is refused and the right one opens the console", async () => {
  assert.equal((await api.putCampaign(campaignOpenToday("front-desk", { title: "Front desk" }))).status, 201);
  const { page, context, problems, violations } = await desktopPage();
  const script = page.waitForResponse((response) => new URL(response.url()).pathname === "/console/console.js");
  const pageResponse = await page.goto(consoleUrl());
  // The console and its scripts carry the CSP and the other security headers (frontend/_headers).
  assert.deepEqual(await securityHeaders(pageResponse), SECURITY_HEADERS);
  assert.deepEqual(await securityHeaders(await script), SECURITY_HEADERS);
  await page.waitForSelector(byTestId("admin-key"));
  await screenshot(page, "console-signin-desktop-en");
  await assertAccessible(page, "the console's sign-in");

  const wrongKey = "not-the-admin-key";
  await signIn(page, wrongKey);
  const error = page.locator(byTestId("sign-in-error"));
  await error.filter({ hasText: /refused/ }).waitFor();
  assert.match(await error.textContent(), /refused \(401 unauthorized\)/);
  assert.equal(await page.getAttribute(byTestId("admin-key"), "aria-invalid"), "true");
  assert.equal(await page.isVisible(byTestId("campaign-list")), false);
  await screenshot(page, "console-signin-refused-desktop-en");
  await assertAccessible(page, "the console's sign-in with a refused key");

  await page.fill(byTestId("admin-key"), ADMIN_KEY);
  await page.click(byTestId("sign-in"));
  await page.waitForSelector(byTestId("campaign-list"), { state: "visible" });
  await page.waitForSelector(`${byTestId("campaign-list")} ${byTestId("campaign-front-desk")}`);
  assert.equal(await page.isVisible(byTestId("sign-in-error")), false);

  // The key is in this tab's sessionStorage only: not in the address, not in localStorage.
  for (const key of [ADMIN_KEY, wrongKey]) assert.ok(!page.url().includes(key), page.url());
  const local = await page.evaluate(() => Object.entries(localStorage));
  for (const [name, value] of local) {
    assert.ok(!name.includes(ADMIN_KEY) && !value.includes(ADMIN_KEY), `localStorage ${name}=${value}`);
  }
  const session = await page.evaluate(() => Object.values(sessionStorage));
  assert.ok(session.includes(ADMIN_KEY), "the key is kept for this tab");
  assert.ok(!session.includes(wrongKey), "a refused key is not kept");
  await screenshot(page, "console-list-desktop-en");
  await assertAccessible(page, "the console's campaign list");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("the console in Chinese: the editor and the dashboard", async () => {
  const id = "zh-desk";
  const campaign = campaignOpenToday(id, {
    title: "Chinese desk",
    prize_table: { prizes: [{ id: "tea", name: "Tea", stock: 20, odds: "0.5" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const { page, context, problems, violations } = await desktopPage();
  await openConsole(page, `#/c/${id}/edit`);
  await page.waitForFunction(() => document.querySelector('[data-testid="field-title"]')?.value === "Chinese desk");
  await page.click(byTestId("lang-toggle"));
  await page.waitForFunction(() => document.documentElement.lang.startsWith("zh"));
  await screenshot(page, "console-editor-desktop-zh");
  await assertAccessible(page, "the console's editor in Chinese");
  await page.goto(consoleUrl(`#/c/${id}`));
  await page.waitForSelector(`${byTestId("dashboard-stock-row")}[data-prize-id="tea"]`);
  assert.ok(await page.evaluate(() => document.documentElement.lang.startsWith("zh")), "the language is kept");
  await assertAccessible(page, "the console's dashboard in Chinese");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("a new campaign with the id of an existing one is refused at the id field, and the existing one stays as it was", async () => {
  const existing = campaignOpenToday("taken-id", { title: "The First One" });
  assert.equal((await api.putCampaign(existing)).status, 201);
  const { page, context, problems, violations } = await desktopPage();
  await openConsole(page);
  await page.click(byTestId("new-campaign"));
  await page.waitForSelector(byTestId("raw-json"));
  await page.fill(byTestId("raw-json"), JSON.stringify({ ...existing, title: "A Second One" }, null, 2));
  await page.waitForFunction(() => document.querySelector('[data-testid="field-title"]')?.value === "A Second One");

  await page.click(byTestId("save"));
  const saveError = page.locator(byTestId("save-error"));
  await saveError.filter({ hasText: /\S/ }).waitFor();
  assert.equal(await saveError.textContent(), "Not saved: that campaign id is already in use.");
  assert.match(await page.textContent(byTestId("field-error-id")), /already exists/);
  const stored = await api.admin("GET", existing.id);
  assert.equal(stored.json.version, 1);
  assert.equal(stored.json.campaign.title, "The First One");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

/** Beside "Who can draw": what an open campaign risks, read with the control. */
async function checkIdentityRiskHint(page) {
  const risk = page.locator(byTestId("identity-risk"));
  assert.match(
    await risk.textContent(),
    /^Open \(“Anyone”\) campaigns can be drained by scripts: .* Ticket identity is what protects valuable stock\.$/,
  );
  const describedBy = (await page.getAttribute(byTestId("field-identity"), "aria-describedby")).split(" ");
  assert.ok(
    await risk.evaluate((node, ids) => ids.includes(node.closest(".hint").id), describedBy),
    "the hint holding it describes the control",
  );
}

/** The new campaign form filled in: open all month in +08:00, with one prize (the template's second one goes). */
async function fillOnePrizeCampaign(page, id, title) {
  await page.fill(byTestId("field-id"), id);
  await page.fill(byTestId("field-title"), title);
  await page.fill(byTestId("field-utc_offset"), "+08:00");
  await page.fill(byTestId("field-window-first_day"), localDate(480, -1));
  await page.fill(byTestId("field-window-last_day"), localDate(480, 30));
  // One prize: the template's second one goes.
  await page.click(byTestId("prize-remove-prize_table-prizes-1"));
  await page.waitForFunction(() => !document.querySelector('[data-testid="field-prize_table-prizes-1-id"]'));
  await page.fill(byTestId("field-prize_table-prizes-0-id"), "lantern");
  await page.fill(byTestId("field-prize_table-prizes-0-name"), "Paper Lantern");
  await page.fill(byTestId("field-prize_table-prizes-0-stock"), "5");
}

/** Wrong odds: the message at the field is the core's, word for word (as the CLI prints it); right odds clear it. */
async function checkOddsErrorsAreTheCores(page) {
  const oddsError = byTestId("field-error-prize_table-prizes-0-odds");
  for (const [odds, expected] of [
    ["abc", /^must be a decimal like /],
    ["2/1", /^must be at most 1 \(got 2\/1\)$/],
  ]) {
    await page.fill(byTestId("field-prize_table-prizes-0-odds"), odds);
    await page.waitForFunction(
      ([selector, text]) => document.querySelector(selector)?.textContent.includes(text),
      [oddsError, odds === "abc" ? "must be a decimal" : "(got 2/1)"],
    );
    const raw = await page.inputValue(byTestId("raw-json"));
    assert.equal(JSON.parse(raw).prize_table.prizes[0].odds, odds, "the raw JSON follows the form");
    const fromCli = cliProblems(raw)["/prize_table/prizes/0/odds"];
    assert.equal(fromCli?.length, 1, JSON.stringify(cliProblems(raw)));
    assert.match(fromCli[0], expected);
    assert.equal(await page.textContent(oddsError), fromCli[0]);
    assert.equal(await page.getAttribute(byTestId("field-prize_table-prizes-0-odds"), "aria-invalid"), "true");
    if (odds === "abc") {
      await screenshot(page, "console-editor-invalid-odds-desktop-en");
      await assertAccessible(page, "the console's editor with errors at a field");
    }
  }

  await page.fill(byTestId("field-prize_table-prizes-0-odds"), "0.5");
  await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === "", oddsError);
  assert.deepEqual(cliProblems(await page.inputValue(byTestId("raw-json"))), {}, "the form's campaign is valid");
}

/** 10,000 players a day at even odds: 5 lanterns are gone every run, 100,000 never are. */
async function checkForecastFollowsStock(page) {
  const stillInStock = (value) =>
    page.waitForFunction(
      (want) =>
        document.querySelector('[data-testid="forecast"]')?.dataset.status === "done" &&
        document.querySelector('[data-testid="forecast-row"][data-prize-id="lantern"]')?.dataset.stillInStock === want,
      value,
      { timeout: 30_000 },
    );
  await stillInStock("0");
  const before = await page.$eval('[data-testid="forecast-row"][data-prize-id="lantern"]', (row) => ({
    text: row.textContent,
    winners: Number(row.dataset.expectedWinners),
  }));
  assert.ok(before.winners <= 5, JSON.stringify(before));
  await screenshot(page, "console-editor-forecast-sold-out-desktop-en");
  await assertAccessible(page, "the console's editor with the forecast");

  await page.fill(byTestId("field-prize_table-prizes-0-stock"), "100000");
  await stillInStock("1");
  const afterChange = await page.$eval('[data-testid="forecast-row"][data-prize-id="lantern"]', (row) => ({
    text: row.textContent,
    winners: Number(row.dataset.expectedWinners),
  }));
  assert.notEqual(afterChange.text, before.text);
  assert.ok(afterChange.winners > 1000, JSON.stringify(afterChange));
  await page
    .locator(byTestId("forecast-table"))
    .screenshot({ path: join(root, "screenshots", "console-forecast-in-stock-desktop-en.png") });
}

test("a campaign created through the form shows core errors at their fields and a forecast that follows the stock", async () => {
  const id = "form-made";
  const title = "Lantern Festival Box";
  const { page, context, problems, violations } = await desktopPage();
  await openConsole(page);
  await page.click(byTestId("new-campaign"));
  await page.waitForSelector(byTestId("field-title"));
  await checkIdentityRiskHint(page);
  await fillOnePrizeCampaign(page, id, title);
  await checkOddsErrorsAreTheCores(page);
  await checkForecastFollowsStock(page);

  await page.click(byTestId("save"));
  const saved = page.locator(byTestId("save-result"));
  await saved.filter({ hasText: /\S/ }).waitFor();
  assert.match(await saved.textContent(), new RegExp(`Created .${id}. \\(version 1\\)`));
  assert.equal(await page.textContent(byTestId("save-error")), "");
  await page.waitForFunction((want) => location.hash === want, `#/c/${id}/edit`);
  await screenshot(page, "console-editor-saved-desktop-en");

  const stored = await api.call("GET", `/api/v1/campaigns/${id}`);
  assert.equal(stored.status, 200, stored.text);
  assert.equal(stored.json.campaign.title, title);
  assert.deepEqual(
    stored.json.campaign.prizes.map((p) => [p.id, p.name]),
    [["lantern", "Paper Lantern"]],
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("the dashboard shows draws and falling stock, and pause stops draws", async () => {
  const id = "live-desk";
  const campaign = campaignOpenToday(id, {
    title: "Live desk",
    prize_table: { prizes: [{ id: "lamp", name: "Desk Lamp", stock: 50, odds: "1" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const { page, context, problems, violations } = await desktopPage();
  // The dashboard refreshes itself on a 4 s timer; the page's clock runs that timer here, so the
  // test does not wait in real time.
  await context.clock.install();
  await openConsole(page, `#/c/${id}`);
  await page.waitForSelector(`${byTestId("dashboard")} ${byTestId("status")}[data-status="open"]`);
  await page.waitForSelector(`${byTestId("dashboard-stock-row")}[data-prize-id="lamp"][data-stock-left="50"]`);
  // Checked while the page's clock still runs (axe-core waits on timers).
  await assertAccessible(page, "the console's dashboard");

  await page.clock.pauseAt(Date.now() + 1000);
  for (let i = 0; i < 10; i++) {
    const reply = await api.draw(id, {
      player: `desk-player-${i}`,
      request_id: `desk-request-${String(i).padStart(4, "0")}`,
    });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.draw.outcome, "win");
  }
  // The next refresh, at most 4 s later.
  await page.clock.runFor(5000);
  await page.waitForFunction(
    () =>
      Number(document.querySelector('[data-testid="dashboard-draws"]')?.dataset.lastHour) >= 10 &&
      Number(document.querySelector('[data-testid="dashboard-stock-row"][data-prize-id="lamp"]')?.dataset.stockLeft) <=
        40,
    null,
    { timeout: 20_000 },
  );
  assert.equal(await page.textContent(byTestId("today-draws")), "10");
  assert.equal(await page.getAttribute(byTestId("dashboard-stock-row"), "data-stock-left"), "40");
  await screenshot(page, "console-dashboard-desktop-en");

  await page.click(byTestId("pause"));
  await page.waitForSelector(`${byTestId("confirm-dialog")}[open]`);
  await screenshot(page, "console-pause-dialog-desktop-en");
  await page.click(byTestId("confirm-yes"));
  await page.waitForSelector(`${byTestId("status")}[data-status="paused"]`);
  assert.match(await page.textContent(byTestId("status")), /Paused/);
  assert.equal(await page.isVisible(byTestId("resume")), true);
  const refused = await api.draw(id, { player: "late-player", request_id: "late-player-draw-1" });
  assert.equal(refused.status, 403, refused.text);
  assert.equal(refused.json.error.code, "campaign_not_open");
  await screenshot(page, "console-paused-desktop-en");

  await page.click(byTestId("resume"));
  await page.waitForSelector(`${byTestId("confirm-dialog")}[open]`);
  await page.click(byTestId("confirm-yes"));
  await page.waitForSelector(`${byTestId("status")}[data-status="open"]`);
  const again = await api.draw(id, { player: "late-player", request_id: "late-player-draw-2" });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.json.draw.outcome, "win");
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

/** The files to upload: a 48-pixel PNG, words named .png, and a PNG padded past the 2 MB limit. */
function writeUploadFiles() {
  const picture = join(scratch, "logo.png");
  writeFileSync(picture, solidPng(48, [200, 16, 46]));
  const notPicture = join(scratch, "notes.png");
  writeFileSync(notPicture, "not a picture at all, only words\n");
  const huge = join(scratch, "huge.png");
  const hugeBytes = Buffer.alloc(3 * 1024 * 1024, 7);
  PNG.copy(hugeBytes);
  writeFileSync(huge, hugeBytes);
  return { picture, notPicture, huge };
}

/** Refused uploads: the server's own words under the control; the logo stays. */
async function checkRefusedUploads(page, id, { notPicture, huge, logo }) {
  const refusedWith = (status) =>
    page.waitForResponse((r) => r.url().endsWith(`/admin/campaigns/${id}/media`) && r.status() === status);
  let refusal = refusedWith(415);
  await page.setInputFiles(byTestId("theme-box-image-upload"), notPicture);
  await refusal;
  await page.locator(byTestId("upload-error")).filter({ hasText: "the file is not a PNG picture" }).waitFor();
  await screenshot(page, "console-upload-not-png-desktop-en");
  await assertAccessible(page, "the console's editor with the theme preview and an upload refused");
  refusal = refusedWith(413);
  await page.setInputFiles(byTestId("upload-prize_table-prizes-0-image"), huge);
  await refusal;
  await page
    .locator(byTestId("upload-error"))
    .filter({ hasText: /at most 2 MB/ })
    .waitFor();
  assert.equal(await page.locator(byTestId("upload-error")).count(), 1, "one upload message at a time");
  assert.equal(await page.inputValue(byTestId("field-theme-box_image")), "");
  assert.equal(await page.inputValue(byTestId("field-prize_table-prizes-0-image")), "");
  assert.equal(await page.inputValue(byTestId("field-theme-logo")), logo);
}

/** The player page shows the campaign's headline and uploaded logo. */
async function checkThemedPlayerPage(id, headline, logo) {
  const player = await watchedPage(browser);
  await player.page.goto(`${service.base}/?campaign=${id}`);
  await player.page.waitForFunction(
    (want) => document.querySelector('[data-testid="campaign-title"]')?.textContent === want,
    headline,
  );
  await player.page.waitForFunction(
    (want) =>
      [...document.querySelectorAll("img")].some(
        (img) => img.getAttribute("src") === want && !img.hidden && img.complete && img.naturalWidth === 48,
      ),
    logo,
  );
  assert.ok(await player.page.isVisible('img[src*="/media/"]'));
  await screenshot(player.page, "console-themed-player-phone-en");
  await assertAccessible(player.page, "the player page with a campaign's theme and logo");
  assert.deepEqual(player.problems, []);
  assert.deepEqual(player.violations, []);
  await player.context.close();
}

test("the theme and an uploaded picture show in the preview and on the player page; bad uploads are refused", async () => {
  const id = "themed-box";
  const headline = "Light up the Lantern Night";
  const color = "#c8102e";
  const campaign = campaignOpenToday(id, {
    title: "Themed box",
    prize_table: { prizes: [{ id: "fan", name: "Silk Fan", stock: 20, odds: "0.1" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const { picture, notPicture, huge } = writeUploadFiles();

  const { page, context, problems, violations } = await desktopPage();
  await openConsole(page, `#/c/${id}/edit`);
  await page.waitForSelector(byTestId("field-title"));
  await page.waitForFunction(() => document.querySelector('[data-testid="field-title"]').value === "Themed box");

  await page.fill(byTestId("theme-primary-color"), color);
  await page.fill(byTestId("theme-headline-en"), headline);
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="preview-headline"]')?.textContent === want,
    headline,
  );
  assert.equal(await page.inputValue(byTestId("field-theme-primary_color")), color);

  await page.setInputFiles(byTestId("theme-logo-upload"), picture);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="field-theme-logo"]').value.startsWith("/media/"),
  );
  const logo = await page.inputValue(byTestId("field-theme-logo"));
  assert.match(logo, new RegExp(`^/media/${id}/[0-9a-f]{64}\\.png$`));
  await page.waitForFunction((want) => {
    const img = document.querySelector('[data-testid="preview-logo"]');
    return img?.getAttribute("src") === want && img.complete && img.naturalWidth === 48;
  }, logo);
  const theme = JSON.parse(await page.inputValue(byTestId("raw-json"))).theme;
  assert.deepEqual(theme, { primary_color: color, headline: { en: headline }, logo });
  await page
    .locator(byTestId("preview"))
    .screenshot({ path: join(root, "screenshots", "console-preview-desktop-en.png") });

  await checkRefusedUploads(page, id, { notPicture, huge, logo });

  await page.click(byTestId("save"));
  await page
    .locator(byTestId("save-result"))
    .filter({ hasText: /Saved \(version 2\)/ })
    .waitFor();
  await screenshot(page, "console-theme-saved-desktop-en");
  const stored = await api.admin("GET", id);
  assert.deepEqual(stored.json.campaign.theme, theme);

  await checkThemedPlayerPage(id, headline, logo);

  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

/**
 * Three winners of mugs, two of whom send shipping details (with quotes,
 * commas and lines to escape); the players, the details and the day.
 */
async function drawThreeWinnersTwoShipping(id) {
  const players = ["han-meimei", "li-lei", "wang-fang"];
  const tokens = {};
  for (const player of players) {
    const reply = await api.draw(id, { player, request_id: `${player}-first-draw` });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.draw.outcome, "win");
    tokens[player] = reply.json.draw.claim_token;
  }
  const shipping = {
    "han-meimei": {
      name: "韩梅梅",
      phone: "+86 139 1234 5678",
      address: 'Room 5, "Blue" Tower\n88 Lantern Street\nSuzhou',
    },
    "li-lei": { name: "Li Lei", phone: "+86 138-0013-8000", address: "1,2,3 Comma Court, Beijing" },
  };
  for (const [player, details] of Object.entries(shipping)) {
    const reply = await api.call("PUT", `/api/v1/campaigns/${id}/claim`, details, {
      authorization: `Bearer ${tokens[player]}`,
    });
    assert.equal(reply.status, 200, reply.text);
  }
  const day = (await api.admin("GET", id)).json.today.day;
  return { players, shipping, day };
}

/** The prize and day filters ask the server and show what it answers; cleared, every winner again. */
async function checkWinnerFilters(page, id, day, rows) {
  const filtered = async (select, value, query) => {
    const answered = page.waitForResponse(
      (r) => r.url().includes(`/admin/campaigns/${id}/winners`) && r.url().includes(query),
    );
    await page.selectOption(byTestId(select), value);
    await answered;
  };
  await filtered("filter-prize", "car", "prize=car");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="winner-row"]').length === 0);
  assert.match(await page.textContent(byTestId("winners-status")), /\S/);
  await filtered("filter-prize", "mug", "prize=mug");
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="winner-row"][data-prize-id="mug"]').length === 3,
  );
  await filtered("filter-day", day, `day=${day}`);
  await page.waitForFunction(
    (want) =>
      [...document.querySelectorAll('[data-testid="winner-row"]')].filter((row) => row.dataset.day === want).length ===
      3,
    day,
  );
  assert.equal((await rows()).length, 3);
  await screenshot(page, "console-winners-filtered-desktop-en");
  await filtered("filter-prize", "", "winners");
  await filtered("filter-day", "", "winners");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="winner-row"]').length === 3);
}

/** The downloaded CSV: a row per win with its shipping details, formula-like cells made inert. */
async function checkDownloadedCsv(page, { players, shipping, day }) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(byTestId("download-csv"))]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const file = join(scratch, download.suggestedFilename());
  await download.saveAs(file);
  const records = parseCsv(readFileSync(file, "utf8"));
  const header = ["day", "prize_id", "prize_name", "player", "won_at", "claimed", "name", "phone", "address"];
  assert.deepEqual(records[0], header);
  assert.equal(records.length, 4, JSON.stringify(records));
  const csvRows = records.slice(1).map((record) => {
    assert.equal(record.length, header.length);
    return Object.fromEntries(header.map((name, i) => [name, record[i]]));
  });
  assert.deepEqual(csvRows.map((r) => r.player).sort(), [...players].sort());
  // A cell a spreadsheet would take for a formula (=, +, -, @, tab, CR first) starts with ' in the CSV.
  const cell = (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  for (const row of csvRows) {
    const details = Object.fromEntries(
      Object.entries(shipping[row.player] ?? { name: "", phone: "", address: "" }).map(([key, text]) => [
        key,
        cell(text),
      ]),
    );
    assert.deepEqual(
      {
        day: row.day,
        prize_id: row.prize_id,
        prize_name: row.prize_name,
        claimed: row.claimed,
        name: row.name,
        phone: row.phone,
        address: row.address,
      },
      { day, prize_id: "mug", prize_name: "Lucky Mug", claimed: row.player in shipping ? "yes" : "no", ...details },
    );
    assert.ok(!Number.isNaN(Date.parse(row.won_at)), row.won_at);
  }
}

test("winners can be filtered and the CSV matches the wins and shipping details", async () => {
  const id = "ship-desk";
  const campaign = campaignOpenToday(id, {
    title: "Shipping desk",
    prize_table: {
      prizes: [
        { id: "mug", name: "Lucky Mug", stock: 10, odds: "1" },
        { id: "car", name: "Red Car", stock: 1, odds: "0" },
      ],
    },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const { players, shipping, day } = await drawThreeWinnersTwoShipping(id);

  const { page, context, problems, violations } = await desktopPage();
  await openConsole(page, `#/c/${id}`);
  const rows = (selector = byTestId("winner-row")) =>
    page.$$eval(selector, (list) => list.map((row) => ({ ...row.dataset, text: row.textContent })));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="winner-row"]').length === 3);
  const all = await rows();
  assert.deepEqual(all.map((r) => r.claimed).sort(), ["false", "true", "true"]);
  for (const player of players) {
    const row = all.find((r) => r.text.includes(player));
    assert.ok(row, `a row for ${player}`);
    assert.equal(row.claimed, String(player in shipping));
    assert.equal(row.prizeId, "mug");
    assert.equal(row.day, day);
    if (shipping[player]) assert.ok(row.text.includes(shipping[player].name), row.text);
  }
  // An address keeps its lines in the list.
  const shownAddress = page.locator(byTestId("winner-row")).filter({ hasText: "han-meimei" }).locator(".address");
  assert.equal(await shownAddress.innerText(), shipping["han-meimei"].address);
  await screenshot(page, "console-winners-desktop-en");
  await assertAccessible(page, "the console's dashboard with winners and shipping details");

  await checkWinnerFilters(page, id, day, rows);

  await checkDownloadedCsv(page, { players, shipping, day });

  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

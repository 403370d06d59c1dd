// Debian's Chromium, driven by playwright-core (no browser download), for the
// page tests. Screenshots go to screenshots/ (git-ignored) for people to look at.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { root } from "../edge/harness.mjs";

export const screenshotDir = join(root, "screenshots");

export async function launchBrowser() {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/**
 * A page that fails the test on any console error or failed request.
 * `violations` collects every Content-Security-Policy violation in the
 * context, from its pages and their workers: the `securitypolicyviolation`
 * events (recorded by an init script, reported through a binding so that none
 * is lost to a reload) and the browser's console messages about the policy.
 * Each test ends with `assert.deepEqual(violations, [])`.
 */
export async function watchedPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const violations = [];
  await context.exposeBinding("__blindboxCspViolation", ({ frame }, event) => {
    violations.push(
      `event on ${frame.url()}: ${event.directive} blocked ${event.blocked} at ${event.source}:${event.line}`,
    );
  });
  await context.addInitScript(() => {
    addEventListener(
      "securitypolicyviolation",
      (event) =>
        globalThis.__blindboxCspViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          source: event.sourceFile,
          line: event.lineNumber,
        }),
      true,
    );
  });
  const cspMessage = (where) => (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) {
      violations.push(`console of ${where} (${message.location()?.url || "?"}): ${message.text()}`);
    }
  };
  const watched = new WeakSet();
  const watch = (each) => {
    if (watched.has(each)) return;
    watched.add(each);
    each.on("console", cspMessage("a page"));
    each.on("worker", (worker) => worker.on("console", cspMessage(`worker ${worker.url()}`)));
  };
  context.on("page", watch);
  const page = await context.newPage();
  watch(page);
  const problems = [];
  page.on("console", (message) => {
    // Chromium logs every 4xx reply as an error; the tests expect some (limits, pauses).
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  return { context, page, problems, violations };
}

/** The security headers every page and static asset carries (frontend/_headers). */
export const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
    "img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
    "frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

/** The security headers of a response (by the browser's view of it), for comparison with SECURITY_HEADERS. */
export async function securityHeaders(response) {
  const all = await response.allHeaders();
  return Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, all[name]]));
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The sizes every page is checked at: a phone and a laptop. */
export const A11Y_VIEWPORTS = { phone: { width: 390, height: 844 }, laptop: { width: 1366, height: 900 } };

// axe-core goes in with page.evaluate (not addScriptTag, an inline script the policy refuses).
const axeSource = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AXE_TIMEOUT_MS = 30_000;

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now, at each
 * size of A11Y_VIEWPORTS, then puts the page back at its own size. Fails with
 * every violation: rule, impact, what it asks for, and the selectors of the
 * elements at fault. axe needs the page's timers running: check before a
 * test pauses the page's clock (page.clock.pauseAt), not after.
 */
export async function assertAccessible(page, label) {
  const own = page.viewportSize();
  const found = [];
  try {
    for (const [size, viewport] of Object.entries(A11Y_VIEWPORTS)) {
      await page.setViewportSize(viewport);
      if (!(await page.evaluate(() => typeof globalThis.axe?.run === "function"))) await page.evaluate(axeSource);
      let timer;
      const run = page.evaluate(async (tags) => {
        // The layout at the new size, with finished (finite) transitions and animations.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const finite = document
          .getAnimations()
          .filter((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity);
        await Promise.all(finite.map((a) => a.finished.catch(() => {})));
        const result = await globalThis.axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.flat().join(" "), summary: n.failureSummary })),
        }));
      }, AXE_TAGS);
      run.catch(() => {}); // seen by the race below; not unhandled if the timeout wins
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `axe-core did not finish on ${label} (${size}) in ${AXE_TIMEOUT_MS} ms: are the page's timers paused?`,
              ),
            ),
          AXE_TIMEOUT_MS,
        );
      });
      try {
        for (const violation of await Promise.race([run, timeout])) found.push({ size, ...violation });
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    if (own) await page.setViewportSize(own);
  }
  const report = found
    .map(
      (v) =>
        `${v.id} (${v.impact}) at ${v.size}: ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n${(n.summary ?? "").replace(/^/gm, "      ")}`).join("\n"),
    )
    .join("\n");
  assert.equal(found.length, 0, `${label}: ${found.length} axe-core violation(s) of WCAG 2.1 AA\n${report}`);
}

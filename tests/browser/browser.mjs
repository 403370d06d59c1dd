// Debian's Chromium, driven by playwright-core (no browser download), for the
// page tests. Screenshots go to screenshots/ (git-ignored) for people to look at.

import { mkdirSync } from "node:fs";
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
    violations.push(`event on ${frame.url()}: ${event.directive} blocked ${event.blocked} at ${event.source}:${event.line}`);
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

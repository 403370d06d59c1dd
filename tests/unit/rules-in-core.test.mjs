// Every rule in the core, once (ARCHITECTURE.md): no JavaScript or TypeScript
// outside the core parses, adds or compares odds, or computes days, UTC offsets
// or clock times. The Worker and the pages ask the core (bb_odds_text,
// bb_calendar, bb_day_stock, bb_change_check, bb_forecast) and only format what
// it returns for the reader's language. This test fails when the telltales of
// such arithmetic reappear in host/src or frontend/.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { filesUnder, root } from "./source-files.mjs";

export const telltales = [
  {
    name: "exact-number arithmetic (BigInt): odds and percents are the core's",
    pattern: /\bBigInt\s*\(|\b\d[\d_]*n\b/,
  },
  {
    name: "an odds or clock grammar (a regular expression over digits with '/', '.' or ':')",
    pattern: /\\d.*(\\\/|\\\.|:)|(\\\/|\\\.|:).*\\d/,
  },
  {
    name: "a calendar day computed from a time",
    pattern: /toISOString\(\)\.slice\(0,\s*10\)|Date\.UTC\(|\.set(UTC)?(FullYear|Month|Date|Hours|Minutes)\(/,
  },
  {
    name: "a UTC offset applied by hand",
    pattern:
      /getTimezoneOffset\(\)\s*[-+*/%]|[\w)\]]\s*[-+]\s*-?\s*new Date\([^)]*\)\.getTimezoneOffset|\boffsetMinutes\s*\(/,
  },
  {
    name: "days or clock minutes counted by hand (86,400 s, 1,440 min)",
    pattern: /\b86_?400(_?000)?\b|\b1_?440\b|\b864e5\b/,
  },
];

// Lines that match a telltale and are not a rule, each with its reason.
const allowed = [
  {
    file: "host/src/core.ts",
    text: "BigInt(Date.now()) * 1_000_000n",
    reason: "the WASI clock import gives the core the time in nanoseconds",
  },
  {
    file: "frontend/shared/format.js",
    text: "new Date(Date.UTC(parts.year, parts.month - 1, parts.day))",
    reason: "a day the core gave, made a Date at UTC midnight only for Intl to print it in words",
  },
  {
    file: "frontend/shared/format.js",
    text: "86400",
    reason: "a duration (time until an opening) in Intl.RelativeTimeFormat's units, not a calendar day",
  },
  {
    file: "frontend/console/live/draws-chart.js",
    text: 'range === "hour" ? 60 : 1440',
    reason: "the chart's range is the last 60 or 1,440 minutes on the viewer's clock, a duration",
  },
  {
    file: "host/src/migrations.ts",
    text: "- 86400) * 1000",
    reason: "the per-minute stats kept are those of the last 24 hours, a duration",
  },
];

function sourceFiles() {
  const code = (name) => /\.(ts|js|mjs)$/.test(name) && !name.endsWith(".d.ts");
  return [...filesUnder("host/src", code), ...filesUnder("frontend", code)];
}

/** Every line of `text` that shows a telltale: [{line, telltale, text}]. */
export function findTelltales(path, text) {
  const found = [];
  text.split("\n").forEach((line, index) => {
    const code = line.replace(/\/\/.*$/, "").replace(/^\s*\*.*$/, ""); // comments say what, they may name numbers
    for (const telltale of telltales) {
      if (!telltale.pattern.test(code)) continue;
      if (allowed.some((entry) => entry.file === path && line.includes(entry.text))) continue;
      found.push({ line: index + 1, telltale: telltale.name, text: line.trim() });
    }
  });
  return found;
}

test("no odds grammar, exact-number arithmetic or calendar arithmetic outside the core", () => {
  const problems = [];
  for (const path of sourceFiles()) {
    for (const hit of findTelltales(path, readFileSync(join(root, path), "utf8"))) {
      problems.push(`${path}:${hit.line}: ${hit.telltale}: ${hit.text}`);
    }
  }
  assert.deepEqual(problems, [], "ask the core (wasm/abi/blindbox.h) instead; see ARCHITECTURE.md");
});

test("the telltales catch the arithmetic they are for", () => {
  // What the pages and the Worker once did by hand, each caught.
  const samples = [
    "const d = BigInt(match[2]);",
    "let total = [0n, 1n];",
    "const match = /^(\\d+)\\/(\\d+)$/.exec(text);",
    "const match = /^(\\d{2}):(\\d{2})$/.exec(hhmm);",
    "return new Date(ms + days * 86_400_000).toISOString().slice(0, 10);",
    "const midnight = Date.UTC(y, m, d);",
    "const shift = -new Date().getTimezoneOffset() - offsetMinutes(campaign.utc_offset);",
    "const minutes = (((m + shift) % 1440) + 1440) % 1440;",
  ];
  for (const sample of samples) {
    assert.ok(findTelltales("sample.js", sample).length > 0, `not caught: ${sample}`);
  }
  // What stays: formatting what the core returned, the viewer's own offset handed to the core.
  const fine = [
    "const viewer = -new Date().getTimezoneOffset();",
    "const text = new Intl.NumberFormat(locale).format(value);",
    "setTimeout(() => URL.revokeObjectURL(url), 60_000);",
  ];
  for (const sample of fine) {
    assert.deepEqual(findTelltales("sample.js", sample), [], `caught wrongly: ${sample}`);
  }
});

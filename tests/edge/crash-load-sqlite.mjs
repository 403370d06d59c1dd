// The Durable Objects' SQLite files under a `wrangler dev --persist-to` folder,
// read with Debian's sqlite3 command (read-only), for crash-load.test.mjs.
// Layout: kv-schema/README.md, "Local state on disk".

import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Rows of one query, as JSON objects. */
export function query(path, sql) {
  const out = execFileSync("sqlite3", ["-json", "-readonly", path], {
    input: `${sql};\n`,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  }).trim();
  return out ? JSON.parse(out) : [];
}

/** The campaign objects' files under a persist folder, by campaign id (from their meta table). */
export function findCampaignFiles(persistDir) {
  const files = {};
  const doDir = join(persistDir, "v3", "do");
  for (const path of filesUnder(doDir)) {
    if (!path.endsWith(".sqlite") || path.endsWith("metadata.sqlite")) continue;
    const hasMeta = query(path, "SELECT 1 AS yes FROM sqlite_master WHERE type = 'table' AND name = 'meta'").length > 0;
    if (!hasMeta) continue;
    const id = query(path, "SELECT value FROM meta WHERE key = 'id'")[0]?.value;
    if (id !== undefined) files[id] = path;
  }
  return files;
}

/** What the checks need from one campaign object's file. */
export function readCampaignFile(path) {
  return {
    integrity: query(path, "PRAGMA integrity_check").map((row) => row.integrity_check).join("; "),
    meta: Object.fromEntries(query(path, "SELECT key, value FROM meta").map((row) => [row.key, row.value])),
    counters: query(path, "SELECT name, value FROM counters"),
    entries: query(
      path,
      `SELECT id, day, player, request_id, drawn_at, outcome, prize_id, by_pity, player_draw_number, reply
       FROM entries ORDER BY id`,
    ),
    claimRows: query(
      path,
      "SELECT entry_id, player, day, prize_id, won_at, token_hash, shipping_sealed, shipping_updated_at FROM claims ORDER BY entry_id",
    ),
  };
}

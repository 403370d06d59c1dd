// The Durable Objects' storage that `wrangler dev --persist-to DIR` leaves on
// disk, read for the edge tests that check what the service stored (what the
// API cannot show). Layout (kv-schema/README.md, "Local state on disk"):
// DIR/v3/do/blindbox-CampaignObject/HASH.sqlite, one file per object, next to
// the runtime's own metadata.sqlite.
//
// Design: the files are read with Debian's sqlite3 command (installed by
// .ci/setup), one process per query, with -json for rows as objects; no
// SQLite binding for Node to build or pin. Every test goes through query(),
// read-only unless it asks to write (to age a row, or to take a schema back
// a version, with the service stopped), so the flags, the output parsing and
// the buffer size live in one place. ":memory:" works as a path too (with
// { write: true }): a test builds a reference database from DDL that way.

import { execFileSync } from "node:child_process";
import { createHash, webcrypto } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { SEAL_KEY } from "./harness.mjs";

function sqlite3(path, sql, { write = false, json = true } = {}) {
  const args = [...(json ? ["-json"] : []), ...(write ? [] : ["-readonly"]), path];
  return execFileSync("sqlite3", args, {
    input: `${sql};\n`,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  }).trim();
}

/** Every file under `dir`, sorted (none when it does not exist). */
export function filesUnder(dir) {
  const found = [];
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.sort();
}

/** The objects' databases under a persist folder (the runtime's metadata.sqlite left out). */
export function objectDatabases(persistDir) {
  return filesUnder(join(persistDir, "v3", "do")).filter(
    (path) => path.endsWith(".sqlite") && basename(path) !== "metadata.sqlite",
  );
}

/** Rows of `sql` (its last statement) as JSON objects; read-only unless `write`. */
export function query(path, sql, { write = false } = {}) {
  const out = sqlite3(path, sql, { write });
  return out ? JSON.parse(out) : [];
}

/** The sqlite3 command's tree for `EXPLAIN QUERY PLAN sql` (it has no JSON form), as text. */
export function queryPlan(path, sql) {
  return sqlite3(path, `EXPLAIN QUERY PLAN ${sql}`, { json: false });
}

/** The campaign objects' databases under a persist folder, by campaign id (from their meta table). */
export function campaignFiles(persistDir) {
  const files = {};
  for (const path of objectDatabases(persistDir)) {
    const hasMeta = query(path, "SELECT 1 AS yes FROM sqlite_master WHERE type = 'table' AND name = 'meta'").length > 0;
    if (!hasMeta) continue;
    const id = query(path, "SELECT value FROM meta WHERE key = 'id'")[0]?.value;
    if (id !== undefined) files[id] = path;
  }
  return files;
}

/** What crash-load.test.mjs checks of one campaign object's database. */
export function readCampaignFile(path) {
  return {
    integrity: query(path, "PRAGMA integrity_check")
      .map((row) => row.integrity_check)
      .join("; "),
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

/** A value the Worker sealed (host/src/sealing.ts: "v1." + base64url(iv || AES-256-GCM)), opened under SEAL_KEY. */
export async function unseal(sealed, sealKey = SEAL_KEY) {
  const bytes = Buffer.from(sealed.slice(3), "base64url");
  const raw = createHash("sha256").update(sealKey).digest();
  const key = await webcrypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
  const plain = await webcrypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
  return Buffer.from(plain).toString("utf8");
}

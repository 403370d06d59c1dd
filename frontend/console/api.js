// The operator API (API v1, /api/v1/admin/...) with the admin key, through
// the one client (shared/api.js) and its reply contract {ok, status, data,
// error, ...}: it never throws; a reply that never came has error.code "network".
//
// The key is kept in memory and in this tab's sessionStorage only: never in
// the address, never in localStorage.

import * as shared from "../shared/api.js";

export { errorOf } from "../shared/api.js";

const KEY_STORAGE = "blindbox-console:admin-key";
const TIMEOUT_MS = 20_000;

let adminKey = null;
let onUnauthorized = () => {};

export function storedKey() {
  if (adminKey !== null) return adminKey;
  try {
    adminKey = sessionStorage.getItem(KEY_STORAGE);
  } catch {
    adminKey = null;
  }
  return adminKey;
}

export function setKey(key) {
  adminKey = key;
  try {
    if (key === null) sessionStorage.removeItem(KEY_STORAGE);
    else sessionStorage.setItem(KEY_STORAGE, key);
  } catch {
    // storage blocked: the key lives in memory for this page only
  }
}

/** Called when a signed-in request is refused with 401 (the key was changed or revoked). */
export function whenUnauthorized(listener) {
  onUnauthorized = listener;
}

/**
 * One request with the admin key, through the one client (shared/api.js);
 * its options, plus `key` to use instead of the stored one (sign-in).
 * @param {string} path
 * @param {shared.RequestOptions & {key?: string}} [options]
 * @returns {Promise<shared.Reply>}
 */
export async function request(path, { key, ...options } = {}) {
  const reply = await shared.request(path, { timeout: TIMEOUT_MS, ...options, token: key ?? storedKey() });
  if (reply.status === 401 && key === undefined && reply.error?.code === "unauthorized") onUnauthorized();
  return reply;
}

const admin = (id, rest = "") => `/api/v1/admin/campaigns/${encodeURIComponent(id)}${rest}`;

export const api = {
  list: (key) => request("/api/v1/admin/campaigns", { key }),
  get: (id) => request(admin(id)),
  /** Creates or replaces; `createOnly` refuses to replace (412 campaign_exists). */
  put: (id, text, { createOnly = false } = {}) =>
    request(admin(id), { method: "PUT", body: text, headers: createOnly ? { "if-none-match": "*" } : {} }),
  pause: (id) => request(admin(id, "/pause"), { method: "POST" }),
  resume: (id) => request(admin(id, "/resume"), { method: "POST" }),
  stats: (id) => request(admin(id, "/stats")),
  /**
   * One page of wins; `cursor` is the next_cursor of the page before.
   * @param {string} id
   * @param {{day?: string, prize?: string, cursor?: string | number}} [filter]
   */
  winners: (id, { day, prize, cursor } = {}) => {
    const query = new URLSearchParams();
    if (day) query.set("day", day);
    if (prize) query.set("prize", prize);
    if (cursor) query.set("cursor", String(cursor));
    const text = query.toString();
    return request(admin(id, `/winners${text ? `?${text}` : ""}`));
  },
  /** One page of the winners CSV: the first, or `path` from the page before's Link rel="next". */
  winnersCsv: (id, path = null) => request(path ?? admin(id, "/winners.csv"), { accept: "text/csv" }),
  media: (id, file) => request(admin(id, "/media"), { method: "POST", raw: file, contentType: file.type }),
};

/**
 * The path of a Link header's rel="next", or null. Only a path under `prefix`
 * ("/api/v1/admin/...?...") is followed: the admin key goes with it.
 */
export function nextLink(header, prefix) {
  for (const part of (header ?? "").split(",")) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match || !/;\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(match[2])) continue;
    return match[1].startsWith(`${prefix}?`) ? match[1] : null;
  }
  return null;
}

/**
 * What winnersCsvFile resolves to: the joined file (`text`, `headers`) when
 * ok, else a failed reply with its `error`.
 * @typedef {object} CsvFileReply
 * @property {boolean} ok
 * @property {number} status
 * @property {string} [text]
 * @property {Headers | null} [headers]
 * @property {shared.ApiData} [data]
 * @property {shared.ApiError | null} [error]
 */

/**
 * The whole winners CSV of a campaign: the server sends it in bounded pages
 * (header row on the first), each naming the next in `Link: <...>; rel="next"`;
 * joined in order they are the file. Resolves {ok: true, text, headers} (the
 * first page's headers) or the first failed reply. `onPage(n)` after each page.
 * @param {string} id
 * @param {{onPage?: (page: number) => void, maxPages?: number}} [options]
 * @returns {Promise<CsvFileReply>}
 */
export async function winnersCsvFile(id, { onPage = () => {}, maxPages = 100_000 } = {}) {
  const prefix = admin(id, "/winners.csv");
  const parts = [];
  let headers = null;
  let path = null;
  for (let page = 1; page <= maxPages; page++) {
    const reply = await api.winnersCsv(id, path);
    if (!reply.ok) return reply;
    try {
      parts.push(await reply.response.text());
    } catch (error) {
      return shared.networkFailure(error);
    }
    headers ??= reply.headers;
    onPage(page);
    path = nextLink(reply.headers.get("link"), prefix);
    if (path === null) return { ok: true, status: 200, text: parts.join(""), headers };
  }
  const error = { code: "too_many_pages", message: `more than ${maxPages} pages` };
  return { ok: false, status: 0, data: { error }, error };
}

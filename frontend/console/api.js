// The operator API (API v1, /api/v1/admin/...) with the admin key.
//
// The key is kept in memory and in this tab's sessionStorage only: never in
// the address, never in localStorage. Replies are {ok, status, data, headers};
// a reply that never came (network failure, timeout) is {ok: false, status: 0,
// data: {error: {code: "network", ...}}}.

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
 * One request. `body`: an object or string sent as JSON; `raw`: a Blob sent
 * as is with `contentType`. `key` overrides the stored key (sign-in).
 */
export async function request(
  path,
  { method = "GET", body, raw, contentType, key, accept = "application/json", signal, headers: extra = {} } = {},
) {
  const token = key ?? storedKey();
  const headers = { accept, ...extra };
  if (token) headers.authorization = `Bearer ${token}`;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers["content-type"] = contentType || "application/octet-stream";
  } else if (body !== undefined) {
    payload = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  signal?.addEventListener("abort", () => controller.abort());
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, cache: "no-store", signal: controller.signal });
  } catch (error) {
    clearTimeout(timer);
    return { ok: false, status: 0, data: { error: { code: "network", message: String(error?.message ?? error) } } };
  }
  clearTimeout(timer);
  if (accept !== "application/json" && response.ok)
    return { ok: true, status: response.status, response, headers: response.headers };
  let data = null;
  try {
    const text = await response.text();
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok && !data?.error) {
    data = {
      error: { code: response.status >= 500 ? "internal_error" : "http_error", message: `HTTP ${response.status}` },
    };
  }
  if (response.status === 401 && key === undefined && data?.error?.code === "unauthorized") onUnauthorized();
  return { ok: response.ok, status: response.status, data, headers: response.headers };
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
  /** One page of wins; `cursor` is the next_cursor of the page before. */
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
 * The whole winners CSV of a campaign: the server sends it in bounded pages
 * (header row on the first), each naming the next in `Link: <...>; rel="next"`;
 * joined in order they are the file. Resolves {ok: true, text, headers} (the
 * first page's headers) or the first failed reply. `onPage(n)` after each page.
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
      return { ok: false, status: 0, data: { error: { code: "network", message: String(error?.message ?? error) } } };
    }
    headers ??= reply.headers;
    onPage(page);
    path = nextLink(reply.headers.get("link"), prefix);
    if (path === null) return { ok: true, status: 200, text: parts.join(""), headers };
  }
  return { ok: false, status: 0, data: { error: { code: "too_many_pages", message: `more than ${maxPages} pages` } } };
}

/** The error object of a failed reply. */
export function errorOf(reply) {
  return reply?.data?.error ?? { code: "unknown", message: "" };
}

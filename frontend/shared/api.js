// The one client of API v1 over fetch, for the player page (../api.js) and
// the console (../console/api.js), each of which lists its own endpoints.
//
// One contract: a request never throws. It resolves a reply
//   {ok, status, data, headers, serverDate, error}
// where `data` is the parsed JSON body (or null) and, when !ok, `error` is
// the API's error object {code, message, field?, ...} as sent (its other
// fields stay: campaign_not_open has its own `status`, "paused" or "ended",
// so the HTTP status stays on the reply). A reply that never came (network
// failure, timeout) or that did not come from the API (a gateway's error
// page: 5xx without JSON) has status 0 and error.code "network". Uses fetch
// and AbortController, nothing else.

/**
 * The API's error object, as sent: {code, message, field?} and any fields of
 * its own (campaign_not_open's `status`, say).
 * @typedef {{code: string, message: string, field?: string, [detail: string]: unknown}} ApiError
 */

/**
 * The parsed JSON body of a reply. Its shape is the endpoint's: the modules
 * that list the endpoints (../api.js, ../console/api.js) and their callers
 * read it, so it stays open here.
 * @typedef {any} ApiData
 */

/**
 * What every request resolves to. `headers` and `serverDate` (the Date
 * header, ms since the epoch) are null when no reply came; `response` is the
 * unread reply of a successful non-JSON request.
 * @typedef {object} Reply
 * @property {boolean} ok
 * @property {number} status HTTP status, 0 when no reply came from the API
 * @property {ApiData} data
 * @property {Headers | null} headers
 * @property {number | null} serverDate
 * @property {ApiError | null} error null when ok
 * @property {Response} [response]
 */

/**
 * @typedef {object} RequestOptions
 * @property {string} [method] "GET" by default
 * @property {unknown} [body] an object or JSON text, sent as JSON
 * @property {BodyInit} [raw] sent as is, with `contentType`
 * @property {string} [contentType]
 * @property {string} [token] sent as the bearer
 * @property {string} [accept] "application/json" by default
 * @property {Record<string, string>} [headers] more request headers
 * @property {AbortSignal} [signal] aborts the request (it then counts as lost)
 * @property {number} [timeout] ms, TIMEOUT_MS by default
 */

/** How long a request may take before it counts as lost. */
export const TIMEOUT_MS = 10_000;

/**
 * The reply of a request that never got an answer from the API.
 * @param {unknown} cause an Error or a message
 * @returns {Reply & {error: ApiError}}
 */
export function networkFailure(cause) {
  const message = String(
    /** @type {{message?: unknown} | null | undefined} */ (cause)?.message ?? cause ?? "network failure",
  );
  return { ok: false, status: 0, data: null, headers: null, serverDate: null, error: { code: "network", message } };
}

/**
 * The error of a failed reply: {code, message, field?, ...}.
 * @param {{error?: ApiError | null} | null | undefined} reply
 * @returns {ApiError}
 */
export function errorOf(reply) {
  return reply?.error ?? { code: "unknown", message: "" };
}

/**
 * The API's error object of a non-2xx reply, or one made from the status when the body has none.
 * @param {number} status
 * @param {ApiData} data
 * @returns {ApiError}
 */
function errorFrom(status, data) {
  const error = data?.error;
  if (error && typeof error.code === "string") return error;
  return { code: status >= 500 ? "internal_error" : "http_error", message: `HTTP ${status}` };
}

/**
 * @param {{accept: string, token?: string, extra: Record<string, string>, contentType?: string}} parts
 * @returns {Record<string, string>}
 */
function requestHeaders({ accept, token, extra, contentType }) {
  /** @type {Record<string, string>} */
  const headers = { accept, ...extra };
  if (contentType) headers["content-type"] = contentType;
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}

/**
 * One request. `body`: an object or JSON text, sent as JSON; `raw`: a Blob
 * sent as is with `contentType`; `token`: sent as the bearer. With an
 * `accept` other than JSON, a successful reply carries the unread `response`.
 * @param {string} path
 * @param {RequestOptions} [options]
 * @returns {Promise<Reply>}
 */
export async function request(
  path,
  {
    method = "GET",
    body,
    raw,
    contentType,
    token,
    accept = "application/json",
    headers: extra = {},
    signal,
    timeout = TIMEOUT_MS,
  } = {},
) {
  /** @type {BodyInit | undefined} */
  let payload;
  /** @type {string | undefined} */
  let type;
  if (raw !== undefined) [payload, type] = [raw, contentType || "application/octet-stream"];
  else if (body !== undefined)
    [payload, type] = [typeof body === "string" ? body : JSON.stringify(body), "application/json"];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  signal?.addEventListener("abort", () => controller.abort());
  const headers = requestHeaders({ accept, token, extra, contentType: type });
  let response;
  let text = "";
  try {
    response = await fetch(path, { method, headers, body: payload, cache: "no-store", signal: controller.signal });
    if (accept === "application/json" || !response.ok) text = await response.text();
  } catch (error) {
    return networkFailure(error);
  } finally {
    clearTimeout(timer);
  }
  const date = Date.parse(response.headers.get("date") ?? "");
  const reply = {
    ok: response.ok,
    status: response.status,
    headers: response.headers,
    serverDate: Number.isNaN(date) ? null : date,
  };
  if (accept !== "application/json" && response.ok) return { ...reply, data: null, error: null, response };
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: a proxy's error page, say
  }
  // A gateway's error page (no JSON) means the reply did not come from the API.
  if (data === null && response.status >= 500) return networkFailure(new Error(`HTTP ${response.status}`));
  return { ...reply, data, error: response.ok ? null : errorFrom(response.status, data) };
}

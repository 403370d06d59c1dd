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

/** How long a request may take before it counts as lost. */
export const TIMEOUT_MS = 10_000;

/** The reply of a request that never got an answer from the API. */
export function networkFailure(cause) {
  const message = String(cause?.message ?? cause ?? "network failure");
  return { ok: false, status: 0, data: null, headers: null, serverDate: null, error: { code: "network", message } };
}

/** The error of a failed reply: {code, message, field?, ...}. */
export function errorOf(reply) {
  return reply?.error ?? { code: "unknown", message: "" };
}

/** The API's error object of a non-2xx reply, or one made from the status when the body has none. */
function errorFrom(status, data) {
  const error = data?.error;
  if (error && typeof error.code === "string") return error;
  return { code: status >= 500 ? "internal_error" : "http_error", message: `HTTP ${status}` };
}

function requestHeaders({ accept, token, extra, contentType }) {
  const headers = { accept, ...extra };
  if (contentType) headers["content-type"] = contentType;
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}

/**
 * One request. `body`: an object or JSON text, sent as JSON; `raw`: a Blob
 * sent as is with `contentType`; `token`: sent as the bearer. With an
 * `accept` other than JSON, a successful reply carries the unread `response`.
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
  let payload;
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

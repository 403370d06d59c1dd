// API v1 over fetch, with a timeout. Replies are {ok, status, data}; a reply
// that never came (network failure, timeout) throws NetworkError.

export const TIMEOUT_MS = 10_000;

export class NetworkError extends Error {
  constructor(cause) {
    super("network failure");
    this.cause = cause;
  }
}

/** The error of a non-2xx reply: {code, message, field?, ...}. */
export function apiError(reply) {
  const error = reply?.data?.error;
  if (error && typeof error.code === "string") return error;
  return { code: reply?.status >= 500 ? "internal_error" : "invalid_request", message: "" };
}

export async function request(path, { method = "GET", body, token, headers: extra = {}, timeout = TIMEOUT_MS } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  const headers = { accept: "application/json", ...extra };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  let text;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      signal: controller.signal,
    });
    text = await response.text();
  } catch (error) {
    throw new NetworkError(error);
  } finally {
    clearTimeout(timer);
  }
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: a proxy's error page, say
  }
  // A gateway's error page (no JSON) means the reply did not come from the API.
  if (data === null && response.status >= 500) throw new NetworkError(new Error(`HTTP ${response.status}`));
  const serverDate = Date.parse(response.headers.get("date") ?? "");
  return { ok: response.ok, status: response.status, data, serverDate: Number.isNaN(serverDate) ? null : serverDate };
}

const base = (campaign) => `/api/v1/campaigns/${encodeURIComponent(campaign)}`;

export const api = {
  campaign: (campaign) => request(base(campaign)),
  draw: (campaign, body) => request(`${base(campaign)}/draws`, { method: "POST", body }),
  /**
   * The player's draws left today and pity countdown; `ticket` for ticket
   * campaigns. A POST, so the player id goes in the body, never in a URL.
   */
  playerStatus: (campaign, player, ticket) =>
    request(`${base(campaign)}/player-status`, { method: "POST", body: ticket ? { player, ticket } : { player } }),
  /** The claim a claim code opens: the code names it by itself. */
  getClaim: (campaign, code) => request(`${base(campaign)}/claim`, { token: code }),
  putClaim: (campaign, code, shipping) =>
    request(`${base(campaign)}/claim`, { method: "PUT", token: code, body: shipping }),
};

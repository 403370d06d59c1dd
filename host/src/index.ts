/**
 * The blindbox Worker: HTTP API v1 in front of one Durable Object per campaign.
 *
 * The Worker checks everything it can without the campaign's state (body
 * size, JSON, types, lengths, the admin key, player tickets, the rate limit)
 * and answers public reads from KV; every decision that touches counters is
 * the Durable Object's (campaign-object.ts), whose core is the C++ one.
 * Static files (frontend/) are served by the assets binding.
 */
import {
  type DrawInput,
  type Reply,
  type Shipping,
  type WinnersQuery,
  CampaignObject,
  WINNERS_PAGE_MAX,
} from "./campaign-object";
import { CoreError } from "./core";
import type { Env } from "./env";
import {
  ApiError,
  bearer,
  json,
  pointer,
  readBytes,
  readJson,
  readJsonObject,
  rejectUnknownFields,
  secretsEqual,
  stringField,
} from "./http";
import { checkTicket, sealSecrets, sha256Hex, unseal } from "./sealing";
import { requireSecret } from "./secrets";
import { type CampaignRecord, type StockSnapshot, kvKeys, publicView } from "./views";

export { CampaignObject };

const DRAW_BODY_LIMIT = 4 * 1024;
const STATUS_BODY_LIMIT = 4 * 1024;
const CLAIM_BODY_LIMIT = 4 * 1024;
const CAMPAIGN_BODY_LIMIT = 256 * 1024;
const CAMPAIGN_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const CLAIM_TOKEN = /^[A-Za-z0-9_-]{24}$/;
/** A UUID or 128 random bits in base64url, or anything as unguessable: 16-128 characters of this alphabet. */
const REQUEST_ID = /^[A-Za-z0-9_-]{16,128}$/;
const ADDRESS_LINES = 10;

type Handler = (request: Request, env: Env, params: string[], ctx: ExecutionContext) => Promise<Response>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const routes: Route[] = [
  { method: "GET", pattern: /^\/api\/v1\/health$/, handler: async () => json({ ok: true }) },
  { method: "GET", pattern: /^\/api\/v1\/campaigns\/([^/]+)$/, handler: known(getCampaign) },
  { method: "POST", pattern: /^\/api\/v1\/campaigns\/([^/]+)\/draws$/, handler: known(sealing(postDraw)) },
  // Nothing a player chose is in these paths (access logs record paths): the player id
  // travels in the body, and a claim is found by its token (Authorization) alone.
  { method: "POST", pattern: /^\/api\/v1\/campaigns\/([^/]+)\/player-status$/, handler: known(postPlayerStatus) },
  { method: "GET", pattern: /^\/api\/v1\/campaigns\/([^/]+)\/claim$/, handler: known(sealing(getClaim)) },
  { method: "PUT", pattern: /^\/api\/v1\/campaigns\/([^/]+)\/claim$/, handler: known(sealing(putClaim)) },
  { method: "PUT", pattern: /^\/api\/v1\/admin\/campaigns\/([^/]+)$/, handler: admin(putCampaign) },
  { method: "GET", pattern: /^\/api\/v1\/admin\/campaigns\/([^/]+)$/, handler: admin(known(getAdminCampaign)) },
  { method: "POST", pattern: /^\/api\/v1\/admin\/campaigns\/([^/]+)\/pause$/, handler: admin(known(pause(true))) },
  { method: "POST", pattern: /^\/api\/v1\/admin\/campaigns\/([^/]+)\/resume$/, handler: admin(known(pause(false))) },
  { method: "GET", pattern: /^\/api\/v1\/admin\/campaigns\/([^/]+)\/stats$/, handler: admin(known(getStats)) },
  {
    method: "GET",
    pattern: /^\/api\/v1\/admin\/campaigns\/([^/]+)\/winners\.csv$/,
    handler: admin(known(sealing(getWinners))),
  },
  { method: "GET", pattern: /^\/api\/v1\/admin\/campaigns$/, handler: admin(listCampaigns) },
  {
    method: "GET",
    pattern: /^\/api\/v1\/admin\/campaigns\/([^/]+)\/winners$/,
    handler: admin(known(sealing(getWinnerList))),
  },
  { method: "POST", pattern: /^\/api\/v1\/admin\/campaigns\/([^/]+)\/media$/, handler: admin(known(uploadMedia)) },
  { method: "POST", pattern: /^\/api\/v1\/_bench\/counter$/, handler: benchCounter },
];

export default {
  async fetch(request, env, ctx): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/media/")) {
      return withApiHeaders(await serveMedia(request, env, url.pathname.slice("/media/".length)));
    }
    if (!url.pathname.startsWith("/api/")) return env.ASSETS.fetch(request);
    return withApiHeaders(await handleApi(request, env, ctx, url));
  },
} satisfies ExportedHandler<Env>;

async function handleApi(request: Request, env: Env, ctx: ExecutionContext, url: URL): Promise<Response> {
  try {
    const allowed: string[] = [];
    for (const route of routes) {
      const match = url.pathname.match(route.pattern);
      if (!match) continue;
      if (route.method !== request.method) {
        allowed.push(route.method);
        continue;
      }
      const params = match.slice(1).map((part) => decodeURIComponent(part));
      return await route.handler(request, env, params, ctx);
    }
    if (allowed.length > 0) {
      return new ApiError(405, "method_not_allowed", `use ${allowed.join(" or ")}`).toResponse({
        allow: allowed.join(", "),
      });
    }
    throw new ApiError(404, "not_found", "no such API endpoint");
  } catch (error) {
    if (error instanceof ApiError) {
      const headers: Record<string, string> = {};
      if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
      if (error.code === "unauthorized") headers["www-authenticate"] = 'Bearer realm="blindbox admin"';
      return error.toResponse(headers);
    }
    if (error instanceof URIError) return new ApiError(400, "invalid_request", "malformed URL encoding").toResponse();
    console.error(`internal error on ${request.method} ${redactedPath(url.pathname)}: ${describeError(error)}`);
    return new ApiError(500, "internal_error", "something went wrong on our side; try again").toResponse();
  }
}

/**
 * Headers on every reply the Worker makes itself (API and /media/), so that
 * a reply opened directly in a browser can run nothing, be framed nowhere
 * and be sniffed as nothing else (the pages get theirs from frontend/_headers).
 */
const API_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

function withApiHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(API_HEADERS)) response.headers.set(name, value);
  return response;
}

/**
 * A path for the log. API paths hold nothing a player chose (player ids go
 * in bodies, claim tokens in a header), only fixed parts and a campaign id;
 * a campaign segment that is not a valid id is left out all the same.
 */
function redactedPath(path: string): string {
  return path.replace(/(\/campaigns\/)([^/]+)/, (whole, prefix: string, id: string) =>
    CAMPAIGN_ID.test(id) ? whole : `${prefix}…`,
  );
}

/**
 * An unexpected error for the log, without anything a request carried:
 * messages can quote input (a core parse error quotes the text it could not
 * read), so only the error's kind, the core's code, and where it was thrown.
 */
function describeError(error: unknown): string {
  if (error instanceof CoreError) return `core error ${error.code} (status ${error.status})`;
  if (!(error instanceof Error)) return "a non-Error value was thrown";
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return [error.name, ...frames].join("\n");
}

function reply({ status, body }: Reply): Response {
  return json(body, status);
}

function campaignStub(env: Env, campaignId: string) {
  if (!CAMPAIGN_ID.test(campaignId)) throw new ApiError(404, "campaign_not_found", "no campaign with that id");
  return env.CAMPAIGNS.get(env.CAMPAIGNS.idFromName(campaignId));
}

async function limitRate(env: Env, key: string): Promise<void> {
  const { success } = await env.PLAYER_RATE_LIMITER.limit({ key });
  if (!success) throw rateLimited("too many requests; wait a few seconds and try again", 10);
}

/**
 * Requests per client address and campaign (CF-Connecting-IP), through the
 * ADDRESS_RATE_LIMITER binding (limit and period in wrangler.toml), unless
 * the var ADDRESS_RATE_LIMIT is "off"; `kind` keeps draws and claims apart.
 * On open campaigns the client picks its player id, so this, not the
 * per-player limit, is what slows a script; claims name no player at all.
 */
async function limitAddress(request: Request, env: Env, kind: "draw" | "claim", campaignId: string): Promise<void> {
  if (env.ADDRESS_RATE_LIMIT === "off") return;
  const address = request.headers.get("cf-connecting-ip") ?? "unknown";
  const { success } = await env.ADDRESS_RATE_LIMITER.limit({ key: `${kind}:${campaignId}:${address}` });
  if (!success) {
    const what = kind === "draw" ? "draws" : "claim requests";
    throw rateLimited(`too many ${what} from your network; wait a minute and try again`, 60);
  }
}

function rateLimited(message: string, retryAfterSeconds: number): ApiError {
  return Object.assign(new ApiError(429, "rate_limited", message), { retryAfterSeconds });
}

/**
 * Campaign records from KV, kept briefly in the isolate: a known campaign
 * for a second (to spare KV reads under load), an unknown one for a few
 * seconds (so requests for made-up ids never reach an object, and cost one
 * KV read per isolate every few seconds at most). A PUT here forgets both.
 */
const recordCache = new Map<string, { record: CampaignRecord | null; until: number }>();
const KNOWN_CAMPAIGN_TTL_MS = 1000;
const UNKNOWN_CAMPAIGN_TTL_MS = 5000;

async function campaignRecord(env: Env, campaignId: string): Promise<CampaignRecord | null> {
  if (!CAMPAIGN_ID.test(campaignId)) return null;
  const cached = recordCache.get(campaignId);
  if (cached && cached.until > Date.now()) return cached.record;
  const record = await env.CAMPAIGN_KV.get<CampaignRecord>(kvKeys.campaign(campaignId), "json");
  const ttl = record ? KNOWN_CAMPAIGN_TTL_MS : UNKNOWN_CAMPAIGN_TTL_MS;
  recordCache.set(campaignId, { record, until: Date.now() + ttl });
  return record;
}

/**
 * A handler of one campaign's routes, reached only for campaigns that exist:
 * the Worker decides from KV (campaignRecord), so an unknown id answers 404
 * campaign_not_found without waking, or leaving anything in, an object.
 */
function known(handler: Handler): Handler {
  return async (request, env, params, ctx) => {
    if (!(await campaignRecord(env, params[0]))) {
      throw new ApiError(404, "campaign_not_found", "no campaign with that id");
    }
    return handler(request, env, params, ctx);
  };
}

/**
 * A handler that seals or opens sealed values (claim tokens, shipping
 * details): without a usable SEAL_KEY it answers 500 server_misconfigured
 * before doing anything (secrets.ts).
 */
function sealing(handler: Handler): Handler {
  return async (request, env, params, ctx) => {
    sealSecrets(env);
    return handler(request, env, params, ctx);
  };
}

async function getCampaign(_request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const [record, snapshot] = await Promise.all([
    campaignRecord(env, campaignId),
    env.CAMPAIGN_KV.get<StockSnapshot>(kvKeys.stock(campaignId), "json"),
  ]);
  if (!record) throw new ApiError(404, "campaign_not_found", "no campaign with that id");
  // A snapshot counts by prize id and day, whatever definition version it was taken under.
  return json(publicView(record, snapshot, Date.now()));
}

async function postDraw(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const stub = campaignStub(env, campaignId);
  const body = await readJsonObject(request, DRAW_BODY_LIMIT);
  rejectUnknownFields(body, ["player", "request_id", "ticket"]);
  const player = stringField(body, "player", 128)!;
  const requestId = body.request_id;
  if (typeof requestId !== "string" || !REQUEST_ID.test(requestId)) {
    throw new ApiError(
      400,
      "invalid_request",
      "request_id must be 16-128 characters of A-Z, a-z, 0-9, _ and - (a UUID, or 128 random bits)",
      "/request_id",
    );
  }
  const ticketVerified = await admitPlayer(env, campaignId, player, body);
  await limitAddress(request, env, "draw", campaignId);
  await limitRate(env, `draw:${campaignId}:${player}`);
  const input: DrawInput = { player, request_hash: await sha256Hex(requestId), ticket_verified: ticketVerified };
  return reply(await stub.draw(input));
}

/**
 * Lets a player's request (a draw or a status, whose body has an optional
 * "ticket") through to the campaign: 400 at /ticket for a ticket that is not
 * a string of 1-64 characters, 404 campaign_not_found when KV has no such
 * campaign, and for campaigns with identity "ticket" 401 invalid_ticket at
 * /ticket when the ticket is missing, malformed, foreign or expired. True
 * when a ticket was checked.
 */
async function admitPlayer(
  env: Env,
  campaignId: string,
  player: string,
  body: Record<string, unknown>,
): Promise<boolean> {
  const ticket = stringField(body, "ticket", 64, { required: false });
  const field = "/ticket";
  const record = await campaignRecord(env, campaignId);
  if (!record) throw new ApiError(404, "campaign_not_found", "no campaign with that id");
  if (record.definition.identity !== "ticket") return false;
  if (ticket === undefined) throw new ApiError(401, "invalid_ticket", "this campaign needs a ticket", field);
  const check = await checkTicket(env.TICKET_SECRET ?? "", campaignId, player, ticket, Math.floor(Date.now() / 1000));
  if (check !== "valid") {
    const why = check === "expired" ? "the ticket has expired" : "the ticket is not valid for this player";
    throw new ApiError(401, "invalid_ticket", why, field, { reason: check });
  }
  return true;
}

/**
 * A player's draws today and in the campaign, and the pity countdown, so a
 * page can say how many boxes are left before the first one is opened. It
 * only reads, but is a POST so that the player id travels in the body, never
 * in a URL (which access logs record): {"player", "ticket"?}, checked as a
 * draw's are; ticket campaigns need the player's ticket.
 */
async function postPlayerStatus(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const stub = campaignStub(env, campaignId);
  const body = await readJsonObject(request, STATUS_BODY_LIMIT);
  rejectUnknownFields(body, ["player", "ticket"]);
  const player = stringField(body, "player", 128)!;
  const ticketVerified = await admitPlayer(env, campaignId, player, body);
  await limitRate(env, `status:${campaignId}:${player}`);
  return reply(await stub.playerStatus(player, ticketVerified));
}

function claimToken(request: Request): string | null {
  const token = bearer(request);
  return token !== null && CLAIM_TOKEN.test(token) ? token : null;
}

/**
 * A claim is found by its token alone (144 random bits: it names one claim),
 * so nothing in the URL says whose it is. Limited per client address and
 * campaign, since the request names no player.
 */
async function getClaim(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const stub = campaignStub(env, campaignId);
  await limitAddress(request, env, "claim", campaignId);
  const token = claimToken(request);
  if (token === null) throw claimNotFound();
  return reply(await stub.getClaim(token));
}

function claimNotFound(): ApiError {
  return new ApiError(404, "claim_not_found", "no claim for that code");
}

const PHONE = /^\+?[0-9][0-9 ()-]*[0-9]$/;

async function putClaim(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const stub = campaignStub(env, campaignId);
  await limitAddress(request, env, "claim", campaignId);
  const token = claimToken(request);
  if (token === null) throw claimNotFound();
  const body = await readJsonObject(request, CLAIM_BODY_LIMIT);
  rejectUnknownFields(body, ["name", "phone", "address"]);
  const shipping: Shipping = {
    name: stringField(body, "name", 100)!.trim(),
    phone: stringField(body, "phone", 32)!.trim(),
    // A shipping label is lines: line breaks are kept (LF), up to ADDRESS_LINES lines.
    address: stringField(body, "address", 500, { lines: ADDRESS_LINES })!.trim(),
  };
  const digits = shipping.phone.replace(/[^0-9]/g, "").length;
  if (!PHONE.test(shipping.phone) || digits < 5 || digits > 15) {
    throw new ApiError(
      400,
      "invalid_request",
      "phone must be 5-15 digits, optionally with a leading +, spaces, dashes or brackets",
      pointer("phone"),
    );
  }
  if (shipping.name.length === 0) throw new ApiError(400, "invalid_request", "name must not be empty", pointer("name"));
  if (shipping.address.length < 5) {
    throw new ApiError(400, "invalid_request", "address must be at least 5 characters", pointer("address"));
  }
  return reply(await stub.putClaim(token, shipping));
}

function admin(handler: Handler): Handler {
  return async (request, env, params, ctx) => {
    const adminKey = requireSecret(env, "ADMIN_KEY");
    const key = bearer(request);
    if (key === null || !(await secretsEqual(key, adminKey))) {
      throw new ApiError(401, "unauthorized", "send the admin key as Authorization: Bearer <key>", undefined, {});
    }
    return handler(request, env, params, ctx);
  };
}

async function putCampaign(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const stub = campaignStub(env, campaignId);
  // If-None-Match: * asks to create only (RFC 9110 13.1.2): an existing campaign is left alone.
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null && ifNoneMatch.trim() !== "*") {
    throw new ApiError(400, "invalid_request", 'If-None-Match may only be "*" (create only)');
  }
  // Read (type, size, UTF-8, well-formed text) here; the core validates the definition itself.
  const { text } = await readJson(request, CAMPAIGN_BODY_LIMIT);
  const response = await stub.putCampaign(campaignId, text, { createOnly: ifNoneMatch !== null });
  recordCache.delete(campaignId);
  return reply(response);
}

async function getAdminCampaign(_request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  return reply(await campaignStub(env, campaignId).adminView());
}

function pause(paused: boolean): Handler {
  return async (_request, env, [campaignId]) => {
    const response = await campaignStub(env, campaignId).setPaused(paused);
    recordCache.delete(campaignId);
    return reply(response);
  };
}

async function getStats(_request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  return reply(await campaignStub(env, campaignId).stats());
}

/**
 * One CSV record. A cell that a spreadsheet would read as a formula (it
 * begins with =, +, -, @, a tab or a carriage return) gets a leading ' (the
 * OWASP rule), in every column: players choose their ids, names and
 * addresses. Then RFC 4180: cells with a comma, quote or line break are
 * quoted, quotes doubled (an address keeps its lines inside one cell); CRLF
 * ends the record.
 */
export function csvRow(fields: Array<string | number | null>): string {
  const cells = fields.map((field) => {
    let text = field === null ? "" : String(field);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  });
  return `${cells.join(",")}\r\n`;
}

const WINNERS_CSV_HEADER = ["day", "prize_id", "prize_name", "player", "won_at", "claimed", "name", "phone", "address"];

/**
 * A page of the winners query: ?cursor= (the next_cursor of the page before;
 * none: from the first win), ?limit= (1..WINNERS_PAGE_MAX), ?day=, ?prize=.
 */
function winnersQuery(url: URL, defaultLimit: number): WinnersQuery {
  const param = (name: string) => {
    const value = url.searchParams.get(name);
    return value === null || value === "" ? null : value;
  };
  const cursor = param("cursor");
  if (cursor !== null && !/^[0-9]{1,15}$/.test(cursor)) {
    throw new ApiError(400, "invalid_request", "cursor must be the next_cursor of the page before", "/cursor");
  }
  const limitText = param("limit");
  const limit = limitText === null ? defaultLimit : Number(limitText);
  if (limitText !== null && (!/^[0-9]{1,4}$/.test(limitText) || limit < 1 || limit > WINNERS_PAGE_MAX)) {
    throw new ApiError(400, "invalid_request", `limit must be a whole number from 1 to ${WINNERS_PAGE_MAX}`, "/limit");
  }
  const day = param("day");
  if (day !== null && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day)) {
    throw new ApiError(400, "invalid_request", "day must be a date YYYY-MM-DD", "/day");
  }
  const prize = param("prize");
  if (prize !== null && !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(prize)) {
    throw new ApiError(400, "invalid_request", "prize must be a prize id", "/prize");
  }
  return { cursor, limit, day, prize };
}

/** One page of wins from the campaign's object (one call), shipping details unsealed. */
async function winnersOf(env: Env, campaignId: string, query: WinnersQuery) {
  const page = await campaignStub(env, campaignId).winnersPage(query);
  if (page === null) throw new ApiError(404, "campaign_not_found", "no campaign with that id");
  const secrets = sealSecrets(env);
  const shipping = await Promise.all(
    page.winners.map(async (row) =>
      row.shipping_sealed ? (JSON.parse(await unseal(secrets, row.shipping_sealed)) as Shipping) : null,
    ),
  );
  return {
    rows: page.winners.map((row, index) => ({ ...row, shipping: shipping[index] })),
    next_cursor: page.next_cursor,
  };
}

/**
 * Wins as RFC 4180 CSV, one bounded page per request (one object call): the
 * header row on the first page only, and while more remain a
 * `Link: <...winners.csv?cursor=...>; rel="next"` header; joined in order,
 * the pages are the whole file.
 */
async function getWinners(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const url = new URL(request.url);
  const query = winnersQuery(url, WINNERS_PAGE_MAX);
  const page = await winnersOf(env, campaignId, query);
  let text = query.cursor === null ? csvRow(WINNERS_CSV_HEADER) : "";
  for (const row of page.rows) {
    text += csvRow([
      row.day,
      row.prize_id,
      row.prize_name,
      row.player,
      new Date(row.won_at).toISOString(),
      row.shipping ? "yes" : "no",
      row.shipping?.name ?? null,
      row.shipping?.phone ?? null,
      row.shipping?.address ?? null,
    ]);
  }
  const headers: Record<string, string> = {
    "content-type": "text/csv; charset=utf-8; header=present",
    "content-disposition": `attachment; filename="${campaignId}-winners.csv"`,
    "cache-control": "no-store",
  };
  if (page.next_cursor !== null) {
    const next = new URL(url);
    next.searchParams.set("cursor", page.next_cursor);
    headers.link = `<${next.pathname}${next.search}>; rel="next"`;
  }
  return new Response(text, { headers });
}

/** Campaign ids, from KV (eventually consistent: a campaign created a moment ago may be missing). */
async function listCampaigns(_request: Request, env: Env): Promise<Response> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.CAMPAIGN_KV.list({ prefix: "campaign/", cursor });
    for (const key of page.keys) {
      const id = key.name.slice("campaign/".length);
      if (!id.includes("/")) ids.push(id);
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return json({ campaigns: ids.sort() });
}

/**
 * Wins with their claim status and shipping details, for fulfilment: one
 * page per request (one object call), filters ?day=&prize=, pages ?cursor=
 * (next_cursor of the page before), ?limit= (default 200).
 */
async function getWinnerList(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const page = await winnersOf(env, campaignId, winnersQuery(new URL(request.url), 200));
  const winners = page.rows.map((row) => ({
    entry_id: row.entry_id,
    day: row.day,
    prize: { id: row.prize_id, name: row.prize_name },
    player: row.player,
    won_at: new Date(row.won_at).toISOString(),
    claimed: row.shipping !== null,
    shipping: row.shipping,
  }));
  return json({ winners, next_cursor: page.next_cursor });
}

const MEDIA_LIMIT = 2 * 1024 * 1024;
const MEDIA_TYPES: Record<string, { extension: string; magic: (bytes: Uint8Array) => boolean }> = {
  "image/png": { extension: "png", magic: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  "image/jpeg": { extension: "jpg", magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  "image/gif": { extension: "gif", magic: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 },
  "image/webp": {
    extension: "webp",
    magic: (b) =>
      String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP",
  },
};

/**
 * Stores an uploaded picture in R2 under media/{campaign}/{sha256}.{ext}: PNG,
 * JPEG, GIF or WebP (checked by content, not only by the declared type; no
 * SVG, which can carry scripts), at most 2 MB. Replies with the URL to use in
 * the campaign's theme or prizes.
 */
async function uploadMedia(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const declared = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const kind = MEDIA_TYPES[declared];
  if (!kind) {
    throw new ApiError(415, "unsupported_media_type", "upload a PNG, JPEG, GIF or WebP picture");
  }
  const bytes = await readBytes(request, MEDIA_LIMIT);
  if (bytes.byteLength < 12 || !kind.magic(bytes)) {
    throw new ApiError(415, "unsupported_media_type", `the file is not a ${declared.slice(6).toUpperCase()} picture`);
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hash = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
  const key = `${campaignId}/${hash}.${kind.extension}`;
  await env.MEDIA.put(key, bytes, { httpMetadata: { contentType: declared } });
  return json({ url: `/media/${key}`, content_type: declared, size: bytes.byteLength }, 201);
}

async function serveMedia(request: Request, env: Env, key: string): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new ApiError(405, "method_not_allowed", "use GET").toResponse({ allow: "GET, HEAD" });
  }
  if (!/^[a-z0-9][a-z0-9_-]{0,63}\/[0-9a-f]{64}\.(png|jpg|gif|webp)$/.test(key)) {
    return new ApiError(404, "not_found", "no such picture").toResponse();
  }
  const object = await env.MEDIA.get(key);
  if (!object) return new ApiError(404, "not_found", "no such picture").toResponse();
  return new Response(request.method === "HEAD" ? null : object.body, {
    headers: {
      "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
      // Content-addressed: a name never changes its bytes.
      "cache-control": "public, max-age=31536000, immutable",
      etag: object.httpEtag,
    },
  });
}

/** The benchmark's baseline: a trivial Durable Object counter (enabled only with BENCH_ENDPOINTS=on). */
async function benchCounter(request: Request, env: Env): Promise<Response> {
  if (env.BENCH_ENDPOINTS !== "on") throw new ApiError(404, "not_found", "no such API endpoint");
  const stub = env.CAMPAIGNS.get(env.CAMPAIGNS.idFromName("_bench"));
  const grouped = new URL(request.url).searchParams.get("group") === "1";
  return json({ value: await stub.benchIncrement(grouped) });
}

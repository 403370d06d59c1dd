/**
 * The player's routes of API v1 (kv-schema/openapi.yaml): the public
 * campaign, draws, a player's standing, and claims (opened by their token).
 * Handlers check what they can without the campaign's state (body, types,
 * lengths, tickets, rate limits), then ask the campaign's object.
 * May import the HTTP helpers, the campaign lookup, rate limits, sealing and
 * the object's input types; never the object's modules themselves.
 */
import {
  ADDRESS_LINES,
  type ContactProblem,
  contactProblems,
  normalizeContact,
} from "../../../frontend/shared/contact.js";
import type { Shipping } from "../campaign-claims";
import type { DrawInput } from "../campaign-draws";
import { campaignNotFound, campaignRecord, campaignStub } from "../campaign-lookup";
import type { Env } from "../env";
import { ApiError, bearer, json, pointer, readJsonObject, rejectUnknownFields, reply, stringField } from "../http";
import { limitAddress, limitPlayer } from "../rate-limits";
import { checkTicket, sha256Hex } from "../sealing";
import { type StockSnapshot, kvKeys, publicView } from "../views";

const DRAW_BODY_LIMIT = 4 * 1024;
const STATUS_BODY_LIMIT = 4 * 1024;
const CLAIM_BODY_LIMIT = 4 * 1024;
const CLAIM_TOKEN = /^[A-Za-z0-9_-]{24}$/;
/** A UUID or 128 random bits in base64url, or anything as unguessable: 16-128 characters of this alphabet. */
const REQUEST_ID = /^[A-Za-z0-9_-]{16,128}$/;

/** GET /campaigns/{id}: the public campaign, from KV alone (views.ts). */
export async function getCampaign(_request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const [record, snapshot] = await Promise.all([
    campaignRecord(env, campaignId),
    env.CAMPAIGN_KV.get<StockSnapshot>(kvKeys.stock(campaignId), "json"),
  ]);
  if (!record) throw campaignNotFound();
  // A snapshot counts by prize id and day, whatever definition version it was taken under.
  return json(publicView(record, snapshot, Date.now()));
}

export async function postDraw(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
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
  await limitPlayer(env, `draw:${campaignId}:${player}`);
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
  if (!record) throw campaignNotFound();
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
export async function postPlayerStatus(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const stub = campaignStub(env, campaignId);
  const body = await readJsonObject(request, STATUS_BODY_LIMIT);
  rejectUnknownFields(body, ["player", "ticket"]);
  const player = stringField(body, "player", 128)!;
  const ticketVerified = await admitPlayer(env, campaignId, player, body);
  await limitPlayer(env, `status:${campaignId}:${player}`);
  return reply(await stub.playerStatus(player, ticketVerified));
}

function claimToken(request: Request): string | null {
  const token = bearer(request);
  return token !== null && CLAIM_TOKEN.test(token) ? token : null;
}

function claimNotFound(): ApiError {
  return new ApiError(404, "claim_not_found", "no claim for that code");
}

/**
 * A claim is found by its token alone (144 random bits: it names one claim),
 * so nothing in the URL says whose it is. Limited per client address and
 * campaign, since the request names no player.
 */
export async function getClaim(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const stub = campaignStub(env, campaignId);
  await limitAddress(request, env, "claim", campaignId);
  const token = claimToken(request);
  if (token === null) throw claimNotFound();
  return reply(await stub.getClaim(token));
}

export async function putClaim(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const stub = campaignStub(env, campaignId);
  await limitAddress(request, env, "claim", campaignId);
  const token = claimToken(request);
  if (token === null) throw claimNotFound();
  const body = await readJsonObject(request, CLAIM_BODY_LIMIT);
  rejectUnknownFields(body, ["name", "phone", "address"]);
  return reply(await stub.putClaim(token, shippingFrom(body)));
}

/** What a claim's reply says for each of the shared contact rules (frontend/shared/contact.js) a value breaks. */
const CONTACT_MESSAGES: Record<ContactProblem, string> = {
  errNameEmpty: "name must not be empty",
  errNameLong: "name must be at most 100 characters",
  errPhone: "phone must be 5-15 digits, optionally with a leading +, spaces, dashes or brackets",
  errAddressShort: "address must be at least 5 characters",
  errAddressLong: "address must be at most 500 characters",
  errAddressLines: `address must be at most ${ADDRESS_LINES} lines`,
};

/**
 * Shipping details from a claim's body, or 400 at the field that is wrong:
 * the shared contact rules, the page's own (phone first, then name, address).
 */
function shippingFrom(body: Record<string, unknown>): Shipping {
  const shipping: Shipping = {
    name: stringField(body, "name", 100)!.trim(),
    phone: stringField(body, "phone", 32)!.trim(),
    // A shipping label is lines: line breaks are kept (LF), up to ADDRESS_LINES lines.
    address: stringField(body, "address", 500, { lines: ADDRESS_LINES })!.trim(),
  };
  const problems = contactProblems(shipping);
  for (const field of ["phone", "name", "address"] as const) {
    const problem = problems[field];
    if (problem) throw new ApiError(400, "invalid_request", CONTACT_MESSAGES[problem], pointer(field));
  }
  // The rules read full-width digits and signs as ASCII: the phone is stored as they read it.
  return { ...shipping, phone: normalizeContact(shipping).phone };
}

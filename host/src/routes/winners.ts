/**
 * The operator's winners routes (behind admin() in index.ts): wins with their
 * claim status and shipping details, as JSON or as RFC 4180 CSV, one bounded
 * page per request (one object call, campaign-exports.ts), the shipping
 * details unsealed here.
 * May import the HTTP helpers, CSV, sealing, the campaign lookup, the
 * exports' types and the shared shapes of a prize id and a day
 * (frontend/shared/campaign-id.js, day-text.js).
 */
import { isPrizeId } from "../../../frontend/shared/campaign-id.js";
import { isDayText } from "../../../frontend/shared/day-text.js";
import type { Shipping } from "../campaign-claims";
import { WINNERS_PAGE_MAX, type WinnerRow, type WinnersQuery } from "../campaign-exports";
import { campaignNotFound, campaignStub } from "../campaign-lookup";
import { csvRow } from "../csv";
import type { Env } from "../env";
import { ApiError, json } from "../http";
import { sealSecrets, unseal } from "../sealing";

const WINNERS_CSV_HEADER = ["day", "prize_id", "prize_name", "player", "won_at", "claimed", "name", "phone", "address"];
/** Wins per JSON page unless ?limit= says otherwise. */
const WINNERS_JSON_DEFAULT_LIMIT = 200;

/** A win with its shipping details opened (null: not claimed yet). */
type OpenedWinner = WinnerRow & { shipping: Shipping | null };

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
  if (day !== null && !isDayText(day)) {
    throw new ApiError(400, "invalid_request", "day must be a date YYYY-MM-DD", "/day");
  }
  const prize = param("prize");
  if (prize !== null && !isPrizeId(prize)) {
    throw new ApiError(400, "invalid_request", "prize must be a prize id", "/prize");
  }
  return { cursor, limit, day, prize };
}

/** One page of wins from the campaign's object (one call), shipping details unsealed. */
async function winnersOf(
  env: Env,
  campaignId: string,
  query: WinnersQuery,
): Promise<{ rows: OpenedWinner[]; next_cursor: string | null }> {
  const page = await campaignStub(env, campaignId).winnersPage(query);
  if (page === null) throw campaignNotFound();
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
export async function getWinners(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
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

/**
 * Wins with their claim status and shipping details, for fulfilment: one
 * page per request (one object call), filters ?day=&prize=, pages ?cursor=
 * (next_cursor of the page before), ?limit= (default 200).
 */
export async function getWinnerList(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const query = winnersQuery(new URL(request.url), WINNERS_JSON_DEFAULT_LIMIT);
  const page = await winnersOf(env, campaignId, query);
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

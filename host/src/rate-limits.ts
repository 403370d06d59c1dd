/**
 * The Worker's rate limits (bindings and limits in wrangler.toml): per
 * player and campaign (limitPlayer), and per client address and campaign
 * (limitAddress). Both throw 429 rate_limited with a Retry-After.
 * May import the HTTP errors and the Env.
 */
import type { Env } from "./env";
import { ApiError } from "./http";

/** Draws and status reads per player and campaign (PLAYER_RATE_LIMITER); `key` names both. */
export async function limitPlayer(env: Env, key: string): Promise<void> {
  const { success } = await env.PLAYER_RATE_LIMITER.limit({ key });
  if (!success) throw rateLimited("too many requests; wait a few seconds and try again", 10);
}

/**
 * Requests per client address and campaign (CF-Connecting-IP), through the
 * ADDRESS_RATE_LIMITER binding, unless the var ADDRESS_RATE_LIMIT is "off";
 * `kind` keeps draws and claims apart. On open campaigns the client picks
 * its player id, so this, not the per-player limit, is what slows a script;
 * claims name no player at all.
 */
export async function limitAddress(
  request: Request,
  env: Env,
  kind: "draw" | "claim",
  campaignId: string,
): Promise<void> {
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

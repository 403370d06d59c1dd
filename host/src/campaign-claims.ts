/**
 * Claims, for the campaign object (campaign-object.ts): a winner opens the
 * claim with its token, sees the prize and sends shipping details, stored
 * sealed (sealing.ts). The token names its claim by itself (144 random
 * bits): the row is found by the token's SHA-256 (claims_by_token), then
 * confirmed by the core in constant time.
 *
 * May import the store, stats, the core's calls, sealing and the replies;
 * nothing of HTTP or KV.
 */
import { prizeView } from "./campaign-definition";
import { type Reply, claimNotFound, notFound } from "./campaign-replies";
import type { CampaignStats } from "./campaign-stats";
import type { CampaignStore } from "./campaign-store";
import { claimTokenHash, claimTokenMatches, prizesOn } from "./core-calls";
import { DrawCounters } from "./draw-counters";
import type { Env } from "./env";
import { seal, sealSecrets, unseal } from "./sealing";

/** A winner's shipping details (kv-schema/shipping.schema.json), stored only sealed. */
export interface Shipping {
  name: string;
  phone: string;
  address: string;
}

/** A row of `claims` with its entry's prize name. */
type ClaimRow = {
  entry_id: number;
  player: string;
  day: string;
  prize_id: string;
  prize_name: string;
  won_at: number;
  token_hash: string;
  token_sealed: string;
  shipping_sealed: string | null;
  shipping_updated_at: number | null;
};

export class CampaignClaims {
  constructor(
    private readonly store: CampaignStore,
    private readonly stats: CampaignStats,
    private readonly env: Env,
  ) {}

  async getClaim(token: string): Promise<Reply> {
    if (!this.store.record()) return notFound();
    const claim = this.claimFor(token);
    if (!claim) return claimNotFound();
    const shipping = claim.shipping_sealed
      ? (JSON.parse(await unseal(sealSecrets(this.env), claim.shipping_sealed)) as Shipping)
      : null;
    return this.claimReply(claim, shipping, claim.shipping_updated_at);
  }

  async putClaim(token: string, shipping: Shipping): Promise<Reply> {
    if (!this.store.record()) return notFound();
    const claim = this.claimFor(token);
    if (!claim) return claimNotFound();
    const sealed = await seal(this.env, JSON.stringify(shipping));
    const nowMs = Date.now();
    this.saveShipping(claim, sealed, nowMs);
    return this.claimReply(claim, shipping, nowMs);
  }

  /** The claim that `token` opens, or null. */
  private claimFor(token: string): ClaimRow | null {
    const hash = claimTokenHash(token);
    const rows = this.store.sql
      .exec<ClaimRow>(
        "SELECT c.*, e.prize_name FROM claims c JOIN entries e ON e.id = c.entry_id WHERE c.token_hash = ?",
        hash,
      )
      .toArray();
    let found: ClaimRow | null = null;
    for (const row of rows) {
      // Every row is checked, so the time taken does not say which one matched.
      if (claimTokenMatches(token, row.token_hash) && found === null) found = row;
    }
    return found;
  }

  /** A claim as its winner sees it. */
  private claimReply(claim: ClaimRow, shipping: Shipping | null, shippingUpdatedAt: number | null): Reply {
    return {
      status: 200,
      body: {
        prize: prizeView(
          prizesOn(this.store.record(), new DrawCounters(this.store.sql), claim.day),
          claim.prize_id,
          claim.prize_name,
        ),
        day: claim.day,
        won_at: new Date(claim.won_at).toISOString(),
        shipping,
        shipping_updated_at: shippingUpdatedAt ? new Date(shippingUpdatedAt).toISOString() : null,
      },
    };
  }

  /**
   * Stores a claim's sealed shipping details; the first time, counts the claim
   * in claimed_totals. Synchronous: two PUTs of one claim cannot both count it.
   */
  private saveShipping(claim: ClaimRow, sealed: string, nowMs: number): void {
    const sql = this.store.sql;
    this.store.storage.transactionSync(() => {
      const first =
        sql.exec("SELECT 1 FROM claims WHERE entry_id = ? AND shipping_sealed IS NULL", claim.entry_id).toArray()
          .length > 0;
      sql.exec(
        "UPDATE claims SET shipping_sealed = ?, shipping_updated_at = ? WHERE entry_id = ?",
        sealed,
        nowMs,
        claim.entry_id,
      );
      if (first) this.stats.countClaim(claim.day, claim.prize_id);
    });
  }
}

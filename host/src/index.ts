/**
 * The blindbox Worker: HTTP API v1 in front of one Durable Object per campaign.
 *
 * This file is the entry and the route table, kept in one place (and exactly
 * what kv-schema/openapi.yaml describes): each route's method, path pattern
 * and handler, wrapped in the checks it needs (route-guards.ts). Handlers
 * live by concern in routes/: player.ts, admin.ts, winners.ts, media.ts; the
 * router (router.ts) turns errors into replies. The Worker checks everything
 * it can without the campaign's state and answers public reads from KV;
 * every decision that touches counters is the Durable Object's
 * (campaign-object.ts), whose core is the C++ one. Static files (frontend/)
 * are served by the assets binding. The benchmark build is bench.ts.
 */
import { CampaignObject } from "./campaign-object";
import type { Env } from "./env";
import { json } from "./http";
import { admin, known, sealing } from "./route-guards";
import { type Route, createWorker } from "./router";
import { getAdminCampaign, getStats, listCampaigns, pause, putCampaign } from "./routes/admin";
import { uploadMedia } from "./routes/media";
import { getCampaign, getClaim, postDraw, postPlayerStatus, putClaim } from "./routes/player";
import { getWinnerList, getWinners } from "./routes/winners";

export { CampaignObject };

export const routes: readonly Route[] = [
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
];

export default createWorker(routes) satisfies ExportedHandler<Env>;

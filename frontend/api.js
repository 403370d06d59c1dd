// The player page's endpoints of API v1, through the one client
// (shared/api.js): every call resolves a reply {ok, status, data, error, ...}
// and never throws; a reply that never came has error.code "network".

import { request } from "./shared/api.js";

export { errorOf } from "./shared/api.js";

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

/**
 * Wrappers a route's handler is put in (index.ts), each a check made before
 * the handler runs: known() (the campaign exists), sealing() (SEAL_KEY is
 * usable) and admin() (the admin key was sent).
 * May import the router's types, the campaign lookup, secrets and sealing.
 */
import { campaignNotFound, campaignRecord } from "./campaign-lookup";
import { bearer, secretsEqual, ApiError } from "./http";
import type { Handler } from "./router";
import { sealSecrets } from "./sealing";
import { requireSecret } from "./secrets";

/**
 * A handler of one campaign's routes, reached only for campaigns that exist:
 * the Worker decides from KV (campaignRecord), so an unknown id answers 404
 * campaign_not_found without waking, or leaving anything in, an object.
 */
export function known(handler: Handler): Handler {
  return async (request, env, params, ctx) => {
    if (!(await campaignRecord(env, params[0]))) throw campaignNotFound();
    return handler(request, env, params, ctx);
  };
}

/**
 * A handler that seals or opens sealed values (claim tokens, shipping
 * details): without a usable SEAL_KEY it answers 500 server_misconfigured
 * before doing anything (secrets.ts).
 */
export function sealing(handler: Handler): Handler {
  return async (request, env, params, ctx) => {
    sealSecrets(env);
    return handler(request, env, params, ctx);
  };
}

/** A handler of the operator API: 401 unauthorized without `Authorization: Bearer <ADMIN_KEY>`. */
export function admin(handler: Handler): Handler {
  return async (request, env, params, ctx) => {
    const adminKey = requireSecret(env, "ADMIN_KEY");
    const key = bearer(request);
    if (key === null || !(await secretsEqual(key, adminKey))) {
      throw new ApiError(401, "unauthorized", "send the admin key as Authorization: Bearer <key>", undefined, {});
    }
    return handler(request, env, params, ctx);
  };
}

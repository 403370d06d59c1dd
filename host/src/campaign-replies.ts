/**
 * What the campaign object's RPC methods return: a `Reply` (status + JSON
 * body) that the Worker sends as it is, and the error replies the object
 * makes itself, shaped as kv-schema/error.schema.json (as ApiError in
 * http.ts). Imports nothing.
 */

export interface Reply {
  status: number;
  body: unknown;
}

export function apiError(status: number, code: string, message: string, field?: string, details: object = {}): Reply {
  return { status, body: { error: { code, message, ...(field !== undefined ? { field } : {}), ...details } } };
}

export function notFound(): Reply {
  return apiError(404, "campaign_not_found", "no campaign with that id");
}

export function claimNotFound(): Reply {
  return apiError(404, "claim_not_found", "no claim for that code");
}

/** For campaigns with identity "ticket", when the Worker did not check one. */
export function ticketNeeded(): Reply {
  return apiError(401, "invalid_ticket", "this campaign needs a ticket", "/ticket");
}

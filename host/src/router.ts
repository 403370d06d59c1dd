/**
 * The Worker's router: matches a request against a route table (index.ts
 * holds the production one), runs the handler, and turns whatever it throws
 * into an API error reply (ApiError) or, for anything unexpected, a logged
 * 500 without what the request carried. /media/ goes to the media route,
 * other paths outside /api/ to the static files (frontend/).
 * May import the HTTP helpers, the media route and the core's error type.
 */
import { withApiHeaders } from "./api-headers";
import { isCampaignId } from "../../frontend/shared/campaign-id.js";
import { CoreError } from "./core";
import type { Env } from "./env";
import { ApiError } from "./http";
import { serveMedia } from "./routes/media";

/** A route's handler: `params` are the pattern's groups, URL-decoded. */
export type Handler = (request: Request, env: Env, params: string[], ctx: ExecutionContext) => Promise<Response>;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** The Worker for a route table: API routes, pictures under /media/, static files for the rest. */
export function createWorker(routes: readonly Route[]): ExportedHandler<Env> {
  return {
    async fetch(request, env, ctx): Promise<Response> {
      const url = new URL(request.url);
      if (url.pathname.startsWith("/media/")) {
        return withApiHeaders(await serveMedia(request, env, url.pathname.slice("/media/".length)));
      }
      if (!url.pathname.startsWith("/api/")) return env.ASSETS.fetch(request);
      return withApiHeaders(await handleApi(routes, request, env, ctx, url));
    },
  };
}

async function handleApi(
  routes: readonly Route[],
  request: Request,
  env: Env,
  ctx: ExecutionContext,
  url: URL,
): Promise<Response> {
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
    return errorResponse(error, request, url);
  }
}

function errorResponse(error: unknown, request: Request, url: URL): Response {
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

/**
 * A path for the log. API paths hold nothing a player chose (player ids go
 * in bodies, claim tokens in a header), only fixed parts and a campaign id;
 * a campaign segment that is not a valid id is left out all the same.
 */
function redactedPath(path: string): string {
  return path.replace(/(\/campaigns\/)([^/]+)/, (whole, prefix: string, id: string) =>
    isCampaignId(id) ? whole : `${prefix}…`,
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

/**
 * HTTP plumbing for API v1: JSON replies, and errors as
 *   {"error": {"code": "...", "message": "...", "field": "/pointer"}}
 * with a matching status. Nothing here decides anything about a lottery.
 */

export type ErrorCode =
  | "invalid_request"
  | "invalid_campaign"
  | "invalid_ticket"
  | "unauthorized"
  | "campaign_not_open"
  | "campaign_not_found"
  | "claim_not_found"
  | "not_found"
  | "method_not_allowed"
  | "draw_limit_reached"
  | "boxes_exhausted"
  | "stock_below_issued"
  | "campaign_exists"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal_error";

/** An error reply. `details` are extra members of the error object. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toResponse(headers: HeadersInit = {}): Response {
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    Object.assign(error, this.details);
    return json({ error }, this.status, headers);
  }
}

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    },
  });
}

/**
 * Reads a JSON object body of at most `limit` bytes. Refuses other content
 * types, oversized bodies (413, whatever Content-Length claims), malformed
 * JSON and non-objects (400).
 */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type");
  if (type !== null && !/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, "unsupported_media_type", "send the body as application/json");
  }
  const text = await readText(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request", "the body is not valid JSON", "");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ApiError(400, "invalid_request", "the body must be a JSON object", "");
  }
  return value as Record<string, unknown>;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * The body as text, refused (413) when over `limit` bytes. A body with a
 * Content-Length is refused before it is read, else read whole; a streamed
 * one is read chunk by chunk and cut off once it passes the limit.
 */
export async function readText(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared)) {
    if (Number(declared) > limit) throw tooLarge(limit);
    return decodeUtf8(new Uint8Array(await request.arrayBuffer()));
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ApiError(400, "invalid_request", "the body is not valid UTF-8", "");
  }
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, "payload_too_large", `the body must be at most ${limit} bytes`);
}

/** Checks an object has only the `allowed` members. */
export function rejectUnknownFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw new ApiError(400, "invalid_request", `unknown field "${key}"`, pointer(key));
    }
  }
}

/** A required (or optional) string member of 1..max characters without control characters. */
export function stringField(
  body: Record<string, unknown>,
  key: string,
  max: number,
  options: { required?: boolean; min?: number } = {},
): string | undefined {
  const value = body[key];
  const required = options.required ?? true;
  const min = options.min ?? 1;
  if (value === undefined) {
    if (required) throw new ApiError(400, "invalid_request", `${key} is required`, pointer(key));
    return undefined;
  }
  if (typeof value !== "string") {
    throw new ApiError(400, "invalid_request", `${key} must be a string`, pointer(key));
  }
  const length = [...value].length;
  if (length < min) {
    throw new ApiError(400, "invalid_request", `${key} must not be empty`, pointer(key));
  }
  if (length > max) {
    throw new ApiError(400, "invalid_request", `${key} must be at most ${max} characters`, pointer(key));
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new ApiError(400, "invalid_request", `${key} must not contain control characters`, pointer(key));
  }
  return value;
}

export function pointer(key: string): string {
  return "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Constant-time equality of two secrets (hashed first, so lengths do not leak). */
export async function secretsEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all(
    [given, expected].map((text) => crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))),
  );
  return crypto.subtle.timingSafeEqual(a, b) && expected.length > 0;
}

/** The bearer token of an Authorization header, or null. */
export function bearer(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

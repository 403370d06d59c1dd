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
  | "server_misconfigured"
  | "internal_error";

/** An error reply. `details` are extra members of the error object. */
export class ApiError extends Error {
  /** Sent as Retry-After (429 replies). */
  retryAfterSeconds?: number;

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

/** A reply the campaign object made (status + JSON body), sent as it is. */
export function reply({ status, body }: { status: number; body: unknown }): Response {
  return json(body, status);
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
 * Refuses a body that is not declared JSON (415): POST and PUT bodies must
 * say `application/json` (a charset parameter is fine). Without this rule a
 * page on any other site could make its visitors' browsers send a "simple"
 * cross-site request (text/plain, no preflight) that the API reads as JSON.
 */
export function requireJsonContentType(request: Request): void {
  const type = request.headers.get("content-type");
  if (type === null || !/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "send the body as application/json (Content-Type: application/json)",
    );
  }
}

/**
 * Reads a JSON body of at most `limit` bytes: refuses other content types
 * (415), oversized bodies (413), malformed JSON and any string, key or value,
 * that is not well-formed UTF-16 (400 at its field). Returns the parsed value
 * and the text as sent.
 */
export async function readJson(request: Request, limit: number): Promise<{ value: unknown; text: string }> {
  requireJsonContentType(request);
  const text = await readText(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request", "the body is not valid JSON", "");
  }
  const malformed = firstMalformedString(value, "");
  if (malformed !== null) {
    throw new ApiError(400, "invalid_request", "text must be well-formed Unicode (no lone surrogates)", malformed);
  }
  return { value, text };
}

/** Reads a JSON object body (see readJson); anything but an object is 400. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  const { value } = await readJson(request, limit);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ApiError(400, "invalid_request", "the body must be a JSON object", "");
  }
  return value as Record<string, unknown>;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The JSON pointer of the first string (member name or value) with a lone surrogate, or null. */
function firstMalformedString(value: unknown, at: string): string | null {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? at : null;
  if (value === null || typeof value !== "object") return null;
  // Iterative, so deep nesting cannot exhaust the stack.
  const pending: Array<[unknown, string]> = [[value, at]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === "string") {
      if (LONE_SURROGATE.test(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => {
        pending.push([item, `${path}/${index}`]);
      });
    } else if (current !== null && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        const child = path + pointer(key);
        if (LONE_SURROGATE.test(key)) return child;
        pending.push([item, child]);
      }
    }
  }
  return null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The body as UTF-8 text (400 if it is not UTF-8), through readBytes' size cap. */
export async function readText(request: Request, limit: number): Promise<string> {
  const bytes = await readBytes(request, limit);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ApiError(400, "invalid_request", "the body is not valid UTF-8", "");
  }
}

/**
 * The body's bytes, refused (413) once over `limit`: a declared
 * Content-Length over the limit before anything is read, and every body,
 * declared or not, chunk by chunk, so nothing past the limit is ever kept.
 */
export async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
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
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(limit: number): ApiError {
  const size = limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit} bytes`;
  return new ApiError(413, "payload_too_large", `the body must be at most ${size}`);
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
  options: { required?: boolean; min?: number; lines?: number } = {},
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
  if (options.lines !== undefined) {
    // Line breaks (LF or CRLF) are allowed, up to `lines` lines; kept as LF.
    const text = value.replace(/\r\n/g, "\n");
    if (text.split("\n").length > options.lines) {
      throw new ApiError(400, "invalid_request", `${key} must be at most ${options.lines} lines`, pointer(key));
    }
    if (CONTROL_CHARACTER_BUT_LF.test(text)) {
      throw new ApiError(
        400,
        "invalid_request",
        `${key} must not contain control characters other than line breaks`,
        pointer(key),
      );
    }
    return text;
  }
  if (CONTROL_CHARACTER.test(value)) {
    throw new ApiError(400, "invalid_request", `${key} must not contain control characters`, pointer(key));
  }
  return value;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROL_CHARACTER_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f]/;

export function pointer(key: string): string {
  return `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
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

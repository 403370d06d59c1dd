/**
 * Headers on every reply the Worker makes itself (API and /media/), so that
 * a reply opened directly in a browser can run nothing, be framed nowhere
 * and be sniffed as nothing else (the pages get theirs from frontend/_headers).
 * Imports nothing.
 */
const API_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

export function withApiHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(API_HEADERS)) response.headers.set(name, value);
  return response;
}

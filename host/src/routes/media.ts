/**
 * Pictures operators upload (logos, box artwork, prizes): the upload route
 * (behind admin() in index.ts) and serving them under /media/ (router.ts),
 * from the R2 bucket MEDIA.
 * May import the HTTP helpers, the Env and the shared campaign-id rule.
 */
import { isCampaignId } from "../../../frontend/shared/campaign-id.js";
import type { Env } from "../env";
import { ApiError, json, readBytes } from "../http";

const MEDIA_LIMIT = 2 * 1024 * 1024;
const MEDIA_TYPES: Record<string, { extension: string; magic: (bytes: Uint8Array) => boolean }> = {
  "image/png": { extension: "png", magic: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  "image/jpeg": { extension: "jpg", magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  "image/gif": { extension: "gif", magic: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 },
  "image/webp": {
    extension: "webp",
    magic: (b) =>
      String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP",
  },
};

/**
 * Stores an uploaded picture in R2 under media/{campaign}/{sha256}.{ext}: PNG,
 * JPEG, GIF or WebP (checked by content, not only by the declared type; no
 * SVG, which can carry scripts), at most 2 MB. Replies with the URL to use in
 * the campaign's theme or prizes.
 */
export async function uploadMedia(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const declared = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const kind = MEDIA_TYPES[declared];
  if (!kind) {
    throw new ApiError(415, "unsupported_media_type", "upload a PNG, JPEG, GIF or WebP picture");
  }
  const bytes = await readBytes(request, MEDIA_LIMIT);
  if (bytes.byteLength < 12 || !kind.magic(bytes)) {
    throw new ApiError(415, "unsupported_media_type", `the file is not a ${declared.slice(6).toUpperCase()} picture`);
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hash = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
  const key = `${campaignId}/${hash}.${kind.extension}`;
  await env.MEDIA.put(key, bytes, { httpMetadata: { contentType: declared } });
  return json({ url: `/media/${key}`, content_type: declared, size: bytes.byteLength }, 201);
}

/** GET or HEAD /media/{key}: a stored picture, cached for good (its name is its content's hash). */
export async function serveMedia(request: Request, env: Env, key: string): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new ApiError(405, "method_not_allowed", "use GET").toResponse({ allow: "GET, HEAD" });
  }
  if (!isMediaKey(key)) {
    return new ApiError(404, "not_found", "no such picture").toResponse();
  }
  const object = await env.MEDIA.get(key);
  if (!object) return new ApiError(404, "not_found", "no such picture").toResponse();
  return new Response(request.method === "HEAD" ? null : object.body, {
    headers: {
      "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
      // Content-addressed: a name never changes its bytes.
      "cache-control": "public, max-age=31536000, immutable",
      etag: object.httpEtag,
    },
  });
}

/** "{campaign id}/{SHA-256 hex}.{png|jpg|gif|webp}", the names uploads are stored under. */
function isMediaKey(key: string): boolean {
  const slash = key.indexOf("/");
  return (
    slash > 0 && isCampaignId(key.slice(0, slash)) && /^[0-9a-f]{64}\.(png|jpg|gif|webp)$/.test(key.slice(slash + 1))
  );
}

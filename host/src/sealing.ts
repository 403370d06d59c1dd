/**
 * Secrets at rest and player tickets, with WebCrypto.
 *
 * Sealing (AES-256-GCM, key = SHA-256 of the SEAL_KEY secret, a fresh 96-bit
 * IV per value) protects what must be readable again but never stored in
 * plain text: a winner's shipping details (the operator exports them), and a
 * claim token, kept sealed only so that a retried draw request can be given
 * its original reply. Claims are still checked against the token's SHA-256.
 * Rotation: values are sealed under SEAL_KEY and opened under SEAL_KEY or,
 * while a rotation is under way, SEAL_KEY_PREVIOUS (AES-GCM's tag tells
 * which key a value was sealed under, so the format needs no key id).
 *
 * Tickets: for campaigns with identity "ticket", the operator's login system
 * signs the player id (format in wasm/include/blindbox/ticket.h):
 *   EXPIRES "." base64url(HMAC-SHA256(TICKET_SECRET,
 *       "blindbox-ticket-v1\n" + campaign + "\n" + player + "\n" + EXPIRES))
 */

import type { Env } from "./env";
import { requireSecret } from "./secrets";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function base64url(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const keys = new Map<string, Promise<CryptoKey>>();

function sealKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle
      .digest("SHA-256", encoder.encode(secret))
      .then((raw) => crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]));
    keys.set(secret, key);
  }
  return key;
}

/** SHA-256 of the UTF-8 text, as 64 lowercase hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** "v1." + base64url(iv || ciphertext) of the UTF-8 text, sealed under SEAL_KEY. */
export async function seal(env: Env, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const [secret] = sealSecrets(env);
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await sealKey(secret), encoder.encode(text));
  const out = new Uint8Array(12 + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), 12);
  return `v1.${base64url(out)}`;
}

/**
 * The secrets a sealed value may be under: SEAL_KEY first (new values are
 * sealed under it), then SEAL_KEY_PREVIOUS if set. Throws 500
 * server_misconfigured when SEAL_KEY is missing or too short (secrets.ts).
 */
export function sealSecrets(env: Env): string[] {
  const current = requireSecret(env, "SEAL_KEY");
  return env.SEAL_KEY_PREVIOUS ? [current, env.SEAL_KEY_PREVIOUS] : [current];
}

/** The text sealed by seal() under one of `secrets`, or throws if none of them opens it. */
export async function unseal(secrets: string[], sealed: string): Promise<string> {
  const bytes = sealed.startsWith("v1.") ? fromBase64url(sealed.slice(3)) : null;
  if (!bytes || bytes.length < 13) throw new Error("not a sealed value");
  for (const secret of secrets) {
    try {
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytes.subarray(0, 12) },
        await sealKey(secret),
        bytes.subarray(12),
      );
      return decoder.decode(plain);
    } catch {
      // not sealed under this secret (the authentication tag does not match): try the next
    }
  }
  throw new Error("a sealed value opens under neither SEAL_KEY nor SEAL_KEY_PREVIOUS");
}

export type TicketCheck = "valid" | "malformed" | "expired" | "bad_signature";

/**
 * Verifies a player ticket, as check_ticket in wasm/src/ticket.cpp does: the
 * signature first (WebCrypto, constant time), so "expired" is only ever said of
 * a genuine ticket; an empty secret refuses everything.
 */
export async function checkTicket(
  secret: string,
  campaign: string,
  player: string,
  ticket: string,
  nowSeconds: number,
): Promise<TicketCheck> {
  const match = ticket.length <= 64 ? ticket.match(/^(0|[1-9][0-9]{0,9})\.([A-Za-z0-9_-]{43})$/) : null;
  if (!match) return "malformed";
  const signature = fromBase64url(match[2]);
  // Only the exact encoding a signer writes (no stray bits in the last character).
  if (signature?.length !== 32 || base64url(signature) !== match[2]) return "malformed";
  if (secret.length === 0) return "bad_signature";
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify",
  ]);
  const message = encoder.encode(`blindbox-ticket-v1\n${campaign}\n${player}\n${match[1]}`);
  if (!(await crypto.subtle.verify("HMAC", key, signature, message))) return "bad_signature";
  return Number(match[1]) <= nowSeconds ? "expired" : "valid";
}

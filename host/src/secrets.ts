/**
 * The Worker's secrets, checked where they are used, failing closed.
 *
 * ADMIN_KEY (the operator API's bearer key) and SEAL_KEY (the key that seals
 * claim tokens and shipping details at rest) must each be set and at least
 * MIN_SECRET_LENGTH characters long. A request that needs a secret that is
 * missing or too short gets 500 server_misconfigured, never a built-in
 * fallback: without this rule, an unset SEAL_KEY would seal every winner's
 * address under a key anyone can derive. The log names the secret once per
 * isolate, never its value.
 */
import type { Env } from "./env";
import { ApiError } from "./http";

export const MIN_SECRET_LENGTH = 32;

type SecretName = "ADMIN_KEY" | "SEAL_KEY";

const reported = new Set<SecretName>();

/** The secret's value, or throws 500 server_misconfigured (and logs which secret, once). */
export function requireSecret(env: Env, name: SecretName): string {
  const value: unknown = env[name];
  if (typeof value === "string" && value.length >= MIN_SECRET_LENGTH) return value;
  if (!reported.has(name)) {
    reported.add(name);
    const problem =
      typeof value === "string" && value.length > 0 ? `shorter than ${MIN_SECRET_LENGTH} characters` : "not set";
    console.error(
      `server misconfigured: the secret ${name} is ${problem}; set it with \`npx wrangler secret put ${name}\``,
    );
  }
  throw new ApiError(
    500,
    "server_misconfigured",
    "the service is not fully set up; its operator must fix its configuration",
  );
}

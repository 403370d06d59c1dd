// Odds as written in a campaign and by the core ("1/2000", "0.0005") read as
// exact fractions of BigInts, and compared without floats: for the player
// page's odds trend and the console's editor, forecast and preview. No imports.

/** Odds text as an exact fraction [n, d] of BigInts, or null. */
export function oddsFraction(text) {
  if (typeof text !== "string") return null;
  let match = /^\s*(\d{1,19})\s*\/\s*(\d{1,19})\s*$/.exec(text);
  if (match) {
    const d = BigInt(match[2]);
    return d === 0n ? null : [BigInt(match[1]), d];
  }
  match = /^\s*(\d{1,19})(?:\.(\d{1,9}))?\s*$/.exec(text);
  if (match) {
    const places = match[2]?.length ?? 0;
    return [BigInt(match[1] + (match[2] ?? "")), 10n ** BigInt(places)];
  }
  return null;
}

/** -1, 0 or 1 as odds `x` are below, equal to or above odds `y`; 0 when either does not read. */
export function compareOdds(x, y) {
  const [a, b] = [oddsFraction(x), oddsFraction(y)];
  if (!a || !b) return 0;
  const left = a[0] * b[1];
  const right = b[0] * a[1];
  return left < right ? -1 : left > right ? 1 : 0;
}

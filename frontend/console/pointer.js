// JSON pointers (RFC 6901) into the campaign being edited, and the test ids
// derived from them: "/prize_table/prizes/0/odds" -> "prize_table-prizes-0-odds".

export function parse(pointer) {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function format(tokens) {
  return tokens.map((token) => `/${String(token).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

export function join(base, ...tokens) {
  return base + format(tokens);
}

/** The pointer one level up ("" for the document itself; null above it). */
export function parent(pointer) {
  if (pointer === "") return null;
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

export function get(document, pointer) {
  let value = document;
  for (const token of parse(pointer)) {
    if (value === null || typeof value !== "object") return undefined;
    value = value[Array.isArray(value) ? Number(token) : token];
  }
  return value;
}

/** Sets a value, creating objects on the way. */
export function set(document, pointer, value) {
  const tokens = parse(pointer);
  let target = document;
  for (const token of tokens.slice(0, -1)) {
    const key = Array.isArray(target) ? Number(token) : token;
    if (target[key] === null || typeof target[key] !== "object") target[key] = {};
    target = target[key];
  }
  const last = tokens[tokens.length - 1];
  target[Array.isArray(target) ? Number(last) : last] = value;
}

/** Removes a member; then removes parents listed in `prune` that were left empty. */
export function remove(document, pointer, prune = []) {
  const tokens = parse(pointer);
  const container = get(document, format(tokens.slice(0, -1)));
  if (container && typeof container === "object") {
    const last = tokens[tokens.length - 1];
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else delete container[last];
  }
  for (let up = parent(pointer); up !== null && up !== ""; up = parent(up)) {
    if (!prune.includes(up)) break;
    const value = get(document, up);
    if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) {
      remove(document, up);
    } else {
      break;
    }
  }
}

/** "field-" test ids use the pointer with "/" replaced by "-". */
export function testId(pointer) {
  return parse(pointer).join("-");
}

/** An element id that is safe in CSS selectors. */
export function domId(prefix, pointer) {
  return (
    prefix +
    parse(pointer)
      .join("-")
      .replace(/[^A-Za-z0-9_-]/g, "_")
  );
}

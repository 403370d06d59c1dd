// The layers of ARCHITECTURE.md, checked: every #include of the C++ and every
// import of the JavaScript and TypeScript goes to a layer its own layer may
// use. A new file is checked by where it sits; a new folder must be given a
// layer here (an unknown source folder fails the check too).

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { filesUnder, root } from "./source-files.mjs";

// Each layer: the folders it owns (first match wins, so nested folders come
// first), the layers it may use, and the outside libraries it may include.
const layers = [
  { name: "io", folders: ["wasm/io/"], uses: ["core"], libraries: ["nlohmann"] },
  { name: "core", folders: ["wasm/include/", "wasm/src/"], uses: [], libraries: ["boost", "wasi", "sys"] },
  { name: "abi", folders: ["wasm/abi/"], uses: ["core", "io"], libraries: ["nlohmann"] },
  { name: "cli", folders: ["wasm/cli/"], uses: ["core", "io"], libraries: ["CLI", "fmt", "nlohmann"] },
  { name: "shared frontend", folders: ["frontend/shared/"], uses: ["built core"], libraries: [] },
  { name: "built core", folders: ["frontend/core/"], uses: [], libraries: [] },
  { name: "console", folders: ["frontend/console/"], uses: ["shared frontend", "page"], libraries: [] },
  { name: "page", folders: ["frontend/"], uses: ["shared frontend"], libraries: [] },
  { name: "host", folders: ["host/src/"], uses: ["shared frontend", "wasi build"], libraries: ["cloudflare:workers"] },
  { name: "wasi build", folders: ["build/wasi/"], uses: [], libraries: [] },
];

function layerOf(path) {
  return layers.find((layer) => layer.folders.some((folder) => path.startsWith(folder)));
}

// C++: <blindbox/x.h> is whichever layer holds that header; a quoted include
// is looked up beside the file, then in each layer's folders; anything else
// is the standard library (no slash) or an outside library (its first folder).
const headerFolders = ["wasm/include", "wasm/io/include", "wasm/src", "wasm/io/src", "wasm/abi", "wasm/cli"];

function resolveInclude(from, target, quoted) {
  const candidates = [...(quoted ? [join(dirname(from), target)] : []), ...headerFolders.map((f) => join(f, target))];
  const hit = candidates.find((candidate) => existsSync(join(root, candidate)));
  if (hit) return { path: relative(root, join(root, hit)) };
  if (!target.includes("/")) return { standard: true };
  return { library: target.split("/")[0] };
}

// JS/TS: relative specifiers (static, dynamic, and `new URL(..., import.meta.url)`
// for workers and wasm) resolve to paths; bare ones are outside libraries.
function resolveImport(from, specifier) {
  if (specifier.startsWith(".")) return { path: relative(root, join(root, dirname(from), specifier)) };
  return { library: specifier };
}

function dependencies(path) {
  const text = readFileSync(join(root, path), "utf8");
  const found = [];
  if (/\.(h|cpp)$/.test(path)) {
    for (const match of text.matchAll(/^\s*#\s*include\s*([<"])([^>"]+)[>"]/gm)) {
      found.push({
        line: text.slice(0, match.index).split("\n").length,
        ...resolveInclude(path, match[2], match[1] === '"'),
      });
    }
  } else {
    const patterns = [
      /^\s*(?:import|export)\b[^"'`;]*?\bfrom\s*["']([^"']+)["']/gm,
      /^\s*import\s*["']([^"']+)["']/gm,
      /\bimport\(\s*["']([^"']+)["']\s*\)/g,
      /new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g,
    ];
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        found.push({ line: text.slice(0, match.index).split("\n").length, ...resolveImport(path, match[1]) });
      }
    }
  }
  return found;
}

const sources = [
  ...filesUnder("wasm", (name) => /\.(h|cpp)$/.test(name)),
  ...filesUnder("host/src", (name) => name.endsWith(".ts")),
  ...filesUnder("frontend", (name) => /\.m?js$/.test(name)),
];

test("every source file sits in a layer", () => {
  const homeless = sources.filter((path) => !layerOf(path));
  assert.deepEqual(homeless, [], "give these folders a layer in tests/unit/layers.test.mjs and ARCHITECTURE.md");
});

test("every include and import goes to a layer its own layer may use", () => {
  const problems = [];
  for (const path of sources) {
    const layer = layerOf(path);
    if (!layer) continue;
    for (const dependency of dependencies(path)) {
      if (dependency.standard) continue;
      if (dependency.library) {
        if (!layer.libraries.includes(dependency.library)) {
          problems.push(`${path}:${dependency.line}: ${layer.name} may not use the library ${dependency.library}`);
        }
        continue;
      }
      const target = layerOf(dependency.path);
      if (!target) {
        problems.push(`${path}:${dependency.line}: ${dependency.path} is outside every layer`);
      } else if (target !== layer && !layer.uses.includes(target.name)) {
        problems.push(`${path}:${dependency.line}: ${layer.name} may not use ${target.name} (${dependency.path})`);
      }
    }
  }
  assert.deepEqual(problems, [], "see ARCHITECTURE.md for what each layer may use");
});

test("the checker sees what it checks", () => {
  // A checker that parses nothing passes everything: make sure it reads the
  // includes and imports of files known to have them.
  assert.ok(sources.length > 40, `only ${sources.length} source files found`);
  const abi = dependencies("wasm/abi/abi.cpp");
  assert.ok(abi.some((dependency) => dependency.path && layerOf(dependency.path)?.name === "core"));
  const host = dependencies("host/src/index.ts");
  assert.ok(host.some((dependency) => dependency.path?.startsWith("host/src/")));
});

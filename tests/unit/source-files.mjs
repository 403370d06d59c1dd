// The project's source files as the checks of tests/unit read them: paths
// relative to the root, walking a folder but not the generated frontend/core/.

import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Every file under `folder` whose name `accept(name)` takes, as "folder/sub/name". */
export function filesUnder(folder, accept) {
  const found = [];
  const walk = (dir) => {
    if (!existsSync(join(root, dir))) return;
    for (const name of readdirSync(join(root, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) {
        if (path !== "frontend/core") walk(path);
      } else if (accept(name)) {
        found.push(path);
      }
    }
  };
  walk(folder);
  return found;
}

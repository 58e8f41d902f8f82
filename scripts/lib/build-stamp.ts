import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * When `npm start` must rebuild: the newest modification time among the
 * build's inputs, recorded next to the build in `.next/source-stamp`.
 */
export function newestSource(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const d of ["app", "lib", "components"]) walk(path.join(root, d));
  for (const f of ["package-lock.json", "next.config.js", "prisma/schema.prisma"]) {
    if (existsSync(path.join(root, f))) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  }
  return newest;
}

export const stampFile = (root: string) => path.join(root, ".next", "source-stamp");

/** Whether the `.next` build in `root` was made from the current sources. */
export function buildIsCurrent(root: string): boolean {
  const marker = stampFile(root);
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(marker)) return false;
  return readFileSync(marker, "utf8") === String(newestSource(root));
}

// Keeps `npm ci` working with registries that serve only some platforms'
// prebuilt binaries (Next.js, Tailwind and others ship one optional package
// per platform). npm leaves the ones it cannot fetch out of package-lock.json,
// and `npm ci` then refuses the lock as out of sync. This records each missing
// optional package with its version and `optional: true`, so `npm ci` accepts
// the lock and skips what it cannot fetch, as it does for any optional
// dependency. Runs after every install (package.json "postinstall").
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const file = "package-lock.json";
if (existsSync(file)) {
  const lock = JSON.parse(readFileSync(file, "utf8"));
  const packages = lock.packages ?? {};
  let added = 0;
  for (const [location, entry] of Object.entries(packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${location === "" ? "" : `${location}/`}node_modules/${name}`;
      if (packages[nested] || packages[`node_modules/${name}`]) continue;
      packages[`node_modules/${name}`] = { version, optional: true, ...(entry.dev ? { dev: true } : {}) };
      added++;
    }
  }
  if (added > 0) {
    lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
    writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
  }
}

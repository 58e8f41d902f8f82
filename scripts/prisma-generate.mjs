// Runs `prisma generate` without network access: the Rust-free client needs no
// engine, but the CLI insists on a schema-engine path, so we hand it a stub that
// fails loudly if anything ever tries to run it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stub = path.join(root, "scripts", "prisma-engine-stub.sh");
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(cli)) {
  console.error("prisma CLI is not installed; run `npm install` first.");
  process.exit(1);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || stub,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_TELEMETRY_DISABLED: "1",
};
const result = spawnSync(process.execPath, [cli, "generate", "--schema", path.join(root, "prisma", "schema.prisma")], {
  stdio: "inherit",
  env,
  cwd: root,
});
process.exit(result.status ?? 1);

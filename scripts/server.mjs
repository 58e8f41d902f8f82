/**
 * One web server process: a plain Node.js HTTP server that hands every
 * request to Next.js. `scripts/start.ts` runs one of these per core with
 * node:cluster; they share one port.
 *
 * Being our own HTTP server (rather than `next start`) leaves room for
 * connections Next.js route handlers cannot take, such as a WebSocket upgrade
 * on one path: add it to `upgrade` below.
 *
 * Environment: PORT, and DATABASE_URL / NEXTAUTH_SECRET / NEXTAUTH_URL / APP_URL
 * as prepared by start.ts. `--dev` runs Next.js in development mode.
 */
import http from "node:http";
import next from "next";

// Named like `next start`'s process, so tools that look for the Next.js server find it.
process.title = "next-server (crisis-plan-workbook)";
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const app = next({ dev, dir: process.cwd(), port, hostname: "localhost" });

await app.prepare();
const handle = app.getRequestHandler();
const nextUpgrade = app.getUpgradeHandler();

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error("Unhandled error for", req.url, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Keep-alive connections from a load balancer or proxy outlive Node's 5 s default.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.on("upgrade", (req, socket, head) => {
  // Development: Next.js's own hot-reload socket. Production: nothing yet.
  if (dev) return void nextUpgrade(req, socket, head);
  socket.destroy();
});

server.listen(port, () => {
  process.send?.({ type: "listening", pid: process.pid });
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  // Finish requests in flight for a moment; live streams never end on their own.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 1500).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// The supervising process went away without telling us (killed hard): don't linger.
process.on("disconnect", stop);

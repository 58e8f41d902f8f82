/**
 * `npm start` (production) and `npm run dev` (hot reload); see ./lib/start-app.ts.
 * Registers the server-side module hook first, so that callers that run this
 * file directly (CI, the browser tests, benchmarks) need no extra flags.
 */
import "./lib/server-runtime.mjs";

await import("./lib/start-app");

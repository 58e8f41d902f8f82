/** `npm run db:seed`; see ./lib/seed-app.ts. */
import "./lib/server-runtime.mjs";

await import("./lib/seed-app");

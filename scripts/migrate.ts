/** `npm run db:migrate`; see ./lib/migrate-app.ts. */
import "./lib/server-runtime.mjs";

await import("./lib/migrate-app");

/**
 * `npm run build`: builds the app and records which sources it was built from,
 * so that `npm start` (one instance or several from one checkout) starts without
 * building again.
 */
import { buildIfNeeded } from "./lib/build";

if (!buildIfNeeded(process.cwd(), (m) => console.log(`[build] ${m}`), { force: true })) {
  console.error("The build failed; see the messages above.");
  process.exit(1);
}

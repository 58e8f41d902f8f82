import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3211);
const dataDir = path.join(os.tmpdir(), `crisis-plan-e2e-${PORT}`);
export const E2E_BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: {
    // The real app, built and started as `npm start` does, on its own throwaway embedded PostgreSQL.
    command: `rm -rf ${dataDir} && node node_modules/tsx/dist/cli.mjs scripts/start.ts`,
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      // One server process: these journeys test the app's behaviour; running
      // several processes on one port is checked by .ci/multi-instance.ts.
      WEB_CONCURRENCY: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      DEMO_PASSWORD: "demo-password-e2e",
      APP_URL: E2E_BASE_URL,
      SIGNIN_MAX_ATTEMPTS: "5",
      SMTP_URL: "",
    },
  },
});

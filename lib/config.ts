import path from "node:path";
import { z } from "zod";

/**
 * Every setting the app reads, in one place. `.env.example` and the README's
 * configuration table mirror this list.
 */
const bool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : !["false", "0", "no", "off"].includes(v.toLowerCase())));
const int = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : Number.parseInt(v, 10)))
    .pipe(z.number().int().nonnegative());

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: int(3000),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: int(0),
  DB_POOL_MAX: int(10),
  DB_POOL_IDLE_TIMEOUT_MS: int(10_000),
  DB_CONNECT_TIMEOUT_MS: int(5_000),
  DB_STATEMENT_TIMEOUT_MS: int(15_000),
  APP_URL: z.string().optional(),
  DEMO_SEED: bool(true),
  DEMO_PASSWORD: z.string().default("crisis-demo-2026"),
  OIDC_ISSUER: z.string().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("Crisis Plan Workbook <no-reply@localhost>"),
  SIGNIN_MAX_ATTEMPTS: int(5),
  SIGNIN_WINDOW_MINUTES: int(15),
  PDF_FONT_DIR: z.string().optional(),
  /** Largest CAD export accepted for a call data import, in megabytes. */
  CALL_IMPORT_MAX_MB: int(500),
});

export type AppConfig = z.infer<typeof schema> & { dataDir: string };

let cached: AppConfig | undefined;

export function config(): AppConfig {
  if (cached) return cached;
  const parsed = schema.parse(process.env);
  cached = { ...parsed, dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), parsed.DATA_DIR) };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetConfigCache() {
  cached = undefined;
}

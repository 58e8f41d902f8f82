import "server-only";
import path from "node:path";
import { z } from "zod";

/**
 * Every setting the app reads, in one place, read and checked once. Nothing
 * else in lib/, app/ or components/ reads `process.env`. `.env.example` and
 * the README's configuration table mirror this list.
 *
 * A bad value stops the start with a message that names the setting
 * (`ConfigError`), instead of failing later somewhere deep inside.
 */

const FALSE = ["false", "0", "no", "off"];
const TRUE = ["true", "1", "yes", "on"];

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const text = (fallback: string) => optionalText.transform((v) => v ?? fallback);

const bool = (fallback: boolean) =>
  optionalText.pipe(
    z
      .string()
      .optional()
      .refine((v) => v === undefined || FALSE.includes(v.toLowerCase()) || TRUE.includes(v.toLowerCase()), {
        message: "expected true or false",
      })
      .transform((v) => (v === undefined ? fallback : TRUE.includes(v.toLowerCase()))),
  );

const int = (fallback: number, min: number, max: number) =>
  optionalText.pipe(
    z
      .string()
      .optional()
      .refine((v) => v === undefined || /^\d+$/.test(v), { message: "expected a whole number" })
      .transform((v) => (v === undefined ? fallback : Number.parseInt(v, 10)))
      .pipe(
        z
          .number()
          .min(min, { message: `expected a whole number from ${min} to ${max}` })
          .max(max, { message: `expected a whole number from ${min} to ${max}` }),
      ),
  );

const url = (protocols: string[], example: string) =>
  optionalText.pipe(
    z
      .string()
      .optional()
      .refine(
        (v) => {
          if (v === undefined) return true;
          try {
            return protocols.includes(new URL(v).protocol);
          } catch {
            return false;
          }
        },
        { message: `expected an address like ${example}` },
      ),
  );

const schema = z.object({
  NODE_ENV: optionalText,
  DATABASE_URL: url(["postgres:", "postgresql:"], "postgresql://user:password@host:5432/database"),
  /** A direct connection (no transaction-mode pooler) for LISTEN, migrations and advisory locks. Default: DATABASE_URL. */
  DIRECT_DATABASE_URL: url(["postgres:", "postgresql:"], "postgresql://user:password@db-host:5432/database"),
  PORT: int(3000, 1, 65535),
  /** Web server processes `npm start` runs on PORT; 0 = one per core. */
  WEB_CONCURRENCY: int(0, 0, 256),
  /** How long each server process keeps a decoded session and a membership (0 = not at all). */
  AUTH_CACHE_TTL_MS: int(5_000, 0, 600_000),
  DATA_DIR: text(".data"),
  EMBEDDED_PG_PORT: int(0, 0, 65535),
  DB_POOL_MAX: int(10, 1, 1000),
  DB_POOL_IDLE_TIMEOUT_MS: int(10_000, 0, 86_400_000),
  DB_CONNECT_TIMEOUT_MS: int(5_000, 0, 600_000),
  DB_STATEMENT_TIMEOUT_MS: int(15_000, 0, 86_400_000),
  APP_URL: url(["http:", "https:"], "https://plan.example.org"),
  NEXTAUTH_URL: url(["http:", "https:"], "https://plan.example.org"),
  NEXTAUTH_SECRET: optionalText,
  AUTH_SECRET: optionalText,
  DEMO_SEED: bool(true),
  DEMO_PASSWORD: text("crisis-demo-2026"),
  OIDC_ISSUER: url(["http:", "https:"], "https://login.example.org/realms/county"),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_NAME: text("Single sign-on"),
  SMTP_URL: url(["smtp:", "smtps:"], "smtps://user:pass@mail.example.org:465"),
  SMTP_FROM: text("Crisis Plan Workbook <no-reply@localhost>"),
  SIGNIN_MAX_ATTEMPTS: int(5, 1, 10_000),
  SIGNIN_WINDOW_MINUTES: int(15, 1, 10_080),
  PDF_FONT_DIR: optionalText,
  PDF_WORKERS: int(1, 0, 16),
  PDF_WORKER_MAX_JOBS: int(200, 1, 1_000_000),
  PDF_RENDER_TIMEOUT_MS: int(120_000, 1_000, 3_600_000),
  PDF_WORKER_FILE: optionalText,
  PDF_PAGINATION: optionalText.pipe(z.enum(["next", "legacy"], { message: "expected next or legacy" }).default("next")),
  /** Largest CAD export accepted for a call data import, in megabytes. */
  CALL_IMPORT_MAX_MB: int(500, 1, 100_000),
});

export type AppConfig = z.infer<typeof schema> & {
  /** DATA_DIR as an absolute path. */
  dataDir: string;
  /** NEXTAUTH_SECRET, or its alias AUTH_SECRET. */
  authSecret: string | undefined;
  production: boolean;
};

/** A setting with a value the app cannot use. The message names the setting. */
export class ConfigError extends Error {
  constructor(readonly problems: { name: string; message: string }[]) {
    super(
      problems.length === 1
        ? `Setting ${problems[0].name} is not valid: ${problems[0].message}.`
        : `These settings are not valid:\n${problems.map((p) => `  - ${p.name}: ${p.message}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** Reads and checks the settings from an environment (pure; for tests and the start script). */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const raw = env[name];
        const shown = name.includes("SECRET") || name.includes("PASSWORD") || name.endsWith("_URL") ? "" : ` (got "${raw}")`;
        return { name, message: `${issue.message}${shown}` };
      }),
    );
  }
  const c = parsed.data;
  return {
    ...c,
    dataDir: path.resolve(/*turbopackIgnore: true*/ cwd, c.DATA_DIR),
    authSecret: c.NEXTAUTH_SECRET ?? c.AUTH_SECRET,
    production: c.NODE_ENV === "production",
  };
}

let cached: AppConfig | undefined;

/** The process's settings, read from the environment on first use. */
export function config(): AppConfig {
  cached ??= loadConfig(process.env);
  return cached;
}

/**
 * The start script provides the database (the embedded server) after it has
 * read the settings; this records it for the rest of the process and for the
 * web server it starts.
 */
export function setDatabaseUrl(url: string, direct?: string) {
  process.env.DATABASE_URL = url;
  if (direct !== undefined) process.env.DIRECT_DATABASE_URL = direct;
  cached = undefined;
}

/** For tests that change the environment between cases. */
export function resetConfigCache() {
  cached = undefined;
}

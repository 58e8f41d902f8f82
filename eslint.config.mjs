import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const root = import.meta.dirname;

/**
 * Modules under lib/ that declare themselves server-only (`import "server-only"`):
 * they reach the database, secrets, e-mail or the file system. Read from the
 * tree, so a new server module is covered as soon as it says so.
 */
function serverOnlyModules(dir = path.join(root, "lib")) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") out.push(...serverOnlyModules(full));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      if (/^import "server-only";/m.test(readFileSync(full, "utf8"))) {
        out.push(path.relative(root, full).replace(/\\/g, "/").replace(/\.tsx?$/, ""));
      }
    }
  }
  return out.sort();
}

// lib/db has its own, plainer message below.
const serverModules = serverOnlyModules().filter((m) => !m.startsWith("lib/db/"));

/** Components render in the browser too: they get data as props, never from the database. */
export const componentBoundary = {
  files: ["components/**/*.{ts,tsx}"],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*", "@prisma/client", "@prisma/client/*", "pg"],
            message:
              "Components must not reach the database. Load the data in a page, route handler or server action and pass it in as props.",
            allowTypeImports: true,
          },
          {
            group: [...serverModules.map((m) => `@/${m}`), ...serverModules.map((m) => `**/${m}`), "server-only", "bcryptjs", "nodemailer"],
            message:
              "This module is server-only (it reaches the database, secrets, e-mail or the file system). Import its types only, or move shared constants and schemas to a file without server imports.",
            allowTypeImports: true,
          },
        ],
      },
    ],
  },
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/results/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  componentBoundary,
];

export default config;

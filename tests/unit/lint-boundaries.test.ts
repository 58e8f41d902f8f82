import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The lint rule that keeps server code out of the browser: a component may not
 * import the database client or any module marked `import "server-only"`.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const eslint = new ESLint({ cwd: root });

async function lintComponent(code: string, file = "components/example/widget.tsx") {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports");
}

// Loading the lint configuration and parsers takes seconds on a busy machine; not a timing test.
describe("server code stays on the server", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await lintComponent("export const warm = 1;\n");
  }, 180_000);

  it("fails the lint when a component imports the database client", async () => {
    const messages = await lintComponent(
      'import { getDb } from "@/lib/db/client";\nexport async function Widget() { return getDb(); }\n',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].severity).toBe(2);
    expect(messages[0].message).toMatch(/must not reach the database/);
  });

  it("also catches a relative path to the database client", async () => {
    const messages = await lintComponent('import { getDb } from "../../lib/db/client";\nexport const x = getDb;\n');
    expect(messages).toHaveLength(1);
  });

  it("fails the lint for other server-only modules: services, configuration, password hashing", async () => {
    for (const mod of ["@/lib/comments/service", "@/lib/config", "@/lib/auth/password", "@/lib/email/send"]) {
      const messages = await lintComponent(`import * as m from "${mod}";\nexport const x = m;\n`);
      expect(messages.map((m) => m.message).join(" "), mod).toMatch(/server-only/);
    }
  });

  it("allows type-only imports and modules without server imports", async () => {
    const messages = await lintComponent(
      [
        'import type { ThreadView } from "@/lib/comments/service";',
        'import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";',
        'import { signUpSchema } from "@/lib/accounts/schemas";',
        "export const x: ThreadView | null = null;",
        "export const y = [MIN_PASSWORD_LENGTH, signUpSchema];",
      ].join("\n"),
    );
    expect(messages).toEqual([]);
  });

  it("leaves pages and route handlers free to load data", async () => {
    const [result] = await eslint.lintText('import { getDb } from "@/lib/db/client";\nexport const x = getDb;\n', {
      filePath: path.join(root, "app/example/page.tsx"),
    });
    expect(result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")).toEqual([]);
  });
});

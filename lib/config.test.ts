import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("settings", () => {
  it("uses the documented defaults when nothing is set", () => {
    const c = loadConfig({}, "/srv/app");
    expect(c.PORT).toBe(3000);
    expect(c.dataDir).toBe("/srv/app/.data");
    expect(c.DEMO_SEED).toBe(true);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PDF_PAGINATION).toBe("next");
  });

  it("treats empty values as unset and reads the secret's alias", () => {
    const c = loadConfig({ DATABASE_URL: "", PORT: "", AUTH_SECRET: "s3cret", DEMO_SEED: "off" });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
    expect(c.authSecret).toBe("s3cret");
    expect(c.DEMO_SEED).toBe(false);
  });

  it.each([
    ["PORT", "abc", /PORT.*whole number/],
    ["PORT", "70000", /PORT.*from 1 to 65535/],
    ["DB_POOL_MAX", "10x", /DB_POOL_MAX.*whole number/],
    ["DEMO_SEED", "maybe", /DEMO_SEED.*true or false/],
    ["DATABASE_URL", "mysql://localhost/db", /DATABASE_URL.*postgresql:\/\//],
    ["SMTP_URL", "mail.example.org", /SMTP_URL/],
    ["PDF_PAGINATION", "fast", /PDF_PAGINATION.*next or legacy/],
  ])("refuses %s=%s with a message naming it", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it("never repeats a secret or a connection string in the message", () => {
    try {
      loadConfig({ DATABASE_URL: "mysql://user:hunter2@db/x" });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain("hunter2");
    }
  });

  it("lists every bad setting at once", () => {
    expect(() => loadConfig({ PORT: "x", SIGNIN_MAX_ATTEMPTS: "-1" })).toThrow(/PORT[\s\S]*SIGNIN_MAX_ATTEMPTS/);
  });
});

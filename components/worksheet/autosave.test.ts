import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutosaveStore } from "./autosave";

/** How the autosave store takes in other people's saves arriving live. */

const dana = { id: "u-dana", name: "Dana Reyes" };
const remote = (value: unknown, version: number) => ({ value, version, updatedBy: dana, updatedAt: "2026-01-01T00:00:00Z" });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  vi.useFakeTimers();
  fetchMock = vi.fn();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const store = () => new AutosaveStore("ws1", { a: { value: "old", version: 1 }, b: { value: "", version: 0 } }, () => null);

describe("applyRemote", () => {
  it("updates an untouched field in place and says who changed it", () => {
    const s = store();
    s.applyRemote("a", remote("new", 2), false);
    expect(s.get("a")).toMatchObject({ value: "new", version: 2, state: "saved", remoteNotice: "Updated by Dana Reyes just now." });
    // Older or equal versions change nothing.
    s.applyRemote("a", remote("older", 2), false);
    expect(s.get("a")?.value).toBe("new");
  });

  it("never replaces the field under the cursor or one with local edits: it becomes a conflict", () => {
    const s = store();
    s.applyRemote("a", remote("theirs", 2), () => true);
    expect(s.get("a")).toMatchObject({ value: "old", version: 1, state: "conflict", conflict: { value: "theirs", version: 2 } });

    s.change("b", "mine");
    s.applyRemote("b", remote("theirs", 1), false);
    expect(s.get("b")).toMatchObject({ value: "mine", state: "conflict", conflict: { value: "theirs" } });
    // Keeping mine saves on top of their version.
    s.keepMine("b");
    expect(s.get("b")).toMatchObject({ value: "mine", version: 1, state: "dirty" });
  });

  it("a field under the cursor that already shows the same value just takes the new version", () => {
    const s = store();
    s.applyRemote("a", remote("old", 2), true);
    expect(s.get("a")).toMatchObject({ value: "old", version: 2, state: "saved" });
  });

  it("waits for this tab's own save in flight: its echo is not a conflict", async () => {
    let answer!: (r: Response) => void;
    fetchMock.mockReturnValue(new Promise<Response>((r) => (answer = r)));
    const s = store();
    s.change("a", "mine");
    await vi.advanceTimersByTimeAsync(800);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(s.get("a")?.state).toBe("saving");
    // The live event of this very save arrives before the response.
    s.applyRemote("a", { value: "mine", version: 2, updatedBy: { id: "me", name: "Me" }, updatedAt: null }, true);
    expect(s.get("a")?.state).toBe("saving");
    answer(new Response(JSON.stringify({ version: 2, updatedAt: "x" }), { status: 200 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.get("a")).toMatchObject({ value: "mine", version: 2, state: "saved" });
  });

  it("acceptSaved takes a value the server now holds, e.g. after a restore", () => {
    const s = store();
    s.acceptSaved("a", "restored", 3);
    expect(s.get("a")).toMatchObject({ value: "restored", version: 3, state: "saved" });
    expect(s.versionOf("a")).toBe(3);
    s.acceptSaved("a", "stale", 2);
    expect(s.get("a")?.value).toBe("restored");
  });
});

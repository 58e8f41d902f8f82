import { NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/authorize";

/**
 * Helpers for integration tests that call route handlers and server actions
 * as a chosen person. A test file routes identity through `session` with:
 *
 *   vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
 *   vi.mock("next/cache", async () => (await import("../support/session-mock")).nextCacheModule);
 *
 * and then calls `signInAs(actor)` (or `signInAs(null)`) before each call.
 */
export const session: { actor: Actor | null } = { actor: null };

export function signInAs(actor: Actor | null) {
  session.actor = actor;
}

/** Stands in for lib/auth/session.ts: the signed-in person is whoever `signInAs` chose. */
export const sessionModule = {
  getActor: async () => session.actor,
  requirePageActor: async () => {
    if (!session.actor) throw new Error("Not signed in");
    return session.actor;
  },
};

/** Server actions call revalidatePath, which needs a running Next.js; outside it, nothing to do. */
export const nextCacheModule = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_cache: <T>(fn: T) => fn,
};

export type Called = { status: number; body: unknown; text: string; headers: Headers; response: Response };

/**
 * Calls a route handler as the person chosen with `signInAs`. A string body is
 * sent as is (for malformed JSON); `read: false` closes a successful response unread.
 */
export async function callRoute<P>(
  handler: (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>,
  opts: { method: string; path: string; params: P; body?: unknown; query?: Record<string, string>; read?: boolean },
): Promise<Called> {
  const url = new URL(`http://localhost${opts.path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const init: { method: string; body?: string; headers?: Record<string, string> } = { method: opts.method };
  if (opts.body !== undefined) {
    init.body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    init.headers = { "content-type": "application/json" };
  }
  const response = await handler(new NextRequest(url, init), { params: Promise.resolve(opts.params) });
  // An opened stream (server-sent events, a download) is closed unread; an error body is always read.
  if (opts.read === false && response.ok) {
    await response.body?.cancel().catch(() => {});
    return { status: response.status, body: undefined, text: "", headers: response.headers, response };
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers, response };
}


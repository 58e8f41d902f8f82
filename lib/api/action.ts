import "server-only";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/authorize";
import { AppError, type ErrorCode, type Issue } from "@/lib/errors";

/**
 * Server actions return the same error shape as the API, so forms can show
 * the message and put each issue next to its field.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; issues?: Issue[] }; extra?: Record<string, unknown> };

export async function runAction<T>(fn: (actor: Actor) => Promise<T>, opts: { auth?: boolean } = {}): Promise<ActionResult<T>> {
  try {
    const actor = await getActor();
    if (!actor && opts.auth !== false) throw new AppError("unauthenticated", "Your session has ended. Please sign in again.");
    return { ok: true, data: await fn(actor as Actor) };
  } catch (err) {
    if (err instanceof AppError) {
      const body = err.toBody();
      return { ok: false, error: body.error, ...(err.extra ? { extra: err.extra } : {}) };
    }
    // Next.js uses thrown values for redirect() and notFound(); let them through.
    if (err && typeof err === "object" && "digest" in err) throw err;
    console.error("Unexpected error in server action:", err);
    return { ok: false, error: { code: "internal", message: "Something went wrong on our side. Please try again." } };
  }
}

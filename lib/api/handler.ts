import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/authorize";
import { AppError, parseInput } from "@/lib/errors";

/**
 * The one wrapper for /api/v1 route handlers: it resolves the signed-in actor,
 * hands the handler its route params, and turns every AppError (or unexpected
 * error) into the one error shape `{"error": {"code", "message"}}`.
 * Handlers stay thin: parse, call a lib/<domain> function, return JSON.
 */

export const MAX_JSON_BYTES = 512 * 1024;

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (args: { req: NextRequest; actor: Actor; params: P }) => Promise<Response | unknown>;

export function errorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) {
    return NextResponse.json(err.toBody(), { status: err.status, headers: { "Cache-Control": "no-store" } });
  }
  console.error("Unexpected error in API route:", err);
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

export function apiRoute<P = Record<string, string>>(handler: Handler<P>, opts: { auth?: boolean } = {}) {
  return async (req: NextRequest, ctx: Ctx<P>): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor && opts.auth !== false) throw new AppError("unauthenticated", "Please sign in to continue.");
      const params = ctx?.params ? await ctx.params : ({} as P);
      const result = await handler({ req, actor: actor as Actor, params });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true }, { headers: { "Cache-Control": "no-store" } });
    } catch (err) {
      // The client went away (closed tab, beacon cut short): nobody is left to answer.
      if (req.signal.aborted || (err instanceof Error && err.message === "aborted")) return new Response(null, { status: 499 });
      return errorResponse(err);
    }
  };
}

/** Reads and validates a JSON body: 400 for malformed JSON, 413 when too large, 422 for bad fields. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.output<S>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The request body is too large (at most ${maxBytes} bytes).`);
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("payload_too_large", `The request body is too large (at most ${maxBytes} bytes).`);
  let data: unknown;
  try {
    data = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  return parseInput(schema, data);
}

/** The URL's query as a plain object (repeated keys: last wins). */
export function queryObject(req: NextRequest): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}

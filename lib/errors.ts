import { z } from "zod";

/**
 * The one error type of the domain layer, and the one error shape of the API:
 * `{"error": {"code", "message", "issues"?}}`.
 */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "payload_too_large"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
};

export type Issue = { path: string; message: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    /** Extra top-level fields for the response body, e.g. `current` on a conflict. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) }, ...this.extra };
  }
}

export const notFound = (what = "That page") => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do that.") => new AppError("forbidden", message);
export const badRequest = (message: string, issues?: Issue[]) => new AppError("bad_request", message, issues);

export function issuesFromZod(error: z.ZodError, prefix: (string | number)[] = []): Issue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path].map(String).join(".") || "(root)",
    message: i.code === "unrecognized_keys" ? `Unknown field${i.keys.length > 1 ? "s" : ""}: ${i.keys.join(", ")}` : i.message,
  }));
}

export function validationError(error: z.ZodError, prefix: (string | number)[] = []) {
  const issues = issuesFromZod(error, prefix);
  const first = issues[0];
  const message = first ? (first.path === "(root)" ? first.message : `${first.path}: ${first.message}`) : "The input is not valid.";
  return new AppError("validation_failed", message, issues);
}

/** Parses input with a schema, throwing a 422 AppError that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, status: "validation_failed" | "bad_request" = "validation_failed"): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const err = validationError(result.error);
  if (status === "bad_request") throw new AppError("bad_request", err.message, err.issues);
  throw err;
}

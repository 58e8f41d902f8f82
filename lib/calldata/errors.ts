import { AppError } from "@/lib/errors";

export type CallDataErrorCode =
  | "empty_file"
  | "no_rows"
  | "not_text"
  | "too_large"
  | "bad_time"
  | "malformed_rows"
  | "mapping"
  | "bad_file";

/**
 * A file the import refuses, with a message that says what to fix. It maps to
 * a 422 (413 for size) with the specific reason in `reason`.
 */
export class CallDataError extends AppError {
  constructor(
    readonly reason: CallDataErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(reason === "too_large" ? "payload_too_large" : "validation_failed", message, undefined, { reason, ...(details ? { details } : {}) });
    this.name = "CallDataError";
  }
}

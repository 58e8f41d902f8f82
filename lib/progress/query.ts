import { z } from "zod";
import { DEFAULT_PERIOD_DAYS } from "./constants";

/** The query string of the progress API and dashboard: `?days=7|30|90`. */
export const progressQuerySchema = z.object({
  days: z
    .enum(["7", "30", "90"], { message: "days must be 7, 30 or 90" })
    .optional()
    .transform((d) => (d ? Number(d) : DEFAULT_PERIOD_DAYS)),
});

/** For pages: an unknown or missing value falls back to the default period. */
export function periodFromSearch(days: string | string[] | undefined): number {
  const parsed = progressQuerySchema.safeParse({ days: Array.isArray(days) ? days[0] : days });
  return parsed.success ? parsed.data.days : DEFAULT_PERIOD_DAYS;
}

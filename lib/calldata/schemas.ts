import { z } from "zod";
import { CATEGORIES, TIERS } from "./categories";
import { COLUMN_ROLES } from "./columns";

/** Shared by the browser, the API and the service. */
const header = z.string().min(1).max(80);
export const columnMappingSchema = z
  .object(Object.fromEntries(COLUMN_ROLES.map((r) => [r, header.optional()])) as Record<(typeof COLUMN_ROLES)[number], z.ZodOptional<typeof header>>)
  .strict();

export const callTypeEntrySchema = z.object({
  code: z.string().trim().min(1).max(80),
  category: z.enum(CATEGORIES),
  tier: z.enum(TIERS),
});
export const callTypeMappingSchema = z.array(callTypeEntrySchema).max(5000);

export const uploadIdSchema = z.string().regex(/^[a-z0-9]{24}$/, "Unknown upload.");

/** Options sent with a file (multipart "mapping" field) or with an earlier upload (JSON). */
export const importOptionsSchema = z
  .object({
    columns: columnMappingSchema.optional(),
    callTypes: callTypeMappingSchema.optional(),
    sheet: z.string().min(1).max(100).optional(),
    /** Fill the call data worksheet's monthly table from the import (default true). */
    fillWorksheet: z.boolean().optional(),
  })
  .strict();

export const importUploadSchema = importOptionsSchema
  .extend({ uploadId: uploadIdSchema, fileName: z.string().trim().min(1).max(255) })
  .strict();

export const callTypesRequestSchema = z.object({ columns: columnMappingSchema, sheet: z.string().min(1).max(100).optional() }).strict();
export const analyzeRequestSchema = z.object({ sheet: z.string().min(1).max(100).optional() }).strict();

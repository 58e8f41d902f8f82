import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { saveCallTypeMapping } from "@/lib/calldata/service";

/** PUT [{code, category, tier}]: save the plan's call-type mapping; returns the re-derived call data. */
export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) => saveCallTypeMapping(actor, params.id, await readJson(req, z.unknown(), 1024 * 1024)));

import { apiRoute, queryObject } from "@/lib/api/handler";
import { fileResponse } from "@/lib/api/download";
import { exportPdf } from "@/lib/export/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { filename, body } = await exportPdf(actor, params.id, queryObject(req));
  return fileResponse(body, filename, "application/pdf");
});

import { apiRoute } from "@/lib/api/handler";
import { progressCsv } from "@/lib/progress/service";

/** GET /api/v1/workspaces/{id}/progress.csv: the worksheet progress table as a CSV download. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { filename, csv } = await progressCsv(actor, params.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { createWorkspace, listWorkspaces } from "@/lib/workspaces/service";

export const GET = apiRoute(async ({ actor }) => ({ workspaces: await listWorkspaces(actor) }));

export const POST = apiRoute(async ({ req, actor }) => {
  const body = await readJson(req, z.unknown());
  const ws = await createWorkspace(actor, body);
  return Response.json({ workspace: ws }, { status: 201 });
});

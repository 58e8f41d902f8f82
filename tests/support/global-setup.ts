import type { TestProject } from "vitest/node";
import { dropRunDatabases, prepareTemplate, startTestServer } from "./pg-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await prepareTemplate(server);
  project.provide("pgAdminUrl", server.adminUrl);
  project.provide("pgTemplate", template);
  return async () => {
    await dropRunDatabases(server);
    await server.stop();
  };
}

import type { TestProject } from "vitest/node";
import { startPgBouncer, type Bouncer } from "../../scripts/lib/pgbouncer";
import { dropRunDatabases, prepareTemplate, startTestServer } from "./pg-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    /** Set with TEST_PGBOUNCER_PORT: PgBouncer (transaction mode) in front of the test server, without a database name. */
    pgPoolerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await prepareTemplate(server);
  project.provide("pgAdminUrl", server.adminUrl);
  project.provide("pgTemplate", template);
  let bouncer: Bouncer | undefined;
  const port = Number(process.env.TEST_PGBOUNCER_PORT || 0);
  if (port) {
    bouncer = await startPgBouncer(server.adminUrl, { port });
    project.provide("pgPoolerUrl", bouncer.url(""));
  } else {
    project.provide("pgPoolerUrl", "");
  }
  return async () => {
    await bouncer?.stop();
    await dropRunDatabases(server);
    await server.stop();
  };
}

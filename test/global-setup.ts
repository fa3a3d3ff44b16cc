/**
 * Once per test run. With TEST_DATABASE_URL set, creates a fresh, migrated database on that
 * server (the "pg" and "neon" projects share it; each test isolates itself in a rolled-back
 * transaction or with its own rows), and starts the WebSocket bridge for Neon's driver.
 */
import type { TestProject } from "vitest/node";
import { startNeonBridge } from "./neon-bridge";
import { createDatabase } from "@/db/scratch";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
    neonProxy: string | null;
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    project.provide("databaseUrl", null);
    project.provide("neonProxy", null);
    return;
  }
  const database = await createDatabase(base, "clientele_test");
  const bridge = await startNeonBridge();
  project.provide("databaseUrl", database.url);
  project.provide("neonProxy", bridge.url);

  return async () => {
    await bridge.close();
    await database.drop();
  };
}

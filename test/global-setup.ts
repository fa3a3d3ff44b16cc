/**
 * Once per test run. With TEST_DATABASE_URL set, creates a fresh database on that server and
 * migrates it (the "pg" and "neon" projects share it; each test isolates itself in a rolled-back
 * transaction or with its own rows), and starts the WebSocket bridge for Neon's driver.
 */
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/db/migrate";
import { connect } from "@/db/client";
import { startNeonBridge } from "./neon-bridge";

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
  const name = `clientele_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const connection = await connect(url.toString(), "pg");
  await migrateDatabase(connection.db, "pg", url.toString());
  await connection.close();
  const bridge = await startNeonBridge();
  project.provide("databaseUrl", url.toString());
  project.provide("neonProxy", bridge.url);

  return async () => {
    await bridge.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

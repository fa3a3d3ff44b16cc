/**
 * A database of its own for a seed test. Seeding commits (and the scale seed drops and rebuilds
 * every index), which must not happen in the database the other test files share: on a server
 * this makes and migrates a scratch database beside the shared one and drops it afterwards; on
 * PGlite the file's in-memory database is already private.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { connect, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { testDatabase } from "@/test/db";

export type ScratchDatabase = { db: Database; driver: string; close(): Promise<void> };

export async function scratchDatabase(): Promise<ScratchDatabase> {
  const t = await testDatabase();
  if (t.driver === "pglite" || !t.url) return { db: t.db, driver: t.driver, close: () => t.close() };
  await t.close();

  const name = `clientele_seed_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: t.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(t.url);
  url.pathname = `/${name}`;
  const connection = await connect(url.toString(), t.driver);
  await migrateDatabase(connection.db, "pg", url.toString());
  return {
    db: connection.db,
    driver: t.driver,
    async close() {
      await connection.close();
      await dropWhenIdle(admin, name);
      await admin.end();
    },
  };
}

/**
 * A closed pool's backends linger for a moment; forcing the drop then would kill them while the
 * client still listens, which surfaces as an uncaught "terminating connection" error.
 */
async function dropWhenIdle(admin: pg.Client, name: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await admin.query(`drop database if exists ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006") throw error; // object_in_use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

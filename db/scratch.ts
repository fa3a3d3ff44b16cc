/**
 * Databases of their own, made and migrated beside the server's `test` database and dropped
 * afterwards: one per test run (global-setup) and one per test file that must commit (test/db.ts).
 * No vitest import here: global setup runs outside the test workers.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { connect } from "./client";
import { migrateDatabase } from "./migrate";

/** A new database on the server of `baseUrl`, migrated (with the shipped migrations, or those of `migrationsFolder`). */
export async function createDatabase(
  baseUrl: string,
  prefix: string,
  migrationsFolder?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const connection = await connect(url.toString(), "pg");
  await migrateDatabase(connection.db, "pg", url.toString(), migrationsFolder);
  await connection.close();
  return {
    url: url.toString(),
    async drop() {
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

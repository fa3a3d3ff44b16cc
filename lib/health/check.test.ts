import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { testDatabase, type TestDatabase } from "@/test/db";
import { checkHealth } from "./check";
import { healthResponse } from "./schema";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

describe("checkHealth", () => {
  it("is ok on a migrated database, and its report matches the documented schema", async () => {
    const report = await checkHealth(t.db, { driver: t.driver, version: "1.2.3" });
    expect(report).toMatchObject({
      status: "ok",
      database: { reachable: true, driver: t.driver },
      migrations: { pending: 0, current: true },
      version: "1.2.3",
    });
    expect(report.database.latency_ms).toBeGreaterThanOrEqual(0);
    expect(report.migrations.shipped).toBeGreaterThanOrEqual(2);
    expect(report.migrations.applied).toBe(report.migrations.shipped);
    expect(healthResponse.parse(report)).toEqual(report);
  });

  it("reports a pending migration when the database lacks one", async () => {
    await t.rollback(async (db) => {
      await db.execute(sql`
        delete from drizzle.__drizzle_migrations
        where id = (select max(id) from drizzle.__drizzle_migrations)`);
      const report = await checkHealth(db);
      expect(report.status).toBe("degraded");
      expect(report.database.reachable).toBe(true);
      expect(report.migrations).toMatchObject({ pending: 1, current: false });
      expect(report.migrations.applied).toBe(report.migrations.shipped! - 1);
    });
    // The rollback restored the row.
    expect((await checkHealth(t.db)).status).toBe("ok");
  });

  it("reports an unreachable database instead of throwing", async () => {
    const down = { execute: () => Promise.reject(new Error("Connection terminated")) } as unknown as Database;
    const report = await checkHealth(down, { driver: "pglite" });
    expect(report).toEqual({
      status: "degraded",
      database: { reachable: false, latency_ms: null, driver: "pglite" },
      migrations: { shipped: null, applied: null, pending: null, current: false },
      version: "unknown",
    });
  });

  it("reports unreachable when opening the database fails", async () => {
    const report = await checkHealth(() => Promise.reject(new Error("ECONNREFUSED")));
    expect(report.status).toBe("degraded");
    expect(report.database.reachable).toBe(false);
  });

  it("gives up on a database that does not answer in time", async () => {
    const hung = { execute: () => new Promise(() => {}) } as unknown as Database;
    const started = Date.now();
    const report = await checkHealth(hung, { timeoutMs: 50 });
    expect(report.database.reachable).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

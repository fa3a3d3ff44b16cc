import net from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/db/client";
import { testDatabase, type TestDatabase } from "@/test/db";
import { checkHealth } from "./check";
import { healthResponse } from "./schema";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

/** A real Postgres driver pointed at a server that accepts connections and never answers (or at nothing). */
async function silentServer(listen: boolean) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  if (!listen) await stop();
  const connection = await connect(`postgres://nobody@127.0.0.1:${port}/none`, "pg");
  return {
    db: connection.db,
    close: async () => {
      if (listen) await stop();
      await connection.close().catch(() => {});
    },
  };
}

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
    const down = await silentServer(false);
    const report = await checkHealth(down.db, { driver: "pglite" });
    await down.close();
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
    const hung = await silentServer(true);
    const started = Date.now();
    const report = await checkHealth(hung.db, { timeoutMs: 200 });
    await hung.close();
    expect(report.database.reachable).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

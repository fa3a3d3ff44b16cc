import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "./client";
import { migrationStatus } from "./migrate";
import { testDatabase, type TestDatabase } from "@/test/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

describe("migrations", () => {
  it("apply every shipped migration, with pg_trgm and btree_gin installed", async () => {
    const status = await migrationStatus(t.db);
    expect(status.pending).toBe(0);
    expect(status.applied).toBeGreaterThanOrEqual(2);
    const { rows } = await t.db.execute<{ extname: string }>(sql`select extname from pg_extension order by extname`);
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(["pg_trgm", "btree_gin"]));
  });

  it("give unguessable random ids", async () => {
    await t.rollback(async (db) => {
      const { rows } = await db.execute<{ id: string }>(
        sql`insert into businesses (name) values ('A'), ('B') returning id`,
      );
      expect(rows[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(rows[0]!.id).not.toBe(rows[1]!.id);
    });
  });
});

describe("migration status", () => {
  it("counts every shipped migration as pending on a database never migrated", async () => {
    const fresh = await connect("memory://", "pglite");
    try {
      const status = await migrationStatus(fresh.db);
      expect(status.applied).toBe(0);
      expect(status.pending).toBe(status.shipped);
      expect(status.shipped).toBeGreaterThanOrEqual(2);
    } finally {
      await fresh.close();
    }
  });
});

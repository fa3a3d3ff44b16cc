/**
 * pruneAuditLog against the real database of each driver: only rows older than the cut-off go,
 * in batches, and the count is right. The rows are dated in 1999, which no other test writes, and
 * everything runs in a rolled-back transaction.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { testDatabase, type TestDatabase } from "@/test/db";
import { pruneAuditLog } from "./retention";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const row = (entityId: string, createdAt: string) => ({
  actorType: "system" as const,
  actorLabel: "cron:test",
  businessId: null,
  entityType: "thing",
  entityId,
  action: "update",
  field: createdAt,
  createdAt: new Date(createdAt),
});

describe("pruneAuditLog", () => {
  it.each([1, 2, 5, 1000])("removes only rows older than the cut-off (batches of %i)", (batchSize) =>
    t.rollback(async (db) => {
      const entityId = randomUUID();
      const old = [
        "1999-01-01T00:00:00Z",
        "1999-01-01T00:00:00Z",
        "1999-01-02T00:00:00Z",
        "1999-01-02T23:59:59.999Z",
        "1999-01-02T12:00:00Z",
      ];
      const kept = ["1999-01-03T00:00:00Z", "1999-01-04T00:00:00Z"];
      await db.insert(auditLog).values([...old, ...kept].map((at) => row(entityId, at)));

      expect(await pruneAuditLog(db, new Date("1999-01-03T00:00:00Z"), batchSize)).toBe(old.length);
      const left = await db.select({ field: auditLog.field }).from(auditLog).where(eq(auditLog.entityId, entityId));
      expect(left.map((r) => r.field).sort()).toEqual(kept);
      // Rows of today (every other test's) are untouched, and a second run finds nothing.
      expect(await pruneAuditLog(db, new Date("1999-01-03T00:00:00Z"), batchSize)).toBe(0);
    }),
  );

  it("refuses a batch size that would never finish", () =>
    t.rollback(async (db) => {
      await expect(pruneAuditLog(db, new Date(), 0)).rejects.toThrow(/batch size/);
    }));
});

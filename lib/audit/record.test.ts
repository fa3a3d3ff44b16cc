/**
 * recordChange against the real database of each driver: one row per changed field, redaction,
 * who did it, the request's trace id, that a change and its audit rows commit together, and the
 * domain event a change names, written with its rows.
 * Entity ids are fresh UUIDs, so rows of other test files (pg and neon share a database) never count.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, businesses, eventOutbox } from "@/db/schema";
import { anonymous, systemActor, type UserActor } from "@/lib/auth/actor";
import { staffMemberAggregateId } from "@/lib/events/catalog";
import { withRequestContext } from "@/lib/observability/context";
import { testDatabase, type TestDatabase } from "@/test/db";
import { createBusiness, createUser } from "@/test/factories";
import { recordChange, stripeSource, type AuditActor, type AuditChange } from "./record";
import { REDACTED } from "./values";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const system = systemActor("cron:test");

async function rowsOf(db: Database, entityId: string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id));
}

/** Records a change on a fresh entity and returns its rows as { field: [old, new] }. */
async function record(db: Database, change: Omit<AuditChange, "entity" | "businessId">, actor: AuditActor = system) {
  const id = randomUUID();
  const written = await recordChange(db, actor, { businessId: null, entity: { type: "thing", id }, ...change });
  const rows = await rowsOf(db, id);
  expect(rows).toHaveLength(written);
  const fields: Record<string, [unknown, unknown]> = Object.fromEntries(
    rows.map((r) => [r.field, [r.oldValue, r.newValue]]),
  );
  return { rows, fields };
}

describe("which fields are recorded", () => {
  it("writes one row per changed field with old and new value, and skips unchanged ones", () =>
    t.rollback(async (db) => {
      const { rows, fields } = await record(db, {
        action: "update",
        before: { name: "Ann", role: "staff", visits: 1, tags: ["a"], prefs: { theme: "dark", digest: true } },
        after: { name: "Anna", role: "staff", visits: 2, tags: ["a"], prefs: { digest: true, theme: "dark" } },
      });
      expect(fields).toEqual({ name: ["Ann", "Anna"], visits: [1, 2] });
      expect(rows.every((r) => r.action === "update" && r.entityType === "thing")).toBe(true);
    }));

  it("stores Dates as ISO strings, nulls and missing values as SQL null, and ignores updatedAt", () =>
    t.rollback(async (db) => {
      const { fields } = await record(db, {
        action: "update",
        before: { startsAt: new Date("2025-01-02T03:04:05.678Z"), note: null, updatedAt: new Date(1) },
        after: { startsAt: new Date("2025-02-02T00:00:00Z"), note: "hello", updatedAt: new Date(2) },
      });
      expect(fields).toEqual({
        startsAt: ["2025-01-02T03:04:05.678Z", "2025-02-02T00:00:00.000Z"],
        note: [null, "hello"],
      });
    }));

  it("compares only the fields a partial update names", () =>
    t.rollback(async (db) => {
      const { fields } = await record(db, {
        action: "update",
        before: { name: "Ann", city: "Oslo", visits: 3 },
        after: { visits: 4, name: undefined },
      });
      expect(fields).toEqual({ visits: [3, 4] });
    }));

  it("writes nothing for an update that changed nothing", () =>
    t.rollback(async (db) => {
      const { rows } = await record(db, { action: "update", before: { role: "staff" }, after: { role: "staff" } });
      expect(rows).toEqual([]);
    }));

  it("records a create with old values null, and skips fields created empty", () =>
    t.rollback(async (db) => {
      const { rows, fields } = await record(db, { action: "create", after: { role: "manager", nickname: null } });
      expect(fields).toEqual({ role: [null, "manager"] });
      expect(rows[0]!.action).toBe("create");
    }));

  it("records a delete with new values null", () =>
    t.rollback(async (db) => {
      const { fields } = await record(db, { action: "delete", before: { role: "manager", visits: 0 } });
      expect(fields).toEqual({ role: ["manager", null], visits: [0, null] });
    }));

  it.each(["erase", "export", "create", "delete"])(
    "writes one row with field null for %s without a field diff",
    (action) =>
      t.rollback(async (db) => {
        const { rows } = await record(db, { action });
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ action, field: null, oldValue: null, newValue: null });
      }),
  );

  it("writes all the fields of one change in one statement, with one timestamp", () =>
    t.rollback(async (db) => {
      const { rows } = await record(db, { action: "create", after: { a: 1, b: 2, c: 3 } });
      expect(rows.map((r) => r.field)).toEqual(["a", "b", "c"]);
      expect(new Set(rows.map((r) => r.createdAt.getTime())).size).toBe(1);
    }));
});

describe("redaction", () => {
  const secrets = {
    passwordHash: "$argon2id$v=19$secret-hash",
    tokenHash: "f00dfeed",
    email: "ann@example.test",
    phone: "+47 555 0101",
    shippingAddress: { line1: "1 Main St", city: "Oslo", postalCode: "0150", country: "NO" },
    billing_address: "2 Side St",
    cardLast4: "4242",
    iban: "NO9386011117947",
  };

  it("redacts the default sensitive fields: the change is recorded, the values are not", () =>
    t.rollback(async (db) => {
      const { rows, fields } = await record(db, { action: "create", after: secrets });
      expect(Object.keys(fields).sort()).toEqual(Object.keys(secrets).sort());
      for (const [oldValue, newValue] of Object.values(fields)) expect([oldValue, newValue]).toEqual([null, REDACTED]);
      const stored = JSON.stringify(rows);
      for (const fragment of [
        "argon2id",
        "f00dfeed",
        "ann@example",
        "555 0101",
        "Main St",
        "Side St",
        "4242",
        "NO93",
      ]) {
        expect(stored).not.toContain(fragment);
      }
    }));

  it("redacts the fields the caller names, on an update and a delete", () =>
    t.rollback(async (db) => {
      const update = await record(db, {
        action: "update",
        sensitive: ["diagnosis"],
        before: { diagnosis: "flu", email: "a@example.test", name: "Ann" },
        after: { diagnosis: "cold", email: "b@example.test", name: "Anna" },
      });
      expect(update.fields).toEqual({
        diagnosis: [REDACTED, REDACTED],
        email: [REDACTED, REDACTED],
        name: ["Ann", "Anna"],
      });
      const cleared = await record(db, { action: "delete", sensitive: ["Diagnosis"], before: { diagnosis: "flu" } });
      expect(cleared.fields).toEqual({ diagnosis: [REDACTED, null] });
    }));

  it("redacts sensitive keys inside a recorded object, and does not redact look-alikes", () =>
    t.rollback(async (db) => {
      const { fields } = await record(db, {
        action: "update",
        before: { contact: { name: "Ann", email: "a@example.test" }, discardedAt: null },
        after: { contact: { name: "Ann", email: "b@example.test" }, discardedAt: "2025-01-01T00:00:00.000Z" },
      });
      expect(fields).toEqual({
        contact: [
          { name: "Ann", email: REDACTED },
          { name: "Ann", email: REDACTED },
        ],
        discardedAt: [null, "2025-01-01T00:00:00.000Z"],
      });
    }));
});

describe("who did it, and under which trace", () => {
  it.each([
    [
      "a system job",
      systemActor("cron:retention"),
      { actorType: "system", actorUserId: null, actorLabel: "cron:retention" },
    ],
    [
      "a Stripe event, named explicitly",
      stripeSource("evt_123"),
      { actorType: "stripe", actorUserId: null, actorLabel: "stripe:evt_123" },
    ],
    [
      "a Stripe webhook acting as a system actor",
      systemActor("stripe:evt_456"),
      { actorType: "stripe", actorLabel: "stripe:evt_456" },
    ],
    ["someone not signed in", anonymous, { actorType: "system", actorUserId: null, actorLabel: "anonymous" }],
  ] as const)("maps %s", (_, actor, expected) =>
    t.rollback(async (db) => {
      const { rows } = await record(db, { action: "export" }, actor);
      expect(rows[0]).toMatchObject(expected);
    }),
  );

  it("maps a person to actor type user with their id, for the business they act for", () =>
    t.rollback(async (db) => {
      const person = await createUser(db, { name: "Ann Owner" });
      const business = await createBusiness(db, {}, person.id);
      const actor: UserActor = {
        kind: "user",
        userId: person.id,
        email: person.email,
        name: person.name,
        isPlatformAdmin: false,
        customerId: null,
        memberships: [],
        business: null,
      };
      const id = randomUUID();
      await recordChange(db, actor, {
        businessId: business.id,
        entity: { type: "thing", id },
        action: "delete",
        before: { a: 1 },
      });
      expect((await rowsOf(db, id))[0]).toMatchObject({
        actorType: "user",
        actorUserId: person.id,
        actorLabel: null,
        businessId: business.id,
      });
    }));

  it("stamps the trace id of the request context, and null outside one", () =>
    t.rollback(async (db) => {
      const id = randomUUID();
      const change = { businessId: null, entity: { type: "thing", id }, action: "export" };
      await withRequestContext("trace-audit-1", () => recordChange(db, system, change));
      await recordChange(db, system, change);
      expect((await rowsOf(db, id)).map((r) => r.traceId)).toEqual(["trace-audit-1", null]);
    }));
});

describe("in the caller's transaction", () => {
  // Real top-level transactions (not savepoints), so the rows would otherwise be committed.
  async function changeBusinessName(fail: boolean) {
    const business = await createBusiness(t.db, { name: "Before" });
    const attempt = t.db.transaction(async (tx) => {
      await tx.update(businesses).set({ name: "After" }).where(eq(businesses.id, business.id));
      await recordChange(tx, system, {
        businessId: business.id,
        entity: { type: "business", id: business.id },
        action: "update",
        before: { name: "Before" },
        after: { name: "After" },
      });
      if (fail) throw new Error("something failed after the audit rows were written");
    });
    await attempt.catch(() => undefined);
    const [row] = await t.db.select({ name: businesses.name }).from(businesses).where(eq(businesses.id, business.id));
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "business"), eq(auditLog.entityId, business.id)));
    await t.db.delete(auditLog).where(eq(auditLog.entityId, business.id));
    await t.db.delete(businesses).where(eq(businesses.id, business.id));
    return { name: row!.name, audit };
  }

  it("commits the change and its audit rows together", async () => {
    const { name, audit } = await changeBusinessName(false);
    expect(name).toBe("After");
    expect(audit.map((r) => [r.field, r.oldValue, r.newValue])).toEqual([["name", "Before", "After"]]);
  });

  it("leaves neither the change nor its audit rows when the transaction fails afterwards", async () => {
    const { name, audit } = await changeBusinessName(true);
    expect(name).toBe("Before");
    expect(audit).toEqual([]);
  });
});

describe("the change's domain event", () => {
  const eventsOf = (db: Database, aggregateId: string) =>
    db.select().from(eventOutbox).where(eq(eventOutbox.aggregateId, aggregateId));

  it("is written with the audit rows, for the change's business, with its aggregate read from the payload", () =>
    t.rollback(async (db) => {
      const business = await createBusiness(db);
      const member = await createUser(db);
      await recordChange(db, system, {
        businessId: business.id,
        entity: { type: "membership", id: member.id },
        action: "update",
        before: { role: "staff" },
        after: { role: "manager" },
        event: {
          type: "v1.staff.role_changed",
          data: { user_id: member.id, previous_role: "staff", role: "manager", changed_by: null },
        },
      });
      const [event] = await eventsOf(db, staffMemberAggregateId(business.id, member.id));
      expect(event).toMatchObject({
        type: "v1.staff.role_changed",
        businessId: business.id,
        aggregateType: "staff_member",
        payload: { user_id: member.id, previous_role: "staff", role: "manager" },
      });
      expect(await rowsOf(db, member.id)).toHaveLength(1);
    }));

  it("is not written for an update that changed nothing, just as no audit row is", () =>
    t.rollback(async (db) => {
      const jobId = randomUUID();
      const written = await recordChange(db, system, {
        businessId: null,
        entity: { type: "job", id: jobId },
        action: "update",
        before: { status: "open" },
        after: { status: "open" },
        event: { type: "v1.job.posted", data: { job_id: jobId, customer_id: randomUUID(), posted_by: null } },
      });
      expect(written).toBe(0);
      expect(await eventsOf(db, jobId)).toEqual([]);
    }));

  it("fails the change when its payload is not the catalog's", () =>
    t.rollback(async (db) => {
      const jobId = randomUUID();
      const change = recordChange(db, system, {
        businessId: null,
        entity: { type: "job", id: jobId },
        action: "create",
        after: { status: "open" },
        event: { type: "v1.job.posted", data: { job_id: "not-a-uuid", customer_id: randomUUID(), posted_by: null } },
      });
      await expect(change).rejects.toThrow(/Invalid v1.job.posted event data/);
    }));
});

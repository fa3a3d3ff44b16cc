/**
 * auditHistory against the real database of each driver: newest first, keyset pages without
 * duplicates or gaps (even when many rows share one timestamp), the tenant scope in the query,
 * a person's own history, and refusals. Every test runs in a rolled-back transaction and reads
 * only entities it created (pg and neon share one database).
 */
import { randomUUID } from "node:crypto";
import { desc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, type StaffRole } from "@/db/schema";
import { anonymous, systemActor, type Actor, type UserActor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { testDatabase, type TestDatabase } from "@/test/db";
import { addMember, createBusiness, createCustomer, createUser, refusalOf } from "@/test/factories";
import { auditEntryDto, auditPageDto } from "./dto";
import { auditHistory, type AuditHistoryQuery } from "./history";
import { recordChange } from "./record";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const asUser = async (db: Database, userId: string, businessId?: string) =>
  (await resolveActor(db, userId, { businessId })) as UserActor;

/** A business with a member per role, and a way to act as each. */
async function staffedBusiness(db: Database) {
  const business = await createBusiness(db);
  const ids = {} as Record<StaffRole, string>;
  for (const role of ["owner", "admin", "manager", "staff"] as const) {
    ids[role] = (await createUser(db, { name: `The ${role}` })).id;
    await addMember(db, business.id, ids[role], role);
  }
  return { id: business.id, ids, as: (role: StaffRole) => asUser(db, ids[role], business.id) };
}

/** Every page of a query, `limit` rows at a time. */
async function allPages(db: Database, actor: Actor, query: AuditHistoryQuery) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = auditPageDto.parse(await auditHistory(db, actor, { ...query, cursor }));
    ids.push(...page.items.map((i) => i.id));
    cursor = page.next_cursor ?? undefined;
    pages++;
    if (pages > 100) throw new Error("pagination does not end");
  } while (cursor);
  return { ids, pages };
}

/** The expected order, straight from the table. */
async function expectedIds(db: Database, entityId: string) {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
  return rows.map((r) => String(r.id));
}

const rowAt = (businessId: string | null, entityId: string, createdAt: string, field = "f") => ({
  actorType: "system" as const,
  actorLabel: "cron:test",
  businessId,
  entityType: "thing",
  entityId,
  action: "update",
  field,
  oldValue: 1,
  newValue: 2,
  createdAt: new Date(createdAt),
});

describe("order and pages", () => {
  it("lists newest first, and pages through rows of one timestamp without duplicates or gaps", () =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      const entityId = randomUUID();
      // Older rows at distinct times...
      await db
        .insert(auditLog)
        .values([
          rowAt(b.id, entityId, "2024-01-01T00:00:00Z", "oldest"),
          rowAt(b.id, entityId, "2024-01-02T00:00:00Z", "older"),
        ]);
      // ...then 23 rows in this transaction: now() is constant, so they share one timestamp.
      for (let i = 0; i < 23; i++) {
        await recordChange(db, systemActor("cron:test"), {
          businessId: b.id,
          entity: { type: "thing", id: entityId },
          action: "update",
          before: { n: i },
          after: { n: i + 1 },
        });
      }
      const expected = await expectedIds(db, entityId);
      expect(expected).toHaveLength(25);

      const owner = await b.as("owner");
      for (const limit of [1, 4, 7, 25, 100]) {
        const { ids, pages } = await allPages(db, owner, { entityType: "thing", entityId, limit });
        expect(ids).toEqual(expected);
        expect(pages).toBe(Math.max(1, Math.ceil(25 / limit)));
      }
      const first = await auditHistory(db, owner, { entityType: "thing", entityId, limit: 25 });
      expect(first.items.at(-1)!.field).toBe("oldest");
      expect(first.items[0]!.new_value).toBe(23); // the last change recorded
    }));

  it("keeps rows apart that differ by microseconds within one millisecond", () =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      const entityId = randomUUID();
      // A JS Date cannot say these; Postgres can: the cursor must not round them together.
      for (const us of ["000100", "000200", "000300"]) {
        await db.execute(
          sql`insert into audit_log (actor_type, actor_label, business_id, entity_type, entity_id, action, field, created_at)
            values ('system', 'cron:test', ${b.id}, 'thing', ${entityId}, 'update', ${us}, ${`2024-05-05T10:00:00.${us}Z`}::timestamptz)`,
        );
      }
      const { ids } = await allPages(db, await b.as("manager"), { entityType: "thing", entityId, limit: 1 });
      expect(ids).toEqual(await expectedIds(db, entityId));
      expect(ids).toHaveLength(3);
    }));

  it("refuses a cursor it did not make (400)", () =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      const owner = await b.as("owner");
      for (const cursor of ["nonsense", Buffer.from("2024-01-01|1").toString("base64url"), "%%%"]) {
        const error = await refusalOf(auditHistory(db, owner, { entityType: "thing", cursor }));
        expect(error.status).toBe(400);
      }
    }));
});

describe("what each entry says", () => {
  it("names every field: actor with name, the member the change is about, redaction, trace id", () =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      const owner = await b.as("owner");
      await recordChange(db, owner, {
        businessId: b.id,
        entity: { type: "membership", id: b.ids.staff },
        action: "update",
        before: { role: "staff", email: "old@example.test" },
        after: { role: "manager", email: "new@example.test" },
      });
      const page = await auditHistory(db, owner, { entityType: "membership", entityId: b.ids.staff });
      const entries = page.items.map((item) => auditEntryDto.strict().parse(item));
      expect(entries.map((e) => [e.field, e.old_value, e.new_value, e.redacted])).toEqual([
        ["email", { redacted: true }, { redacted: true }, true],
        ["role", "staff", "manager", false],
      ]);
      expect(entries[1]).toMatchObject({
        action: "update",
        actor: { type: "user", user_id: b.ids.owner, name: "The owner", label: null },
        entity: { type: "membership", id: b.ids.staff, name: "The staff" },
        trace_id: null,
      });
      expect(Date.parse(entries[1]!.at)).toBeGreaterThan(Date.now() - 60_000);
      expect(JSON.stringify(page)).not.toContain("example.test");
    }));

  it("labels jobs and Stripe, and tolerates an entity id that is not a UUID", () =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      await recordChange(db, systemActor("stripe:evt_1"), {
        businessId: b.id,
        entity: { type: "membership", id: "not-a-uuid" },
        action: "refund",
      });
      const [entry] = (
        await auditHistory(db, await b.as("owner"), { entityType: "membership", entityId: "not-a-uuid" })
      ).items;
      expect(entry).toMatchObject({
        actor: { type: "stripe", user_id: null, name: "stripe:evt_1", label: "stripe:evt_1" },
        entity: { name: null },
        field: null,
      });
    }));
});

describe("who sees what", () => {
  it("shows staff only their acting business's rows, even when they name another's record", () =>
    t.rollback(async (db) => {
      const a = await staffedBusiness(db);
      const b = await staffedBusiness(db);
      const shared = randomUUID();
      await db
        .insert(auditLog)
        .values([
          rowAt(a.id, shared, "2024-01-01T00:00:00Z", "in-a"),
          rowAt(b.id, shared, "2024-01-02T00:00:00Z", "in-b"),
          rowAt(b.id, randomUUID(), "2024-01-03T00:00:00Z", "other-in-b"),
          rowAt(null, shared, "2024-01-04T00:00:00Z", "no-business"),
        ]);
      const ownerOfA = await a.as("owner");
      const named = await auditHistory(db, ownerOfA, { entityType: "thing", entityId: shared });
      expect(named.items.map((i) => i.field)).toEqual(["in-a"]);
      // Without an entity id: every "thing" of business A, and nothing else.
      const all = await allPages(db, ownerOfA, { entityType: "thing", limit: 2 });
      const seen = await db
        .select({ field: auditLog.field, businessId: auditLog.businessId })
        .from(auditLog)
        .where(inArray(auditLog.id, all.ids.map(Number)));
      expect(seen).toEqual([{ field: "in-a", businessId: a.id }]);

      const ownerOfB = await b.as("owner");
      expect(
        (await auditHistory(db, ownerOfB, { entityType: "thing", entityId: shared })).items.map((i) => i.field),
      ).toEqual(["in-b"]);
    }));

  it.each([
    ["owner", null],
    ["admin", null],
    ["manager", null],
    ["staff", "insufficient_role"],
  ] as const)("staff role %s: refusal %s", (role, refusal) =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      const run = auditHistory(db, await b.as(role), { entityType: "membership" });
      if (!refusal) return expect((await run).items).toEqual([]);
      const error = await refusalOf(run);
      expect([error.status, error.details.reason]).toEqual([403, refusal]);
    }),
  );

  it("shows a person the history of their own account and customer profile, outside any business", () =>
    t.rollback(async (db) => {
      const person = await createUser(db, { name: "Cara" });
      const customer = await createCustomer(db, person.id);
      const other = await createUser(db);
      const business = await createBusiness(db);
      await db.insert(auditLog).values([
        { ...rowAt(null, person.id, "2024-01-01T00:00:00Z", "name"), entityType: "user" },
        { ...rowAt(business.id, person.id, "2024-01-02T00:00:00Z", "business-row"), entityType: "user" },
        { ...rowAt(null, customer.id, "2024-01-03T00:00:00Z", "displayName"), entityType: "customer" },
        { ...rowAt(null, other.id, "2024-01-04T00:00:00Z", "name"), entityType: "user" },
      ]);
      const me = await asUser(db, person.id);
      const own = await auditHistory(db, me, { entityType: "user", entityId: person.id });
      expect(own.items.map((i) => [i.field, i.entity.name])).toEqual([["name", "Cara"]]);
      const profile = await auditHistory(db, me, { entityType: "customer", entityId: customer.id });
      expect(profile.items.map((i) => i.field)).toEqual(["displayName"]);

      for (const query of [
        { entityType: "user", entityId: other.id },
        { entityType: "customer", entityId: randomUUID() },
        { entityType: "membership", entityId: person.id },
        { entityType: "user" },
      ]) {
        const error = await refusalOf(auditHistory(db, me, query));
        expect([error.status, error.details.reason]).toEqual([403, "not_your_record"]);
      }
    }));

  it("lets a member without audit.read still see their own account's history", () =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      await db
        .insert(auditLog)
        .values({ ...rowAt(null, b.ids.staff, "2024-01-01T00:00:00Z", "name"), entityType: "user" });
      const page = await auditHistory(db, await b.as("staff"), { entityType: "user", entityId: b.ids.staff });
      expect(page.items).toHaveLength(1);
    }));

  it("shows platform administrators every business's rows", () =>
    t.rollback(async (db) => {
      const a = await staffedBusiness(db);
      const b = await staffedBusiness(db);
      const entityId = randomUUID();
      await db
        .insert(auditLog)
        .values([
          rowAt(a.id, entityId, "2024-01-01T00:00:00Z", "in-a"),
          rowAt(b.id, entityId, "2024-01-02T00:00:00Z", "in-b"),
          rowAt(null, entityId, "2024-01-03T00:00:00Z", "none"),
        ]);
      const admin = await asUser(db, (await createUser(db, { isPlatformAdmin: true })).id);
      const page = await auditHistory(db, admin, { entityType: "thing", entityId });
      expect(page.items.map((i) => i.field)).toEqual(["none", "in-b", "in-a"]);
    }));

  it("answers an unknown entity type or id with an empty page", () =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      const owner = await b.as("owner");
      expect(await auditHistory(db, owner, { entityType: "no-such-thing" })).toEqual({ items: [], next_cursor: null });
      expect(await auditHistory(db, owner, { entityType: "membership", entityId: randomUUID() })).toEqual({
        items: [],
        next_cursor: null,
      });
    }));

  it("refuses anonymous callers (401) and scheduled jobs (403)", () =>
    t.rollback(async (db) => {
      expect(
        (await refusalOf(auditHistory(db, anonymous, { entityType: "user", entityId: randomUUID() }))).status,
      ).toBe(401);
      const error = await refusalOf(auditHistory(db, systemActor("cron:x"), { entityType: "user" }));
      expect([error.status, error.details.reason]).toEqual([403, "system_actor"]);
    }));
});

describe("people outside the business", () => {
  it("names the business's own staff, and no one else, to staff reading its trail", () =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      const outsider = await createUser(db, { name: "Olga Outsider" });
      const admin = await createUser(db, { name: "Pat Platform", isPlatformAdmin: true });
      const entity = { type: "review", id: randomUUID() };
      await recordChange(db, await b.as("owner"), {
        businessId: b.id,
        entity,
        action: "update",
        before: { a: 1 },
        after: { a: 2 },
      });
      await recordChange(db, await asUser(db, outsider.id), { businessId: b.id, entity, action: "dispute" });

      const staffView = await auditHistory(db, await b.as("manager"), { entityType: "review", entityId: entity.id });
      expect(staffView.items.map((i) => i.actor)).toEqual([
        { type: "user", user_id: null, name: null, label: "outside_business" },
        { type: "user", user_id: b.ids.owner, name: "The owner", label: null },
      ]);
      expect(JSON.stringify(staffView)).not.toContain(outsider.id);
      expect(JSON.stringify(staffView)).not.toContain("Olga");

      // A platform administrator sees who it was.
      const adminView = await auditHistory(db, await asUser(db, admin.id), {
        entityType: "review",
        entityId: entity.id,
      });
      expect(adminView.items[0]!.actor).toMatchObject({ user_id: outsider.id, name: "Olga Outsider" });
    }));

  it("names the person a membership row is about, even once removed, but no account behind another row", () =>
    t.rollback(async (db) => {
      const b = await staffedBusiness(db);
      const leaver = await createUser(db, { name: "Lee Leaver" });
      const outsider = await createUser(db, { name: "Olga Outsider" });
      const owner = await b.as("owner");
      // A member who has left: their membership row is gone, their rows in the trail are not.
      await recordChange(db, owner, {
        businessId: b.id,
        entity: { type: "membership", id: leaver.id },
        action: "delete",
        before: { role: "staff" },
      });
      // A row of this business about an account that was never its member.
      await db.insert(auditLog).values({ ...rowAt(b.id, outsider.id, "2024-01-01T00:00:00Z"), entityType: "user" });

      const members = await auditHistory(db, owner, { entityType: "membership" });
      expect(members.items.map((i) => i.entity)).toEqual([{ type: "membership", id: leaver.id, name: "Lee Leaver" }]);
      const users = await auditHistory(db, owner, { entityType: "user", entityId: outsider.id });
      expect(users.items.map((i) => i.entity.name)).toEqual([null]);
      expect(JSON.stringify(users)).not.toContain("Olga");

      const admin = await asUser(db, (await createUser(db, { isPlatformAdmin: true })).id);
      const adminView = await auditHistory(db, admin, { entityType: "user", entityId: outsider.id });
      expect(adminView.items.map((i) => i.entity.name)).toEqual(["Olga Outsider"]);
    }));
});

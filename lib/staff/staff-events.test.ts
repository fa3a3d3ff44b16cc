/**
 * A staff change, its audit rows and its domain event are one unit: they commit together (with
 * the request's trace id on both) or not at all.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, eventOutbox, memberships } from "@/db/schema";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { type UserActor } from "@/lib/auth/actor";
import { staffMemberAggregateId } from "@/lib/events/catalog";
import { withRequestContext } from "@/lib/observability/context";
import { testDatabase, type TestDatabase } from "@/test/db";
import { addMember, createBusiness, createUser } from "@/test/factories";
import { addStaff, changeStaffRole, removeStaff } from "./mutations";

// A switch to make writing the event fail inside the change, after its audit row was written.
const outbox = vi.hoisted(() => ({ fail: false }));
vi.mock("@/lib/events/outbox", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/events/outbox")>();
  return {
    ...actual,
    emitEvent: (...args: Parameters<typeof actual.emitEvent>) =>
      outbox.fail ? Promise.reject(new Error("outbox insert failed")) : actual.emitEvent(...args),
  };
});

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

class Abort extends Error {}

/** A business with an owner (the actor) and one staff member. */
async function teamOfTwo(db: Database) {
  const business = await createBusiness(db);
  const owner = await createUser(db);
  const member = await createUser(db);
  await addMember(db, business.id, owner.id, "owner");
  await addMember(db, business.id, member.id, "staff");
  const actor = (await resolveActor(db, owner.id, { businessId: business.id })) as UserActor;
  return { business, owner, member, actor };
}

describe("staff changes with their audit rows and events", () => {
  it("writes the role change, its audit row and its event in one commit, with the trace id on both", async () => {
    await t.rollback(async (db) => {
      const { business, owner, member, actor } = await teamOfTwo(db);

      await withRequestContext("trace-staff-1", () => changeStaffRole(db, actor, member.id, "manager"));

      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.businessId, business.id), eq(auditLog.entityId, member.id)));
      expect(audit).toMatchObject([
        {
          entityType: "membership",
          action: "update",
          field: "role",
          oldValue: "staff",
          newValue: "manager",
          traceId: "trace-staff-1",
          actorUserId: owner.id,
        },
      ]);
      const events = await db.select().from(eventOutbox).where(eq(eventOutbox.businessId, business.id));
      expect(events).toMatchObject([
        {
          type: "v1.staff.role_changed",
          aggregateType: "staff_member",
          aggregateId: staffMemberAggregateId(business.id, member.id),
          status: "pending",
          traceId: "trace-staff-1",
          payload: { user_id: member.id, previous_role: "staff", role: "manager", changed_by: owner.id },
        },
      ]);
    });
  });

  it("leaves no change, no audit row and no event when the surrounding transaction fails", async () => {
    await t.rollback(async (db) => {
      const { business, member, actor } = await teamOfTwo(db);

      const outcome = await db
        .transaction(async (tx) => {
          await removeStaff(tx, actor, member.id);
          // Inside, all three are there...
          expect(await tx.select().from(eventOutbox).where(eq(eventOutbox.businessId, business.id))).toHaveLength(1);
          expect(await tx.select().from(auditLog).where(eq(auditLog.businessId, business.id))).toHaveLength(1);
          throw new Abort();
        })
        .catch((error: unknown) => error);
      expect(outcome).toBeInstanceOf(Abort);

      // ...and after the failure none of them is.
      const [still] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.businessId, business.id), eq(memberships.userId, member.id)));
      expect(still?.role).toBe("staff");
      expect(await db.select().from(eventOutbox).where(eq(eventOutbox.businessId, business.id))).toEqual([]);
      expect(await db.select().from(auditLog).where(eq(auditLog.businessId, business.id))).toEqual([]);
    });
  });

  it("announces nobody when an invitation is sent, to an existing account or a new email: only accepting adds", async () => {
    await t.rollback(async (db) => {
      const business = await createBusiness(db);
      const owner = await createUser(db);
      const existing = await createUser(db);
      await addMember(db, business.id, owner.id, "owner");
      const actor = (await resolveActor(db, owner.id, { businessId: business.id })) as UserActor;

      await addStaff(db, actor, { email: existing.email, role: "staff" }, "https://app.test");
      await addStaff(db, actor, { email: "newcomer@example.test", role: "staff" }, "https://app.test");

      expect(await db.select().from(eventOutbox).where(eq(eventOutbox.businessId, business.id))).toEqual([]);
    });
  });

  it("rolls back the change and its audit row when its event cannot be written", async () => {
    await t.rollback(async (db) => {
      const { business, member, actor } = await teamOfTwo(db);
      outbox.fail = true;
      try {
        await expect(changeStaffRole(db, actor, member.id, "manager")).rejects.toThrow("outbox insert failed");
      } finally {
        outbox.fail = false;
      }
      const [still] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.businessId, business.id), eq(memberships.userId, member.id)));
      expect(still?.role).toBe("staff");
      expect(await db.select().from(auditLog).where(eq(auditLog.businessId, business.id))).toEqual([]);
    });
  });
});

/**
 * Staff management through the policy, per role: who may list, add, re-role and remove whom;
 * the business never loses its last owner; invitations and their failure modes; the audit rows
 * each change writes.
 */
import { createHash } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, businesses, invitations, memberships, users, type StaffRole } from "@/db/schema";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { type UserActor } from "@/lib/auth/actor";
import { actingFor } from "@/lib/authz/policy";
import { driver, testDatabase, type TestDatabase } from "@/test/db";
import { addMember, createBusiness, createUser, refusalOf } from "@/test/factories";
import { addStaffResultDto, staffListDto } from "./dto";
import { acceptInvitation, getInvitationPreview } from "./invitations";
import { addStaff, changeStaffRole, removeStaff } from "./mutations";
import { listStaff } from "./queries";

const ROLES: StaffRole[] = ["owner", "admin", "manager", "staff"];
const ORIGIN = "https://app.clientele.test";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

/** A business with one member per role (plus any extra owners asked for). */
async function createStaffedBusiness(db: Database, extraOwners = 0) {
  const businessId = (await createBusiness(db, { name: "Acme Salon" })).id;
  const ids = {} as Record<StaffRole, string>;
  for (const role of ROLES) {
    ids[role] = (await createUser(db)).id;
    await addMember(db, businessId, ids[role], role);
  }
  const owners = [ids.owner];
  for (let i = 0; i < extraOwners; i++) {
    const id = (await createUser(db)).id;
    await addMember(db, businessId, id, "owner");
    owners.push(id);
  }
  const actor = async (userId: string) => (await resolveActor(db, userId, { businessId })) as UserActor;
  return { businessId, ids, owners, actor };
}

async function roleOf(db: Database, businessId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.businessId, businessId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

describe("listStaff", () => {
  it.each([
    ["owner", true],
    ["admin", true],
    ["manager", true],
    ["staff", false],
  ] as const)("%s may list: %s", (role, allowed) =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const run = listStaff(db, await b.actor(b.ids[role]));
      if (!allowed) {
        const error = await refusalOf(run);
        expect([error.status, error.details.reason]).toEqual([403, "insufficient_role"]);
        return;
      }
      const list = staffListDto.strict().parse(await run);
      expect(list.business_id).toBe(b.businessId);
      expect(list.members.map((m) => m.role)).toEqual(ROLES);
    }),
  );
});

// Which roles each role may add: the owner any, an admin any but owner, nobody else anything.
const MAY_GRANT: Record<StaffRole, StaffRole[]> = {
  owner: ["owner", "admin", "manager", "staff"],
  admin: ["admin", "manager", "staff"],
  manager: [],
  staff: [],
};

/** An answer with its ids, link and times blanked: what is left must not depend on who the email is. */
function shapeOf(result: unknown) {
  return JSON.parse(
    JSON.stringify(result)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
      .replace(/\/invite\/[A-Za-z0-9_-]+/g, "/invite/<token>")
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>"),
  );
}

describe("addStaff (consent: an invitation, whoever the email is)", () => {
  const cases = ROLES.flatMap((actor) => ROLES.map((role) => [actor, role, MAY_GRANT[actor].includes(role)] as const));
  it.each(cases)("%s adding a %s: allowed %s", (actorRole, role, allowed) =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const newcomer = (await createUser(db, { email: `Newcomer-${actorRole}-${role}@Example.test` })).id;
      const run = addStaff(
        db,
        await b.actor(b.ids[actorRole]),
        { email: `newcomer-${actorRole}-${role}@example.TEST`, role },
        ORIGIN,
      );
      if (!allowed) {
        const error = await refusalOf(run);
        expect([error.status, error.details.reason]).toEqual([403, "insufficient_role"]);
        expect(await roleOf(db, b.businessId, newcomer)).toBeNull();
        return;
      }
      const result = addStaffResultDto.parse(await run);
      expect(result).toMatchObject({ status: "invited", role });
      // Not a member until they accept.
      expect(await roleOf(db, b.businessId, newcomer)).toBeNull();
    }),
  );

  it("answers a known and an unknown email alike, with no name, and joins nobody until they accept", () =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const owner = await b.actor(b.ids.owner);
      // An account that already belongs to another business, which is its default.
      const elsewhere = (await createBusiness(db, { name: "Elsewhere" })).id;
      const known = await createUser(db, { email: "Known.Person@example.test", name: "Known Person" });
      await addMember(db, elsewhere, known.id, "staff");
      const before = (await resolveActor(db, known.id)) as UserActor;
      expect(before.business?.businessId).toBe(elsewhere);

      const forKnown = await addStaff(db, owner, { email: "known.person@example.test", role: "staff" }, ORIGIN);
      const forUnknown = await addStaff(db, owner, { email: "nobody.yet@example.test", role: "staff" }, ORIGIN);
      const sameEmail = (x: unknown) => shapeOf({ ...(x as object), email: "<email>" });
      expect(sameEmail(forKnown)).toEqual(sameEmail(forUnknown));
      expect(Object.keys(forKnown).sort()).toEqual(Object.keys(forUnknown).sort());
      expect(JSON.stringify(forKnown)).not.toContain("Known Person");
      expect(JSON.stringify(forKnown)).not.toContain(known.id);

      // Not a member, default business unchanged, not in the staff list.
      expect(await roleOf(db, b.businessId, known.id)).toBeNull();
      const after = (await resolveActor(db, known.id)) as UserActor;
      expect(after.memberships.map((m) => m.businessId)).toEqual([elsewhere]);
      expect(after.business?.businessId).toBe(elsewhere);
      const list = await listStaff(db, owner);
      expect(list.members.map((m) => m.user_id)).not.toContain(known.id);
      expect(JSON.stringify(list)).not.toContain("Known Person");

      // Accepting, signed in with that address, is what makes them a member.
      await acceptInvitation(db, after, forKnown.invitation_url.split("/invite/")[1]!);
      expect(await roleOf(db, b.businessId, known.id)).toBe("staff");
    }));

  it("refuses someone who is already a member with 409 already_a_member", () =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const [staff] = await db.select({ email: users.email }).from(users).where(eq(users.id, b.ids.staff));
      const error = await refusalOf(
        addStaff(db, await b.actor(b.ids.owner), { email: staff!.email, role: "manager" }, ORIGIN),
      );
      expect([error.status, error.details.reason]).toEqual([409, "already_a_member"]);
      expect(await roleOf(db, b.businessId, b.ids.staff)).toBe("staff");
    }));
});

describe("changeStaffRole", () => {
  it.each([
    ["owner", "admin", "manager", null],
    ["owner", "staff", "owner", null],
    ["admin", "manager", "staff", null],
    ["admin", "staff", "admin", null],
    ["admin", "owner", "staff", "insufficient_role"],
    ["admin", "manager", "owner", "insufficient_role"],
    ["manager", "staff", "manager", "insufficient_role"],
    ["staff", "staff", "manager", "insufficient_role"],
  ] as const)("%s changing the %s to %s: refusal %s", (actorRole, targetRole, next, refusal) =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const run = changeStaffRole(db, await b.actor(b.ids[actorRole]), b.ids[targetRole], next);
      if (refusal) {
        const error = await refusalOf(run);
        expect([error.status, error.details.reason]).toEqual([403, refusal]);
        expect(await roleOf(db, b.businessId, b.ids[targetRole])).toBe(targetRole);
        return;
      }
      expect(await run).toEqual({ user_id: b.ids[targetRole], role: next });
      expect(await roleOf(db, b.businessId, b.ids[targetRole])).toBe(next);
    }),
  );

  it("refuses to demote the last owner (409 last_owner), allows it when another owner remains", () =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const owner = await b.actor(b.ids.owner);
      const error = await refusalOf(changeStaffRole(db, owner, b.ids.owner, "admin"));
      expect([error.status, error.details.reason]).toEqual([409, "last_owner"]);

      await changeStaffRole(db, owner, b.ids.admin, "owner");
      await changeStaffRole(db, owner, b.ids.owner, "admin");
      expect(await roleOf(db, b.businessId, b.ids.owner)).toBe("admin");
    }));

  it("answers 404 for someone who is not a member of this business", () =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const other = await createStaffedBusiness(db);
      const error = await refusalOf(changeStaffRole(db, await b.actor(b.ids.owner), other.ids.staff, "manager"));
      expect(error.status).toBe(404);
      expect(await roleOf(db, other.businessId, other.ids.staff)).toBe("staff");
    }));
});

describe("removeStaff", () => {
  it.each([
    ["owner", "admin", null],
    ["owner", "staff", null],
    ["admin", "manager", null],
    ["admin", "admin", null], // an admin may leave
    ["admin", "owner", "insufficient_role"],
    ["manager", "staff", "insufficient_role"],
    ["staff", "staff", "insufficient_role"],
  ] as const)("%s removing the %s: refusal %s", (actorRole, targetRole, refusal) =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const run = removeStaff(db, await b.actor(b.ids[actorRole]), b.ids[targetRole]);
      if (refusal) {
        const error = await refusalOf(run);
        expect([error.status, error.details.reason]).toEqual([403, refusal]);
        expect(await roleOf(db, b.businessId, b.ids[targetRole])).toBe(targetRole);
        return;
      }
      await run;
      expect(await roleOf(db, b.businessId, b.ids[targetRole])).toBeNull();
    }),
  );

  it("keeps the last owner (409 last_owner) but lets one of two owners leave", () =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const error = await refusalOf(removeStaff(db, await b.actor(b.ids.owner), b.ids.owner));
      expect([error.status, error.details.reason]).toEqual([409, "last_owner"]);

      const two = await createStaffedBusiness(db, 1);
      await removeStaff(db, await two.actor(two.owners[0]!), two.owners[0]!);
      expect(await roleOf(db, two.businessId, two.owners[0]!)).toBeNull();
    }));
});

describe("invitations", () => {
  async function invite(db: Database, email: string, role: StaffRole = "manager") {
    const b = await createStaffedBusiness(db);
    const result = addStaffResultDto.parse(await addStaff(db, await b.actor(b.ids.owner), { email, role }, ORIGIN));
    const token = result.invitation_url.slice(`${ORIGIN}/invite/`.length);
    return { b, result, token };
  }

  it("invites an unknown email: a link on the request origin, 7-day expiry, only the token's hash stored", () =>
    t.rollback(async (db) => {
      const { b, result, token } = await invite(db, "New.Person@example.test");
      expect(result.invitation_url).toMatch(new RegExp(`^${ORIGIN}/invite/[A-Za-z0-9_-]{43}$`));
      const days = (Date.parse(result.expires_at) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);
      const [row] = await db.select().from(invitations).where(eq(invitations.id, result.invitation_id));
      expect(row!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
      expect(JSON.stringify(row)).not.toContain(token);

      const list = await listStaff(db, await b.actor(b.ids.owner));
      expect(list.pending_invitations).toEqual([
        {
          invitation_id: result.invitation_id,
          email: "New.Person@example.test",
          role: "manager",
          expires_at: result.expires_at,
        },
      ]);
    }));

  it("lets the invited email (any case) accept once, then answers 409 invitation_used", () =>
    t.rollback(async (db) => {
      const { b, token } = await invite(db, "New.Person@example.test", "staff");
      const userId = (await createUser(db, { email: "new.person@EXAMPLE.test" })).id;
      const actor = await resolveActor(db, userId);
      expect((await getInvitationPreview(db, actor, token)).status).toBe("pending");

      expect(await acceptInvitation(db, actor, token)).toEqual({
        business_id: b.businessId,
        business_name: "Acme Salon",
        role: "staff",
      });
      expect(await roleOf(db, b.businessId, userId)).toBe("staff");
      expect((await getInvitationPreview(db, actor, token)).status).toBe("accepted");

      const again = await refusalOf(acceptInvitation(db, actor, token));
      expect([again.status, again.details.reason]).toEqual([409, "invitation_used"]);
    }));

  it("refuses another account with 403 invitation_email_mismatch", () =>
    t.rollback(async (db) => {
      const { b, token } = await invite(db, "invited@example.test");
      const intruder = (await createUser(db, { email: "intruder@example.test" })).id;
      const error = await refusalOf(acceptInvitation(db, await resolveActor(db, intruder), token));
      expect([error.status, error.details.reason]).toEqual([403, "invitation_email_mismatch"]);
      expect(await roleOf(db, b.businessId, intruder)).toBeNull();
    }));

  it("refuses an expired invitation with 409 invitation_expired", () =>
    t.rollback(async (db) => {
      const { b, result, token } = await invite(db, "late@example.test");
      await db
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.id, result.invitation_id));
      const userId = (await createUser(db, { email: "late@example.test" })).id;
      const error = await refusalOf(acceptInvitation(db, await resolveActor(db, userId), token));
      expect([error.status, error.details.reason]).toEqual([409, "invitation_expired"]);
      expect(await roleOf(db, b.businessId, userId)).toBeNull();
    }));

  it("answers 404 for an unknown token, and a new invitation replaces the unused one", () =>
    t.rollback(async (db) => {
      const { b, token } = await invite(db, "twice@example.test");
      const second = addStaffResultDto.parse(
        await addStaff(db, await b.actor(b.ids.admin), { email: "TWICE@example.test", role: "staff" }, ORIGIN),
      );
      const userId = (await createUser(db, { email: "twice@example.test" })).id;
      const actor = await resolveActor(db, userId);
      expect((await refusalOf(acceptInvitation(db, actor, token))).status).toBe(404);
      expect((await refusalOf(acceptInvitation(db, actor, "x".repeat(43)))).status).toBe(404);
      if (second.status !== "invited") throw new Error("expected an invitation");
      await acceptInvitation(db, actor, second.invitation_url.split("/invite/")[1]!);
      expect(await roleOf(db, b.businessId, userId)).toBe("staff");
    }));

  it("needs a signed-in account to accept (401)", () =>
    t.rollback(async (db) => {
      const { token } = await invite(db, "someone@example.test");
      expect((await refusalOf(acceptInvitation(db, { kind: "anonymous" }, token))).status).toBe(401);
    }));
});

/** The audit rows of one business, oldest first, in a shape that is easy to compare. */
async function auditOf(db: Database, businessId: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.businessId, businessId)).orderBy(asc(auditLog.id));
  return rows.map((r) => ({
    by: r.actorUserId,
    entity: `${r.entityType}:${r.entityId}`,
    action: r.action,
    field: r.field,
    from: r.oldValue,
    to: r.newValue,
  }));
}

describe("audit trail of staff changes", () => {
  it("records adding, re-roling and removing a member, by whom, in the business", () =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const owner = await b.actor(b.ids.owner);
      const email = `audited-${Date.now()}@example.test`;
      const newcomer = (await createUser(db, { email })).id;
      const invited = await addStaff(db, owner, { email, role: "staff" }, ORIGIN);
      await acceptInvitation(db, await resolveActor(db, newcomer), invited.invitation_url.split("/invite/")[1]!);
      await changeStaffRole(db, owner, newcomer, "manager");
      await changeStaffRole(db, owner, newcomer, "manager"); // no change: nothing recorded
      await removeStaff(db, owner, newcomer);
      const membership = `membership:${newcomer}`;
      expect((await auditOf(db, b.businessId)).filter((row) => row.entity === membership)).toEqual([
        // The membership is created by the person accepting, never by whoever invited them.
        { by: newcomer, entity: membership, action: "create", field: "role", from: null, to: "staff" },
        { by: b.ids.owner, entity: membership, action: "update", field: "role", from: "staff", to: "manager" },
        { by: b.ids.owner, entity: membership, action: "delete", field: "role", from: "manager", to: null },
      ]);
    }));

  it("records an invitation with its email redacted and no token, its replacement and its acceptance", () =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      const admin = await b.actor(b.ids.admin);
      const email = `invited-${Date.now()}@example.test`;
      const first = addStaffResultDto.parse(await addStaff(db, admin, { email, role: "staff" }, ORIGIN));
      const second = addStaffResultDto.parse(await addStaff(db, admin, { email, role: "manager" }, ORIGIN));
      const joiner = (await createUser(db, { email })).id;
      await acceptInvitation(db, await resolveActor(db, joiner), second.invitation_url.split("/invite/")[1]!);

      const rows = await auditOf(db, b.businessId);
      const hidden = { redacted: true };
      const [firstId, secondId] = [`invitation:${first.invitation_id}`, `invitation:${second.invitation_id}`];
      expect(rows.map(({ by, entity, action, field }) => [by, entity, action, field])).toEqual([
        [b.ids.admin, firstId, "create", "email"],
        [b.ids.admin, firstId, "create", "role"],
        [b.ids.admin, firstId, "create", "expiresAt"],
        [b.ids.admin, firstId, "create", "invitedByUserId"],
        [b.ids.admin, firstId, "delete", "email"],
        [b.ids.admin, firstId, "delete", "role"],
        [b.ids.admin, firstId, "delete", "expiresAt"],
        [b.ids.admin, secondId, "create", "email"],
        [b.ids.admin, secondId, "create", "role"],
        [b.ids.admin, secondId, "create", "expiresAt"],
        [b.ids.admin, secondId, "create", "invitedByUserId"],
        [joiner, secondId, "accept", "acceptedAt"],
        [joiner, secondId, "accept", "acceptedByUserId"],
        [joiner, `membership:${joiner}`, "create", "role"],
      ]);
      expect(rows.filter((r) => r.field === "email").map((r) => [r.from, r.to])).toEqual([
        [null, hidden],
        [hidden, null],
        [null, hidden],
      ]);
      expect(rows.find((r) => r.entity === secondId && r.field === "expiresAt")!.to).toBe(second.expires_at);
      expect(rows.at(-1)).toMatchObject({ from: null, to: "manager" });
      const stored = JSON.stringify(rows);
      expect(stored).not.toContain(email);
      for (const url of [first.invitation_url, second.invitation_url])
        expect(stored).not.toContain(url.split("/invite/")[1]!);
    }));

  it("records nothing for a refused change", () =>
    t.rollback(async (db) => {
      const b = await createStaffedBusiness(db);
      await refusalOf(changeStaffRole(db, await b.actor(b.ids.admin), b.ids.owner, "staff"));
      await refusalOf(removeStaff(db, await b.actor(b.ids.owner), b.ids.owner));
      await refusalOf(addStaff(db, await b.actor(b.ids.manager), { email: "x@example.test", role: "staff" }, ORIGIN));
      expect(await auditOf(db, b.businessId)).toEqual([]);
    }));
});

describe("actingFor (the business named in the path)", () => {
  it("selects that business among the caller's memberships, and hides any other (404)", () =>
    t.rollback(async (db) => {
      const first = await createStaffedBusiness(db);
      const second = await createStaffedBusiness(db);
      await db.insert(memberships).values({ businessId: second.businessId, userId: first.ids.staff, role: "admin" });
      // Acting for the first business by default, where they are plain staff...
      const actor = (await resolveActor(db, first.ids.staff, { businessId: first.businessId })) as UserActor;
      expect((await refusalOf(listStaff(db, actor))).status).toBe(403);
      // ...but the path selects the second, where they are an admin.
      const list = await listStaff(db, actingFor(actor, second.businessId, "path"));
      expect(list.business_id).toBe(second.businessId);

      const outsider = (await resolveActor(db, (await createUser(db)).id)) as UserActor;
      expect(() => actingFor(outsider, first.businessId, "path")).toThrow(expect.objectContaining({ status: 404 }));
      expect(() => actingFor({ kind: "anonymous" }, first.businessId, "path")).toThrow(
        expect.objectContaining({ status: 401 }),
      );
    }));
});

// Row locks need real concurrent connections: PGlite has one, so this runs on pg and neon only.
describe.skipIf(driver === "pglite")("two owners demoting each other at once", () => {
  it("leaves the business with an owner: exactly one of the two changes wins", async () => {
    const db = t.db;
    const b = await createStaffedBusiness(db, 1);
    try {
      const [a, c] = b.owners as [string, string];
      const [actorA, actorC] = [await b.actor(a), await b.actor(c)];
      const results = await Promise.allSettled([
        changeStaffRole(db, actorA, c, "admin"),
        changeStaffRole(db, actorC, a, "admin"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const owners = await db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.businessId, b.businessId), eq(memberships.role, "owner")));
      expect(owners).toHaveLength(1);
      // The winner's change was audited with it; the loser's rolled back with its change.
      const audit = await auditOf(db, b.businessId);
      expect(audit).toEqual([expect.objectContaining({ action: "update", field: "role", from: "owner", to: "admin" })]);
    } finally {
      await db.delete(auditLog).where(eq(auditLog.businessId, b.businessId));
      await db.delete(businesses).where(eq(businesses.id, b.businessId));
      await db.delete(users).where(inArray(users.id, [...Object.values(b.ids), ...b.owners]));
    }
  });
});

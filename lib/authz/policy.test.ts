import { describe, expect, it } from "vitest";
import type { StaffRole } from "@/db/schema";
import { anonymous, systemActor, type Actor, type Membership, type UserActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import {
  assertCanAssignRole,
  assertCanChangeMember,
  assertMayViewCustomerProfile,
  assertKeepsAnOwner,
  auditScope,
  hasPermission,
  homePathFor,
  requireBusiness,
  requireCustomer,
  requirePlatformAdmin,
  requireProvider,
  requireSystem,
  requireUser,
  type Permission,
} from "./policy";

const ROLES: StaffRole[] = ["owner", "admin", "manager", "staff"];

/**
 * The expected permission matrix, written out by hand: a change to ROLE_PERMISSIONS must be a
 * deliberate change here too. `satisfies` makes a new Permission fail to compile until added.
 */
const MATRIX = {
  //                  owner  admin  manager staff
  "business.manage": [true, true, false, false],
  "staff.read": [true, true, true, false],
  "staff.manage": [true, true, false, false],
  "crm.read": [true, true, true, true],
  "crm.purchases": [true, true, true, true],
  "crm.write": [true, true, true, false],
  "crm.notes": [true, true, true, false],
  "crm.delete": [true, true, false, false],
  "crm.export": [true, true, false, false],
  "crm.erase": [true, true, false, false],
  "audit.read": [true, true, true, false],
  "marketplace.act": [true, true, true, true],
} satisfies Record<Permission, [boolean, boolean, boolean, boolean]>;

const PERMISSIONS = Object.keys(MATRIX) as Permission[];

function membership(role: StaffRole, isMarketplaceProvider: boolean): Membership {
  return { businessId: "b-1", businessName: "Biz", role, isMarketplaceProvider };
}

function user(overrides: Partial<UserActor> = {}): UserActor {
  return {
    kind: "user",
    userId: "u-1",
    email: "u@example.com",
    name: "U",
    isPlatformAdmin: false,
    customerId: null,
    memberships: [],
    business: null,
    ...overrides,
  };
}

const withBusiness = (m: Membership, extra: Partial<UserActor> = {}) =>
  user({ memberships: [m], business: m, ...extra });

const ACTORS = {
  anonymous: anonymous as Actor,
  system: systemActor("cron:test") as Actor,
  customer: user({ customerId: "c-1" }),
  "provider staff": withBusiness(membership("staff", true)),
  "non-provider staff": withBusiness(membership("staff", false)),
  "platform admin": user({ isPlatformAdmin: true }),
};
type ActorName = keyof typeof ACTORS;

/** null: allowed; otherwise the code and reason of the refusal. */
type Outcome = null | { code: string; reason?: string };
const ok: Outcome = null;
const unauth: Outcome = { code: "unauthorized" };
const denied = (reason: string): Outcome => ({ code: "forbidden", reason });

function outcomeOf(fn: () => unknown): Outcome {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.details.reason ? { code: error.code, reason: error.details.reason } : { code: error.code };
  }
}

describe("permission matrix", () => {
  const cases = PERMISSIONS.flatMap((permission) =>
    ROLES.map((role, i) => ({ permission, role, allowed: MATRIX[permission][i]! })),
  );

  it.each(cases)("$role / $permission -> $allowed", ({ permission, role, allowed }) => {
    expect(hasPermission(role, permission)).toBe(allowed);
    const actor = withBusiness(membership(role, false));
    expect(outcomeOf(() => requireBusiness(actor, permission))).toEqual(allowed ? ok : denied("insufficient_role"));
  });
});

describe("guards by actor", () => {
  const GUARDS: Record<string, (actor: Actor) => unknown> = {
    requireUser,
    requireSystem,
    requirePlatformAdmin,
    requireCustomer,
    "requireBusiness(crm.read)": (a) => requireBusiness(a, "crm.read"),
    requireProvider,
  };

  const EXPECTED: Record<string, Record<ActorName, Outcome>> = {
    requireUser: {
      anonymous: unauth,
      system: denied("system_actor"),
      customer: ok,
      "provider staff": ok,
      "non-provider staff": ok,
      "platform admin": ok,
    },
    requireSystem: {
      anonymous: denied("not_system"),
      system: ok,
      customer: denied("not_system"),
      "provider staff": denied("not_system"),
      "non-provider staff": denied("not_system"),
      "platform admin": denied("not_system"),
    },
    requirePlatformAdmin: {
      anonymous: unauth,
      system: denied("system_actor"),
      customer: denied("not_platform_admin"),
      "provider staff": denied("not_platform_admin"),
      "non-provider staff": denied("not_platform_admin"),
      "platform admin": ok,
    },
    requireCustomer: {
      anonymous: unauth,
      system: denied("system_actor"),
      customer: ok,
      "provider staff": denied("not_a_customer"),
      "non-provider staff": denied("not_a_customer"),
      "platform admin": denied("not_a_customer"),
    },
    "requireBusiness(crm.read)": {
      anonymous: unauth,
      system: denied("system_actor"),
      customer: denied("no_business"),
      "provider staff": ok,
      "non-provider staff": ok,
      "platform admin": denied("no_business"),
    },
    requireProvider: {
      anonymous: unauth,
      system: denied("system_actor"),
      customer: denied("not_a_provider"),
      "provider staff": ok,
      "non-provider staff": denied("not_a_provider"),
      "platform admin": denied("not_a_provider"),
    },
  };

  const cases = Object.entries(EXPECTED).flatMap(([guard, byActor]) =>
    (Object.keys(byActor) as ActorName[]).map((actor) => ({ guard, actor, expected: byActor[actor] })),
  );

  it.each(cases)("$guard for $actor", ({ guard, actor, expected }) => {
    expect(outcomeOf(() => GUARDS[guard]!(ACTORS[actor]))).toEqual(expected);
  });

  it("maps refusals to 401 and 403", () => {
    const statusOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as AppError).status;
      }
    };
    expect(statusOf(() => requireUser(anonymous))).toBe(401);
    expect(statusOf(() => requireUser(systemActor("x")))).toBe(403);
  });

  it("returns what scopes the queries", () => {
    expect(requireCustomer(ACTORS.customer)).toEqual({ user: ACTORS.customer, customerId: "c-1" });
    const staff = ACTORS["provider staff"] as UserActor;
    expect(requireBusiness(staff, "crm.purchases")).toEqual({ user: staff, business: staff.business });
    expect(requireProvider(staff)).toEqual({ user: staff, business: staff.business });
    expect(requireSystem(ACTORS.system)).toEqual({ kind: "system", label: "cron:test" });
    expect(requirePlatformAdmin(ACTORS["platform admin"])).toBe(ACTORS["platform admin"]);
  });

  it("judges the business acted for, not the other memberships", () => {
    // A member of a provider who is acting for a non-provider business is not a provider now.
    const acting = membership("owner", false);
    const actor = user({
      memberships: [acting, { ...membership("owner", true), businessId: "b-2" }],
      business: acting,
    });
    expect(outcomeOf(() => requireProvider(actor))).toEqual(denied("not_a_provider"));
  });

  it("names the role in an insufficient-role refusal", () => {
    expect(() => requireBusiness(withBusiness(membership("staff", false)), "crm.export")).toThrow(
      "Your role (staff) does not allow this.",
    );
  });
});

describe("auditScope", () => {
  const manager = withBusiness(membership("manager", false), { userId: "u-2", customerId: "c-2" });
  const staff = withBusiness(membership("staff", false), { userId: "u-3" });
  const customer = ACTORS.customer as UserActor; // u-1, customer c-1
  type Scope = ReturnType<typeof auditScope>;
  const scopeOf = (actor: Actor, entity: { type: string; id?: string }): Scope | Outcome => {
    try {
      return auditScope(actor, entity);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { code: error.code, ...(error.details.reason && { reason: error.details.reason }) };
    }
  };

  it.each([
    ["a platform admin: everything", ACTORS["platform admin"], { type: "membership" }, { kind: "platform" }],
    ["a platform admin, any record", ACTORS["platform admin"], { type: "user", id: "u-9" }, { kind: "platform" }],
    ["staff with audit.read: their business", manager, { type: "membership" }, { kind: "business", businessId: "b-1" }],
    [
      "staff with audit.read naming any record: still their business",
      manager,
      { type: "customer", id: "c-9" },
      { kind: "business", businessId: "b-1" },
    ],
    ["staff without audit.read", staff, { type: "membership" }, denied("insufficient_role")],
    [
      "staff without audit.read, their own account",
      staff,
      { type: "user", id: "u-3" },
      { kind: "self", entityType: "user", entityId: "u-3" },
    ],
    [
      "staff with audit.read, their own profile",
      manager,
      { type: "customer", id: "c-2" },
      { kind: "self", entityType: "customer", entityId: "c-2" },
    ],
    [
      "a customer, their own account",
      customer,
      { type: "user", id: "u-1" },
      { kind: "self", entityType: "user", entityId: "u-1" },
    ],
    [
      "a customer, their own profile",
      customer,
      { type: "customer", id: "c-1" },
      { kind: "self", entityType: "customer", entityId: "c-1" },
    ],
    ["a customer, someone else's account", customer, { type: "user", id: "u-2" }, denied("not_your_record")],
    ["a customer, someone else's profile", customer, { type: "customer", id: "c-2" }, denied("not_your_record")],
    [
      "a customer, their id under another entity type",
      customer,
      { type: "membership", id: "u-1" },
      denied("not_your_record"),
    ],
    ["a customer, a whole entity type", customer, { type: "user" }, denied("not_your_record")],
    [
      "an account without a profile asking for a customer",
      user(),
      { type: "customer", id: "c-1" },
      denied("not_your_record"),
    ],
    ["a scheduled job", ACTORS.system, { type: "user", id: "u-1" }, denied("system_actor")],
    ["anonymous", ACTORS.anonymous, { type: "user", id: "u-1" }, unauth],
  ] as const)("%s", (_, actor, entity, expected) => {
    expect(scopeOf(actor, entity)).toEqual(expected);
  });
});

describe("assertCanAssignRole", () => {
  // Whose role each role may touch (set from or to), written out by hand.
  const MAY_TOUCH: Record<StaffRole, StaffRole[]> = {
    owner: ["owner", "admin", "manager", "staff"],
    admin: ["admin", "manager", "staff"],
    manager: [],
    staff: [],
  };
  const FROM: (StaffRole | null)[] = [null, ...ROLES]; // null: inviting someone new
  const TO: (StaffRole | null)[] = [null, ...ROLES]; // null: removing them
  const cases = ROLES.flatMap((actor) =>
    FROM.flatMap((current) =>
      TO.filter((next) => current !== null || next !== null).map((next) => ({
        actor,
        current,
        next,
        allowed:
          (current === null || MAY_TOUCH[actor].includes(current)) &&
          (next === null || MAY_TOUCH[actor].includes(next)),
      })),
    ),
  );

  it.each(cases)("$actor: $current -> $next allowed=$allowed", ({ actor, current, next, allowed }) => {
    expect(outcomeOf(() => assertCanAssignRole(actor, current, next))).toEqual(
      allowed ? ok : denied("insufficient_role"),
    );
  });

  it.each([
    ["an owner may make another owner", "owner", "admin", "owner", null],
    ["an owner may demote an owner (the last-owner rule is separate)", "owner", "owner", "staff", null],
    ["an admin may invite an admin", "admin", null, "admin", null],
    ["an admin may remove a manager", "admin", "manager", null, null],
    ["an admin may not promote anyone to owner", "admin", "staff", "owner", /admin cannot grant the owner role/],
    ["an admin may not demote an owner", "admin", "owner", "staff", /admin cannot change an? owner/],
    ["an admin may not remove an owner", "admin", "owner", null, /admin cannot change an? owner/],
    ["a manager may not invite staff", "manager", null, "staff", /manager cannot grant the staff role/],
    ["staff may not remove staff", "staff", "staff", null, /staff cannot change an? staff/],
  ] as const)("%s", (_, actor, current, next, message) => {
    // Messages are matched loosely: their article ("A admin") is wording, not contract.
    const run = () => assertCanAssignRole(actor, current, next);
    if (message === null) expect(run).not.toThrow();
    else expect(run).toThrow(message);
  });
});

describe("assertKeepsAnOwner", () => {
  it.each([
    [2, ok],
    [1, ok],
    [0, { code: "conflict", reason: "last_owner" }],
    [-1, { code: "conflict", reason: "last_owner" }],
  ] as const)("%i owners left -> %o", (owners, expected) => {
    expect(outcomeOf(() => assertKeepsAnOwner(owners))).toEqual(expected);
  });
});

describe("assertCanChangeMember", () => {
  it.each([
    ["the only owner may not step down", "owner", "owner", "admin", 1, { code: "conflict", reason: "last_owner" }],
    ["the only owner may not be removed", "owner", "owner", null, 1, { code: "conflict", reason: "last_owner" }],
    ["the only owner keeps their role (a no-op)", "owner", "owner", "owner", 1, ok],
    ["one of two owners may step down", "owner", "owner", "staff", 2, ok],
    ["one of two owners may be removed", "owner", "owner", null, 2, ok],
    ["an admin may not remove an owner of two", "admin", "owner", null, 2, denied("insufficient_role")],
    ["an admin may re-role staff", "admin", "staff", "manager", 1, ok],
  ] as const)("%s", (_, actor, current, next, owners, expected) => {
    expect(outcomeOf(() => assertCanChangeMember(actor, current, next, owners))).toEqual(expected);
  });
});

describe("homePathFor", () => {
  it.each([
    ["provider staff", withBusiness(membership("staff", true)), "/provider"],
    ["business staff", withBusiness(membership("manager", false)), "/crm"],
    [
      "staff who is also a customer: the business wins",
      withBusiness(membership("owner", false), { customerId: "c-1" }),
      "/crm",
    ],
    ["a customer", user({ customerId: "c-1" }), "/me"],
    ["a platform admin who is also a customer", user({ customerId: "c-1", isPlatformAdmin: true }), "/me"],
    ["a platform admin only", user({ isPlatformAdmin: true }), "/admin"],
    ["an account with nothing yet", user(), "/me"],
  ])("%s -> %s", (_, actor, path) => {
    expect(homePathFor(actor)).toBe(path);
  });
});

describe("assertMayViewCustomerProfile", () => {
  // Every visibility x interaction for each kind of actor; the route tests repeat this on the database.
  const provider = ACTORS["provider staff"];
  it.each([
    ["public, no interaction", provider, "public", false, ok],
    ["public, with an interaction", provider, "public", true, ok],
    ["restricted, with an interaction", provider, "restricted", true, ok],
    ["restricted, no interaction", provider, "restricted", false, denied("no_interaction")],
    ["private, with an interaction", provider, "private", true, denied("private")],
    ["private, no interaction", provider, "private", false, denied("private")],
    ["a customer, public", ACTORS.customer, "public", false, denied("not_a_provider")],
    ["non-provider staff, public", ACTORS["non-provider staff"], "public", true, denied("not_a_provider")],
    ["a platform admin, public", ACTORS["platform admin"], "public", false, denied("not_a_provider")],
    ["a scheduled job, public", ACTORS.system, "public", false, denied("system_actor")],
    ["anonymous, public", ACTORS.anonymous, "public", false, unauth],
    // Who is asking is judged before what the profile allows: a non-provider learns nothing of it.
    ["a customer, private", ACTORS.customer, "private", false, denied("not_a_provider")],
    ["anonymous, private", ACTORS.anonymous, "private", false, unauth],
  ] as const)("%s", (_, actor, visibility, hasInteraction, expected) => {
    expect(outcomeOf(() => assertMayViewCustomerProfile(actor, { visibility }, hasInteraction))).toEqual(expected);
  });

  it("returns the provider scope the view is recorded against", () => {
    const staff = provider as UserActor;
    expect(assertMayViewCustomerProfile(staff, { visibility: "public" }, false)).toEqual({
      user: staff,
      business: staff.business,
    });
  });
});

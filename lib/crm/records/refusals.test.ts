/**
 * Who may do what to a customer record, as a table over every record route and every kind of
 * caller: the four roles, a member of another business, the linked person themselves, another
 * customer and anonymous. A refused request changes nothing (records, audit rows, events).
 */
import { describe, expect, it, vi } from "vitest";
import { crmCustomers } from "@/db/schema";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { recordsWorld, snapshot, type RecordsWorld } from "@/test/fixtures/crm-records";
import * as createRoute from "@/app/api/customers/[businessId]/route";
import * as recordRoute from "@/app/api/customers/[businessId]/[customerId]/route";
import * as restoreRoute from "@/app/api/customers/[businessId]/[customerId]/restore/route";
import * as overrideRoute from "@/app/api/customers/[businessId]/[customerId]/overrides/[field]/route";
import * as preferencesRoute from "@/app/api/customers/[businessId]/[customerId]/preferences/route";
import { customerRecordDto } from "./dto";
import { eq } from "drizzle-orm";

const { as, callRoute, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

type Caller = "owner" | "admin" | "manager" | "staff" | "foreign" | "self" | "other_customer" | "anonymous";
const CALLERS: Caller[] = ["owner", "admin", "manager", "staff", "foreign", "self", "other_customer", "anonymous"];

function actorFor(w: RecordsWorld, caller: Caller): Actor {
  switch (caller) {
    case "foreign":
      return w.foreignMember;
    case "self":
      return w.self;
    case "other_customer":
      return w.otherCustomer;
    case "anonymous":
      return anonymous;
    default:
      return w.staff[caller];
  }
}

type Case = {
  name: string;
  /** Prepares the world (as the owner) and answers the request. */
  prepare?: (w: RecordsWorld) => Promise<void>;
  send: (w: RecordsWorld) => Promise<Response>;
  /** Expected status by caller; 401 for anonymous and 404 for foreign and other customers unless said. */
  allowed: Partial<Record<Caller, number>>;
  /** What a staff member without the permission gets. */
  denied: number;
};

const path = (w: RecordsWorld, id: string, rest = "") => `/api/customers/${w.business.id}/${id}${rest}`;
const ids = (w: RecordsWorld, id: string) => ({ businessId: w.business.id, customerId: id });

const CASES: Case[] = [
  {
    name: "POST /api/customers/{businessId}",
    send: (w) =>
      callRoute(
        createRoute.POST,
        "POST",
        `/api/customers/${w.business.id}`,
        { businessId: w.business.id },
        {
          full_name: "New Person",
        },
      ),
    allowed: { owner: 201, admin: 201, manager: 201 },
    denied: 403,
  },
  {
    name: "GET /api/customers/{businessId}/{customerId}",
    send: (w) => callRoute(recordRoute.GET, "GET", path(w, w.linked.id), ids(w, w.linked.id)),
    allowed: { owner: 200, admin: 200, manager: 200, staff: 200, self: 200 },
    denied: 403,
  },
  {
    name: "PATCH /api/customers/{businessId}/{customerId}",
    send: (w) =>
      callRoute(recordRoute.PATCH, "PATCH", path(w, w.linked.id), ids(w, w.linked.id), { full_name: "Renamed" }),
    allowed: { owner: 200, admin: 200, manager: 200 },
    denied: 403,
  },
  {
    name: "DELETE /api/customers/{businessId}/{customerId}",
    send: (w) => callRoute(recordRoute.DELETE, "DELETE", path(w, w.linked.id), ids(w, w.linked.id)),
    allowed: { owner: 200, admin: 200 },
    denied: 403,
  },
  {
    name: "POST /api/customers/{businessId}/{customerId}/restore",
    prepare: async (w) => {
      as(w.staff.owner);
      const response = await callRoute(recordRoute.DELETE, "DELETE", path(w, w.walkIn.id), ids(w, w.walkIn.id));
      expect(response.status).toBe(200);
    },
    send: (w) => callRoute(restoreRoute.POST, "POST", path(w, w.walkIn.id, "/restore"), ids(w, w.walkIn.id)),
    allowed: { owner: 200, admin: 200 },
    denied: 403,
  },
  {
    name: "DELETE /api/customers/{businessId}/{customerId}/overrides/{field}",
    prepare: async (w) => {
      as(w.staff.owner);
      const response = await callRoute(recordRoute.PATCH, "PATCH", path(w, w.linked.id), ids(w, w.linked.id), {
        phone: "+40722222222",
      });
      expect(response.status).toBe(200);
    },
    send: (w) =>
      callRoute(overrideRoute.DELETE, "DELETE", path(w, w.linked.id, "/overrides/phone"), {
        ...ids(w, w.linked.id),
        field: "phone",
      }),
    allowed: { owner: 200, admin: 200, manager: 200 },
    denied: 403,
  },
  {
    name: "PATCH /api/customers/{businessId}/{customerId}/preferences",
    send: (w) =>
      callRoute(preferencesRoute.PATCH, "PATCH", path(w, w.linked.id, "/preferences"), ids(w, w.linked.id), {
        do_not_contact: true,
      }),
    allowed: { owner: 200, admin: 200, manager: 200 },
    denied: 403,
  },
];

function expected(c: Case, caller: Caller): number {
  if (c.allowed[caller]) return c.allowed[caller];
  if (caller === "anonymous") return 401;
  if (caller === "foreign" || caller === "self" || caller === "other_customer") return 404;
  return c.denied;
}

const table = CASES.flatMap((c) => CALLERS.map((caller) => [c.name, caller, expected(c, caller), c] as const));

describe("customer record routes, by caller", () => {
  it.each(table)("%s as %s: %i", (_name, caller, status, c) =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      await c.prepare?.(w);
      const before = await snapshot(db, w.business.id);
      as(actorFor(w, caller));
      const response = await c.send(w);
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(status);
      if (status >= 400) {
        expect(await snapshot(db, w.business.id)).toEqual(before);
        if (status === 403) expect(body.error.reason).toBe("insufficient_role");
      } else if (status === 201 || c.name.startsWith("PATCH /api/customers/{businessId}/{customerId}")) {
        expect(await snapshot(db, w.business.id)).not.toEqual(before);
      }
    }),
  );

  it("the person reads their own record without the business's tags; staff see them", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      const read = async (actor: Actor) => {
        as(actor);
        const response = await callRoute(recordRoute.GET, "GET", path(w, w.linked.id), ids(w, w.linked.id));
        return customerRecordDto.parse(await response.json());
      };
      const own = await read(w.self);
      expect(own.full_name).toBe("Cara Smith");
      expect(own).not.toHaveProperty("tags");
      expect(await read(w.staff.staff)).toMatchObject({ tags: [{ id: w.tag.id, label: "VIP", color: "gold" }] });

      // Their record at a business, once deleted, is not theirs to read there any more.
      await db.update(crmCustomers).set({ deletedAt: new Date() }).where(eq(crmCustomers.id, w.linked.id));
      as(w.self);
      expect((await callRoute(recordRoute.GET, "GET", path(w, w.linked.id), ids(w, w.linked.id))).status).toBe(404);
      // Another record of the business is not found for them.
      expect((await callRoute(recordRoute.GET, "GET", path(w, w.walkIn.id), ids(w, w.walkIn.id))).status).toBe(404);
    }));

  it("another business's record is not found, even for its owner acting on their own business's path", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.foreignMember);
      const theirs = { businessId: w.foreign.id, customerId: w.linked.id };
      const before = await snapshot(db, w.business.id);
      for (const response of [
        await callRoute(recordRoute.GET, "GET", `/api/customers/${w.foreign.id}/${w.linked.id}`, theirs),
        await callRoute(recordRoute.PATCH, "PATCH", `/api/customers/${w.foreign.id}/${w.linked.id}`, theirs, {
          full_name: "Stolen",
        }),
        await callRoute(recordRoute.DELETE, "DELETE", `/api/customers/${w.foreign.id}/${w.linked.id}`, theirs),
      ]) {
        expect(response.status).toBe(404);
      }
      expect(await snapshot(db, w.business.id)).toEqual(before);
    }));
});

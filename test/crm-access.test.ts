/**
 * Who may call each CRM route: a table of expected outcomes per actor (owner, admin, manager,
 * staff, a member of another business, the linked customer the record is about, another customer,
 * anonymous), driven by the route tree itself. Every route file under app/api/customers (and
 * app/api/me/businesses) and every method it exports must have a row, or the first test fails and
 * names it: the table grows with the routes. Each row is then called, for each actor, through the
 * real route wrapper on the real database with valid input, and the status is asserted: 2xx, 401,
 * 403 with its reason, or 404 (where a record's or a business's existence must not leak).
 *
 * Rows for routes that do not exist (yet) are not run.
 */
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { crmCustomers, crmCustomerTags, crmNotes, crmTags } from "@/db/schema";
import { uploadAvatar } from "@/lib/crm/avatar/mutations";
import type { Reason } from "@/lib/error-reasons";
import { apiRoutes, type ApiRoute } from "@/test/api-routes";
import {
  crmAccessWorld,
  fileForm,
  send,
  temporaryStorageDir,
  WHO,
  type CrmAccessWorld,
  type Who,
} from "@/test/fixtures/crm-access";

const { as, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
temporaryStorageDir();
const t = await routeDatabase();

const APP = path.resolve(import.meta.dirname, "..", "app");

/** What an actor gets: any 2xx, 401, 404, or 403 with its reason. */
type Outcome = "ok" | 401 | 404 | `403 ${Reason}`;
type Expected = Record<Who, Outcome>;

/** The outcomes of one guard of lib/authz/policy.ts, by actor. */
const outsiders = { foreign: 404, linked: 404, otherCustomer: 404, anonymous: 401 } as const;
const GUARDS = {
  /** requireCrm(…, "crm.read"): any member; nobody else learns the business exists. */
  staffRead: { owner: "ok", admin: "ok", manager: "ok", staff: "ok", ...outsiders },
  /** requireCrm(…, "crm.write"). */
  staffWrite: { owner: "ok", admin: "ok", manager: "ok", staff: "403 insufficient_role", ...outsiders },
  /** requireCrm(…, "crm.notes"): staff are told notes are hidden from them. */
  notes: { owner: "ok", admin: "ok", manager: "ok", staff: "403 notes_hidden", ...outsiders },
  /** requireCrm(…, "crm.delete"): owner and admin. */
  delete: {
    owner: "ok",
    admin: "ok",
    manager: "403 insufficient_role",
    staff: "403 insufficient_role",
    ...outsiders,
  },
  /** requireCrm(…, "crm.purchases"): every role. */
  purchases: { owner: "ok", admin: "ok", manager: "ok", staff: "ok", ...outsiders },
  /** crmReader: staff, and the person the record is about; another customer is not found. */
  recordRead: { owner: "ok", admin: "ok", manager: "ok", staff: "ok", ...outsiders, linked: "ok" },
  /** The avatar: staff with crm.write, and the person the record is about. */
  avatarWrite: {
    owner: "ok",
    admin: "ok",
    manager: "ok",
    staff: "403 insufficient_role",
    ...outsiders,
    linked: "ok",
  },
  /** requireCustomer: a signed-in account with a customer profile, acting as themselves. */
  customer: {
    owner: "403 not_a_customer",
    admin: "403 not_a_customer",
    manager: "403 not_a_customer",
    staff: "403 not_a_customer",
    foreign: "403 not_a_customer",
    linked: "ok",
    otherCustomer: "ok",
    anonymous: 401,
  },
} as const satisfies Record<string, Expected>;

/** What a row's request needs beyond the business and the linked record: other path params. */
type Prepared = Record<string, string>;
type Request = { body?: unknown; query?: string };

type Row = {
  expect: Expected;
  /** Runs before the call (as no one in particular): rows the request needs, and their ids as path params. */
  prepare?: (db: Database, w: CrmAccessWorld) => Promise<Prepared | void>;
  /** Valid input for the route. */
  request?: (w: CrmAccessWorld, prepared: Prepared) => Request;
};

/** A real (tiny) image for the avatar rows. */
const TINY_PNG = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#e67e22" } })
  .png()
  .toBuffer();

async function addNote(db: Database, w: CrmAccessWorld): Promise<Prepared> {
  const [note] = await db
    .insert(crmNotes)
    .values({
      businessId: w.businessId,
      crmCustomerId: w.recordId,
      authorUserId: w.users.owner.userId,
      body: "Likes oat milk.",
    })
    .returning();
  return { noteId: note!.id };
}

async function addTag(db: Database, w: CrmAccessWorld): Promise<Prepared> {
  const [tag] = await db.insert(crmTags).values({ businessId: w.businessId, name: "Regular" }).returning();
  await db.insert(crmCustomerTags).values({ businessId: w.businessId, crmCustomerId: w.recordId, tagId: tag!.id });
  return { tagId: tag!.id };
}

/**
 * One row per route and method, as `METHOD path` with the route's Next path. The routes of issue
 * 12's API block, and the ones built beside them.
 */
const TABLE: Record<string, Row> = {
  // Records (lib/crm/records).
  "POST /api/customers/[businessId]": {
    expect: GUARDS.staffWrite,
    request: () => ({ body: { full_name: "Nora New", customer_type: "regular" } }),
  },
  "GET /api/customers/[businessId]/[customerId]": { expect: GUARDS.recordRead },
  "PATCH /api/customers/[businessId]/[customerId]": {
    expect: GUARDS.staffWrite,
    request: () => ({ body: { customer_type: "vip" } }),
  },
  "DELETE /api/customers/[businessId]/[customerId]": { expect: GUARDS.delete },
  "POST /api/customers/[businessId]/[customerId]/restore": {
    expect: GUARDS.delete,
    prepare: async (db, w) => {
      await db.update(crmCustomers).set({ deletedAt: new Date() }).where(eq(crmCustomers.id, w.recordId));
    },
  },
  "PATCH /api/customers/[businessId]/[customerId]/preferences": {
    expect: GUARDS.staffWrite,
    request: () => ({ body: { prefer_email: true } }),
  },
  "DELETE /api/customers/[businessId]/[customerId]/overrides/[field]": {
    expect: GUARDS.staffWrite,
    prepare: async (db, w) => {
      await db
        .update(crmCustomers)
        .set({ fullName: "Cara the Regular", overriddenFields: ["full_name"] })
        .where(eq(crmCustomers.id, w.recordId));
      return { field: "full_name" };
    },
  },

  // The directory (lib/crm/directory).
  "GET /api/customers/[businessId]": { expect: GUARDS.staffRead, request: () => ({ query: "?limit=10" }) },
  "GET /api/customers/[businessId]/search": { expect: GUARDS.staffRead, request: () => ({ query: "?q=cara" }) },
  "GET /api/customers/[businessId]/repeat": { expect: GUARDS.staffRead },

  // Notes and tags (lib/crm/notes, lib/crm/tags).
  "GET /api/customers/[businessId]/[customerId]/notes": { expect: GUARDS.notes },
  "POST /api/customers/[businessId]/[customerId]/notes": {
    expect: GUARDS.notes,
    request: () => ({ body: { content: "Prefers the window seat.", note_type: "preference" } }),
  },
  "PATCH /api/customers/[businessId]/[customerId]/notes/[noteId]": {
    expect: GUARDS.notes,
    prepare: addNote,
    request: () => ({ body: { is_pinned: true } }),
  },
  "POST /api/customers/[businessId]/[customerId]/tags": {
    expect: GUARDS.staffWrite,
    request: () => ({ body: { label: "VIP", color: "amber" } }),
  },
  "DELETE /api/customers/[businessId]/[customerId]/tags/[tagId]": { expect: GUARDS.staffWrite, prepare: addTag },
  "GET /api/customers/[businessId]/tags": { expect: GUARDS.staffRead },
  "POST /api/customers/[businessId]/tags/bulk": {
    expect: GUARDS.staffWrite,
    request: (w) => ({ body: { label: "Morning", color: "teal", customer_ids: [w.recordId, w.walkInId] } }),
  },

  // The avatar (lib/crm/avatar).
  "GET /api/customers/[businessId]/[customerId]/avatar": {
    expect: GUARDS.recordRead,
    prepare: async (db, w) => {
      const image = new File([TINY_PNG], "a.png", { type: "image/png" });
      await uploadAvatar(db, w.users.owner, w.businessId, w.recordId, image);
    },
  },
  "POST /api/customers/[businessId]/[customerId]/avatar": {
    expect: GUARDS.avatarWrite,
    request: () => ({ body: fileForm("avatar", TINY_PNG, "me.png", "image/png") }),
  },
  "DELETE /api/customers/[businessId]/[customerId]/avatar": { expect: GUARDS.avatarWrite },

  // Purchases, history and metrics (lib/crm/purchases).
  "POST /api/customers/[businessId]/[customerId]/purchases": {
    expect: GUARDS.purchases,
    request: () => ({ body: { amount_minor: 1250, items: 2, description: "Two flat whites" } }),
  },
  "GET /api/customers/[businessId]/[customerId]/history": { expect: GUARDS.recordRead },
  "GET /api/customers/[businessId]/[customerId]/metrics": { expect: GUARDS.recordRead },
  "GET /api/customers/[businessId]/[customerId]/stats": { expect: GUARDS.recordRead },

  // The person's own businesses.
  "GET /api/me/businesses": { expect: GUARDS.customer },
};

const inScope = (route: ApiRoute) => route.path.startsWith("/api/customers/") || route.path === "/api/me/businesses";
const routes = apiRoutes().filter(inScope);
const keyOf = (route: Pick<ApiRoute, "method" | "path">) => `${route.method} ${route.path}`;

describe("the CRM access table", () => {
  it("has a row for every route and method under app/api/customers and app/api/me/businesses", () => {
    expect(routes.length, "the walker finds the avatar routes at least").toBeGreaterThan(0);
    const missing = routes.map(keyOf).filter((key) => !(key in TABLE));
    expect(missing, "add a row to TABLE in test/crm-access.test.ts for each").toEqual([]);
  });

  it("names only real methods and Next paths in its rows", () => {
    for (const key of Object.keys(TABLE)) {
      expect(key).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\/(customers|me\/businesses)(\/[^/{}\s]+)*$/);
    }
  });

  const cases = routes.flatMap((route) => {
    const row = TABLE[keyOf(route)];
    return row ? WHO.map((who) => [keyOf(route), who, row.expect[who], route, row] as const) : [];
  });

  it.each(cases)("%s as %s: %s", (_, who, expected, route, row) =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const prepared = (await row.prepare?.(db, w)) ?? {};
      const { body, query = "" } = row.request?.(w, prepared) ?? {};
      const values: Record<string, string> = { businessId: w.businessId, customerId: w.recordId, ...prepared };
      const names = [...route.path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
      const params = Object.fromEntries(
        names.map((name) => [name, values[name] ?? expect.fail(`no value for [${name}]`)]),
      );
      const url = route.path.replace(/\[([^\]]+)\]/g, (_, name: string) => params[name]!) + query;

      const mod = (await import(path.join(APP, route.path, "route.ts"))) as Record<string, Parameters<typeof send>[0]>;
      as(w.actors[who]);
      const res = await send(mod[route.method]!, route.method, url, params, body);
      const text = await res.text();
      const got =
        res.status >= 200 && res.status < 300
          ? "ok"
          : res.status === 403
            ? `403 ${(JSON.parse(text) as { error: { reason?: string } }).error.reason}`
            : res.status;
      expect(got, `${route.method} ${url} as ${who}: ${res.status} ${text.slice(0, 300)}`).toBe(expected);
    }),
  );
});

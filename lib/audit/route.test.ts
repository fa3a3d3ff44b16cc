/**
 * GET /api/audit through the real route wrapper and database: query parsing, the page it answers
 * and a refusal. Only the session is stubbed (it is Next's request scope); the actor comes from
 * the database as in production.
 */
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { auditLog, businesses, users } from "@/db/schema";
import { anonymous, resolveActor, type Actor } from "@/lib/auth/actor";
import { testDatabase } from "@/test/db";
import { addMember, createBusiness, createUser } from "@/test/factories";
import { auditPageDto } from "./dto";
import { recordChange } from "./record";

const t = await testDatabase();
const state = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/auth/current", () => ({ getActor: async () => state.actor }));
vi.mock("@/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/db/client")>()),
  getDb: async () => t.db,
}));
const { GET } = await import("@/app/api/audit/route");

// The route runs its own queries, so these rows are committed; they are removed afterwards.
const owner = await createUser(t.db, { name: "Route Owner" });
const staff = await createUser(t.db);
const business = await createBusiness(t.db, {}, owner.id);
await addMember(t.db, business.id, staff.id, "staff");
const entityId = randomUUID();
afterAll(async () => {
  await t.db.delete(auditLog).where(eq(auditLog.businessId, business.id));
  await t.db.delete(businesses).where(eq(businesses.id, business.id));
  for (const id of [owner.id, staff.id]) await t.db.delete(users).where(eq(users.id, id));
  await t.close();
});

const get = (query: string) =>
  GET(new NextRequest(`http://localhost/api/audit?${query}`, { headers: { "x-request-id": "route-trace-1" } }), {
    params: Promise.resolve({}),
  });

describe("GET /api/audit", () => {
  it("answers a page of the acting business's changes", async () => {
    state.actor = await resolveActor(t.db, owner.id, { businessId: business.id });
    for (const role of ["staff", "manager", "admin"]) {
      await recordChange(t.db, state.actor, {
        businessId: business.id,
        entity: { type: "membership", id: entityId },
        action: "update",
        before: { role: "x" },
        after: { role },
      });
    }
    const first = await get(`entity_type=membership&entity_id=${entityId}&limit=2`);
    expect(first.status).toBe(200);
    const page = auditPageDto.parse(await first.json());
    expect(page.items.map((i) => i.new_value)).toEqual(["admin", "manager"]);
    const second = auditPageDto.parse(await (await get(`entity_type=membership&entity_id=${entityId}&limit=2&cursor=${page.next_cursor}`)).json());
    expect(second).toMatchObject({ items: [{ new_value: "staff" }], next_cursor: null });
  });

  it.each([
    ["no entity type", "", 400],
    ["a malformed entity type", "entity_type=Robert');drop", 400],
    ["a limit over 100", "entity_type=membership&limit=101", 400],
    ["a bad cursor", "entity_type=membership&cursor=abc", 400],
  ])("refuses %s (400)", async (_, query, status) => {
    state.actor = await resolveActor(t.db, owner.id, { businessId: business.id });
    expect((await get(query)).status).toBe(status);
  });

  it("answers 403 insufficient_role to staff without audit.read, 401 to anonymous callers", async () => {
    state.actor = await resolveActor(t.db, staff.id, { businessId: business.id });
    const refused = await get("entity_type=membership");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ reason: "insufficient_role", trace_id: "route-trace-1" });
    state.actor = anonymous;
    expect((await get("entity_type=membership")).status).toBe(401);
  });
});

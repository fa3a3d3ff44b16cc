/**
 * GET /api/audit through the real route wrapper and database: query parsing, the page it answers
 * and a refusal. Only the session is stubbed (it is Next's request scope); the actor comes from
 * the database as in production.
 */
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/audit/route";
import { auditLog, businesses, users } from "@/db/schema";
import { anonymous } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { testDatabase } from "@/test/db";
import { addMember, createBusiness, createUser } from "@/test/factories";
import { auditPageDto } from "./dto";
import { recordChange } from "./record";

const { as, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await testDatabase();
useDatabase(t.db);

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
    const actor = await resolveActor(t.db, owner.id, { businessId: business.id });
    as(actor);
    for (const role of ["staff", "manager", "admin"]) {
      await recordChange(t.db, actor, {
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
    const second = auditPageDto.parse(
      await (await get(`entity_type=membership&entity_id=${entityId}&limit=2&cursor=${page.next_cursor}`)).json(),
    );
    expect(second).toMatchObject({ items: [{ new_value: "staff" }], next_cursor: null });
  });

  it.each([
    ["no entity type", "", 400],
    ["a malformed entity type", "entity_type=Robert');drop", 400],
    ["a limit over 100", "entity_type=membership&limit=101", 400],
    ["a bad cursor", "entity_type=membership&cursor=abc", 400],
  ])("refuses %s (400)", async (_, query, status) => {
    as(await resolveActor(t.db, owner.id, { businessId: business.id }));
    expect((await get(query)).status).toBe(status);
  });

  it("answers 403 insufficient_role to staff without audit.read, 401 to anonymous callers", async () => {
    as(await resolveActor(t.db, staff.id, { businessId: business.id }));
    const refused = await get("entity_type=membership");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ reason: "insufficient_role", trace_id: "route-trace-1" });
    as(anonymous);
    expect((await get("entity_type=membership")).status).toBe(401);
  });
});

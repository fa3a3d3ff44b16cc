/**
 * POST /api/businesses/{businessId}/staff through the real route wrapper: the answer for an email
 * with an account is the answer for one without (status and body, ids, link and times aside), so
 * the caller cannot tell who has an account, and nobody joins until they accept.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { memberships } from "@/db/schema";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { addMember, createBusiness, createUser } from "@/test/factories";
import * as staffRoute from "@/app/api/businesses/[businessId]/staff/route";

const { as, callRoute, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

/** The body with what differs per call by nature (ids, token, times, the email typed) blanked. */
const shape = (body: unknown, email: string) =>
  JSON.parse(
    JSON.stringify(body)
      .replaceAll(email, "<email>")
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
      .replace(/\/invite\/[A-Za-z0-9_-]+/g, "/invite/<token>")
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>"),
  );

describe("POST /api/businesses/{businessId}/staff", () => {
  it("answers a known and an unknown email alike, and makes nobody a member", () =>
    t.inTransaction(async (db) => {
      const owner = await createUser(db);
      const business = await createBusiness(db, { name: "Consent Cafe" }, owner.id);
      const known = await createUser(db, { email: "has.account@example.test", name: "Hazel Account" });
      const elsewhere = await createBusiness(db, { name: "Her Own Shop" });
      await addMember(db, elsewhere.id, known.id, "owner");
      as(await resolveActor(db, owner.id, { businessId: business.id }));

      const post = (email: string) =>
        callRoute(
          staffRoute.POST,
          "POST",
          `/api/businesses/${business.id}/staff`,
          { businessId: business.id },
          {
            email,
            role: "staff",
          },
        );
      const forKnown = await post("has.account@example.test");
      const forUnknown = await post("no.account@example.test");
      const [knownBody, unknownBody] = [await forKnown.json(), await forUnknown.json()];

      expect([forKnown.status, forUnknown.status]).toEqual([201, 201]);
      expect(shape(knownBody, "has.account@example.test")).toEqual(shape(unknownBody, "no.account@example.test"));
      expect(JSON.stringify(knownBody)).not.toMatch(/Hazel|Account"|user_id/);
      expect(JSON.stringify(knownBody)).not.toContain(known.id);

      const joined = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.businessId, business.id), eq(memberships.userId, known.id)));
      expect(joined).toEqual([]);
      const them = await resolveActor(db, known.id);
      expect(them.kind === "user" && them.business?.businessId).toBe(elsewhere.id);
    }));
});

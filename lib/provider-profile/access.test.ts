/**
 * The policy matrix through the real route handlers and database: each visibility x provider with
 * and without an interaction x provider of another business x customer x anonymous, on the profile
 * and the reviews route alike, with the expected status and reason. Only the session is mocked;
 * actors are resolved from the database as in production, and every test rolls back.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { GET as profileRoute } from "@/app/api/provider/customers/[customerId]/profile/route";
import { GET as reviewsRoute } from "@/app/api/provider/customers/[customerId]/reviews/route";
import type { Database } from "@/db/client";
import { profileViews } from "@/db/schema";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { metrics } from "@/lib/observability/metrics";
import { addMember, createBusiness, createUser } from "@/test/factories";
import { providerProfileDto, reviewsPageDto } from "./dto";
import { createMarketplaceCustomer, createProvider, recordInteraction } from "@/test/fixtures/provider-profile";

const { as, callRoute, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

/** The world of one test, in its transaction. */
async function world(db: Database) {
  const withInteraction = await createProvider(db, "Has Dealt Co");
  const other = await createProvider(db, "Stranger Co");
  const staffUser = await createUser(db);
  await addMember(db, withInteraction.business.id, staffUser.id, "staff");
  const shop = await createUser(db);
  await createBusiness(db, { isMarketplaceProvider: false }, shop.id);
  // A member of both providers, acting for the one that never dealt with the customer.
  const both = await createUser(db);
  await addMember(db, withInteraction.business.id, both.id, "staff", "2020-01-01T00:00:00Z");
  await addMember(db, other.business.id, both.id, "staff", "2021-01-01T00:00:00Z");
  const customers = {
    public: (await createMarketplaceCustomer(db, "public")).customer,
    restricted: (await createMarketplaceCustomer(db, "restricted")).customer,
    private: (await createMarketplaceCustomer(db, "private")).customer,
  };
  for (const c of Object.values(customers)) await recordInteraction(db, withInteraction.business.id, c.id);
  const viewer = await createMarketplaceCustomer(db, "public");
  const actors: Record<ActorName, Actor> = {
    "provider owner, interaction": await resolveActor(db, withInteraction.owner.id),
    "provider staff, interaction": await resolveActor(db, staffUser.id),
    "provider of another business": await resolveActor(db, other.owner.id),
    "member of both, acting for the other": await resolveActor(db, both.id, { businessId: other.business.id }),
    "staff of a non-provider business": await resolveActor(db, shop.id),
    "customer (no business)": await resolveActor(db, viewer.user.id),
    anonymous,
  };
  return { customers, actors, providerId: withInteraction.business.id };
}

type ActorName =
  | "provider owner, interaction"
  | "provider staff, interaction"
  | "provider of another business"
  | "member of both, acting for the other"
  | "staff of a non-provider business"
  | "customer (no business)"
  | "anonymous";
type Visibility = "public" | "restricted" | "private";
type Expected = [status: number, reason?: string];

const ok: Expected = [200];
const notProvider: Expected = [403, "not_a_provider"];
const MATRIX: Record<ActorName, Record<Visibility, Expected>> = {
  "provider owner, interaction": { public: ok, restricted: ok, private: [403, "private"] },
  "provider staff, interaction": { public: ok, restricted: ok, private: [403, "private"] },
  "provider of another business": { public: ok, restricted: [403, "no_interaction"], private: [403, "private"] },
  "member of both, acting for the other": {
    public: ok,
    restricted: [403, "no_interaction"],
    private: [403, "private"],
  },
  "staff of a non-provider business": { public: notProvider, restricted: notProvider, private: notProvider },
  "customer (no business)": { public: notProvider, restricted: notProvider, private: notProvider },
  anonymous: { public: [401], restricted: [401], private: [401] },
};

const cases = (Object.keys(MATRIX) as ActorName[]).flatMap((actor) =>
  (["public", "restricted", "private"] as const).map((visibility) => ({
    actor,
    visibility,
    expected: MATRIX[actor][visibility],
  })),
);

const ROUTES = {
  profile: { handler: profileRoute, path: "profile", schema: providerProfileDto },
  reviews: { handler: reviewsRoute, path: "reviews", schema: reviewsPageDto },
};

describe.each(Object.entries(ROUTES))("GET /api/provider/customers/{id}/%s", (_, r) => {
  it.each(cases)("$visibility profile, $actor -> $expected", ({ actor, visibility, expected }) =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      as(w.actors[actor]);
      const id = w.customers[visibility].id;
      const response = await callRoute(r.handler, "GET", `/api/provider/customers/${id}/${r.path}`, { customerId: id });
      const body = await response.json();
      expect([response.status, body.error?.reason].filter((x) => x !== undefined)).toEqual(expected);
      if (response.status === 200) r.schema.parse(body);
      else expect(body.error.message).toEqual(expect.any(String));
    }),
  );

  it("answers 404 for an unknown customer and 400 for a malformed id", () =>
    t.inTransaction(async (db) => {
      as((await world(db)).actors["provider of another business"]);
      const unknown = randomUUID();
      expect(
        (await callRoute(r.handler, "GET", `/api/provider/customers/${unknown}/${r.path}`, { customerId: unknown }))
          .status,
      ).toBe(404);
      const bad = await callRoute(r.handler, "GET", `/api/provider/customers/nope/${r.path}`, { customerId: "nope" });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.field_errors).toHaveProperty("customerId");
    }));
});

describe("refusals", () => {
  it("explain themselves in words the page can show", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      as(w.actors["provider of another business"]);
      const get = async (id: string) =>
        (
          await (
            await callRoute(profileRoute, "GET", `/api/provider/customers/${id}/profile`, { customerId: id })
          ).json()
        ).error;
      expect(await get(w.customers.private.id)).toMatchObject({
        reason: "private",
        message: expect.stringMatching(/private/),
      });
      expect(await get(w.customers.restricted.id)).toMatchObject({
        reason: "no_interaction",
        message: expect.stringMatching(/dealt with/),
      });
    }));

  it("record no view, and are counted by outcome", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      const viewer = w.actors["provider of another business"];
      as(viewer);
      const count = async (outcome: string) =>
        (await metrics.profileViews.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
      const before = Object.fromEntries(
        await Promise.all(
          ["shown", "private", "no_interaction", "not_found"].map(async (o) => [o, await count(o)] as const),
        ),
      );
      for (const id of [w.customers.private.id, w.customers.restricted.id, randomUUID(), w.customers.public.id]) {
        await callRoute(profileRoute, "GET", `/api/provider/customers/${id}/profile`, { customerId: id });
      }
      // Exactly one each: a refusal counted twice would be a bug too.
      for (const outcome of ["shown", "private", "no_interaction", "not_found"]) {
        expect(await count(outcome), outcome).toBe(before[outcome]! + 1);
      }
      const recorded = await db
        .select({ customerId: profileViews.customerId })
        .from(profileViews)
        .where(
          eq(profileViews.providerBusinessId, (viewer as { business: { businessId: string } }).business.businessId),
        );
      expect(recorded).toEqual([{ customerId: w.customers.public.id }]);
    }));
});

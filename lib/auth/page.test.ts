/**
 * loadForPage with a rateLimit policy, against the real database: each load charges the policy for
 * the signed-in person, and once their limit is spent the page gets a rate_limited refusal to
 * render instead of its data, without the data function running. Only the session and the request
 * headers are stubbed; the database is the test's rolled-back transaction.
 */
import { describe, expect, it, vi } from "vitest";
import { POLICIES } from "@/lib/rate-limit";
import { uniqueIp, userActor } from "@/test/factories";
import { loadForPage } from "./page";

const { as, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": uniqueIp() }) }));
const t = await routeDatabase();

// The policy the job page charges; its per-person limit is the one a single visitor reaches.
const perUser = POLICIES.profileView.find((l) => l.per === "user")!;

describe("loadForPage with a rateLimit policy", () => {
  it(`loads ${perUser.points} times for one person, then refuses as rate_limited without loading`, () =>
    t.inTransaction(async () => {
      as(userActor());
      const load = vi.fn(async () => "the page's data");
      const visit = () => loadForPage("/jobs/x", load, { rateLimit: "profileView" });

      for (let i = 0; i < perUser.points; i++)
        expect(await visit()).toMatchObject({ ok: true, data: "the page's data" });
      const refused = await visit();
      expect(refused.ok ? "loaded" : refused.error.code).toBe("rate_limited");
      expect(load).toHaveBeenCalledTimes(perUser.points);

      // The limit is the person's: someone else still loads the page.
      as(userActor());
      expect(await visit()).toMatchObject({ ok: true });
    }));
});

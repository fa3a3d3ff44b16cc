/**
 * The limiter on the real database of each project, with small policies of the tests' own (the
 * production table is untouched): which keys count, who is exempt, the headers, windows, peeking.
 * Every test charges keys of its own, because the pg and neon projects share one database.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, systemActor, type Actor, type UserActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { withRequestContext } from "@/lib/observability/context";
import { metrics } from "@/lib/observability/metrics";
import { refusalOf, uniqueIp, userActor } from "@/test/factories";
import { testDatabase, type TestDatabase } from "@/test/db";
import { consume, consumeWith, peekWith, POLICIES, resetWith, type PolicyDefinition } from ".";

const user = () => userActor();

const perUserAndIp: PolicyDefinition = {
  name: "test-limiter",
  limits: [
    { per: "user", points: 2, duration: 60 },
    { per: "ip", points: 5, duration: 60 },
  ],
};

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const charge = (actor: Actor, ip: string, definition = perUserAndIp) => consumeWith(t.db, definition, { actor, ip });
const outcome = (promise: Promise<void>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
  );

describe("keys", () => {
  it("counts per user and per IP independently", async () => {
    const [a, b, c] = [user(), user(), user()];
    const [x, y, z] = [uniqueIp(), uniqueIp(), uniqueIp()];
    expect(await outcome(charge(a, x))).toBe("ok");
    expect(await outcome(charge(a, x))).toBe("ok");
    expect(await outcome(charge(a, x))).toBe("rate_limited"); // a's 2 per user
    expect(await outcome(charge(a, y))).toBe("rate_limited"); // still a, from elsewhere
    expect(await outcome(charge(b, x))).toBe("ok"); // another user on x: 4 of x's 5
    expect(await outcome(charge(b, x))).toBe("ok"); // 5 of 5
    expect(await outcome(charge(c, x))).toBe("rate_limited"); // a fresh user, but x is spent
    expect(await outcome(charge(c, z))).toBe("ok");
  });

  it("counts anonymous callers by IP", async () => {
    const [x, y] = [uniqueIp(), uniqueIp()];
    expect(await outcome(charge(anonymous, x))).toBe("ok");
    expect(await outcome(charge(anonymous, x))).toBe("ok");
    // Their per-user limit applies per IP: a third anonymous request from x is refused...
    expect(await outcome(charge(anonymous, x))).toBe("rate_limited");
    // ...while another anonymous caller elsewhere is not.
    expect(await outcome(charge(anonymous, y))).toBe("ok");
  });

  it("counts a business's staff together under a per-business limit", async () => {
    const perBusiness: PolicyDefinition = {
      name: "test-business",
      limits: [{ per: "business", points: 3, duration: 60 }],
    };
    const businessId = randomUUID();
    const staffOf = (id: string): UserActor => ({
      ...user(),
      business: { businessId: id, businessName: "Scrapers Ltd", role: "staff", isMarketplaceProvider: true },
    });
    const [a, b] = [staffOf(businessId), staffOf(businessId)];
    expect(await outcome(charge(a, uniqueIp(), perBusiness))).toBe("ok");
    expect(await outcome(charge(b, uniqueIp(), perBusiness))).toBe("ok");
    expect(await outcome(charge(a, uniqueIp(), perBusiness))).toBe("ok");
    // A fourth login of the same business, from a fresh IP, is still the same provider.
    expect(await outcome(charge(staffOf(businessId), uniqueIp(), perBusiness))).toBe("rate_limited");
    expect(await outcome(charge(staffOf(randomUUID()), uniqueIp(), perBusiness))).toBe("ok");
    // Someone acting for no business is not charged by that limit.
    expect(await outcome(charge(user(), uniqueIp(), perBusiness))).toBe("ok");
  });

  it("never limits system actors and leaves no headers for them", async () => {
    const tiny: PolicyDefinition = { name: "test-limiter", limits: [{ per: "ip", points: 1, duration: 60 }] };
    const ip = uniqueIp();
    await withRequestContext("t", async ({ responseHeaders }) => {
      for (let i = 0; i < 5; i++) await charge(systemActor("cron:test"), ip, tiny);
      expect([...responseHeaders.keys()]).toEqual([]);
    });
    await expect(consume(t.db, "write", { actor: systemActor("stripe"), ip })).resolves.toBeUndefined();
    expect(await outcome(charge(anonymous, ip, tiny))).toBe("ok"); // the system's calls counted nothing
  });
});

describe("headers", () => {
  it("reports the most restrictive limit on success, counting down", async () => {
    const actor = user();
    const ip = uniqueIp();
    const remaining: string[] = [];
    for (let i = 0; i < 2; i++) {
      await withRequestContext("t", async ({ responseHeaders }) => {
        await charge(actor, ip);
        expect(responseHeaders.get("ratelimit-limit")).toBe("2"); // the per-user limit, not the IP's 5
        expect(responseHeaders.get("ratelimit-policy")).toBe("2;w=60");
        expect(Number(responseHeaders.get("ratelimit-reset"))).toBeGreaterThan(55);
        remaining.push(responseHeaders.get("ratelimit-remaining")!);
      });
    }
    expect(remaining).toEqual(["1", "0"]);
  });

  it("refuses with a 429 that carries Retry-After and RateLimit-* of the refusing limit, and counts it", async () => {
    const actor = user();
    const ip = uniqueIp();
    const before =
      (await metrics.rateLimitRefusals.get()).values.find((v) => v.labels.policy === "test-limiter")?.value ?? 0;
    await charge(actor, ip);
    await charge(actor, ip);
    const error = await refusalOf(charge(actor, ip));
    expect(error.status).toBe(429);
    expect(error.details.retryAfterSeconds).toBeGreaterThan(55);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(error.details.headers).toMatchObject({
      "RateLimit-Limit": "2",
      "RateLimit-Remaining": "0",
      "RateLimit-Policy": "2;w=60",
    });
    const after = (await metrics.rateLimitRefusals.get()).values.find((v) => v.labels.policy === "test-limiter")?.value;
    expect(after).toBe(before + 1);
  });
});

describe("windows", () => {
  it("resets once the window has passed", async () => {
    const oneSecond: PolicyDefinition = { name: "test-limiter", limits: [{ per: "ip", points: 1, duration: 1 }] };
    const ip = uniqueIp();
    await charge(anonymous, ip, oneSecond);
    const error = await refusalOf(charge(anonymous, ip, oneSecond));
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await outcome(charge(anonymous, ip, oneSecond))).toBe("ok");
  });
});

describe("peeking and resetting", () => {
  it("peeks without charging and reports a block only once a limit is spent", async () => {
    const actor = user();
    const ip = uniqueIp();
    expect(await peekWith(t.db, perUserAndIp, { actor, ip })).toBeNull();
    await charge(actor, ip);
    for (let i = 0; i < 3; i++) expect(await peekWith(t.db, perUserAndIp, { actor, ip })).toBeNull();
    await charge(actor, ip); // the second of two: spent, though this one got through
    const block = await peekWith(t.db, perUserAndIp, { actor, ip });
    expect(block?.retryAfterSeconds).toBeGreaterThan(55);
    expect(block?.headers["RateLimit-Remaining"]).toBe("0");
  });

  it("forgets one scope's count and keeps the others", async () => {
    const actor = user();
    const ip = uniqueIp();
    await charge(actor, ip);
    await charge(actor, ip);
    await resetWith(t.db, perUserAndIp, { actor, ip }, "user");
    await withRequestContext("t", async ({ responseHeaders }) => {
      await charge(actor, ip);
      expect(responseHeaders.get("ratelimit-remaining")).toBe("1"); // the user's count started again
    });
    expect(await peekWith(t.db, { ...perUserAndIp, limits: [perUserAndIp.limits[1]!] }, { actor, ip })).toBeNull();
  });
});

describe("the production policies", () => {
  it.each(Object.entries(POLICIES))("%s has sane limits", (_, limits) => {
    expect(limits.length).toBeGreaterThan(0);
    for (const limit of limits) {
      expect(Number.isInteger(limit.points) && limit.points > 0).toBe(true);
      expect(Number.isInteger(limit.duration) && limit.duration > 0).toBe(true);
    }
    expect(new Set(limits.map((l) => l.per)).size).toBe(limits.length); // one limit per scope: one key prefix each
  });
});

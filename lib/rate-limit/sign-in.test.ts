/**
 * Brute-force protection on password sign-in, against the database of each project: the real
 * authorize our Auth.js config runs, and the real Auth.js route. NextAuth() itself is a stand-in
 * that records the config and whether a request reached its handler.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { metrics } from "@/lib/observability/metrics";
import { createUser, uniqueIp } from "@/test/factories";
import { chargeSignInAttempt, POLICIES, signInBlock } from ".";
import { accountLock, FIRST_LOCK_SECONDS, FREE_FAILURES, lockSecondsAfter, MAX_LOCK_SECONDS } from "./account-backoff";
import { emailDigest } from "./keys";

const { routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const state = vi.hoisted(() => ({
  /** The device cookie authorize set last, as a Cookie header would send it back. */
  deviceCookie: "",
  authJsPost: null as unknown as Mock<(req: Request) => Promise<Response>>,
  authJsGet: null as unknown as Mock<(req: Request) => Promise<Response>>,
  authConfig: null as unknown as () => { providers: { options?: { authorize?: unknown } }[] },
}));
vi.mock("@/lib/env", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/env")>()),
  authSecret: () => "test-secret",
}));
// The cookie jar of the request authorize runs in (Next's, in a route or an action).
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string) => (state.deviceCookie = `${name}=${value}`) }),
}));
// next-auth imports "next/server" without an extension, which Node's loader refuses outside Next;
// its errors come from @auth/core, and NextAuth itself only hands back the config and the handlers.
vi.mock("next-auth", async () => {
  const { AuthError, CredentialsSignin } = await import("@auth/core/errors");
  return {
    AuthError,
    CredentialsSignin,
    default: (config: typeof state.authConfig) => {
      state.authConfig = config;
      return {
        handlers: { GET: (req: Request) => state.authJsGet(req), POST: (req: Request) => state.authJsPost(req) },
        auth: vi.fn(),
        signIn: vi.fn(),
        signOut: vi.fn(),
      };
    },
  };
});

const { authorizeCredentials } = await import("@/lib/auth");
const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");

const PASSWORD = "correct horse battery staple";
const perAccount = POLICIES.signIn.find((l) => l.per === "ip+email")!;
const perIp = POLICIES.signIn.find((l) => l.per === "ip")!;
const uniqueEmail = () => `signin-${randomUUID()}@example.test`;

const t = await routeDatabase();
useDatabase(t.db);
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});
beforeEach(() => {
  state.authJsPost = vi.fn(async (_req: Request) => new Response(null, { status: 302 }));
  // Response.redirect's headers are immutable: the trace id must still get on.
  state.authJsGet = vi.fn(async (_req: Request) => Response.redirect("http://localhost/signin", 302));
});

const fromIp = (ip: string, cookie?: string) =>
  new Request("http://localhost/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": ip, ...(cookie && { cookie }) },
  });

/** The code of the CredentialsSignin authorize refused with, or "signed in". */
const attempt = (email: string, password: string, ip: string, cookie?: string) =>
  authorizeCredentials({ email, password }, fromIp(ip, cookie)).then(
    () => "signed in",
    (error: { code?: string }) => error.code ?? Promise.reject(error),
  );

const authFailures = async (reason: string) =>
  (await metrics.authFailures.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;

describe("authorize", () => {
  it("is the one the Credentials provider runs", () => {
    expect(state.authConfig().providers[0]?.options?.authorize).toBe(authorizeCredentials);
  });

  it(`refuses even the right password after ${perAccount.points} failures from one IP for one email`, async () => {
    await t.inTransaction(async (db) => {
      const email = uniqueEmail();
      await createUser(db, { email, passwordHash });
      expect(await attempt(email, PASSWORD, uniqueIp())).toBe("signed in");
      const device = state.deviceCookie;
      const ip = uniqueIp();
      const [badBefore, limitedBefore] = [await authFailures("bad_credentials"), await authFailures("rate_limited")];

      for (let i = 0; i < perAccount.points; i++) expect(await attempt(email, "wrong", ip)).toBe("invalid_credentials");
      expect(await attempt(email, PASSWORD, ip)).toBe("rate_limited");
      expect(await attempt(email.toUpperCase(), PASSWORD, ip)).toBe("rate_limited"); // emails compare case-insensitively

      expect(await authFailures("bad_credentials")).toBe(badBefore + perAccount.points);
      expect(await authFailures("rate_limited")).toBe(limitedBefore + 2);
      const block = await signInBlock(db, { ip, email });
      expect(block!.retryAfterSeconds).toBeGreaterThan(perAccount.duration - 60);
      expect(block!.retryAfterSeconds).toBeLessThanOrEqual(perAccount.duration);

      // The owner, from another IP, in a browser they signed in from before, is not locked out.
      expect(await attempt(email, PASSWORD, uniqueIp(), device)).toBe("signed in");
    });
  });

  it("forgets earlier typos once the right password is given", async () => {
    await t.inTransaction(async (db) => {
      const email = uniqueEmail();
      await createUser(db, { email, passwordHash });
      const ip = uniqueIp();
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < perAccount.points - 1; i++)
          expect(await attempt(email, "wrong", ip)).toBe("invalid_credentials");
        expect(await attempt(email, PASSWORD, ip)).toBe("signed in");
      }
    });
  });

  it(`refuses an IP that has tried ${perIp.points} times, whichever accounts it tried`, async () => {
    await t.inTransaction(async (db) => {
      const email = uniqueEmail();
      await createUser(db, { email, passwordHash });
      const ip = uniqueIp();
      // Charged directly: the same charge authorize makes, without the argon2 work of each attempt.
      for (let i = 0; i < perIp.points; i++) await chargeSignInAttempt(db, { ip, email: uniqueEmail() });
      expect(await attempt(email, PASSWORD, ip)).toBe("rate_limited");
    });
  });
});

describe("the per-account backoff, whatever address the attempts come from", () => {
  const lockKey = (email: string) => `signInAccount:lock:${emailDigest(email)}`;
  /** The backoff's wait ends now, as if its seconds had passed (the row's clock is the database's). */
  const endLock = (db: Database, email: string) =>
    db
      .update(rateLimits)
      .set({ expire: sql`now()` })
      .where(eq(rateLimits.key, lockKey(email)));
  const wrongFromRotatingAddresses = async (email: string, times: number) => {
    const codes: string[] = [];
    for (let i = 0; i < times; i++) codes.push(await attempt(email, "wrong", uniqueIp()));
    return codes;
  };

  it("refuses the right password after 40 wrong ones from 40 addresses, until the backoff ends", async () => {
    await t.inTransaction(async (db) => {
      const email = uniqueEmail();
      await createUser(db, { email, passwordHash });
      const codes = await wrongFromRotatingAddresses(email, 40);
      expect(codes).toEqual([
        ...Array<string>(FREE_FAILURES).fill("invalid_credentials"),
        ...Array<string>(40 - FREE_FAILURES).fill("rate_limited"),
      ]);
      expect(await attempt(email, PASSWORD, uniqueIp())).toBe("rate_limited");
      const block = await signInBlock(db, { ip: uniqueIp(), email });
      expect(block!.retryAfterSeconds).toBeGreaterThan(0);
      expect(block!.retryAfterSeconds).toBeLessThanOrEqual(FIRST_LOCK_SECONDS);

      await endLock(db, email);
      expect(await attempt(email, PASSWORD, uniqueIp())).toBe("signed in");
    });
  });

  it("doubles the wait with each failure after the free ones, up to 15 minutes", async () => {
    await t.inTransaction(async (db) => {
      const email = uniqueEmail();
      const waits: number[] = [];
      for (let failure = 1; failure <= FREE_FAILURES + 8; failure++) {
        expect(await attempt(email, "wrong", uniqueIp())).toBe("invalid_credentials");
        if (failure >= FREE_FAILURES) {
          waits.push((await accountLock(db, email))!);
          await endLock(db, email);
        }
      }
      expect(waits).toEqual([15, 30, 60, 120, 240, 480, 900, 900, 900]);
      expect(lockSecondsAfter(1000)).toBe(MAX_LOCK_SECONDS);
    });
  });

  it("lets a browser that signed in before through during the lock, and not the stranger", async () => {
    await t.inTransaction(async (db) => {
      const email = uniqueEmail();
      const other = uniqueEmail();
      await createUser(db, { email, passwordHash });
      await createUser(db, { email: other, passwordHash });
      expect(await attempt(email, PASSWORD, uniqueIp())).toBe("signed in");
      const device = state.deviceCookie;
      expect(await attempt(other, PASSWORD, uniqueIp())).toBe("signed in");
      const othersDevice = state.deviceCookie;

      await wrongFromRotatingAddresses(email, 40);
      expect(await attempt(email, PASSWORD, uniqueIp(), device)).toBe("signed in");
      // Its sign-in did not lift the lock off the stranger, and no other cookie opens it.
      expect(await attempt(email, PASSWORD, uniqueIp())).toBe("rate_limited");
      expect(await attempt(email, PASSWORD, uniqueIp(), othersDevice)).toBe("rate_limited");
      const [name, value] = device.split("=");
      expect(await attempt(email, PASSWORD, uniqueIp(), `${name}=${value!.slice(0, -2)}xx`)).toBe("rate_limited");
      // The Auth.js route lets the known device through to Auth.js, and answers the stranger 429.
      const viaRoute = (cookie?: string) =>
        POST(
          new NextRequest("http://localhost/api/auth/callback/credentials", {
            method: "POST",
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "x-forwarded-for": uniqueIp(),
              ...(cookie && { cookie }),
            },
            body: new URLSearchParams({ csrfToken: "token", email, password: PASSWORD }),
          }),
        );
      expect((await viaRoute()).status).toBe(429);
      expect((await viaRoute(device)).status).toBe(302);
    });
  });

  it("lets at most the free attempts of a concurrent burst through to the password check", async () => {
    // On the file's shared database (rows commit; the email is this test's own): a burst needs
    // connections of its own, which a rolled-back test transaction cannot give.
    const email = uniqueEmail();
    const burst = await Promise.all(Array.from({ length: 20 }, () => attempt(email, "wrong", uniqueIp())));
    expect(burst.filter((code) => code === "invalid_credentials").length).toBeLessThanOrEqual(FREE_FAILURES);
    expect(burst.filter((code) => code === "rate_limited").length).toBeGreaterThanOrEqual(20 - FREE_FAILURES);
  });

  it("answers an email no account has exactly as one that exists", async () => {
    await t.inTransaction(async (db) => {
      const known = uniqueEmail();
      const unknown = uniqueEmail();
      await createUser(db, { email: known, passwordHash });
      const [knownCodes, unknownCodes] = [
        await wrongFromRotatingAddresses(known, 8),
        await wrongFromRotatingAddresses(unknown, 8),
      ];
      expect(unknownCodes).toEqual(knownCodes);
      expect(await attempt(unknown, PASSWORD, uniqueIp())).toBe(await attempt(known, PASSWORD, uniqueIp()));
      const [a, b] = [
        await signInBlock(db, { ip: uniqueIp(), email: known }),
        await signInBlock(db, { ip: uniqueIp(), email: unknown }),
      ];
      expect(Math.abs(a!.retryAfterSeconds - b!.retryAfterSeconds)).toBeLessThanOrEqual(1);
    });
  });
});

describe("POST /api/auth/callback/credentials", () => {
  const post = (ip: string, fields: Record<string, string>, path = "callback/credentials") =>
    POST(
      new NextRequest(`http://localhost/api/auth/${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
        body: new URLSearchParams({ csrfToken: "token", ...fields }),
      }),
    );
  const ipCount = async (ip: string) =>
    (
      await t.db
        .select({ points: rateLimits.points })
        .from(rateLimits)
        .where(eq(rateLimits.key, `signIn:ip:${ip}`))
    )[0]?.points;

  it("answers 429 with Retry-After to a blocked IP+email without running Auth.js or charging again", async () => {
    const ip = uniqueIp();
    const email = uniqueEmail();
    for (let i = 0; i < perAccount.points; i++) await chargeSignInAttempt(t.db, { ip, email });

    const refused = await post(ip, { email: email.toUpperCase(), password: PASSWORD });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe("rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(perAccount.duration - 60);
    expect(refused.headers.get("ratelimit-policy")).toBe(`${perAccount.points};w=${perAccount.duration}`);
    expect(state.authJsPost).not.toHaveBeenCalled();
    expect(await ipCount(ip)).toBe(perAccount.points); // peeked, not charged

    // Another account from the same IP is still Auth.js's to judge.
    expect((await post(ip, { email: uniqueEmail(), password: PASSWORD })).status).toBe(302);
    expect(state.authJsPost).toHaveBeenCalledTimes(1);
  });

  it("answers 429 to an IP blocked altogether, whatever email it names", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < perIp.points; i++) await chargeSignInAttempt(t.db, { ip, email: uniqueEmail() });
    expect((await post(ip, { email: uniqueEmail(), password: PASSWORD })).status).toBe(429);
    expect((await post(ip, { password: PASSWORD })).status).toBe(429);
    expect(state.authJsPost).not.toHaveBeenCalled();
  });

  it("answers every Auth.js request with the caller's x-request-id, refusals included", async () => {
    const ip = uniqueIp();
    const traced = <R extends Request>(req: R) => (req.headers.set("x-request-id", "auth-trace-1"), req);
    const form = { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip };
    const signOut = await POST(
      traced(new NextRequest("http://localhost/api/auth/signout", { method: "POST", headers: form, body: "" })),
    );
    expect(signOut.status).toBe(302);
    expect(signOut.headers.get("x-request-id")).toBe("auth-trace-1");

    const redirect = await GET(traced(new NextRequest("http://localhost/api/auth/signin")));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("http://localhost/signin");
    expect(redirect.headers.get("x-request-id")).toBe("auth-trace-1");

    for (let i = 0; i < perIp.points; i++) await chargeSignInAttempt(t.db, { ip, email: uniqueEmail() });
    const refused = await POST(
      traced(
        new NextRequest("http://localhost/api/auth/callback/credentials", {
          method: "POST",
          headers: form,
          body: new URLSearchParams({ email: uniqueEmail(), password: PASSWORD }),
        }),
      ),
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-request-id")).toBe("auth-trace-1");
    expect((await refused.json()).error.trace_id).toBe("auth-trace-1");
  });

  it("refuses a body over the cap with 413 before Auth.js reads it, declared or streamed without a length", async () => {
    const { SIGN_IN_BODY_LIMIT } = await import("@/app/api/auth/[...nextauth]/route");
    const declared = await post(uniqueIp(), { email: uniqueEmail(), password: "a".repeat(SIGN_IN_BODY_LIMIT) });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe("payload_too_large");

    // A chunked body: 64 KiB chunks for ever (100 MB and more); the read stops just past the cap.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
      },
    });
    const streamed = await POST(
      new NextRequest("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": uniqueIp() },
        body: endless,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]),
    );
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(4 * 64 * 1024);
    expect(state.authJsPost).not.toHaveBeenCalled();
  });

  it("hands Auth.js the very bytes that were sent, read once", async () => {
    const email = uniqueEmail();
    let seen = "";
    state.authJsPost = vi.fn(async (req: Request) => {
      seen = await req.text();
      return new Response(null, { status: 302 });
    });
    expect((await post(uniqueIp(), { email, password: PASSWORD })).status).toBe(302);
    expect(new URLSearchParams(seen).get("email")).toBe(email);
    expect(new URLSearchParams(seen).get("password")).toBe(PASSWORD);
  });

  it("passes other Auth.js posts through untouched", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < perIp.points; i++) await chargeSignInAttempt(t.db, { ip, email: uniqueEmail() });
    expect((await post(ip, {}, "signout")).status).toBe(302); // signing out is never throttled
    expect(state.authJsPost).toHaveBeenCalledTimes(1);
  });
});

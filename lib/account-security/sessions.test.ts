/**
 * Ending sessions, attacked as a thief would: a session cookie copied from a signed-in browser is
 * replayed after the person signed out, signed out everywhere, changed their password, or was
 * suspended, and every such replay must be anonymous (401 on the API, sign-in on pages). Nothing
 * of ours is stubbed on the way: the real Credentials authorize and Auth.js callbacks make the
 * session and its token, the real route wrapper and getActor read the cookie, and the real actor
 * statement checks the session, on each driver's database. NextAuth() itself is a stand-in that
 * hands back our config (as in lib/rate-limit/sign-in.test.ts), and next/headers answers the
 * request's own headers.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { encode, type JWT } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, sessions, type users } from "@/db/schema";
import { baseAuthConfig } from "@/lib/auth/config.base";
import { hashPassword } from "@/lib/auth/password";
import { testDatabase, type TestDatabase } from "@/test/db";
import { createUser, uniqueIp } from "@/test/factories";

const state = vi.hoisted(() => ({
  db: null as unknown as import("@/db/client").Database,
  headers: new Headers(),
  secret: "sessions-test-secret-0123456789abcdef",
  authConfig: null as unknown as () => {
    providers: { options?: { authorize?: (input: unknown, req: Request) => Promise<unknown> } }[];
    events: { signOut: (message: { token: unknown }) => Promise<void> };
    callbacks: { jwt: (params: { token: unknown; user?: unknown }) => Promise<unknown> };
  },
}));
vi.mock("@/lib/env", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/env")>()),
  authSecret: () => state.secret,
}));
vi.mock("@/lib/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db")>()),
  getDb: async () => state.db,
}));
vi.mock("next/headers", () => ({
  headers: async () => state.headers,
  // No business cookie to read; the device cookie a sign-in sets (lib/auth/device.ts) is not needed here.
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { redirectedTo: to });
  },
}));
// next-auth imports "next/server" without an extension, which Node's loader refuses outside Next.
vi.mock("next-auth", async () => {
  const { AuthError, CredentialsSignin } = await import("@auth/core/errors");
  return {
    AuthError,
    CredentialsSignin,
    default: (config: typeof state.authConfig) => {
      state.authConfig = config;
      return { handlers: {}, auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() };
    },
  };
});

const { authorizeCredentials } = await import("@/lib/auth");
const { decodeSessionToken, sessionOf } = await import("@/lib/auth/session");
const { resolveSessionActor } = await import("@/lib/auth/resolve-actor");
const { requirePageActor } = await import("@/lib/auth/page");
const me = await import("@/app/api/me/route");
const mySessions = await import("@/app/api/me/sessions/route");
const myPassword = await import("@/app/api/me/password/route");
const adminUser = await import("@/app/api/admin/users/[userId]/route");

const COOKIE = "authjs.session-token";
const PASSWORD = "the first password";
let passwordHash: string;

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => t?.close());

const inTransaction = (fn: (db: Database) => Promise<void>) =>
  t.rollback(async (db) => {
    state.db = db;
    await fn(db);
  });

/** A browser signed in through the real authorize and jwt callback: its session cookie, as Auth.js issues it. */
async function signIn(email: string, password = PASSWORD): Promise<string> {
  const request = new Request("http://localhost/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": uniqueIp(), "user-agent": "Mozilla/5.0 (Test) Firefox/140.0" },
  });
  const user = await authorizeCredentials({ email, password }, request);
  const token = await baseAuthConfig.callbacks.jwt({ token: { email }, user } as never);
  return `${COOKIE}=${await encode({ token: token as JWT, secret: state.secret, salt: COOKIE })}`;
}

/** Whether the password signs in (a suspended account or a wrong password does not). */
const signsIn = (email: string, password = PASSWORD) =>
  signIn(email, password).then(
    () => true,
    () => false,
  );

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A request with `cookie`, through the real route wrapper, as Next would send it. */
async function call(handler: Handler, method: string, url: string, cookie: string | null, body?: unknown, params = {}) {
  const headers = new Headers({ "x-forwarded-for": uniqueIp(), "x-forwarded-proto": "http" });
  if (cookie) headers.set("cookie", cookie);
  if (body !== undefined) headers.set("content-type", "application/json");
  state.headers = headers;
  const response = await handler(
    new NextRequest(`http://localhost${url}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: response.status, body: await response.json().catch(() => null) };
}

const statusOfMe = async (cookie: string) => (await call(me.GET, "GET", "/api/me", cookie)).status;

async function person(db: Database, values: Partial<typeof users.$inferInsert> = {}) {
  return createUser(db, { email: `session-${randomUUID()}@example.test`, passwordHash, ...values });
}

describe("a copied session cookie", () => {
  it("works until its session ends, and sign-out ends only that one", () =>
    inTransaction(async (db) => {
      const ada = await person(db);
      const laptop = await signIn(ada.email);
      const phone = await signIn(ada.email);
      expect([await statusOfMe(laptop), await statusOfMe(phone)]).toEqual([200, 200]);

      // Signing out on the laptop (Auth.js's signOut event, with the token it decoded from the cookie).
      const token = await decodeSessionToken({ token: laptop.split("=")[1]!, secret: state.secret, salt: COOKIE });
      await state.authConfig().events.signOut({ token });

      expect(await statusOfMe(laptop)).toBe(401);
      expect(await statusOfMe(phone)).toBe(200);
    }));

  it("is refused on pages too: the page guard sends it to sign in", () =>
    inTransaction(async (db) => {
      const ada = await person(db);
      const cookie = await signIn(ada.email);
      state.headers = new Headers({ cookie, "x-forwarded-proto": "http" });
      expect((await requirePageActor("/account")).userId).toBe(ada.id);
      await call(mySessions.DELETE, "DELETE", "/api/me/sessions", cookie);
      state.headers = new Headers({ cookie, "x-forwarded-proto": "http" });
      await expect(requirePageActor("/account")).rejects.toMatchObject({
        redirectedTo: "/signin?callbackUrl=%2Faccount",
      });
    }));

  it("is refused after signing out everywhere, from any of the sessions", () =>
    inTransaction(async (db) => {
      const ada = await person(db);
      const other = await person(db);
      const laptop = await signIn(ada.email);
      const phone = await signIn(ada.email);
      const someoneElse = await signIn(other.email);

      const ended = await call(mySessions.DELETE, "DELETE", "/api/me/sessions", phone);
      expect(ended).toEqual({ status: 200, body: { ended_sessions: 2 } });
      expect([await statusOfMe(laptop), await statusOfMe(phone)]).toEqual([401, 401]);
      expect(await statusOfMe(someoneElse)).toBe(200);
      // Signing in again makes a new session that works.
      expect(await statusOfMe(await signIn(ada.email))).toBe(200);
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, ada.id));
      expect(audit).toMatchObject({ action: "end_sessions", actorUserId: ada.id, businessId: null });
    }));

  it("is refused after a password change, which keeps the session that made it", () =>
    inTransaction(async (db) => {
      const ada = await person(db);
      const laptop = await signIn(ada.email);
      const stolen = await signIn(ada.email);

      const wrong = await call(myPassword.PUT, "PUT", "/api/me/password", laptop, {
        current_password: "not it",
        new_password: "a brand new password",
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.field_errors).toEqual({ current_password: ["That is not your current password."] });
      expect(await statusOfMe(stolen)).toBe(200);

      const changed = await call(myPassword.PUT, "PUT", "/api/me/password", laptop, {
        current_password: PASSWORD,
        new_password: "a brand new password",
      });
      expect(changed).toEqual({ status: 200, body: { ended_sessions: 1 } });
      expect(await statusOfMe(stolen)).toBe(401);
      expect(await statusOfMe(laptop)).toBe(200);
      expect(await signsIn(ada.email)).toBe(false);
      expect(await signsIn(ada.email, "a brand new password")).toBe(true);
      // Recorded as changed, its values redacted.
      const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, ada.id));
      expect(rows.map((r) => [r.field, r.oldValue, r.newValue])).toEqual([
        ["passwordHash", { redacted: true }, { redacted: true }],
      ]);
    }));

  it("is refused once a platform administrator suspends the account, which cannot sign in until reinstated", () =>
    inTransaction(async (db) => {
      const ada = await person(db);
      const admin = await person(db, { isPlatformAdmin: true });
      const bystander = await person(db);
      const adaCookie = await signIn(ada.email);
      const adminCookie = await signIn(admin.email);
      const bystanderCookie = await signIn(bystander.email);
      const suspend = (cookie: string, userId: string, suspended: boolean) =>
        call(adminUser.PATCH, "PATCH", `/api/admin/users/${userId}`, cookie, { suspended }, { userId });

      // Only a platform administrator, and not on their own account.
      const refused = await suspend(bystanderCookie, ada.id, true);
      expect([refused.status, refused.body.error.reason]).toEqual([403, "not_platform_admin"]);
      expect(await statusOfMe(adaCookie)).toBe(200);
      const own = await suspend(adminCookie, admin.id, true);
      expect([own.status, own.body.error.reason]).toEqual([403, "own_account"]);
      expect((await suspend(adminCookie, randomUUID(), true)).status).toBe(404);

      const done = await suspend(adminCookie, ada.id, true);
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ user_id: ada.id, suspended: true, ended_sessions: 1 });
      expect(await statusOfMe(adaCookie)).toBe(401);
      expect(await signsIn(ada.email)).toBe(false);
      const [row] = await db.select().from(auditLog).where(eq(auditLog.entityId, ada.id));
      expect(row).toMatchObject({ actorUserId: admin.id, field: "suspendedAt", action: "update" });

      // Even a session whose row were still live is refused while the account is suspended.
      await db.update(sessions).set({ revokedAt: null }).where(eq(sessions.userId, ada.id));
      expect(await statusOfMe(adaCookie)).toBe(401);
      await db
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(eq(sessions.userId, ada.id));

      const lifted = await suspend(adminCookie, ada.id, false);
      expect(lifted.body).toMatchObject({ suspended: false, suspended_at: null, ended_sessions: 0 });
      expect(await statusOfMe(adaCookie)).toBe(401); // ended sessions stay ended
      expect(await statusOfMe(await signIn(ada.email))).toBe(200);
    }));

  it("is refused once its session has expired, or if it names no session at all", () =>
    inTransaction(async (db) => {
      const ada = await person(db);
      const cookie = await signIn(ada.email);
      await db
        .update(sessions)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(eq(sessions.userId, ada.id));
      expect(await statusOfMe(cookie)).toBe(401);

      // A token issued before sessions existed (no sid), or naming a session of someone else.
      const noSid = await encode({ token: { uid: ada.id }, secret: state.secret, salt: COOKIE });
      expect(await statusOfMe(`${COOKIE}=${noSid}`)).toBe(401);
      const bob = await person(db);
      await signIn(bob.email);
      const [bobs] = await db.select().from(sessions).where(eq(sessions.userId, bob.id));
      const borrowed = await encode({ token: { uid: ada.id, sid: bobs!.id }, secret: state.secret, salt: COOKIE });
      expect(await statusOfMe(`${COOKIE}=${borrowed}`)).toBe(401);
    }));
});

describe("Auth.js's own session endpoint", () => {
  it("answers no session for an ended one (and so clears its cookie) instead of its claims", () =>
    inTransaction(async (db) => {
      const ada = await person(db);
      const cookie = await signIn(ada.email);
      const token = await decodeSessionToken({ token: cookie.split("=")[1]!, secret: state.secret, salt: COOKIE });
      const endpointJwt = () => state.authConfig().callbacks.jwt({ token });
      expect(await endpointJwt()).toMatchObject({ uid: ada.id, sid: token!.sid });
      await call(mySessions.DELETE, "DELETE", "/api/me/sessions", cookie);
      expect(await endpointJwt()).toBeNull();
    }));
});

describe("retention", () => {
  it("deletes sessions a month after they ended or expired, and no live one", () =>
    inTransaction(async (db) => {
      const { pruneEndedSessions } = await import("@/lib/auth/sessions");
      const ada = await person(db);
      const ago = (days: number) => sql`now() - make_interval(days => ${days})`;
      const rows = await db
        .insert(sessions)
        .values([
          { userId: ada.id, expiresAt: sql`now() + interval '1 day'` },
          { userId: ada.id, expiresAt: sql`now() + interval '1 day'`, revokedAt: ago(2) },
          { userId: ada.id, expiresAt: sql`now() + interval '1 day'`, revokedAt: ago(31) },
          { userId: ada.id, expiresAt: ago(31) },
        ])
        .returning({ id: sessions.id });
      await pruneEndedSessions(db, new Date(Date.now() - 30 * 86_400_000));
      const left = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, ada.id));
      expect(left.map((r) => r.id).sort()).toEqual([rows[0]!.id, rows[1]!.id].sort());
    }));
});

describe("the per-request cost", () => {
  it("stays one statement: the session is checked in the actor's own query, live or ended", () =>
    inTransaction(async (db) => {
      const ada = await person(db);
      const cookie = await signIn(ada.email);
      const session = (await sessionOf(new Headers({ cookie, "x-forwarded-proto": "http" })))!;
      const statements = vi.spyOn(db._.session, "prepareQuery");
      try {
        expect((await resolveSessionActor(db, session)).kind).toBe("user");
        expect(statements).toHaveBeenCalledTimes(1);
        await db
          .update(sessions)
          .set({ revokedAt: sql`now()` })
          .where(eq(sessions.id, session.sessionId));
        statements.mockClear();
        expect((await resolveSessionActor(db, session)).kind).toBe("anonymous");
        expect(statements).toHaveBeenCalledTimes(1);
      } finally {
        statements.mockRestore();
      }
    }));
});

describe("GET /api/me/sessions", () => {
  it("lists the live sessions, marking the current one, and refreshes last seen", () =>
    inTransaction(async (db) => {
      const ada = await person(db);
      const first = await signIn(ada.email);
      const second = await signIn(ada.email);
      const ended = await signIn(ada.email);
      await call(myPassword.PUT, "PUT", "/api/me/password", second, {
        current_password: PASSWORD,
        new_password: "another password entirely",
      });
      expect(await statusOfMe(first)).toBe(401);
      expect(await statusOfMe(ended)).toBe(401);

      const third = await signIn(ada.email, "another password entirely");
      await db
        .update(sessions)
        .set({ lastSeenAt: sql`now() - interval '1 hour'` })
        .where(eq(sessions.userId, ada.id));
      const listed = await call(mySessions.GET, "GET", "/api/me/sessions", second);
      expect(listed.status).toBe(200);
      expect(listed.body.sessions).toHaveLength(2);
      const current = await decodeSessionToken({ token: second.split("=")[1]!, secret: state.secret, salt: COOKIE });
      expect(listed.body.sessions.filter((s: { current: boolean }) => s.current)).toMatchObject([
        { session_id: current!.sid },
      ]);
      expect(listed.body.sessions[0].user_agent).toBe("Mozilla/5.0 (Test) Firefox/140.0");
      expect(await statusOfMe(third)).toBe(200);

      // The request refreshed its own session's last_seen_at (stale by an hour), not the other's.
      const seen = await db
        .select({ id: sessions.id, fresh: sql<boolean>`${sessions.lastSeenAt} > now() - interval '1 minute'` })
        .from(sessions)
        .where(eq(sessions.userId, ada.id));
      expect(
        seen
          .filter((s) => s.fresh)
          .map((s) => s.id)
          .sort(),
      ).toEqual(listed.body.sessions.map((s: { session_id: string }) => s.session_id).sort());
    }));

  it("answers 401 without a session", () =>
    inTransaction(async () => {
      expect((await call(mySessions.GET, "GET", "/api/me/sessions", null)).status).toBe(401);
      expect((await call(mySessions.DELETE, "DELETE", "/api/me/sessions", null)).status).toBe(401);
    }));
});

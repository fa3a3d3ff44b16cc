/**
 * A route's own statement timeout: on real Postgres (pg and Neon's driver) a shorter one cuts a
 * slow statement at its limit and a longer one lets it finish where the server default would not;
 * on every driver the handler runs in one transaction. PGlite cannot cancel a statement on a timer.
 */
import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connect, type Database } from "@/db/client";
import { users } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { driver } from "@/test/db";
import { createUser, userActor } from "@/test/factories";
import { route } from "./route";

const { as, routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
const account = await createUser(t.db);
as(userActor({ userId: account.id, email: "c@example.com" }));

const call = (handler: ReturnType<typeof route>) =>
  handler(new NextRequest("http://localhost/api/export"), { params: Promise.resolve({}) });

const sleep = (db: Database, seconds: number) => db.execute(sql`select pg_sleep(${seconds})`);
const realPostgres = driver !== "pglite";

describe("statementTimeoutMs", () => {
  it("runs the handler in one transaction: a failure leaves none of its writes", async () => {
    await t.inTransaction(async (db) => {
      const email = `rolled-back-${Date.now()}@example.com`;
      const res = await call(
        route({ statementTimeoutMs: 5_000 }, async ({ db }) => {
          await createUser(db, { email });
          throw conflict("Not this time.");
        }),
      );
      expect(res.status).toBe(409);
      expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    });
  });

  it("is a whole number of milliseconds, checked when the route is defined", () => {
    expect(() => route({ statementTimeoutMs: 0 }, () => null)).toThrow(/statement timeout/);
    expect(() => route({ statementTimeoutMs: 1.5 }, () => null)).toThrow(/statement timeout/);
  });

  describe.skipIf(!realPostgres)("on real Postgres", () => {
    // The server's own connections carry a default (STATEMENT_TIMEOUT_MS); here a short one.
    let server: Awaited<ReturnType<typeof connect>>;
    beforeAll(async () => {
      server = await connect(t.url!, driver, { statementTimeoutMs: 150 });
      useDatabase(server.db);
    });
    afterAll(() => server.close());

    it("cuts a slow statement at the route's limit: 503 with Retry-After", async () => {
      useDatabase(t.db); // no default timeout at all: only the route's applies
      try {
        const started = performance.now();
        const res = await call(route({ statementTimeoutMs: 300 }, ({ db }) => sleep(db, 5)));
        const ms = performance.now() - started;
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
        expect((await res.json()).error.code).toBe("unavailable");
        expect(ms).toBeGreaterThanOrEqual(290);
        expect(ms).toBeLessThan(2_500); // cut at 300 ms, not after the 5 s sleep
      } finally {
        useDatabase(server.db);
      }
    });

    it("lets a statement the default would cut finish under a longer limit, and leaves the default in place", async () => {
      const longer = await call(route({ statementTimeoutMs: 5_000 }, async ({ db }) => (await sleep(db, 0.4), "done")));
      expect(longer.status).toBe(200);
      expect(await longer.json()).toBe("done");

      // Without its own limit the same work is cut by the default; SET LOCAL did not outlive its transaction.
      const plain = await call(route({}, async ({ db }) => (await sleep(db, 0.4), "done")));
      expect(plain.status).toBe(503);
      const shown = await Promise.all(
        Array.from({ length: 3 }, () => server.db.execute<{ statement_timeout: string }>(sql`show statement_timeout`)),
      );
      expect(shown.map((r) => r.rows[0]!.statement_timeout)).toEqual(["150ms", "150ms", "150ms"]);
    });
  });
});

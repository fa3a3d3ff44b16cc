/**
 * The one harness of the tests that call route handlers and server actions directly: `getActor()`
 * answers the actor the test chose with `as(...)`, and `getDb()` answers the test's database (a
 * rolled-back transaction under `t.inTransaction`, or the database given to `useDatabase`).
 * Nothing else of ours is stubbed. `callRoute` sends a request as Next would.
 *
 * Load it with vi.hoisted, never with a plain import:
 *
 *   import * as myJobs from "@/app/api/customer/jobs/route";
 *   const { as, callRoute, routeDatabase } = await vi.hoisted(() => import("./route-harness"));
 *   const t = await routeDatabase();
 *   it("...", () => t.inTransaction(async (db) => { as(cara.actor); await callRoute(myJobs.GET, ...) }));
 *
 * Why: vi.mock is hoisted only within the file that contains it. The vi.mock calls below take
 * effect when this module runs, and only for modules imported after that. A plain `import` of
 * this module runs after the test file's earlier imports, so a route imported before it would keep
 * the real getActor (which loads next-auth, and fails outside Next) and the real getDb. vi.hoisted
 * runs before every import of the test file, so with it the routes may be imported statically, in
 * any order. (Tried on Vitest 4.1: a vi.mock in the test file whose factory imports this module
 * hangs, since this module imports the database client itself, through test/db.)
 *
 * Other stubs a file needs (next/headers, next/cache, ...) stay vi.mock calls in that file.
 */
import { NextRequest } from "next/server";
import { afterAll, expect, vi } from "vitest";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { testDatabase, type TestDatabase } from "./db";
import { uniqueIp } from "./factories";

// Plain module state (a vi.hoisted value cannot be exported); the factories read it only when called.
const session = { actor: anonymous as Actor, db: null as Database | null };

vi.mock("@/lib/auth/current", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db")>()),
  getDb: async () => {
    if (!session.db) throw new Error("getDb() was called outside t.inTransaction(...) and without useDatabase(db)");
    return session.db;
  },
}));

/** The session's actor from now on. */
export function as(actor: Actor): void {
  session.actor = actor;
}

/** getDb() answers `db` from now on: for files whose routes share one database instead of rolling back. */
export function useDatabase(db: Database): void {
  session.db = db;
}

export type RouteDatabase = TestDatabase & {
  /** Runs `fn` in a rolled-back transaction, which getDb() answers meanwhile. */
  inTransaction<T>(fn: (db: Database) => Promise<T>): Promise<T>;
};

/** The test file's database (closed after its tests), with transactions the routes use. */
export async function routeDatabase(): Promise<RouteDatabase> {
  const t = await testDatabase();
  afterAll(() => t.close());
  return {
    ...t,
    inTransaction: (fn) =>
      t.rollback(async (db) => {
        // A database given to useDatabase answers again afterwards.
        const previous = session.db;
        session.db = db;
        try {
          return await fn(db);
        } finally {
          session.db = previous;
        }
      }),
  };
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Calls a route handler as Next would: path params, a client address of its own, and a JSON body when one is given. */
export function callRoute(
  handler: Handler,
  method: string,
  url: string,
  params: Record<string, string>,
  body?: unknown,
) {
  const headers: Record<string, string> = { "x-forwarded-for": uniqueIp() };
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new NextRequest(`http://localhost${url}`, {
    method,
    headers,
    ...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return handler(req, { params: Promise.resolve(params) });
}

type Paged = { pagination: { has_more: boolean; next_cursor: string | null } };

/**
 * The pages of a keyset-paged list, first to last, for `for await` (break to stop early):
 * `fetchPage` answers the page after `cursor`, or the first page for null. Each page's has_more
 * must say whether it gave a next cursor, and a cursor that comes back fails the walk, which would
 * otherwise never end.
 */
export async function* walkPages<P extends Paged>(fetchPage: (cursor: string | null) => Promise<P>): AsyncGenerator<P> {
  const given = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await fetchPage(cursor);
    expect(page.pagination.has_more, "has_more says whether a next cursor came").toBe(
      page.pagination.next_cursor !== null,
    );
    yield page;
    cursor = page.pagination.next_cursor;
    if (cursor !== null && given.has(cursor)) throw new Error(`The cursor ${cursor} came twice: the pages never end`);
    if (cursor !== null) given.add(cursor);
  } while (cursor !== null);
}

/** The body of a response that has `status` (else the failure shows the body), parsed with its documented schema. */
export async function parsedBody<T>(response: Response, schema: z.ZodType<T>, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return schema.parse(JSON.parse(text));
}

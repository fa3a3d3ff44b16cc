/**
 * Input fuzzing of every route of the OpenAPI document, through the real route wrapper and the
 * real database of the driver: generated paths, queries and bodies full of wrong types, huge and
 * empty strings, NUL bytes, lone UTF-16 surrogates, emoji, negative and huge numbers, malformed and
 * impossible-date cursors and upper-case ids, sent by each kind of signed-in person.
 *
 * Every case must hold three properties:
 * - no response is a 5xx (bad input is the caller's error: a 4xx that says what to fix);
 * - a refused request (4xx) writes nothing: a digest of every table (row count and a hash of its
 *   rows, rate_limits aside, which a refused request is meant to charge) is the same after it;
 * - an accepted one stores ids as the database makes them: no upper-case uuid in audit_log's
 *   entity_id or event_outbox's aggregate_id, so one job's events stay one aggregate.
 *
 * The seed is fixed (SEED), so a run is reproducible: the same cases in the same order on every
 * driver. Each case runs in a savepoint of one repeatable-read transaction (held open for the whole
 * file, the world built once) over a small world
 * (customers, providers, an admin, jobs in each state, applications, reviews, a dispute, an
 * invitation), rolled back afterwards, so every case meets the same world and the rows other test
 * files commit meanwhile (pg, neon) never show in the digest. Failures are collected, not stopped
 * at: the summary groups them by operation and by the error's kind, so one run shows every defect.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { rolledBack, upperCaseIdsWritten } from "@/test/db";
import type { UserActor } from "@/lib/auth/actor";
import { log } from "@/lib/log";
import { openApiDocument } from "@/lib/openapi/document";
import { completeJob, cancelJob, postJob } from "@/lib/marketplace/jobs/mutations";
import { applyToJob } from "@/lib/marketplace/applications/mutations";
import { sendJobMessage } from "@/lib/marketplace/messages/mutations";
import { disputeReview, reviewCustomer } from "@/lib/marketplace/reviews/mutations";
import { addStaff } from "@/lib/staff/mutations";
import { getProviderProfile } from "@/lib/provider-profile/profile";
import { crmCustomers } from "@/db/schema";
import { createRecord } from "@/lib/crm/records/mutations";
import { addNote } from "@/lib/crm/notes/mutations";
import { addTag } from "@/lib/crm/tags/mutations";
import { recordPurchase } from "@/lib/crm/purchases/mutations";
import { JOB_CATEGORIES } from "@/lib/marketplace/jobs/categories";
import { apiRoutes, type ApiRoute } from "@/test/api-routes";
import { bookedJob, newAdmin, newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { uniqueIp } from "@/test/factories";

const { as, callRoute, routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

/** The fixed seed: the date the suite was written. */
const SEED = 20261204;
/** Cases per operation (FUZZ_RUNS overrides, for a longer hunt). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);

const APP = path.resolve(import.meta.dirname, "..", "app");

// ---------------------------------------------------------------------------------------------
// The world each case meets
// ---------------------------------------------------------------------------------------------

type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld(db: Database) {
  const cara = await newCustomer(db);
  const cora = await newCustomer(db);
  const a = await newProvider(db);
  const b = await newProvider(db);
  const admin = await newAdmin(db);
  const job = (title: string) => ({ title, category: "Painting" as const, description: "One wall." });

  const { job_id: openJob } = await postJob(db, cara.actor, job("Open"));
  const { job_id: openJob2 } = await postJob(db, cora.actor, job("Open too"));
  const { application_id: pendingA } = await applyToJob(db, a.actor, openJob, { message: "Me" });
  const { application_id: pendingB } = await applyToJob(db, b.actor, openJob, { message: "Or me" });
  const booked = await bookedJob(db, cara, a, job("Booked"));
  await sendJobMessage(db, cara.actor, booked.jobId, { body: "When?", provider_business_id: a.businessId });
  await sendJobMessage(db, a.actor, booked.jobId, { body: "Monday." });
  await getProviderProfile(db, a.actor, cara.customerId, uniqueIp());
  await getProviderProfile(db, b.actor, cara.customerId, uniqueIp());
  const done = await bookedJob(db, cara, a, job("Done"));
  await completeJob(db, cara.actor, done.jobId);
  const { review_id: review } = await reviewCustomer(db, a.actor, done.jobId, { rating: 4, comment: "Fine" });
  const disputed = await bookedJob(db, cara, b, job("Disputed"));
  await completeJob(db, cara.actor, disputed.jobId);
  const { review_id: disputedReview } = await reviewCustomer(db, b.actor, disputed.jobId, {
    rating: 1,
    comment: "Late",
  });
  await disputeReview(db, cara.actor, disputed.jobId, disputedReview, { reason: "Untrue" });
  await disputeReview(db, cara.actor, done.jobId, review, { reason: "Unfair" });
  const { job_id: cancelledJob } = await postJob(db, cara.actor, job("Cancelled"));
  await cancelJob(db, cara.actor, cancelledJob);
  const invited = await addStaff(db, a.actor, { email: "invitee@example.test", role: "staff" }, "http://localhost");
  const token = "invitation_url" in invited ? String(invited.invitation_url).split("/").pop()! : "x".repeat(43);

  // The CRM: business a's records (cara's was linked by her bookings), one with a note, a tag and a purchase.
  const walkIn = await createRecord(db, a.actor, a.businessId, { full_name: "Walk In", phone: "+1 415 555 0100" });
  const { note_id: noteId } = await addNote(db, a.actor, a.businessId, walkIn.id, {
    content: "Likes mornings",
    note_type: "preference",
    is_pinned: false,
  });
  const tagged = await addTag(db, a.actor, a.businessId, walkIn.id, { label: "VIP" });
  await recordPurchase(
    db,
    a.staff,
    { businessId: a.businessId, customerId: walkIn.id },
    {
      amount_minor: 1250,
      items: 2,
      source: "pos",
    },
  );
  const records = await db.select({ id: crmCustomers.id }).from(crmCustomers);

  const actors: Record<string, UserActor> = {
    customer: cara.actor,
    otherCustomer: cora.actor,
    providerOwner: a.actor,
    providerStaff: a.staff,
    otherProvider: b.actor,
    admin,
  };
  /** Well-formed ids of real rows, by the path or field name that takes them. */
  const ids: Record<string, string[]> = {
    jobId: [openJob, openJob2, booked.jobId, done.jobId, disputed.jobId, cancelledJob],
    applicationId: [pendingA, pendingB, booked.applicationId, done.applicationId],
    reviewId: [review, disputedReview],
    customerId: [cara.customerId, cora.customerId, ...records.map((r) => r.id)],
    noteId: [noteId],
    tagId: [tagged.tag.tag_id],
    businessId: [a.businessId, b.businessId],
    userId: [a.userId, a.staff.userId, b.userId, cara.userId],
    token: [token],
  };
  ids.provider_business_id = ids.businessId!;
  ids.entity_id = [...ids.jobId!, ...ids.reviewId!, ...ids.userId!, ...ids.applicationId!];
  return { actors, ids, anyId: Object.values(ids).flat() };
}

// ---------------------------------------------------------------------------------------------
// What is generated
// ---------------------------------------------------------------------------------------------

const upper = (s: string) => s.toUpperCase();

/** Strings that have broken input handling somewhere, somewhen. */
const nasty = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\t\n",
    "\u0000",
    "a\u0000b",
    "%00",
    "\ud800",
    "x\udfffy",
    "\udc00\ud800",
    "👩‍🔧🔥",
    "🔥".repeat(40),
    "\u202e\u200b",
    "null",
    "undefined",
    "-1",
    "0",
    "1e308",
    "99999999999999999999",
    "NaN",
    "true",
    "[]",
    "{}",
    "'; drop table jobs; --",
    "$1",
    "\\",
    "../../etc/passwd",
    "5B0C6C2E-2F7B-4B8E-9A51-3F1F7F0F2A11",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "5b0c6c2e2f7b4b8e9a513f1f7f0f2a11",
  ),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(1_000, 5_000, 70_000).map((n) => "é".repeat(n)),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\ud83d", "\ude00")).map(([s, c]) => s + c + s),
);

/** Any JSON value of a wrong type, or an extreme number. */
const wrongJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -0.5, 1e308, -1e308, 2 ** 53 + 1, 1.5, [], {}, [null], { a: 1 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(nasty, { maxLength: 3 }),
  nasty,
);

/** Date-times in the cursors' microsecond text form, most of them impossible. */
const cursorTime = fc.oneof(
  fc.constantFrom(
    "2026-99-99T99:99:99.999999Z",
    "2026-02-30T00:00:00.000000Z",
    "2026-13-01T00:00:00.000000Z",
    "0000-01-01T00:00:00.000000Z",
    "9999-12-31T23:59:59.999999Z",
    "2026-12-04T24:00:00.000000Z",
    "2026-12-04T23:59:60.000000Z",
    "2026-12-04T10:00:00.000000Z",
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 999_999 }),
    )
    .map(
      ([y, mo, d, h, mi, s, us]) =>
        `${String(y).padStart(4, "0")}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}.${String(us).padStart(6, "0")}Z`,
    ),
);
const p2 = (n: number) => String(n).padStart(2, "0");

/** A cursor this API issued, with its actor and the query it came with. */
type Issued = { actor: string; params: Record<string, string>; query: Record<string, unknown>; cursor: string };

/**
 * Cursors to send: a real one (issued in the world to this actor for this query) with its time
 * made impossible or its id upper-cased or broken, or junk. A real cursor's tags (list, order,
 * thread) are right, so the mutated field is what reaches the database.
 */
function mutatedCursor(cursor: string): fc.Arbitrary<string> {
  const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  let position: Record<string, unknown> | null = null;
  try {
    position = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // the audit trail's "time|id"
  }
  if (position) {
    const p = position;
    return fc.oneof(
      { weight: 6, arbitrary: cursorTime.map((time) => b64(JSON.stringify({ ...p, t: time }))) },
      { weight: 1, arbitrary: fc.constant(b64(JSON.stringify({ ...p, i: String(p.i).toUpperCase() }))) },
      { weight: 1, arbitrary: wrongJson.map((v) => b64(JSON.stringify({ ...p, t: v }))) },
      { weight: 1, arbitrary: wrongJson.map((v) => b64(JSON.stringify({ ...p, i: v }))) },
    );
  }
  const [, id = "1"] = text.split("|");
  return fc.oneof(
    { weight: 6, arbitrary: cursorTime.map((time) => b64(`${time}|${id}`)) },
    {
      weight: 1,
      arbitrary: fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }).map((n) => b64(`2026-12-04T10:00:00.000000Z|${n}`)),
    },
  );
}

const junkCursor = fc.oneof(
  nasty,
  nasty.map((s) => Buffer.from(s, "utf8").toString("base64url")),
);

/** An id-like value for `name`: a real row's id, the same upper-cased, or junk. */
function idArb(world: World, name: string): fc.Arbitrary<string> {
  const real = world.ids[name] ?? world.anyId;
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...real) },
    { weight: 3, arbitrary: fc.constantFrom(...real).map(upper) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

type Def = {
  type: string;
  innerType?: Schemaish;
  in?: Schemaish;
  out?: Schemaish;
  entries?: Record<string, string>;
  format?: string;
};
type Schemaish = { _zod: { def: Def }; shape?: Record<string, Schemaish> };

/** The schema's definition under optional/default/nullable/pipe wrappers. */
function core(schema: Schemaish): Def {
  const def = schema._zod.def;
  if (def.innerType) return core(def.innerType);
  if (def.type === "pipe") return core(def.in!._zod.def.type === "transform" ? def.out! : def.in!);
  return def;
}

const CURSOR_KEYS = new Set(["cursor", "before"]);

/** A valid value for one field, by its name and schema, so that the one mutated field is what gets checked. */
function plausible(world: World, name: string, schema: Schemaish): fc.Arbitrary<unknown> {
  const def = core(schema);
  if (name === "category") return fc.constantFrom(...JOB_CATEGORIES);
  if (name === "entity_type") return fc.constantFrom("job", "membership", "review", "application", "user", "customer");
  if (name === "email") return fc.constantFrom("someone@example.test", "invitee@example.test", "A@EXAMPLE.TEST");
  if (name === "currency") return fc.constantFrom("EUR", "usd", "GBP");
  if (name === "scheduled_for") return fc.constantFrom("2030-01-01T09:00:00Z", null);
  if (name === "password") return fc.constant("correct horse battery");
  if (name === "role" && def.type === "enum" && "customer" in def.entries!) return fc.constantFrom("customer");
  if (name === "businessName") return fc.constant(undefined);
  if (name === "limit") return fc.integer({ min: 1, max: 3 });
  if (def.type === "enum") return fc.constantFrom(...Object.values(def.entries!));
  if (def.type === "boolean") return fc.boolean();
  if (def.type === "number") return fc.integer({ min: 1, max: 5 });
  if (def.format === "uuid" || /id$/i.test(name)) return idArb(world, name);
  return fc.constantFrom("Hello there", "A fair review", "Ça marche 👍", "Two\nlines");
}

type Spec = { params?: Schemaish; query?: Schemaish; body?: Schemaish & { kind?: string } };
type Handler = Parameters<typeof callRoute>[0] & { spec?: Spec };

type Case = {
  actor: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** A JSON value, or raw text (malformed JSON) when `raw`. */
  body?: unknown;
  raw?: boolean;
  /** Which input was made bad, for the report. */
  mutated: string;
};

const MALFORMED_JSON = ["{", '{"a":', "\u0000", "[1,]", "{'a':1}", ""];

/**
 * One case: valid inputs everywhere (real ids, some upper-cased) but for one mutated place, a
 * path parameter, a query parameter (a cursor: a real one made impossible), a body field, an
 * unknown field, or the whole body.
 */
function caseArb(world: World, route: ApiRoute, spec: Spec, issued: Issued[]): fc.Arbitrary<Case> {
  const paramNames = [...route.path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
  const queryShape = Object.fromEntries(
    Object.entries(spec.query?.shape ?? {}).filter(([name]) => !CURSOR_KEYS.has(name)),
  );
  const cursorKey = Object.keys(spec.query?.shape ?? {}).find((name) => CURSOR_KEYS.has(name));
  const bodyShape = spec.body?.shape;

  const base = fc.record({
    actor: fc.constantFrom(...Object.keys(world.actors)),
    params: fc.record(Object.fromEntries(paramNames.map((name) => [name, idArb(world, name)]))),
    query: fc.record(
      Object.fromEntries(Object.entries(queryShape).map(([name, schema]) => [name, plausible(world, name, schema)])),
      { requiredKeys: [] },
    ),
    body: spec.body
      ? bodyShape
        ? fc.record(
            Object.fromEntries(
              Object.entries(bodyShape).map(([name, schema]) => [name, plausible(world, name, schema)]),
            ),
          )
        : fc.constant({})
      : fc.constant(undefined),
  });

  type Mutation = (c: Omit<Case, "mutated">) => fc.Arbitrary<Case>;
  const mutations: { weight: number; arbitrary: fc.Arbitrary<Mutation> }[] = [
    { weight: 1, arbitrary: fc.constant<Mutation>((c) => fc.constant({ ...c, mutated: "nothing" })) },
  ];
  if (paramNames.length) {
    mutations.push({
      weight: 3,
      arbitrary: fc
        .constantFrom(...paramNames)
        .map<Mutation>(
          (name) => (c) => nasty.map((v) => ({ ...c, params: { ...c.params, [name]: v }, mutated: `path ${name}` })),
        ),
    });
  }
  if (spec.query) {
    const names = [...Object.keys(queryShape), "unknown"];
    mutations.push({
      weight: 3,
      arbitrary: fc
        .constantFrom(...names)
        .map<Mutation>(
          (name) => (c) => nasty.map((v) => ({ ...c, query: { ...c.query, [name]: v }, mutated: `query ${name}` })),
        ),
    });
  }
  if (cursorKey) {
    mutations.push({
      weight: issued.length ? 6 : 1,
      arbitrary: fc.constant<Mutation>((c) =>
        issued.length
          ? fc.constantFrom(...issued).chain((i) =>
              mutatedCursor(i.cursor).map((cursor) => ({
                ...c,
                actor: i.actor,
                params: i.params,
                query: { ...i.query, [cursorKey]: cursor },
                mutated: `query ${cursorKey}`,
              })),
            )
          : junkCursor.map((cursor) => ({
              ...c,
              query: { ...c.query, [cursorKey]: cursor },
              mutated: `query ${cursorKey}`,
            })),
      ),
    });
  }
  if (spec.body) {
    const names = [...Object.keys(bodyShape ?? {}), "unknown"];
    mutations.push(
      {
        weight: 6,
        arbitrary: fc
          .constantFrom(...names)
          .map<Mutation>(
            (name) => (c) =>
              fc
                .oneof({ weight: 3, arbitrary: nasty }, { weight: 1, arbitrary: wrongJson })
                .map((v) => ({ ...c, body: { ...(c.body as object), [name]: v }, mutated: `body ${name}` })),
          ),
      },
      {
        weight: 1,
        arbitrary: fc.constant<Mutation>((c) =>
          fc.oneof(
            wrongJson.map((v) => ({ ...c, body: v, mutated: "body" })),
            fc.constantFrom(...MALFORMED_JSON).map((v) => ({ ...c, body: v, raw: true, mutated: "body (malformed)" })),
          ),
        ),
      },
    );
  }
  return fc.tuple(base, fc.oneof(...mutations)).chain(([c, mutate]) => mutate(c));
}

// ---------------------------------------------------------------------------------------------
// Checking one case
// ---------------------------------------------------------------------------------------------

/** The digest of every table: row count and a hash of the rows (rate_limits aside). */
async function digest(db: Database, tables: string[]): Promise<Record<string, string>> {
  const parts = tables.map(
    (name) =>
      `select '${name}' as t, count(*)::text || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0)::text as d from "${name}" x`,
  );
  const { rows } = await db.execute<{ t: string; d: string }>(sql.raw(parts.join(" union all ")));
  return Object.fromEntries(rows.map((r) => [r.t, r.d]));
}

async function tablesOf(db: Database): Promise<string[]> {
  const { rows } = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limits' order by 1`,
  );
  return rows.map((r) => r.name);
}

/** What an unexpected error was, in a few words: the database's message with its values dropped. */
function kindOf(error: unknown): string {
  let e = error as { message?: string; cause?: unknown } | undefined;
  while (e?.cause) e = e.cause as typeof e;
  return String(e?.message ?? error)
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, "N")
    .slice(0, 90);
}

/** Runs `fn` in a savepoint that is always rolled back, with getDb() answering it. */
const inSavepoint = <T>(db: Database, fn: (sp: Database) => Promise<T>): Promise<T> =>
  rolledBack(db, (sp) => {
    useDatabase(sp);
    return fn(sp);
  });

/** Real cursors of a list: its first page (one row) as each actor, for a few valid queries. */
async function issuedCursors(db: Database, world: World, route: ApiRoute, handler: Handler): Promise<Issued[]> {
  const shape = handler.spec?.query?.shape ?? {};
  if (!Object.keys(shape).some((name) => CURSOR_KEYS.has(name))) return [];
  const fields = Object.fromEntries(
    Object.entries(shape)
      .filter(([name]) => !CURSOR_KEYS.has(name) && name !== "limit")
      .map(([name, schema]) => [name, plausible(world, name, schema)]),
  );
  const queries = [
    {},
    ...fc.sample(fc.record(fields), { seed: SEED, numRuns: 6 }),
    ...fc.sample(fc.record(fields, { requiredKeys: [] }), { seed: SEED, numRuns: 4 }),
    // The audit trail: a type alone (staff and admins), and each job's own history.
    ...("entity_type" in shape
      ? [
          { entity_type: "job" },
          { entity_type: "membership" },
          ...world.ids.jobId!.map((id) => ({ entity_type: "job", entity_id: id })),
        ]
      : []),
  ];
  const paramArb = fc.record(
    Object.fromEntries(
      [...route.path.matchAll(/\[([^\]]+)\]/g)].map((m) => [m[1]!, fc.constantFrom(...world.ids[m[1]!]!)]),
    ),
  );
  const paramsList = fc.sample(paramArb, { seed: SEED, numRuns: 4 });
  const issued = new Map<string, Issued>();
  for (const actor of Object.keys(world.actors)) {
    for (const [n, query] of queries.entries()) {
      const params = paramsList[n % paramsList.length]!;
      await inSavepoint(db, async () => {
        as(world.actors[actor]!);
        const response = await callRoute(handler, "GET", urlOf(route, params, { ...query, limit: 1 }), params);
        if (response.status !== 200) return;
        const page = (await response.json()) as { next_cursor?: string; pagination?: { next_cursor?: string } };
        const cursor = page.next_cursor ?? page.pagination?.next_cursor;
        if (cursor) issued.set(cursor, { actor, params, query, cursor });
      });
    }
  }
  return [...issued.values()];
}

type Finding = { operation: string; defect: string; case: Case; status: number };

function urlOf(route: ApiRoute, params: Record<string, string>, query: Record<string, unknown>): string {
  const pathname = route.path.replace(/\[([^\]]+)\]/g, (_, name: string) =>
    encodeURIComponent((params[name] ?? "x").toWellFormed()),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) search.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  const qs = search.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

async function runCase(
  db: Database,
  world: World,
  tables: string[],
  /** The world's digest: every case starts from it, as each one is rolled back. */
  before: Record<string, string>,
  route: ApiRoute,
  handler: Handler,
  c: Case,
  errors: unknown[],
): Promise<{ status: number; defects: string[] }> {
  return inSavepoint(db, async (sp) => {
    as(world.actors[c.actor]!);
    errors.length = 0;
    // JSON as a client sends it: a lone surrogate goes out as its \u escape, as JSON.stringify writes it.
    const body = c.raw ? String(c.body) : c.body === undefined ? undefined : JSON.stringify(c.body);
    const response = await callRoute(handler, route.method, urlOf(route, c.params, c.query), c.params, body);
    const defects: string[] = [];
    if (response.status >= 500) defects.push(`${response.status}: ${errors.map(kindOf).join("; ") || "?"}`);
    try {
      if (response.status >= 400 && response.status < 500) {
        const after = await digest(sp, tables);
        const changed = tables.filter((name) => before[name] !== after[name]);
        if (changed.length) defects.push(`refused (${response.status}) yet wrote: ${changed.join(", ")}`);
      } else if (response.status < 300 && (await upperCaseIdsWritten(sp)) > 0) {
        defects.push("upper-case id stored in audit_log.entity_id / event_outbox.aggregate_id");
      }
    } catch (error) {
      defects.push(`transaction unusable after a ${response.status}: ${kindOf(error)}`);
    }
    return { status: response.status, defects };
  });
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/** The operations of the OpenAPI document that route() serves (the rest take no input). */
const documented = new Set(
  Object.entries(openApiDocument().paths ?? {}).flatMap(([p, item]) =>
    Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${p}`),
  ),
);
const operations = apiRoutes().filter((r) => documented.has(`${r.method} ${r.openApiPath}`));

async function handlerOf(route: ApiRoute): Promise<Handler> {
  const mod = (await import(path.join(APP, route.path, "route.ts"))) as Record<string, Handler>;
  return mod[route.method]!;
}

/**
 * Documented operations not built with route(): no path, query or body is parsed, so there is
 * nothing to fuzz (health, the document itself, the metrics token's and cron's bearer routes).
 */
const TAKE_NO_INPUT = ["GET /api/cron/{job}", "GET /api/health", "GET /api/metrics", "GET /api/openapi.json"];
const handlers = await Promise.all(operations.map(async (r) => [r, await handlerOf(r)] as const));
const wrapped = handlers.filter(([, handler]) => handler.spec);
const unwrapped = handlers.filter(([, handler]) => !handler.spec).map(([r]) => r);

/** A seed of its own per operation, so adding a route does not reshuffle the others' cases. */
const seedOf = (operation: string) => [...operation].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, SEED);

const totals = { cases: 0, findings: [] as Finding[], statuses: [] as number[] };

/**
 * The world, built once per file in one repeatable-read transaction that stays open until the
 * last test (each case runs in a savepoint of it and is rolled back) and is rolled back at the end.
 */
type Shared = { tx: Database; world: World; tables: string[]; before: Record<string, string> };
let opened: Shared | undefined;
const shared = () => opened ?? expect.fail("the fuzz world was not built");
let finish = () => {};
let finished: Promise<void> = Promise.resolve();

beforeAll(async () => {
  await new Promise<void>((ready, fail) => {
    finished = rolledBack(
      t.db,
      async (tx) => {
        const world = await buildWorld(tx);
        const tables = await tablesOf(tx);
        opened = { tx, world, tables, before: await digest(tx, tables) };
        ready();
        await new Promise<void>((release) => (finish = release));
      },
      { isolationLevel: "repeatable read" },
    ).catch(fail);
  });
});

afterAll(async () => {
  finish();
  await finished;
});

describe(`input fuzzing (seed ${SEED}, ${RUNS} cases per operation)`, () => {
  it("fuzzes every documented operation but those that take no input through route()", () => {
    expect(unwrapped.map((r) => `${r.method} ${r.openApiPath}`).sort()).toEqual(TAKE_NO_INPUT);
  });

  it.each(wrapped.map(([r, handler]) => [`${r.method} ${r.openApiPath}`, r, handler] as const))(
    "%s: no 500, and a refused request writes nothing",
    async (operation, route, handler) => {
      const errorSpy = vi.spyOn(log, "error");
      const errors: unknown[] = [];
      errorSpy.mockImplementation(((obj: { err?: unknown }) => {
        errors.push(obj?.err);
      }) as never);
      const findings: Finding[] = [];
      const { tx, world, tables, before } = shared();
      try {
        const issued = await issuedCursors(tx, world, route, handler);
        if (process.env.FUZZ_DEBUG) console.log(`[fuzz] ${operation}: ${issued.length} issued cursors`);
        const cases = fc.sample(caseArb(world, route, handler.spec!, issued), {
          seed: seedOf(operation),
          numRuns: RUNS,
        });
        for (const c of cases) {
          const { status, defects } = await runCase(tx, world, tables, before, route, handler, c, errors);
          totals.statuses.push(status);
          for (const defect of defects)
            findings.push({ operation, defect: `${defect} [${c.mutated}]`, case: c, status });
        }
        totals.cases += cases.length;
      } finally {
        errorSpy.mockRestore();
      }
      totals.findings.push(...findings);
      const summary = countBy(findings.map((f) => f.defect));
      expect(findings.length, `${operation}: ${JSON.stringify(summary, null, 1)}\nfirst: ${show(findings[0])}`).toBe(0);
    },
    120_000,
  );

  it("reports the case count and what it found", () => {
    if (process.env.FUZZ_REPORT) {
      writeFileSync(
        `${process.env.FUZZ_REPORT}.${process.env.TEST_DRIVER ?? "pglite"}.json`,
        JSON.stringify(
          totals.findings.map((f) => ({ ...f, case: show(f) })),
          null,
          1,
        ),
      );
    }
    const byOperation = countBy(totals.findings.map((f) => f.operation));
    const byDefect = countBy(totals.findings.map((f) => f.defect.replace(/^refused \(\d+\)/, "refused")));
    console.log(
      `[fuzz] ${process.env.TEST_DRIVER ?? "pglite"}, seed ${SEED}: ${totals.cases} cases over ${wrapped.length} operations; ${totals.findings.length} failing\n` +
        `[fuzz] statuses: ${JSON.stringify(countBy(totals.statuses.map(String)))}\n` +
        `[fuzz] by operation: ${JSON.stringify(byOperation, null, 1)}\n[fuzz] by defect: ${JSON.stringify(byDefect, null, 1)}`,
    );
    expect(totals.cases).toBeGreaterThan(0);
  });
});

function countBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

function show(finding: Finding | undefined): string {
  if (!finding) return "";
  return JSON.stringify(finding.case, (_, v: unknown) =>
    typeof v === "string" && v.length > 200 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
  );
}

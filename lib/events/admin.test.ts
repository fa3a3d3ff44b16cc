/**
 * The outbox admin: stats and gauges, the keyset-paginated list and its DTO, retrying dead events,
 * and refusals for everyone but platform administrators, through the data functions and the
 * route handlers (whose session is stubbed; the database is this file's own, real one).
 */
import { inArray, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/admin/outbox/route";
import { POST } from "@/app/api/admin/outbox/retry/route";
import { eventOutbox } from "@/db/schema";
import { anonymous, type Actor, type UserActor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { metrics } from "@/lib/observability/metrics";
import { createUser, refusalOf } from "@/test/factories";
import { getOutboxOverview, listOutboxEvents, outboxStats, refreshOutboxGauges, retryDeadEvents } from "./admin";
import { outboxOverviewDto, outboxPageDto, retryDeadResultDto } from "./dto";
import {
  emitUpdates,
  eventsDatabase,
  newId,
  outboxRows,
  UPDATED_AT,
  type EventsDatabase,
} from "@/test/fixtures/events";

const { as, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));

let t: EventsDatabase;
let admin: UserActor;
let staff: UserActor;
/** Emission order: pending ×3 (the first one two minutes old), sent ×2, dead ×1. */
let ids: { pending: string[]; sent: string[]; dead: string[]; all: string[] };

beforeAll(async () => {
  t = await eventsDatabase();
  useDatabase(t.db);
  admin = (await resolveActor(t.db, (await createUser(t.db, { isPlatformAdmin: true })).id)) as UserActor;
  staff = (await resolveActor(t.db, (await createUser(t.db)).id)) as UserActor;
});
afterAll(() => t?.close());

async function seed() {
  const all = Object.values(await emitUpdates(t.db, [newId(), newId(), newId(), newId(), newId(), newId()], 1)).flat();
  ids = { pending: all.slice(0, 3), sent: all.slice(3, 5), dead: all.slice(5), all };
  await t.db
    .update(eventOutbox)
    .set({ occurredAt: sql`now() - interval '2 minutes'` })
    .where(inArray(eventOutbox.id, [all[0]!]));
  await t.db
    .update(eventOutbox)
    .set({ status: "sent", sentAt: sql`now()`, attempts: 1 })
    .where(inArray(eventOutbox.id, ids.sent));
  await t.db
    .update(eventOutbox)
    .set({ status: "dead", attempts: 20, lastError: "the broker refused the message (nack)" })
    .where(inArray(eventOutbox.id, ids.dead));
}

describe("outbox stats", () => {
  it("are zero, with no age, for an empty outbox", async () => {
    expect(await outboxStats(t.db)).toEqual({ pending: 0, sent: 0, dead: 0, oldestPendingAgeSeconds: null });
  });

  it("count by status and age the oldest pending event, and set the gauges", async () => {
    await seed();
    const stats = await outboxStats(t.db);
    expect(stats).toMatchObject({ pending: 3, sent: 2, dead: 1 });
    expect(stats.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(119);
    expect(stats.oldestPendingAgeSeconds).toBeLessThan(180);

    await refreshOutboxGauges(t.db);
    const backlog = Object.fromEntries(
      (await metrics.outboxBacklog.get()).values.map((v) => [v.labels.status, v.value]),
    );
    expect(backlog).toEqual({ pending: 3, sent: 2, dead: 1 });
    const [oldest] = (await metrics.outboxOldestAge.get()).values;
    expect(oldest!.value).toBeGreaterThanOrEqual(119);
  });
});

describe("listOutboxEvents", () => {
  it("pages newest first with a keyset cursor, naming every field", async () => {
    const first = outboxPageDto.strict().parse(await listOutboxEvents(t.db, admin, { limit: 4 }));
    expect(first.events).toHaveLength(4);
    expect(first.next_cursor).toMatch(/^\d+$/);
    const second = outboxPageDto
      .strict()
      .parse(await listOutboxEvents(t.db, admin, { limit: 4, cursor: first.next_cursor! }));
    expect(second.next_cursor).toBeNull();
    expect([...first.events, ...second.events].map((e) => e.id)).toEqual([...ids.all].reverse());

    const dead = first.events.find((e) => e.id === ids.dead[0]);
    expect(dead).toEqual({
      id: ids.dead[0],
      type: "v1.customer.updated",
      version: 1,
      business_id: null,
      aggregate_type: "customer",
      aggregate_id: expect.any(String),
      status: "dead",
      attempts: 20,
      next_attempt_at: expect.any(String),
      last_error: "the broker refused the message (nack)",
      trace_id: null,
      occurred_at: expect.any(String),
      sent_at: null,
      data: { customer_id: dead!.aggregate_id, fields_changed: ["field_0"], updated_at: UPDATED_AT, updated_by: null },
    });
  });

  it.each([
    ["pending", () => ids.pending],
    ["sent", () => ids.sent],
    ["dead", () => ids.dead],
  ] as const)("filters by status %s", async (status, expected) => {
    const page = await listOutboxEvents(t.db, admin, { status });
    expect(page.events.map((e) => e.id)).toEqual([...expected()].reverse());
    expect(page.events.every((e) => e.status === status)).toBe(true);
  });
});

describe("who may see and retry", () => {
  it.each<[string, () => Actor, number, string | undefined]>([
    ["a signed-in account that is not a platform admin", () => staff, 403, "not_platform_admin"],
    ["an anonymous caller", () => anonymous, 401, undefined],
  ])("%s is refused everything", async (_, actor, status, reason) => {
    for (const call of [
      () => listOutboxEvents(t.db, actor()),
      () => getOutboxOverview(t.db, actor()),
      () => retryDeadEvents(t.db, actor()),
    ]) {
      const error = await refusalOf(call());
      expect([error.status, error.details.reason]).toEqual([status, reason]);
    }
    expect(await outboxRows(t.db, ids.dead)).toMatchObject([{ status: "dead" }]);
  });
});

describe("the admin routes", () => {
  const get = (query = "") =>
    GET(new NextRequest(`http://localhost/api/admin/outbox${query}`), { params: Promise.resolve({}) });
  const retry = () =>
    POST(new NextRequest("http://localhost/api/admin/outbox/retry", { method: "POST" }), {
      params: Promise.resolve({}),
    });

  it("GET /api/admin/outbox answers admins with stats and a page, and refuses everyone else", async () => {
    as(admin);
    const res = await get("?limit=2");
    expect(res.status).toBe(200);
    const body = outboxOverviewDto.strict().parse(await res.json());
    expect(body.stats).toMatchObject({ pending: 3, sent: 2, dead: 1 });
    expect(body.broker_configured).toBe(Boolean(process.env.AMQP_URL));
    expect(body.events.map((e) => e.id)).toEqual([...ids.all].reverse().slice(0, 2));
    expect(body.next_cursor).not.toBeNull();

    expect((await get("?status=lost")).status).toBe(400);
    as(staff);
    const refused = await get();
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.reason).toBe("not_platform_admin");
  });

  it("POST /api/admin/outbox/retry puts dead events back in line, for admins only", async () => {
    as(staff);
    expect((await retry()).status).toBe(403);
    expect(await outboxRows(t.db, ids.dead)).toMatchObject([{ status: "dead", attempts: 20 }]);

    as(admin);
    const res = await retry();
    expect(res.status).toBe(200);
    expect(retryDeadResultDto.strict().parse(await res.json())).toEqual({ retried: 1 });
    expect(await outboxRows(t.db, ids.dead)).toMatchObject([{ status: "pending", attempts: 0 }]);
    expect(await retryDeadEvents(t.db, admin)).toEqual({ retried: 0 });
  });
});

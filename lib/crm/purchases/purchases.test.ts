/**
 * Purchases, metrics, stats and history through the real route wrapper, on the real database of each
 * driver: recording (totals, audit, event), idempotency, refusals that write nothing, history order
 * and keyset pages, the stats shape, and the linked customer reading their own figures.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { appointments, auditLog, crmCustomers, eventOutbox, purchases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { anonymous } from "@/lib/auth/actor";
import * as purchasesRoute from "@/app/api/customers/[businessId]/[customerId]/purchases/route";
import * as metricsRoute from "@/app/api/customers/[businessId]/[customerId]/metrics/route";
import * as statsRoute from "@/app/api/customers/[businessId]/[customerId]/stats/route";
import * as historyRoute from "@/app/api/customers/[businessId]/[customerId]/history/route";
import * as myBusinessesRoute from "@/app/api/me/businesses/route";
import { crmBusiness, crmWorld, createRecord, type CrmWorld } from "@/test/fixtures/crm-purchases";
import { historyPageDto, myBusinessesDto, purchaseRecordedDto, recordMetricsDto, recordStatsDto } from "./dto";

const { as, callRoute, parsedBody, routeDatabase, walkPages } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const base = (businessId: string, recordId: string) => `/api/customers/${businessId}/${recordId}`;

function post(actor: Actor, businessId: string, recordId: string, body: unknown) {
  as(actor);
  return callRoute(
    purchasesRoute.POST,
    "POST",
    `${base(businessId, recordId)}/purchases`,
    { businessId, customerId: recordId },
    body,
  );
}
type GetHandler = (req: never, ctx: never) => Promise<Response>;
function get(handler: GetHandler, what: string, actor: Actor, businessId: string, recordId: string, query = "") {
  as(actor);
  return callRoute(handler as Parameters<typeof callRoute>[0], "GET", `${base(businessId, recordId)}/${what}${query}`, {
    businessId,
    customerId: recordId,
  });
}
const record = (db: Database, id: string) =>
  db
    .select()
    .from(crmCustomers)
    .where(eq(crmCustomers.id, id))
    .then((r) => r[0]!);
const footprint = async (db: Database, w: CrmWorld) => ({
  purchases: (await db.select().from(purchases).where(eq(purchases.businessId, w.businessId))).length,
  audit: (await db.select().from(auditLog).where(eq(auditLog.businessId, w.businessId))).length,
  events: (await db.select().from(eventOutbox).where(eq(eventOutbox.businessId, w.businessId))).length,
  record: await record(db, w.recordId),
});

describe("recording a purchase", () => {
  it("adds it to the record's totals, answers the new metrics, audits the totals and emits v1.customer.updated", () =>
    t.inTransaction(async (db) => {
      const w = await crmWorld(db);
      const first = await parsedBody(
        await post(w.staff.staff, w.businessId, w.recordId, {
          amount_minor: 1250,
          items: 2,
          description: "Two flat whites",
          purchased_at: "2026-03-01T09:00:00Z",
        }),
        purchaseRecordedDto,
        201,
      );
      expect(first.recorded).toBe(true);
      expect(first.purchase).toMatchObject({
        amount_minor: 1250,
        amount: 12.5,
        currency: "USD",
        items: 2,
        source: "pos",
      });
      expect(first.metrics).toMatchObject({
        total_purchases: 1,
        total_spent_minor: 1250,
        total_spent: 12.5,
        total_items_bought: 2,
        first_purchase_date: "2026-03-01",
        last_purchase_date: "2026-03-01",
        is_repeat_customer: false,
        repeat_frequency: "one_time",
      });
      const second = await parsedBody(
        await post(w.staff.owner, w.businessId, w.recordId, {
          amount_minor: 751,
          currency: "usd",
          purchased_at: "2026-02-01T09:00:00Z",
        }),
        purchaseRecordedDto,
        201,
      );
      expect(second.metrics).toMatchObject({
        total_purchases: 2,
        total_spent_minor: 2001,
        total_items_bought: 3,
        avg_transaction_value_minor: 1001, // 1000.5 rounded half up
        first_purchase_date: "2026-02-01", // earlier than the first recorded
        last_purchase_date: "2026-03-01",
        is_repeat_customer: true,
        repeat_frequency: "occasional",
        customer_lifetime_value_minor: 2001,
      });
      expect(await record(db, w.recordId)).toMatchObject({
        purchaseCount: 2,
        totalSpentMinor: 2001,
        totalItemsBought: 3,
      });

      const audit = await db
        .select({
          field: auditLog.field,
          action: auditLog.action,
          oldValue: auditLog.oldValue,
          newValue: auditLog.newValue,
          actorUserId: auditLog.actorUserId,
          businessId: auditLog.businessId,
        })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "crm_customer"), eq(auditLog.entityId, w.recordId)))
        .orderBy(auditLog.id);
      expect(new Set(audit.map((a) => a.action))).toEqual(new Set(["purchase"]));
      expect(new Set(audit.map((a) => a.businessId))).toEqual(new Set([w.businessId]));
      // Each total that changed, from what it was to what it became; an unchanged one has no row.
      const change = ({ field, oldValue, newValue }: (typeof audit)[number]) => ({ field, oldValue, newValue });
      expect(audit.filter((a) => a.actorUserId === w.staff.staff.userId).map(change)).toEqual([
        { field: "purchaseCount", oldValue: 0, newValue: 1 },
        { field: "totalSpentMinor", oldValue: 0, newValue: 1250 },
        { field: "totalItemsBought", oldValue: 0, newValue: 2 },
        { field: "firstPurchaseAt", oldValue: null, newValue: "2026-03-01T09:00:00.000Z" },
        { field: "lastPurchaseAt", oldValue: null, newValue: "2026-03-01T09:00:00.000Z" },
      ]);
      expect(audit.filter((a) => a.actorUserId === w.staff.owner.userId).map(change)).toEqual([
        { field: "purchaseCount", oldValue: 1, newValue: 2 },
        { field: "totalSpentMinor", oldValue: 1250, newValue: 2001 },
        { field: "totalItemsBought", oldValue: 2, newValue: 3 },
        { field: "firstPurchaseAt", oldValue: "2026-03-01T09:00:00.000Z", newValue: "2026-02-01T09:00:00.000Z" },
      ]);

      const events = await db
        .select({ type: eventOutbox.type, payload: eventOutbox.payload })
        .from(eventOutbox)
        .where(eq(eventOutbox.aggregateId, w.recordId));
      expect(events).toHaveLength(2);
      expect(events.every((e) => e.type === "v1.customer.updated")).toBe(true);
      const changed = events.map((e) => (e.payload as { fields_changed: string[] }).fields_changed);
      expect(changed[0]).toEqual(expect.arrayContaining(["total_purchases", "total_spent", "last_purchase_date"]));
      expect(changed[1]).toEqual(
        expect.arrayContaining(["is_repeat_customer", "repeat_frequency", "first_purchase_date"]),
      );
      expect(changed[1]).not.toContain("last_purchase_date"); // the earlier sale did not move it
    }));

  it("records an external reference once: the same one again answers the first purchase with 200 and changes nothing", () =>
    t.inTransaction(async (db) => {
      const w = await crmWorld(db);
      const sale = { amount_minor: 4000, source: "online", external_ref: "order-1001" };
      const first = await parsedBody(
        await post(w.staff.manager, w.businessId, w.recordId, sale),
        purchaseRecordedDto,
        201,
      );
      const before = await footprint(db, w);
      const again = await parsedBody(
        await post(w.staff.staff, w.businessId, w.recordId, { ...sale, amount_minor: 9999 }),
        purchaseRecordedDto,
        200,
      );
      expect(again.recorded).toBe(false);
      expect(again.purchase).toEqual(first.purchase);
      expect(again.metrics.total_purchases).toBe(1);
      expect(await footprint(db, w)).toEqual(before);
      // The same reference from another source is another sale.
      await parsedBody(
        await post(w.staff.staff, w.businessId, w.recordId, { ...sale, source: "pos" }),
        purchaseRecordedDto,
        201,
      );
      expect((await record(db, w.recordId)).purchaseCount).toBe(2);
    }));

  it.each([
    ["another currency", { amount_minor: 100, currency: "EUR" }, 422, "currency_mismatch"],
    ["an amount of 0", { amount_minor: 0 }, 400, undefined],
    ["a fractional amount", { amount_minor: 10.5 }, 400, undefined],
    ["0 items", { amount_minor: 100, items: 0 }, 400, undefined],
    ["a time in the future", { amount_minor: 100, purchased_at: "2999-01-01T00:00:00Z" }, 400, undefined],
    ["an unknown source", { amount_minor: 100, source: "stripe" }, 400, undefined],
    ["a 201-character reference", { amount_minor: 100, external_ref: "x".repeat(201) }, 400, undefined],
  ])("refuses %s and writes nothing", (_name, body, status, reason) =>
    t.inTransaction(async (db) => {
      const w = await crmWorld(db);
      const before = await footprint(db, w);
      const response = await post(w.staff.owner, w.businessId, w.recordId, body);
      const answer = await response.json();
      expect(response.status).toBe(status);
      expect(answer.error.reason).toBe(reason);
      expect(await footprint(db, w)).toEqual(before);
    }),
  );

  it("refuses a deleted record with 409 record_deleted", () =>
    t.inTransaction(async (db) => {
      const w = await crmWorld(db);
      await db.update(crmCustomers).set({ deletedAt: new Date() }).where(eq(crmCustomers.id, w.recordId));
      const before = await footprint(db, w);
      const response = await post(w.staff.owner, w.businessId, w.recordId, { amount_minor: 100 });
      expect(response.status).toBe(409);
      expect((await response.json()).error.reason).toBe("record_deleted");
      expect(await footprint(db, w)).toEqual(before);
    }));
});

describe("stats and metrics", () => {
  it("answers the seed's stats shape, with the decimal and minor units of the business's currency", () =>
    t.inTransaction(async (db) => {
      const w = await crmWorld(db);
      for (const [amount, at] of [
        [200000, "2025-06-01T10:00:00Z"],
        [75000, "2025-07-15T23:30:00Z"],
      ] as const)
        await post(w.staff.staff, w.businessId, w.recordId, { amount_minor: amount, purchased_at: at });
      const stats = await parsedBody(
        await get(statsRoute.GET, "stats", w.staff.staff, w.businessId, w.recordId),
        recordStatsDto,
      );
      expect(stats).toEqual({
        total_orders: 2,
        total_appointments: 0,
        lifetime_value: 2750,
        lifetime_value_minor: 275000,
        currency: "USD",
        last_order_date: "2025-07-15",
        last_appointment_date: null,
      });
      const yen = await crmBusiness(db, { currency: "JPY" });
      const r = await createRecord(db, { businessId: yen.businessId });
      await post(yen.staff.owner, yen.businessId, r.id, { amount_minor: 1500 });
      const yenStats = await parsedBody(
        await get(statsRoute.GET, "stats", yen.staff.owner, yen.businessId, r.id),
        recordStatsDto,
      );
      expect(yenStats).toMatchObject({ lifetime_value: 1500, lifetime_value_minor: 1500, currency: "JPY" });

      const { metrics } = await parsedBody(
        await get(metricsRoute.GET, "metrics", w.staff.manager, w.businessId, w.recordId),
        recordMetricsDto,
      );
      expect(metrics).toMatchObject({ total_purchases: 2, total_spent: 2750, is_repeat_customer: true });
      expect(metrics.days_since_last_purchase).toBeGreaterThan(100);
    }));
});

describe("history", () => {
  it("lists purchases and appointments together, newest first, in keyset pages that skip and repeat nothing", () =>
    t.inTransaction(async (db) => {
      const w = await crmWorld(db);
      const times = ["2026-01-05T10:00:00Z", "2026-01-03T10:00:00Z", "2026-01-03T10:00:00Z", "2026-01-01T10:00:00Z"];
      for (const at of times)
        await post(w.staff.staff, w.businessId, w.recordId, { amount_minor: 500, purchased_at: at });
      // Appointments at the same instants as purchases, and between them.
      for (const at of ["2026-01-03T10:00:00Z", "2026-01-04T10:00:00Z", "2026-01-03T10:00:00Z"]) {
        await db.insert(appointments).values({
          businessId: w.businessId,
          crmCustomerId: w.recordId,
          startsAt: new Date(at),
          endsAt: new Date(Date.parse(at) + 3_600_000),
          status: "completed",
          notes: "Prefers the window seat",
        });
      }
      // Another record's purchase never shows.
      await post(w.staff.staff, w.businessId, w.walkInId, { amount_minor: 999 });

      const all = await parsedBody(
        await get(historyRoute.GET, "history", w.staff.owner, w.businessId, w.recordId, "?limit=100"),
        historyPageDto,
      );
      expect(all.items).toHaveLength(7);
      expect(all.items.map((i) => `${i.at.slice(0, 10)} ${i.kind}`)).toEqual([
        "2026-01-05 purchase",
        "2026-01-04 appointment",
        "2026-01-03 purchase",
        "2026-01-03 purchase",
        "2026-01-03 appointment",
        "2026-01-03 appointment",
        "2026-01-01 purchase",
      ]);
      const appointment = all.items.find((i) => i.kind === "appointment")!;
      expect(appointment).toMatchObject({ status: "completed", notes: "Prefers the window seat" });

      for (const limit of [1, 2, 3]) {
        const seen: string[] = [];
        for await (const page of walkPages((cursor) =>
          get(
            historyRoute.GET,
            "history",
            w.staff.staff,
            w.businessId,
            w.recordId,
            `?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
          ).then((r) => parsedBody(r, historyPageDto)),
        ))
          seen.push(...page.items.map((i) => i.id));
        expect(seen).toEqual(all.items.map((i) => i.id));
      }

      const bad = await get(historyRoute.GET, "history", w.staff.staff, w.businessId, w.recordId, "?cursor=nope");
      expect(bad.status).toBe(400);
      const tooMany = await get(historyRoute.GET, "history", w.staff.staff, w.businessId, w.recordId, "?limit=101");
      expect(tooMany.status).toBe(400);
    }));
});

describe("the person the record is about", () => {
  it("reads their own stats, metrics and history at each business, never appointment notes; another customer gets 404", () =>
    t.inTransaction(async (db) => {
      const w = await crmWorld(db);
      const second = await crmBusiness(db, { name: "Second Shop" });
      const there = await createRecord(db, {
        businessId: second.businessId,
        customerId: w.person.customerId,
        fullName: "Cara",
      });
      await post(w.staff.staff, w.businessId, w.recordId, { amount_minor: 1000, purchased_at: "2026-01-01T00:00:00Z" });
      await post(second.staff.staff, second.businessId, there.id, { amount_minor: 300 });
      await post(second.staff.staff, second.businessId, there.id, { amount_minor: 200 });
      await db.insert(appointments).values({
        businessId: w.businessId,
        crmCustomerId: w.recordId,
        startsAt: new Date("2026-01-02T00:00:00Z"),
        endsAt: new Date("2026-01-02T01:00:00Z"),
        notes: "internal: late twice",
      });

      const me = w.person.actor;
      const stats = await parsedBody(await get(statsRoute.GET, "stats", me, w.businessId, w.recordId), recordStatsDto);
      expect(stats.total_orders).toBe(1);
      const stats2 = await parsedBody(
        await get(statsRoute.GET, "stats", me, second.businessId, there.id),
        recordStatsDto,
      );
      expect(stats2).toMatchObject({ total_orders: 2, lifetime_value_minor: 500 });
      await parsedBody(await get(metricsRoute.GET, "metrics", me, second.businessId, there.id), recordMetricsDto);
      const history = await get(historyRoute.GET, "history", me, w.businessId, w.recordId);
      const text = await history.clone().text();
      expect(text).not.toContain("late twice");
      expect((await parsedBody(history, historyPageDto)).items.map((i) => i.kind)).toEqual(["appointment", "purchase"]);

      // Not their record: the walk-in at the same business, and their own record named under another business.
      expect((await get(statsRoute.GET, "stats", me, w.businessId, w.walkInId)).status).toBe(404);
      expect((await get(statsRoute.GET, "stats", me, second.businessId, w.recordId)).status).toBe(404);
      // Another customer.
      for (const [handler, what] of [
        [statsRoute.GET, "stats"],
        [metricsRoute.GET, "metrics"],
        [historyRoute.GET, "history"],
      ] as const)
        expect((await get(handler, what, w.otherCustomer.actor, w.businessId, w.recordId)).status).toBe(404);
      // A deleted record is gone for the person (staff still see it).
      await db.update(crmCustomers).set({ deletedAt: new Date() }).where(eq(crmCustomers.id, there.id));
      expect((await get(statsRoute.GET, "stats", me, second.businessId, there.id)).status).toBe(404);
      expect((await get(statsRoute.GET, "stats", second.staff.staff, second.businessId, there.id)).status).toBe(200);

      // Their businesses: the live records only, without notes or tags.
      as(me);
      const mine = await parsedBody(
        await callRoute(myBusinessesRoute.GET, "GET", "/api/me/businesses", {}),
        myBusinessesDto,
      );
      expect(mine.businesses).toEqual([
        expect.objectContaining({
          business_id: w.businessId,
          customer_id: w.recordId,
          total_orders: 1,
          lifetime_value: 10,
          last_order_date: "2026-01-01",
          total_appointments: 0,
        }),
      ]);
      as(w.otherCustomer.actor);
      expect(
        (await parsedBody(await callRoute(myBusinessesRoute.GET, "GET", "/api/me/businesses", {}), myBusinessesDto))
          .businesses,
      ).toEqual([]);
      as(w.staff.owner); // staff without a customer profile
      const refused = await callRoute(myBusinessesRoute.GET, "GET", "/api/me/businesses", {});
      expect(refused.status).toBe(403);
      as(anonymous);
      expect((await callRoute(myBusinessesRoute.GET, "GET", "/api/me/businesses", {})).status).toBe(401);
    }));
});

type Who =
  "owner" | "admin" | "manager" | "staff" | "linked customer" | "other customer" | "foreign owner" | "anonymous";
const actorOf = (w: CrmWorld, who: Who): Actor =>
  ({
    owner: w.staff.owner,
    admin: w.staff.admin,
    manager: w.staff.manager,
    staff: w.staff.staff,
    "linked customer": w.person.actor,
    "other customer": w.otherCustomer.actor,
    "foreign owner": w.foreignOwner,
    anonymous,
  })[who];

const WHO: Who[] = [
  "owner",
  "admin",
  "manager",
  "staff",
  "linked customer",
  "other customer",
  "foreign owner",
  "anonymous",
];
const READ = {
  owner: 200,
  admin: 200,
  manager: 200,
  staff: 200,
  "linked customer": 200,
  "other customer": 404,
  "foreign owner": 404,
  anonymous: 401,
};
const WRITE = {
  owner: 201,
  admin: 201,
  manager: 201,
  staff: 201,
  "linked customer": 404,
  "other customer": 404,
  "foreign owner": 404,
  anonymous: 401,
};

describe("who may do what (every route, every caller)", () => {
  const cases = WHO.flatMap((who) => [
    ["POST purchases", who, WRITE[who]] as const,
    ["GET metrics", who, READ[who]] as const,
    ["GET stats", who, READ[who]] as const,
    ["GET history", who, READ[who]] as const,
  ]);
  it.each(cases)("%s as %s: %i", (what, who, status) =>
    t.inTransaction(async (db) => {
      const w = await crmWorld(db);
      const actor = actorOf(w, who);
      const before = await footprint(db, w);
      const response =
        what === "POST purchases"
          ? await post(actor, w.businessId, w.recordId, { amount_minor: 100 })
          : await get(
              { "GET metrics": metricsRoute.GET, "GET stats": statsRoute.GET, "GET history": historyRoute.GET }[what],
              what.slice(4),
              actor,
              w.businessId,
              w.recordId,
            );
      expect(response.status, await response.clone().text()).toBe(status);
      if (status >= 400) expect(await footprint(db, w)).toEqual(before);
      // Another business's record named under this business is not found, for its own staff too.
      if (who === "owner") {
        const foreign = await crmBusiness(db);
        const theirs = await createRecord(db, { businessId: foreign.businessId });
        const r =
          what === "POST purchases"
            ? await post(actor, w.businessId, theirs.id, { amount_minor: 100 })
            : await get(metricsRoute.GET, "metrics", actor, w.businessId, theirs.id);
        expect(r.status).toBe(404);
      }
    }),
  );
});

it("keeps bigint totals exact through the driver (sums past 2^31)", () =>
  t.inTransaction(async (db) => {
    const w = await crmWorld(db);
    for (let i = 0; i < 3; i++) await post(w.staff.owner, w.businessId, w.recordId, { amount_minor: 1_500_000_000 });
    const { metrics } = await parsedBody(
      await get(metricsRoute.GET, "metrics", w.staff.owner, w.businessId, w.recordId),
      recordMetricsDto,
    );
    expect(metrics.total_spent_minor).toBe(4_500_000_000);
    const [{ n }] = (
      await db.execute<{ n: string }>(
        sql`select sum(amount_minor)::text as n from purchases where crm_customer_id = ${w.recordId}`,
      )
    ).rows as [{ n: string }];
    expect(n).toBe("4500000000");
  }));

/**
 * A marketplace booking in the provider business's CRM: booking creates (or links) the business's
 * record of the customer with a scheduled appointment, completing it counts it and shows it in the
 * record's history, cancelling cancels it. Through the real marketplace mutations.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { appointments, crmCustomers, customers, eventOutbox } from "@/db/schema";
import * as historyRoute from "@/app/api/customers/[businessId]/[customerId]/history/route";
import * as statsRoute from "@/app/api/customers/[businessId]/[customerId]/stats/route";
import { cancelJob, completeJob } from "@/lib/marketplace/jobs/mutations";
import { bookedJob, newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { createRecord } from "@/test/fixtures/crm-purchases";
import { historyPageDto, recordStatsDto } from "./purchases/dto";
import { toE164 } from "./records/contact";

const { as, callRoute, parsedBody, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

describe("a marketplace booking in the provider's CRM", () => {
  it("creates the provider's linked record from the person's profile, with a scheduled appointment and v1.customer.created", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      await db.update(customers).set({ phone: "(415) 555-2671" }).where(eq(customers.id, cara.customerId));
      const provider = await newProvider(db);
      const { jobId } = await bookedJob(db, cara, provider, {
        title: "Fix the tap",
        category: "Plumbing",
        description: "Drips.",
        scheduled_for: "2030-05-01T09:00:00Z",
      });
      const records = await db
        .select()
        .from(crmCustomers)
        .where(and(eq(crmCustomers.businessId, provider.businessId), eq(crmCustomers.customerId, cara.customerId)));
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        fullName: "Cara Smith",
        phone: "+14155552671",
        customerType: "regular",
      });
      expect(records[0]!.email).toMatch(/@example\.test$/);
      const [appointment] = await db.select().from(appointments).where(eq(appointments.jobId, jobId));
      expect(appointment).toMatchObject({
        businessId: provider.businessId,
        crmCustomerId: records[0]!.id,
        status: "scheduled",
      });
      expect(appointment!.startsAt.toISOString()).toBe("2030-05-01T09:00:00.000Z");
      const created = await db
        .select({ payload: eventOutbox.payload })
        .from(eventOutbox)
        .where(and(eq(eventOutbox.type, "v1.customer.created"), eq(eventOutbox.aggregateId, records[0]!.id)));
      expect(created.map((e) => e.payload)).toEqual([
        expect.objectContaining({
          customer_id: records[0]!.id,
          business_id: provider.businessId,
          user_id: cara.userId,
          account_customer_id: cara.customerId,
          full_name: "Cara Smith",
          customer_type: "regular",
        }),
      ]);
    }));

  it("links the existing live record, and a completed booking shows in its history and stats as an appointment", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      const existing = await createRecord(db, {
        businessId: provider.businessId,
        customerId: cara.customerId,
        fullName: "Cara (regular)",
      });
      const first = await bookedJob(db, cara, provider);
      const second = await bookedJob(db, cara, provider);
      expect(await db.select().from(crmCustomers).where(eq(crmCustomers.businessId, provider.businessId))).toHaveLength(
        1,
      );
      await completeJob(db, provider.staff, first.jobId);
      await cancelJob(db, cara.actor, second.jobId);

      as(provider.staff);
      const params = { businessId: provider.businessId, customerId: existing.id };
      const url = `/api/customers/${provider.businessId}/${existing.id}`;
      const history = await parsedBody(
        await callRoute(historyRoute.GET, "GET", `${url}/history`, params),
        historyPageDto,
      );
      expect(history.items.map((i) => (i.kind === "appointment" ? [i.job_id, i.status] : null)).sort()).toEqual(
        [
          [first.jobId, "completed"],
          [second.jobId, "cancelled"],
        ].sort(),
      );
      const stats = await parsedBody(await callRoute(statsRoute.GET, "GET", `${url}/stats`, params), recordStatsDto);
      expect(stats.total_appointments).toBe(1);
      expect(stats.last_appointment_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // The person sees it too.
      as(cara.actor);
      const own = await parsedBody(await callRoute(historyRoute.GET, "GET", `${url}/history`, params), historyPageDto);
      expect(own.items.filter((i) => i.kind === "appointment")).toHaveLength(2);
      // No record was created, so no created event.
      expect(
        await db
          .select()
          .from(eventOutbox)
          .where(and(eq(eventOutbox.type, "v1.customer.created"), eq(eventOutbox.businessId, provider.businessId))),
      ).toEqual([]);
    }));

  it("does not link an unlinked record that only shares the account's email, and leaves the new one's email empty", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      const provider = await newProvider(db);
      const email = cara.actor.email.toUpperCase();
      const walkIn = await createRecord(db, { businessId: provider.businessId, email, fullName: "Someone" });
      await bookedJob(db, cara, provider);
      const rows = await db.select().from(crmCustomers).where(eq(crmCustomers.businessId, provider.businessId));
      expect(rows).toHaveLength(2);
      expect(rows.find((r) => r.id === walkIn.id)!.customerId).toBeNull();
      expect(rows.find((r) => r.id !== walkIn.id)).toMatchObject({ customerId: cara.customerId, email: null });
    }));
});

describe("toE164", () => {
  it.each([
    ["(415) 555-2671", "US", "+14155552671"],
    ["020 7946 0018", "GB", "+442079460018"],
    ["+40 721 234 567", "US", "+40721234567"],
    ["12", "US", null],
    [null, "US", null],
  ])("%s in %s is %s", (phone, country, expected) => expect(toE164(phone, country)).toBe(expected));
});

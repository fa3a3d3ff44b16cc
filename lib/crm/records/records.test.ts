/**
 * The customer record through its routes (the real wrapper, the real database): create, read,
 * update, delete and restore; phones in E.164 with the business's country; emails unique per
 * business in any case, with the existing record's id; overrides over a linked person's own values
 * and their revert; preferences and do_not_contact; the per-record edit limit; events, audit rows
 * and the created counter.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { crmCustomers, customers } from "@/db/schema";
import { anonymous } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { AppError } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";
import { errorBody } from "@/lib/openapi/error-responses";
import { auditOf, eventsOf, recordsWorld, snapshot } from "@/test/fixtures/crm-records";
import { driver } from "@/test/db";
import { createBusiness, createUser } from "@/test/factories";
import * as createRoute from "@/app/api/customers/[businessId]/route";
import * as recordRoute from "@/app/api/customers/[businessId]/[customerId]/route";
import * as restoreRoute from "@/app/api/customers/[businessId]/[customerId]/restore/route";
import * as overrideRoute from "@/app/api/customers/[businessId]/[customerId]/overrides/[field]/route";
import * as preferencesRoute from "@/app/api/customers/[businessId]/[customerId]/preferences/route";
import { customerRecordDto, preferencesDto } from "./dto";
import { refreshLinkedRecords } from "./contact";
import { createRecord } from "./mutations";

const { as, callRoute, parsedBody, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const create = (businessId: string, body: unknown) =>
  callRoute(createRoute.POST, "POST", `/api/customers/${businessId}`, { businessId }, body);
const get = (businessId: string, customerId: string) =>
  callRoute(recordRoute.GET, "GET", `/api/customers/${businessId}/${customerId}`, { businessId, customerId });
const patch = (businessId: string, customerId: string, body: unknown) =>
  callRoute(recordRoute.PATCH, "PATCH", `/api/customers/${businessId}/${customerId}`, { businessId, customerId }, body);
const del = (businessId: string, customerId: string) =>
  callRoute(recordRoute.DELETE, "DELETE", `/api/customers/${businessId}/${customerId}`, { businessId, customerId });
const restore = (businessId: string, customerId: string) =>
  callRoute(restoreRoute.POST, "POST", `/api/customers/${businessId}/${customerId}/restore`, {
    businessId,
    customerId,
  });
const revert = (businessId: string, customerId: string, field: string) =>
  callRoute(overrideRoute.DELETE, "DELETE", `/api/customers/${businessId}/${customerId}/overrides/${field}`, {
    businessId,
    customerId,
    field,
  });
const setPreferences = (businessId: string, customerId: string, body: unknown) =>
  callRoute(
    preferencesRoute.PATCH,
    "PATCH",
    `/api/customers/${businessId}/${customerId}/preferences`,
    { businessId, customerId },
    body,
  );

const record = (response: Response, status = 200) => parsedBody(response, customerRecordDto, status);
const refusal = (response: Response, status: number) => parsedBody(response, errorBody, status);

describe("a customer record's life", () => {
  it("is created, read, updated, deleted and restored, with an event and audit rows for each change", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.manager);
      const createdBefore = (await metrics.customersCreated.get()).values[0]?.value ?? 0;

      const made = await record(
        await create(w.business.id, {
          name: "Ana Popescu",
          email: "ana@example.test",
          phone: "0712 345 678",
          gender: "female",
          address: { line1: "Str. Lunga 3", city: "Brasov", postal_code: "500001", country: "ro" },
          customer_type: "vip",
        }),
        201,
      );
      expect(made).toMatchObject({
        full_name: "Ana Popescu",
        name: "Ana Popescu",
        email: "ana@example.test",
        phone: "+40712345678",
        gender: "female",
        customer_type: "vip",
        is_active: true,
        linked: false,
        overridden_fields: [],
        avatar_url: null,
        tags: [],
        address: { line1: "Str. Lunga 3", line2: null, city: "Brasov", postal_code: "500001", country: "RO" },
        total_appointments: 0,
        last_appointment_date: null,
        deleted_at: null,
      });
      expect(made.metrics).toMatchObject({ currency: "RON", total_purchases: 0, repeat_frequency: null });
      expect(made.preferences.contactable).toEqual({
        sms: true,
        email: false,
        call: false,
        offers: true,
        loyalty: true,
      });
      expect((await metrics.customersCreated.get()).values[0]!.value).toBe(createdBefore + 1);

      expect(await record(await get(w.business.id, made.id))).toEqual(made);

      as(w.staff.admin);
      const updated = await record(
        await patch(w.business.id, made.id, { full_name: "Ana Maria Popescu", customer_type: "regular" }),
      );
      expect(updated).toMatchObject({
        full_name: "Ana Maria Popescu",
        name: "Ana Maria Popescu",
        customer_type: "regular",
      });
      expect(updated.phone).toBe("+40712345678");

      const deleted = await record(await del(w.business.id, made.id));
      expect(deleted).toMatchObject({ is_active: false });
      expect(deleted.deleted_at).not.toBeNull();
      const restored = await record(await restore(w.business.id, made.id));
      expect(restored).toMatchObject({ is_active: true, deleted_at: null, full_name: "Ana Maria Popescu" });

      const events = await eventsOf(db, made.id);
      expect(events.map((e) => e.type)).toEqual([
        "v1.customer.created",
        "v1.customer.updated",
        "v1.customer.updated",
        "v1.customer.updated",
      ]);
      expect(events[0]!.payload).toMatchObject({
        customer_id: made.id,
        business_id: w.business.id,
        full_name: "Ana Popescu",
        email: "ana@example.test",
        customer_type: "vip",
        user_id: null,
        account_customer_id: null,
        created_by: w.staff.manager.userId,
      });
      expect(events[1]!.payload).toMatchObject({
        fields_changed: ["full_name", "customer_type"],
        updated_by: w.staff.admin.userId,
      });
      expect(events.slice(2).map((e) => (e.payload as { fields_changed: string[] }).fields_changed)).toEqual([
        ["is_active"],
        ["is_active"],
      ]);
      const audit = await auditOf(db, made.id);
      expect(audit.filter((a) => a.action === "update").map((a) => a.field)).toEqual(["full_name", "customer_type"]);
      expect(audit.filter((a) => a.action === "create").map((a) => a.field)).toEqual(
        expect.arrayContaining(["full_name", "email", "phone", "address", "gender", "customer_type"]),
      );
      expect(audit.filter((a) => a.action === "delete" || a.action === "restore")).toEqual([
        { action: "delete", field: "is_active", entityType: "crm_customer" },
        { action: "restore", field: "is_active", entityType: "crm_customer" },
      ]);
    }));

  it("a PATCH that changes nothing writes and emits nothing", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.owner);
      const before = await snapshot(db, w.business.id);
      const same = await record(
        await patch(w.business.id, w.walkIn.id, { full_name: "Walk In", email: "WALK.IN@example.test".toLowerCase() }),
      );
      expect(same.full_name).toBe("Walk In");
      expect(await record(await patch(w.business.id, w.walkIn.id, {}))).toEqual(same);
      expect(await snapshot(db, w.business.id)).toEqual(before);
    }));

  it("refuses bad input with field errors, and changes to a deleted record until it is restored", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.owner);
      const before = await snapshot(db, w.business.id);
      const missing = await refusal(await create(w.business.id, { email: "x@example.test" }), 400);
      expect(Object.keys(missing.error.field_errors!)).toEqual(["full_name"]);
      const bad = await refusal(
        await create(w.business.id, { full_name: "X", email: "not-an-email", gender: "robot", customer_type: "king" }),
        400,
      );
      expect(Object.keys(bad.error.field_errors!).sort()).toEqual(["customer_type", "email", "gender"]);
      const phone = await refusal(await patch(w.business.id, w.walkIn.id, { phone: "12345" }), 400);
      expect(Object.keys(phone.error.field_errors!)).toEqual(["phone"]);
      expect((await refusal(await restore(w.business.id, w.walkIn.id), 409)).error.reason).toBe("not_deleted");
      expect(await snapshot(db, w.business.id)).toEqual(before);

      await record(await del(w.business.id, w.walkIn.id));
      const deletedState = await snapshot(db, w.business.id);
      for (const response of [
        await patch(w.business.id, w.walkIn.id, { full_name: "Changed" }),
        await setPreferences(w.business.id, w.walkIn.id, { do_not_contact: true }),
        await del(w.business.id, w.walkIn.id),
      ]) {
        expect((await refusal(response, 409)).error.reason).toBe("record_deleted");
      }
      expect(await snapshot(db, w.business.id)).toEqual(deletedState);
    }));
});

describe("what a record shows from its other parts", () => {
  it("its avatar's URL, its purchase metrics in the business's currency and its appointments", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      await db
        .update(crmCustomers)
        .set({
          avatarKey: "avatars/abc 1.webp",
          purchaseCount: 3,
          totalSpentMinor: 4500,
          totalItemsBought: 7,
          firstPurchaseAt: new Date("2026-01-02T10:00:00Z"),
          lastPurchaseAt: new Date("2026-03-04T10:00:00Z"),
          appointmentCount: 2,
          lastAppointmentAt: new Date("2026-02-03T09:30:00Z"),
        })
        .where(eq(crmCustomers.id, w.walkIn.id));
      as(w.staff.staff);
      const shown = await record(await get(w.business.id, w.walkIn.id));
      expect(shown.avatar_url).toBe(`/api/customers/${w.business.id}/${w.walkIn.id}/avatar?v=avatars%2Fabc%201.webp`);
      expect(shown.metrics).toMatchObject({
        currency: "RON",
        total_purchases: 3,
        total_spent_minor: 4500,
        total_spent: 45,
        total_items_bought: 7,
        avg_transaction_value_minor: 1500,
        first_purchase_date: "2026-01-02",
        last_purchase_date: "2026-03-04",
        is_repeat_customer: true,
        repeat_frequency: "occasional",
      });
      expect(shown).toMatchObject({ total_appointments: 2, last_appointment_date: "2026-02-03" });
    }));
});

describe("restoring a linked record", () => {
  it("is refused while another live record of the business is linked to the same person", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.owner);
      await record(await del(w.business.id, w.linked.id));
      await db
        .insert(crmCustomers)
        .values({ businessId: w.business.id, customerId: w.person.id, fullName: "Cara again" });
      const before = await snapshot(db, w.business.id);
      expect((await refusal(await restore(w.business.id, w.linked.id), 409)).error.reason).toBe(
        "customer_account_taken",
      );
      expect(await snapshot(db, w.business.id)).toEqual(before);
    }));
});

describe("phones", () => {
  it.each([
    ["RO", "0712 345 678", "+40712345678"],
    ["RO", "+40 (712) 345-678", "+40712345678"],
    ["US", "(202) 456-1111", "+12024561111"],
    ["US", "+40712345678", "+40712345678"],
    ["GB", "020 7946 0958", "+442079460958"],
  ])("in a %s business, %s is stored as %s", (country, typed, e164) =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db, { country });
      as(w.staff.owner);
      const made = await record(await create(w.business.id, { full_name: "P", phone: typed }), 201);
      expect(made.phone).toBe(e164);
      const [row] = await db.select().from(crmCustomers).where(eq(crmCustomers.id, made.id));
      expect(row!.phone).toBe(e164);
    }),
  );

  it("a number that is not valid in the business's country is a 400 on phone", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db, { country: "US" });
      as(w.staff.owner);
      const body = await refusal(await create(w.business.id, { full_name: "P", phone: "0712 345" }), 400);
      expect(body.error.field_errors).toHaveProperty("phone");
    }));
});

describe("emails", () => {
  it("are unique per business among live records in any case, and the 409 names the existing record", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.owner);
      const ana = await record(await create(w.business.id, { full_name: "Ana", email: "Ana.Pop@Example.test" }), 201);
      expect(ana.email).toBe("Ana.Pop@Example.test"); // stored as typed

      for (const response of [
        await create(w.business.id, { full_name: "Copy", email: "ana.pop@example.TEST" }),
        await patch(w.business.id, w.walkIn.id, { email: "ANA.POP@EXAMPLE.TEST" }),
      ]) {
        const body = await refusal(response, 409);
        expect(body.error).toMatchObject({ reason: "customer_email_taken", existing_customer_id: ana.id });
      }

      // Another business may have its own record with that email.
      as(w.foreignMember);
      await record(await create(w.foreign.id, { full_name: "Ana", email: "ana.pop@example.test" }), 201);

      // A deleted record frees its email; restoring it while another live record has it is refused.
      as(w.staff.owner);
      await record(await del(w.business.id, ana.id));
      const second = await record(
        await create(w.business.id, { full_name: "Ana 2", email: "ANA.POP@example.test" }),
        201,
      );
      const body = await refusal(await restore(w.business.id, ana.id), 409);
      expect(body.error).toMatchObject({ reason: "customer_email_taken", existing_customer_id: second.id });
    }));

  it("two creates racing with one email: one wins, the other is the same 409 naming the winner", async () => {
    const db = t.db;
    const owner = await createUser(db);
    const business = await createBusiness(db, {}, owner.id);
    const actor = await resolveActor(db, owner.id, { businessId: business.id });
    const email = `race-${crypto.randomUUID()}@example.test`;
    const results = await Promise.allSettled([
      createRecord(db, actor, business.id, { full_name: "One", email }),
      createRecord(db, actor, business.id, { full_name: "Two", email: email.toUpperCase() }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect([won.length, lost.length]).toEqual([1, 1]);
    const error = (lost[0] as PromiseRejectedResult).reason as {
      details: { reason: string; existingCustomerId: string };
    };
    expect(error.details).toMatchObject({
      reason: "customer_email_taken",
      existingCustomerId: (won[0] as PromiseFulfilledResult<{ id: string }>).value.id,
    });
  });

  it.skipIf(driver === "pglite")(
    "a create that meets the other's uncommitted row at the email index is the same 409 naming it",
    async () => {
      const db = t.db;
      const owner = await createUser(db);
      const business = await createBusiness(db, {}, owner.id);
      const actor = await resolveActor(db, owner.id, { businessId: business.id });
      const email = `index-race-${crypto.randomUUID()}@example.test`;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: (id: string) => void;
      const insertedId = new Promise<string>((resolve) => (inserted = resolve));
      const first = db.transaction(async (tx) => {
        const [row] = await tx
          .insert(crmCustomers)
          .values({ businessId: business.id, fullName: "First", email })
          .returning();
        inserted(row!.id);
        await held;
      });
      const firstId = await insertedId;
      // The check cannot see the uncommitted row, so the second insert waits on the index...
      const second = createRecord(db, actor, business.id, { full_name: "Second", email: email.toUpperCase() });
      const outcome = second.then(
        () => null,
        (e: unknown) => e,
      );
      for (let i = 0; i < 100; i++) {
        const { rows } = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into "crm_customers"%'`,
        );
        if (Number(rows[0]!.n) > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // ...and fails on it once the first commits.
      release();
      await first;
      const error = (await outcome) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.details).toMatchObject({ reason: "customer_email_taken", existingCustomerId: firstId });
    },
  );
});

describe("overrides on a record linked to a person's account", () => {
  it("a business's edit is an override that shows, survives the person's changes, and reverts to their current value", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.manager);
      const linked = await record(await get(w.business.id, w.linked.id));
      expect(linked).toMatchObject({
        linked: true,
        overridden_fields: [],
        full_name: "Cara Smith",
        phone: "+40711111111",
      });
      expect(linked.email).toBe(w.personUser.email);
      expect(linked.address).toMatchObject({ city: "Cluj", postal_code: "400001" });

      const edited = await record(await patch(w.business.id, w.linked.id, { phone: "0722 222 222" }));
      expect(edited).toMatchObject({ phone: "+40722222222", overridden_fields: ["phone"] });

      // The person changes their own name and phone: the name follows, the overridden phone stays.
      await db
        .update(customers)
        .set({ firstName: "Carla", phone: "+40733333333" })
        .where(eq(customers.id, w.person.id));
      expect(await refreshLinkedRecords(db, w.person.id)).toEqual([w.linked.id]);
      expect(await record(await get(w.business.id, w.linked.id))).toMatchObject({
        full_name: "Carla Smith",
        phone: "+40722222222",
        overridden_fields: ["phone"],
      });

      const reverted = await record(await revert(w.business.id, w.linked.id, "phone"));
      expect(reverted).toMatchObject({ phone: "+40733333333", overridden_fields: [] });
      expect((await refusal(await revert(w.business.id, w.linked.id, "phone"), 409)).error.reason).toBe(
        "not_overridden",
      );

      const events = await eventsOf(db, w.linked.id);
      expect(events.map((e) => (e.payload as { fields_changed: string[] }).fields_changed)).toEqual([
        ["phone"],
        ["full_name"],
        ["phone"],
      ]);
      const audit = await auditOf(db, w.linked.id);
      expect(audit.map((a) => a.field)).toEqual([
        "phone",
        "overridden_fields",
        "full_name",
        "phone",
        "overridden_fields",
      ]);
    }));

  it("reverting needs a linked record (422 not_linked) and one of the contact fields (400)", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.owner);
      expect((await refusal(await revert(w.business.id, w.walkIn.id, "phone"), 422)).error.reason).toBe("not_linked");
      const bad = await refusal(await revert(w.business.id, w.linked.id, "customer_type"), 400);
      expect(bad.error.field_errors).toHaveProperty("field");
    }));

  it("an unlinked record's edits are not overrides", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.owner);
      expect(await record(await patch(w.business.id, w.walkIn.id, { phone: "0744 444 444" }))).toMatchObject({
        phone: "+40744444444",
        overridden_fields: [],
      });
    }));

  it("refreshing leaves every overridden field alone and keeps an email another live record has", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.owner);
      await record(
        await patch(w.business.id, w.linked.id, {
          full_name: "Cara (shop name)",
          address: { line1: "Shop St 1", city: "Iasi", postal_code: "700001", country: "RO" },
        }),
      );
      const { users } = await import("@/db/schema");
      await db.update(users).set({ email: "walk.in@example.test" }).where(eq(users.id, w.personUser.id));
      await db
        .update(customers)
        .set({ firstName: "New", lastName: "Name", shippingAddress: null, phone: "+40755555555" })
        .where(eq(customers.id, w.person.id));
      await refreshLinkedRecords(db, w.person.id);
      const after = await record(await get(w.business.id, w.linked.id));
      expect(after).toMatchObject({
        full_name: "Cara (shop name)",
        address: { line1: "Shop St 1", city: "Iasi" },
        phone: "+40755555555",
        email: w.personUser.email, // the walk-in record has the person's new email in this business
        overridden_fields: ["full_name", "address"],
      });
    }));
});

describe("preferences", () => {
  it("default until set; do_not_contact turns every channel off whatever the opt-ins say", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.manager);
      const set = await parsedBody(
        await setPreferences(w.business.id, w.walkIn.id, {
          prefer_email: true,
          do_not_contact: true,
          favorite_products: ["Flat white"],
          best_contact_time: "mornings",
        }),
        preferencesDto,
      );
      expect(set).toMatchObject({
        prefer_sms: true,
        prefer_email: true,
        do_not_contact: true,
        favorite_products: ["Flat white"],
        best_contact_time: "mornings",
        contactable: { sms: false, email: false, call: false, offers: false, loyalty: false },
      });
      expect((await record(await get(w.business.id, w.walkIn.id))).preferences).toEqual(set);

      const before = await snapshot(db, w.business.id);
      await parsedBody(await setPreferences(w.business.id, w.walkIn.id, { do_not_contact: true }), preferencesDto);
      expect(await snapshot(db, w.business.id)).toEqual(before);

      const lifted = await parsedBody(
        await setPreferences(w.business.id, w.walkIn.id, { do_not_contact: false }),
        preferencesDto,
      );
      expect(lifted.contactable).toEqual({ sms: true, email: true, call: false, offers: true, loyalty: true });
      const events = await eventsOf(db, w.walkIn.id);
      expect(events.map((e) => (e.payload as { fields_changed: string[] }).fields_changed)).toEqual([
        ["prefer_email", "do_not_contact", "best_contact_time", "favorite_products"],
        ["do_not_contact"],
      ]);
    }));
});

describe("the edit limit", () => {
  it("is per record across all its editors (429 with Retry-After), and another record is still editable", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      const editors = [w.staff.owner, w.staff.admin, w.staff.manager];
      for (let i = 0; i < 10; i++) {
        as(editors[i % 3]!);
        await record(await patch(w.business.id, w.walkIn.id, { full_name: `Walk In ${i}` }));
      }
      as(w.staff.owner);
      const before = await snapshot(db, w.business.id);
      const limited = await patch(w.business.id, w.walkIn.id, { full_name: "One too many" });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await snapshot(db, w.business.id)).toEqual(before);
      await record(await patch(w.business.id, w.linked.id, { full_name: "Still fine" }));
    }));

  it("is not charged for a caller the guard refuses", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.staff);
      for (let i = 0; i < 12; i++) await refusal(await patch(w.business.id, w.walkIn.id, { full_name: "x" }), 403);
      as(anonymous);
      await refusal(await patch(w.business.id, w.walkIn.id, { full_name: "x" }), 401);
      as(w.staff.owner);
      await record(await patch(w.business.id, w.walkIn.id, { full_name: "Allowed" }));
    }));
});

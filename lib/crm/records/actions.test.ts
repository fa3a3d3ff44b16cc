/**
 * The record forms' server actions: the same mutations as the routes, their errors returned to the
 * form beside the field that caused them (or with the policy's reason). Only the session, the
 * request headers and Next's cache are stubbed; the database is the test's rolled-back transaction.
 */
import { describe, expect, it, vi } from "vitest";
import { recordsWorld, snapshot } from "@/test/fixtures/crm-records";
import { uniqueIp } from "@/test/factories";
import {
  createRecordAction,
  deleteRecordAction,
  restoreRecordAction,
  revertOverrideAction,
  updatePreferencesAction,
  updateRecordAction,
} from "./actions";

const { as, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": uniqueIp() }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const t = await routeDatabase();

const formData = (values: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  return form;
};

describe("the record forms", () => {
  it("create from form fields (blank ones empty), edit, override and revert, preferences, delete and restore", () =>
    t.inTransaction(async (db) => {
      const w = await recordsWorld(db);
      as(w.staff.manager);
      const created = await createRecordAction(
        null,
        formData({ businessId: w.business.id, full_name: "Dan Ionescu", email: "", phone: "0745 000 111", gender: "" }),
      );
      expect(created).toMatchObject({
        ok: true,
        data: { full_name: "Dan Ionescu", email: null, phone: "+40745000111", gender: null },
      });
      const id = created.ok ? created.data.id : "";

      const badPhone = await updateRecordAction(
        null,
        formData({ businessId: w.business.id, customerId: id, phone: "12" }),
      );
      expect(badPhone).toMatchObject({
        ok: false,
        error: { code: "bad_request", fieldErrors: { phone: [expect.any(String)] } },
      });

      const taken = await updateRecordAction(
        null,
        formData({ businessId: w.business.id, customerId: id, email: "WALK.IN@example.test" }),
      );
      expect(taken).toMatchObject({ ok: false, error: { code: "conflict", reason: "customer_email_taken" } });

      const overridden = await updateRecordAction(null, {
        businessId: w.business.id,
        customerId: w.linked.id,
        email: "cara.at.shop@example.test",
      });
      expect(overridden).toMatchObject({ ok: true, data: { overridden_fields: ["email"] } });
      const reverted = await revertOverrideAction(null, {
        businessId: w.business.id,
        customerId: w.linked.id,
        field: "email",
      });
      expect(reverted).toMatchObject({ ok: true, data: { email: w.personUser.email, overridden_fields: [] } });

      const preferences = await updatePreferencesAction(null, {
        businessId: w.business.id,
        customerId: id,
        do_not_contact: true,
      });
      expect(preferences).toMatchObject({ ok: true, data: { contactable: { sms: false, offers: false } } });

      // A manager may not delete; the form gets the policy's reason and nothing changes.
      const before = await snapshot(db, w.business.id);
      expect(await deleteRecordAction(null, { businessId: w.business.id, customerId: id })).toMatchObject({
        ok: false,
        error: { code: "forbidden", reason: "insufficient_role" },
      });
      expect(await snapshot(db, w.business.id)).toEqual(before);

      as(w.staff.owner);
      expect(await deleteRecordAction(null, { businessId: w.business.id, customerId: id })).toMatchObject({
        ok: true,
        data: { is_active: false },
      });
      expect(await restoreRecordAction(null, { businessId: w.business.id, customerId: id })).toMatchObject({
        ok: true,
        data: { is_active: true },
      });
    }));
});

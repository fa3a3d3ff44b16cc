/**
 * The CRM pages' tag, note and purchase forms (lib/crm/{tags,notes,purchases}/actions.ts): the same
 * mutations as their routes, the record's ids as fields, and every refusal returned to the form (a
 * field error beside its field, or the policy's reason) with nothing written. Only the session,
 * the request headers and Next's cache are stubbed; the database is the test's rolled-back transaction.
 */
import { describe, expect, it, vi } from "vitest";
import { crmTeam, newRecord } from "@/test/fixtures/crm-team";
import { uniqueIp } from "@/test/factories";
import { addNoteAction } from "./notes/actions";
import { recordPurchaseAction } from "./purchases/actions";
import { addTagAction, bulkTagAction, removeTagAction } from "./tags/actions";

const { as, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": uniqueIp() }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const t = await routeDatabase();

describe("the CRM record page's forms", () => {
  it("tag, refuse the same tag in another case beside the label, untag, and tag many at once", () =>
    t.inTransaction(async (db) => {
      const team = await crmTeam(db);
      const ids = { businessId: team.businessId, customerId: team.recordId };
      as(team.actor("manager"));
      const added = await addTagAction(null, { ...ids, label: "Oat milk" });
      expect(added).toMatchObject({ ok: true, data: { tags: [{ label: "Oat milk" }] } });
      const tagId = added.ok ? added.data.tag.tag_id : "";
      expect(await addTagAction(null, { ...ids, label: "OAT MILK" })).toMatchObject({
        ok: false,
        error: { code: "conflict" },
      });
      expect(await addTagAction(null, { ...ids, label: "" })).toMatchObject({
        ok: false,
        error: { code: "bad_request", fieldErrors: { label: [expect.any(String)] } },
      });
      expect(await removeTagAction(null, { ...ids, tagId })).toMatchObject({ ok: true, data: { tags: [] } });

      const other = await newRecord(db, team.businessId, { fullName: "Theo Baker" });
      expect(
        await bulkTagAction(null, {
          businessId: team.businessId,
          label: "Morning regular",
          customer_ids: [team.recordId, other.id],
        }),
      ).toMatchObject({ ok: true, data: { tagged: 2 } });

      // Staff may not tag: the form gets the policy's reason.
      as(team.actor("staff"));
      expect(await addTagAction(null, { ...ids, label: "VIP" })).toMatchObject({
        ok: false,
        error: { code: "forbidden", reason: "insufficient_role" },
      });
    }));

  it("a note with its author; staff are refused with notes_hidden", () =>
    t.inTransaction(async (db) => {
      const team = await crmTeam(db);
      const ids = { businessId: team.businessId, customerId: team.recordId };
      as(team.actor("manager"));
      expect(
        await addNoteAction(null, {
          ...ids,
          content: "Likes the window table.",
          note_type: "preference",
          is_pinned: true,
        }),
      ).toMatchObject({
        ok: true,
        data: { content: "Likes the window table.", is_pinned: true, created_by: { name: "Manager Member" } },
      });
      expect(await addNoteAction(null, { ...ids, content: "x".repeat(501) })).toMatchObject({
        ok: false,
        error: { code: "bad_request", fieldErrors: { content: [expect.any(String)] } },
      });
      as(team.actor("staff"));
      expect(await addNoteAction(null, { ...ids, content: "Hello" })).toMatchObject({
        ok: false,
        error: { code: "forbidden", reason: "notes_hidden" },
      });
    }));

  it("staff record a purchase and the answer carries the new metrics; a bad amount is refused beside its field", () =>
    t.inTransaction(async (db) => {
      const team = await crmTeam(db);
      const ids = { businessId: team.businessId, customerId: team.recordId };
      as(team.actor("staff"));
      expect(await recordPurchaseAction(null, { ...ids, amount_minor: 1250, items: 2 })).toMatchObject({
        ok: true,
        data: { recorded: true, metrics: { total_purchases: 1, total_spent_minor: 1250, total_items_bought: 2 } },
      });
      expect(await recordPurchaseAction(null, { ...ids, amount_minor: 0, items: 1 })).toMatchObject({
        ok: false,
        error: { code: "bad_request", fieldErrors: { amount_minor: [expect.any(String)] } },
      });
    }));
});

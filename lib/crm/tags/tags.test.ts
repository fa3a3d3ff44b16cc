/**
 * Tagging records through the real route wrapper: who may (staff read the tag list but cannot tag;
 * anyone outside the business and the person a record is about get 404), one tag per label per
 * record in any case, at most 50 per record, labels of at most 50 characters, the business's tag
 * list created on first use and matched case-insensitively, the audit rows and v1.customer.tagged
 * (removing emits nothing), bulk tagging with an outcome per record, and refusals writing nothing.
 */
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, crmCustomers, crmCustomerTags, crmTags, eventOutbox } from "@/db/schema";
import { metrics } from "@/lib/observability/metrics";
import { crmTeam, newRecord, type CrmTeam, type CrmWho } from "@/test/fixtures/crm-team";
import { writtenInTransaction } from "@/test/fixtures/marketplace";
import * as recordTagsRoute from "@/app/api/customers/[businessId]/[customerId]/tags/route";
import * as recordTagRoute from "@/app/api/customers/[businessId]/[customerId]/tags/[tagId]/route";
import * as tagsRoute from "@/app/api/customers/[businessId]/tags/route";
import * as bulkRoute from "@/app/api/customers/[businessId]/tags/bulk/route";
import { bulkTagResultDto, recordTagsDto, tagAddedDto, tagListDto } from "./dto";
import { TAG_COLORS } from "./inputs";

const { as, callRoute, parsedBody, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const base = (w: CrmTeam) => `/api/customers/${w.businessId}`;

function tag(w: CrmTeam, body: unknown, recordId = w.recordId) {
  return callRoute(
    recordTagsRoute.POST,
    "POST",
    `${base(w)}/${recordId}/tags`,
    { businessId: w.businessId, customerId: recordId },
    body,
  );
}
function untag(w: CrmTeam, tagId: string, recordId = w.recordId) {
  return callRoute(recordTagRoute.DELETE, "DELETE", `${base(w)}/${recordId}/tags/${tagId}`, {
    businessId: w.businessId,
    customerId: recordId,
    tagId,
  });
}
const tagList = (w: CrmTeam) => callRoute(tagsRoute.GET, "GET", `${base(w)}/tags`, { businessId: w.businessId });
const bulk = (w: CrmTeam, body: unknown) =>
  callRoute(bulkRoute.POST, "POST", `${base(w)}/tags/bulk`, { businessId: w.businessId }, body);

async function insertTag(db: Database, w: CrmTeam, name: string, recordId = w.recordId) {
  const [row] = await db.insert(crmTags).values({ businessId: w.businessId, name, color: "blue" }).returning();
  await db.insert(crmCustomerTags).values({ businessId: w.businessId, crmCustomerId: recordId, tagId: row!.id });
  return row!;
}

const footprint = async (db: Database) => ({
  tags: (await db.select({ n: count() }).from(crmTags))[0]!.n,
  links: (await db.select({ n: count() }).from(crmCustomerTags))[0]!.n,
  ...(await writtenInTransaction(db)),
});

type Attempt = (w: CrmTeam, tagId: string) => Promise<Response>;
const WRITES: [string, Attempt, number][] = [
  ["POST a tag", (w) => tag(w, { label: "Regular" }), 201],
  ["DELETE a tag", (w, tagId) => untag(w, tagId), 200],
  ["POST tags/bulk", (w) => bulk(w, { label: "Regular", customer_ids: [w.recordId] }), 200],
];
const WHO_WRITES: [CrmWho, number | null, string?][] = [
  ["owner", null],
  ["admin", null],
  ["manager", null],
  ["staff", 403, "insufficient_role"],
  ["foreign", 404],
  ["linked", 404],
  ["customer", 404],
  ["anonymous", 401],
];
const WHO_READS: [CrmWho, number, string?][] = [
  ["owner", 200],
  ["admin", 200],
  ["manager", 200],
  ["staff", 200],
  ["foreign", 404],
  ["linked", 404],
  ["customer", 404],
  ["anonymous", 401],
];

describe("who may tag", () => {
  const table = [
    ...WRITES.flatMap(([name, attempt, ok]) =>
      WHO_WRITES.map(
        ([who, status, reason]) =>
          [`${name} as ${who}: ${status ?? ok} ${reason ?? ""}`, attempt, who, status ?? ok, reason] as const,
      ),
    ),
    ...WHO_READS.map(
      ([who, status, reason]) =>
        [`GET the tag list as ${who}: ${status}`, ((w) => tagList(w)) as Attempt, who, status, reason] as const,
    ),
  ];
  it.each(table)("%s", (_, attempt, who, status, reason) =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      const existing = await insertTag(db, w, "Secret label");
      as(w.actor(who));
      const before = await footprint(db);
      const response = await attempt(w, existing.id);
      const text = await response.text();
      expect(response.status, text).toBe(status);
      if (status >= 400) {
        expect(JSON.parse(text).error.reason).toBe(reason);
        expect(await footprint(db)).toEqual(before);
        expect(text).not.toContain("Secret label");
      }
    }),
  );

  it("answers 404 for another business's record", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("owner"));
      const before = await footprint(db);
      expect((await tag(w, { label: "VIP" }, w.foreignRecordId)).status).toBe(404);
      expect((await untag(w, crypto.randomUUID(), w.foreignRecordId)).status).toBe(404);
      expect(await footprint(db)).toEqual(before);
    }));
});

describe("POST /api/customers/{businessId}/{customerId}/tags", () => {
  it("tags a record, creates the tag in the business's list, audits it and emits v1.customer.tagged", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("manager"));
      const countedBefore = (await metrics.taggedCustomers.get()).values[0]?.value ?? 0;
      const added = await parsedBody(await tag(w, { label: "  VIP  ", color: "amber" }), tagAddedDto, 201);
      expect(added.tag).toMatchObject({ label: "VIP", color: "amber" });
      expect(added.tags).toEqual([added.tag]);
      const [event] = await db
        .select()
        .from(eventOutbox)
        .where(and(eq(eventOutbox.type, "v1.customer.tagged"), eq(eventOutbox.aggregateId, w.recordId)));
      expect(event).toMatchObject({ businessId: w.businessId, aggregateType: "customer" });
      expect(event!.payload).toEqual({
        customer_id: w.recordId,
        tag: "VIP",
        created_by: w.users.manager.userId,
        business_id: w.businessId,
        tag_id: added.tag.tag_id,
      });
      const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, w.recordId));
      expect(audit).toMatchObject([
        { entityType: "crm_customer", action: "update", field: "tags", oldValue: [], newValue: ["VIP"] },
      ]);
      expect((await metrics.taggedCustomers.get()).values[0]!.value).toBe(countedBefore + 1);

      // The next use of the label, in another case, is the same tag, with its own colour.
      const other = await newRecord(db, w.businessId);
      const again = await parsedBody(await tag(w, { label: "vip", color: "green" }, other.id), tagAddedDto, 201);
      expect(again.tag).toEqual(added.tag);
      expect((await db.select({ n: count() }).from(crmTags).where(eq(crmTags.businessId, w.businessId)))[0]!.n).toBe(1);
    }));

  it("gives a new tag a palette colour when none is given", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("owner"));
      const added = await parsedBody(await tag(w, { label: "Weekend" }), tagAddedDto, 201);
      expect(TAG_COLORS).toContain(added.tag.color);
      expect((await tag(w, { label: "Pink", color: "chartreuse" })).status).toBe(400);
    }));

  it("refuses a label the record already carries, in any case, with 409 duplicate_tag and writes nothing", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("owner"));
      expect((await tag(w, { label: "VIP" })).status).toBe(201);
      const before = await footprint(db);
      for (const label of ["VIP", "vip", " Vip ", "vIP"]) {
        const response = await tag(w, { label });
        expect(response.status, label).toBe(409);
        expect((await response.json()).error.reason).toBe("duplicate_tag");
      }
      expect(await footprint(db)).toEqual(before);
    }));

  it("allows 50 tags on a record and refuses the 51st with 409 too_many_tags, creating no tag", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      for (let i = 1; i < 50; i++) await insertTag(db, w, `Tag ${i}`);
      as(w.actor("owner"));
      expect((await tag(w, { label: "Tag 50" })).status).toBe(201);
      const before = await footprint(db);
      const response = await tag(w, { label: "Tag 51" });
      expect(response.status).toBe(409);
      expect((await response.json()).error.reason).toBe("too_many_tags");
      expect(await footprint(db)).toEqual(before);
    }));

  it("takes labels of 50 characters and refuses 51 or a blank one with 400", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("owner"));
      expect((await tag(w, { label: "a".repeat(50) })).status).toBe(201);
      expect((await tag(w, { label: "🌸".repeat(50) })).status).toBe(201);
      const before = await footprint(db);
      for (const label of ["b".repeat(51), "🌸".repeat(51), "  ", ""]) {
        const response = await tag(w, { label });
        expect(response.status).toBe(400);
        expect((await response.json()).error.field_errors).toHaveProperty("label");
      }
      expect(await footprint(db)).toEqual(before);
    }));

  it("refuses tagging a soft-deleted record with 409 record_deleted", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      await db.update(crmCustomers).set({ deletedAt: new Date() }).where(eq(crmCustomers.id, w.recordId));
      as(w.actor("owner"));
      const before = await footprint(db);
      const response = await tag(w, { label: "Gone" });
      expect(response.status).toBe(409);
      expect((await response.json()).error.reason).toBe("record_deleted");
      expect(await footprint(db)).toEqual(before);
    }));
});

describe("DELETE /api/customers/{businessId}/{customerId}/tags/{tagId}", () => {
  it("takes the tag off, audits it, emits nothing and keeps the tag in the business's list", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("admin"));
      const added = await parsedBody(await tag(w, { label: "Catering" }), tagAddedDto, 201);
      await tag(w, { label: "Allergy" });
      const eventsBefore = (await db.select({ n: count() }).from(eventOutbox))[0]!.n;
      const left = await parsedBody(await untag(w, added.tag.tag_id), recordTagsDto);
      expect(left.tags.map((x) => x.label)).toEqual(["Allergy"]);
      expect((await db.select({ n: count() }).from(eventOutbox))[0]!.n).toBe(eventsBefore);
      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, w.recordId), eq(auditLog.field, "tags")));
      expect(audit.map((a) => a.newValue)).toContainEqual(["Allergy"]);
      expect(audit.map((a) => a.oldValue)).toContainEqual(["Allergy", "Catering"]);
      const list = await parsedBody(await tagList(w), tagListDto);
      expect(list.tags.map((x) => [x.label, x.customer_count])).toEqual([
        ["Allergy", 1],
        ["Catering", 0],
      ]);
      // Not on the record (any more): 404.
      expect((await untag(w, added.tag.tag_id)).status).toBe(404);
    }));
});

describe("GET /api/customers/{businessId}/tags", () => {
  it("lists the business's tags by label with how many live records carry each, never another business's", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      const second = await newRecord(db, w.businessId);
      const deleted = await newRecord(db, w.businessId, { deletedAt: new Date() });
      const vip = await insertTag(db, w, "vip");
      await db.insert(crmCustomerTags).values([
        { businessId: w.businessId, crmCustomerId: second.id, tagId: vip.id },
        { businessId: w.businessId, crmCustomerId: deleted.id, tagId: vip.id },
      ]);
      await insertTag(db, w, "Birthday club", second.id);
      const [foreignTag] = await db
        .insert(crmTags)
        .values({ businessId: w.foreignBusinessId, name: "Elsewhere" })
        .returning();
      expect(foreignTag).toBeDefined();
      as(w.actor("staff"));
      const list = await parsedBody(await tagList(w), tagListDto);
      expect(list.tags.map((x) => [x.label, x.color, x.customer_count])).toEqual([
        ["Birthday club", "blue", 1],
        ["vip", "blue", 2],
      ]);
    }));
});

describe("POST /api/customers/{businessId}/tags/bulk", () => {
  it("tags many records in one request, with an outcome per record", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      const fresh = await newRecord(db, w.businessId);
      const already = await newRecord(db, w.businessId);
      const full = await newRecord(db, w.businessId);
      const deleted = await newRecord(db, w.businessId, { deletedAt: new Date() });
      await insertTag(db, w, "Regulars", already.id);
      for (let i = 0; i < 50; i++) await insertTag(db, w, `Full ${i}`, full.id);
      as(w.actor("manager"));
      const missing = crypto.randomUUID();
      const ids = [w.recordId, fresh.id, already.id, full.id, deleted.id, w.foreignRecordId, missing, fresh.id];
      const result = await parsedBody(await bulk(w, { label: "REGULARS", customer_ids: ids }), bulkTagResultDto);
      expect(result.tag!.label).toBe("Regulars");
      expect(result.tagged).toBe(2);
      expect(result.results).toEqual([
        { customer_id: w.recordId, outcome: "tagged" },
        { customer_id: fresh.id, outcome: "tagged" },
        { customer_id: already.id, outcome: "already_tagged" },
        { customer_id: full.id, outcome: "too_many_tags" },
        { customer_id: deleted.id, outcome: "record_deleted" },
        { customer_id: w.foreignRecordId, outcome: "not_found" },
        { customer_id: missing, outcome: "not_found" },
      ]);
      const events = await db.select().from(eventOutbox).where(eq(eventOutbox.type, "v1.customer.tagged"));
      expect(events.map((e) => e.aggregateId).sort()).toEqual([w.recordId, fresh.id].sort());
      const linked = await db.select().from(crmCustomerTags).where(eq(crmCustomerTags.tagId, result.tag!.tag_id));
      expect(linked.map((l) => l.crmCustomerId).sort()).toEqual([w.recordId, fresh.id, already.id].sort());
      // The foreign business's record was not touched.
      expect(
        await db.select().from(crmCustomerTags).where(eq(crmCustomerTags.crmCustomerId, w.foreignRecordId)),
      ).toEqual([]);
    }));

  it("adds no tag to the business's list when no record can take it", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      const deleted = await newRecord(db, w.businessId, { deletedAt: new Date() });
      as(w.actor("owner"));
      const before = await footprint(db);
      const result = await parsedBody(
        await bulk(w, { label: "Ghost", customer_ids: [deleted.id, w.foreignRecordId] }),
        bulkTagResultDto,
      );
      expect(result).toEqual({
        tag: null,
        tagged: 0,
        results: [
          { customer_id: deleted.id, outcome: "record_deleted" },
          { customer_id: w.foreignRecordId, outcome: "not_found" },
        ],
      });
      expect(await footprint(db)).toEqual(before);
    }));

  it("refuses no ids, more than 100 or a bad id with 400", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("owner"));
      const before = await footprint(db);
      for (const customer_ids of [[], Array.from({ length: 101 }, () => crypto.randomUUID()), ["nope"]]) {
        const response = await bulk(w, { label: "X", customer_ids });
        expect(response.status).toBe(400);
        expect(Object.keys((await response.json()).error.field_errors).join()).toMatch(/customer_ids/);
      }
      expect(await footprint(db)).toEqual(before);
    }));
});

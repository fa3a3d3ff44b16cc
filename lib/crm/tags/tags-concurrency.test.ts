/**
 * Tagging at the same moment on real Postgres (node-postgres and Neon's driver; PGlite has one
 * connection, so nothing there is concurrent): one label added twice in different cases to one
 * record lands once; the 50th slot goes to one of two racing labels; a new label added to two
 * records at once makes one tag in the business's list. The adds commit, so the file has a database
 * of its own.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { crmCustomerTags, crmTags, eventOutbox } from "@/db/schema";
import { driver, scratchDatabase, type ScratchDatabase } from "@/test/db";
import { outcomes } from "@/test/factories";
import { crmTeam, newRecord } from "@/test/fixtures/crm-team";
import { addTag } from "./mutations";

let scratch: ScratchDatabase;
let db: Database;
beforeAll(async () => {
  if (driver === "pglite") return;
  scratch = await scratchDatabase("clientele_crm_tags");
  db = scratch.db;
}, 60_000);
afterAll(() => scratch?.close());

const linksOf = async (recordId: string) =>
  (await db.select({ n: count() }).from(crmCustomerTags).where(eq(crmCustomerTags.crmCustomerId, recordId)))[0]!.n;

describe.skipIf(driver === "pglite")("concurrent tagging", () => {
  it("adds one label sent at once in several cases exactly once: the others are 409 duplicate_tag", async () => {
    const w = await crmTeam(db);
    const owner = w.actor("owner");
    const results = await outcomes(
      ["VIP", "vip", "Vip", "vIp", "VIP", "vip"].map((label) => addTag(db, owner, w.businessId, w.recordId, { label })),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "duplicate_tag")).toHaveLength(5);
    expect(await linksOf(w.recordId)).toBe(1);
    const events = await db
      .select({ n: count() })
      .from(eventOutbox)
      .where(and(eq(eventOutbox.type, "v1.customer.tagged"), eq(eventOutbox.aggregateId, w.recordId)));
    expect(events[0]!.n).toBe(1);
  });

  it("gives the last of 50 slots to one of two labels racing for it", async () => {
    const w = await crmTeam(db);
    const owner = w.actor("owner");
    for (let i = 1; i < 50; i++) await addTag(db, owner, w.businessId, w.recordId, { label: `Tag ${i}` });
    const results = await outcomes(
      ["Tag A", "Tag B", "Tag C"].map((label) => addTag(db, owner, w.businessId, w.recordId, { label })),
    );
    expect(results.sort()).toEqual(["ok", "too_many_tags", "too_many_tags"]);
    expect(await linksOf(w.recordId)).toBe(50);
  });

  it("makes one tag of a new label added to several records at once", async () => {
    const w = await crmTeam(db);
    const owner = w.actor("owner");
    const records = [
      w.recordId,
      ...(await Promise.all([1, 2, 3, 4].map(() => newRecord(db, w.businessId)))).map((r) => r.id),
    ];
    const results = await outcomes(
      records.map((id, i) => addTag(db, owner, w.businessId, id, { label: i % 2 ? "Night owl" : "NIGHT OWL" })),
    );
    expect(results).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    const tags = await db.select().from(crmTags).where(eq(crmTags.businessId, w.businessId));
    expect(tags).toHaveLength(1);
    for (const id of records) expect(await linksOf(id)).toBe(1);
  });
});

/**
 * A record's internal notes through the real route wrapper: who may read and write them (staff are
 * told notes_hidden, anyone outside the business and the person the record is about get 404), the
 * limits as Postgres counts characters, pinned notes first with keyset pages, the author shown (or
 * null once their account is gone), the audit row and the v1.customer.note_added event (no text),
 * and a refused request writing nothing.
 */
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, crmCustomers, crmNotes, eventOutbox, users } from "@/db/schema";
import { metrics } from "@/lib/observability/metrics";
import { crmTeam, newRecord, type CrmTeam, type CrmWho } from "@/test/fixtures/crm-team";
import { writtenInTransaction } from "@/test/fixtures/marketplace";
import * as notesRoute from "@/app/api/customers/[businessId]/[customerId]/notes/route";
import * as noteRoute from "@/app/api/customers/[businessId]/[customerId]/notes/[noteId]/route";
import { noteDto, notePageDto } from "./dto";

const { as, callRoute, parsedBody, routeDatabase, walkPages } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

const path = (w: CrmTeam, recordId = w.recordId) => `/api/customers/${w.businessId}/${recordId}/notes`;
const params = (w: CrmTeam, recordId = w.recordId) => ({ businessId: w.businessId, customerId: recordId });

function post(w: CrmTeam, body: unknown, recordId = w.recordId) {
  return callRoute(notesRoute.POST, "POST", path(w, recordId), params(w, recordId), body);
}
function list(w: CrmTeam, query = "", recordId = w.recordId) {
  return callRoute(notesRoute.GET, "GET", `${path(w, recordId)}${query}`, params(w, recordId));
}
function patch(w: CrmTeam, noteId: string, body: unknown) {
  return callRoute(noteRoute.PATCH, "PATCH", `${path(w)}/${noteId}`, { ...params(w), noteId }, body);
}

async function insertNote(db: Database, w: CrmTeam, values: Partial<typeof crmNotes.$inferInsert> = {}) {
  const [row] = await db
    .insert(crmNotes)
    .values({
      businessId: w.businessId,
      crmCustomerId: w.recordId,
      authorUserId: w.users.owner.userId,
      body: "Hi",
      ...values,
    })
    .returning();
  return row!;
}

const footprint = async (db: Database) => ({
  notes: (await db.select({ n: count() }).from(crmNotes))[0]!.n,
  ...(await writtenInTransaction(db)),
});

type Attempt = (w: CrmTeam, noteId: string) => Promise<Response>;
const ATTEMPTS: [string, Attempt, number][] = [
  ["GET notes", (w) => list(w), 200],
  ["POST a note", (w) => post(w, { content: "Likes the window seat." }), 201],
  ["PATCH a note", (w, noteId) => patch(w, noteId, { is_pinned: true }), 200],
];
const WHO: [CrmWho, number | null, string?][] = [
  ["owner", null],
  ["admin", null],
  ["manager", null],
  ["staff", 403, "notes_hidden"],
  ["foreign", 404],
  ["linked", 404],
  ["customer", 404],
  ["anonymous", 401],
];

describe("who may read and write notes", () => {
  const table = ATTEMPTS.flatMap(([name, attempt, ok]) =>
    WHO.map(
      ([who, status, reason]) =>
        [`${name} as ${who}: ${status ?? ok} ${reason ?? ""}`, attempt, who, status ?? ok, reason] as const,
    ),
  );
  it.each(table)("%s", (_, attempt, who, status, reason) =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      const note = await insertNote(db, w);
      as(w.actor(who));
      const before = await footprint(db);
      const response = await attempt(w, note.id);
      const text = await response.text();
      expect(response.status, text).toBe(status);
      if (status >= 400) {
        expect(JSON.parse(text).error.reason).toBe(reason);
        expect(await footprint(db)).toEqual(before);
        expect(text).not.toContain("Hi");
      }
    }),
  );

  it("answers 404 for another business's record, and for a record id that does not exist", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("owner"));
      for (const recordId of [w.foreignRecordId, crypto.randomUUID()]) {
        expect((await post(w, { content: "Nope" }, recordId)).status).toBe(404);
        expect((await list(w, "", recordId)).status).toBe(404);
      }
      expect((await patch(w, crypto.randomUUID(), { is_pinned: true })).status).toBe(404);
      expect((await db.select({ n: count() }).from(crmNotes))[0]!.n).toBe(0);
    }));
});

describe("POST /api/customers/{businessId}/{customerId}/notes", () => {
  it("adds a note with its author, audits it and emits v1.customer.note_added without the text", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("manager"));
      const countedBefore = (await metrics.notesCreated.get()).values[0]?.value ?? 0;
      const note = await parsedBody(
        await post(w, { content: "  Allergic to nuts: check the pastries.  ", note_type: "issue", is_pinned: true }),
        noteDto,
        201,
      );
      expect(note).toMatchObject({
        customer_id: w.recordId,
        note_type: "issue",
        content: "Allergic to nuts: check the pastries.",
        is_pinned: true,
        created_by: { user_id: w.users.manager.userId, name: "Manager Member" },
      });
      const [event] = await db
        .select()
        .from(eventOutbox)
        .where(and(eq(eventOutbox.type, "v1.customer.note_added"), eq(eventOutbox.aggregateId, w.recordId)));
      expect(event).toMatchObject({ businessId: w.businessId, aggregateType: "customer" });
      expect(event!.payload).toEqual({
        customer_id: w.recordId,
        created_by: w.users.manager.userId,
        created_at: note.created_at,
        note_id: note.note_id,
        note_type: "issue",
        is_pinned: true,
      });
      expect(JSON.stringify(event!.payload)).not.toContain("nuts");
      const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, note.note_id));
      expect(audit.map((a) => [a.action, a.field, a.newValue]).sort()).toEqual(
        [
          ["create", "body", "Allergic to nuts: check the pastries."],
          ["create", "crm_customer_id", w.recordId],
          ["create", "is_pinned", true],
          ["create", "note_type", "issue"],
        ].sort(),
      );
      expect(audit.every((a) => a.actorUserId === w.users.manager.userId)).toBe(true);
      expect((await metrics.notesCreated.get()).values[0]!.value).toBe(countedBefore + 1);
    }));

  it("defaults to a personal, unpinned note", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("owner"));
      const note = await parsedBody(await post(w, { content: "Birthday in May." }), noteDto, 201);
      expect(note).toMatchObject({ note_type: "personal", is_pinned: false });
    }));

  it("takes 500 characters as Postgres counts them (emoji too) and refuses 501 or a blank note with 400", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("owner"));
      expect((await post(w, { content: "a".repeat(500) })).status).toBe(201);
      // 500 emoji are 1000 UTF-16 units but 500 characters for char_length: accepted.
      expect((await post(w, { content: "🙂".repeat(500) })).status).toBe(201);
      const before = await footprint(db);
      for (const content of ["a".repeat(501), "🙂".repeat(501), "   ", ""]) {
        const response = await post(w, { content });
        expect(response.status, content.slice(0, 5)).toBe(400);
        expect((await response.json()).error.field_errors).toHaveProperty("content");
      }
      const bad = await post(w, { content: "x", note_type: "gossip" });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.field_errors).toHaveProperty("note_type");
      expect(await footprint(db)).toEqual(before);
    }));

  it("refuses a note on a soft-deleted record with 409 record_deleted", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      await db.update(crmCustomers).set({ deletedAt: new Date() }).where(eq(crmCustomers.id, w.recordId));
      as(w.actor("owner"));
      const before = await footprint(db);
      const response = await post(w, { content: "Too late." });
      expect(response.status).toBe(409);
      expect((await response.json()).error.reason).toBe("record_deleted");
      expect(await footprint(db)).toEqual(before);
    }));
});

describe("GET /api/customers/{businessId}/{customerId}/notes", () => {
  it("lists pinned notes first, then newest first, in keyset pages without gaps or repeats", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      const day = (d: number, id?: string) => ({ createdAt: new Date(Date.UTC(2026, 0, d, 9)), ...(id && { id }) });
      // Two notes share a time (written in one transaction): the id breaks the tie.
      const notes = [
        await insertNote(db, w, { ...day(1), body: "old pinned", isPinned: true }),
        await insertNote(db, w, { ...day(2), body: "old" }),
        await insertNote(db, w, { ...day(5), body: "new pinned", isPinned: true }),
        await insertNote(db, w, { ...day(3, "00000000-0000-4000-8000-000000000001"), body: "tie low" }),
        await insertNote(db, w, { ...day(3, "00000000-0000-4000-8000-000000000002"), body: "tie high" }),
        await insertNote(db, w, { ...day(4), body: "newest unpinned" }),
      ];
      // Another record's note never shows.
      const other = await newRecord(db, w.businessId);
      await insertNote(db, w, { crmCustomerId: other.id, body: "someone else" });
      as(w.actor("admin"));
      const seen: string[] = [];
      for await (const page of walkPages(async (cursor) =>
        parsedBody(await list(w, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`), notePageDto),
      )) {
        expect(page.notes.length).toBeLessThanOrEqual(2);
        seen.push(...page.notes.map((n) => n.content));
      }
      expect(seen).toEqual(["new pinned", "old pinned", "newest unpinned", "tie high", "tie low", "old"]);
      expect(notes).toHaveLength(6);

      const all = await parsedBody(await list(w), notePageDto);
      expect(all.notes.map((n) => n.content)).toEqual(seen);
      expect(all.pagination).toEqual({ has_more: false, next_cursor: null, limit: 20 });
    }));

  it("answers 400 to a bad limit or a cursor it did not issue", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("owner"));
      for (const query of ["?limit=0", "?limit=101", "?cursor=not-a-cursor"]) {
        const response = await list(w, query);
        expect(response.status, query).toBe(400);
      }
    }));

  it("still names the author, and shows null once their account is deleted", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      as(w.actor("manager"));
      await post(w, { content: "Rude to the barista; stay polite." });
      await db.delete(users).where(eq(users.id, w.users.manager.userId));
      as(w.actor("owner"));
      const page = await parsedBody(await list(w), notePageDto);
      expect(page.notes).toMatchObject([{ content: "Rude to the barista; stay polite.", created_by: null }]);
    }));
});

describe("PATCH /api/customers/{businessId}/{customerId}/notes/{noteId}", () => {
  it("pins a note to the top, edits it, audits each field and keeps the author", () =>
    t.inTransaction(async (db) => {
      const w = await crmTeam(db);
      const old = await insertNote(db, w, { createdAt: new Date("2026-01-01T00:00:00Z"), body: "old" });
      await insertNote(db, w, { createdAt: new Date("2026-02-01T00:00:00Z"), body: "new" });
      as(w.actor("manager"));
      const pinned = await parsedBody(await patch(w, old.id, { is_pinned: true }), noteDto);
      expect(pinned).toMatchObject({ is_pinned: true, created_by: { user_id: w.users.owner.userId } });
      const page = await parsedBody(await list(w), notePageDto);
      expect(page.notes.map((n) => n.content)).toEqual(["old", "new"]);

      const edited = await parsedBody(
        await patch(w, old.id, { content: "old, edited", note_type: "feedback" }),
        noteDto,
      );
      expect(edited).toMatchObject({ content: "old, edited", note_type: "feedback", is_pinned: true });
      const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, old.id));
      expect(audit.map((a) => [a.field, a.oldValue, a.newValue]).sort()).toEqual(
        [
          ["is_pinned", false, true],
          ["body", "old", "old, edited"],
          ["note_type", "personal", "feedback"],
        ].sort(),
      );
      // An empty patch, or one changing nothing, writes nothing.
      expect((await patch(w, old.id, {})).status).toBe(400);
      const before = await footprint(db);
      expect((await patch(w, old.id, { is_pinned: true })).status).toBe(200);
      expect(await footprint(db)).toEqual(before);
    }));
});

/**
 * Reading a record's internal notes: managers, admins and owners only (crm.notes; staff are refused
 * with notes_hidden, anyone outside the business gets 404). Pinned notes first, then newest first,
 * in keyset pages whose cursor carries the last note's pin, time and id.
 */
import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { crmNotes, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { iso } from "@/lib/dto";
import { keysetCursor, keysetPage, microsText, olderThan } from "@/lib/http/keyset";
import { findRecord } from "../record";
import { noteDto, notePageDto, type NoteDto, type NotePageDto } from "./dto";
import type { NotesQuery } from "./inputs";

/** A position in (is_pinned desc, created_at desc, id desc): p is the last note's pin. */
const noteCursors = keysetCursor({ p: z.boolean() });

/** The columns a note's DTO is built from, with its author's name (null once the account is gone). */
export const noteColumns = {
  id: crmNotes.id,
  crmCustomerId: crmNotes.crmCustomerId,
  noteType: crmNotes.noteType,
  body: crmNotes.body,
  isPinned: crmNotes.isPinned,
  authorUserId: crmNotes.authorUserId,
  authorName: users.name,
  createdAt: crmNotes.createdAt,
  updatedAt: crmNotes.updatedAt,
};

export type NoteRow = {
  id: string;
  crmCustomerId: string;
  noteType: NoteDto["note_type"];
  body: string;
  isPinned: boolean;
  authorUserId: string | null;
  authorName: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
};

export function toNoteDto(row: NoteRow): NoteDto {
  return noteDto.parse({
    note_id: row.id,
    customer_id: row.crmCustomerId,
    note_type: row.noteType,
    content: row.body,
    is_pinned: row.isPinned,
    created_by:
      row.authorUserId && row.authorName !== null ? { user_id: row.authorUserId, name: row.authorName } : null,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
  });
}

export async function listNotes(
  db: Database,
  actor: Actor,
  businessId: string,
  customerId: string,
  query: NotesQuery,
): Promise<NotePageDto> {
  requireCrm(actor, businessId, "crm.notes");
  await findRecord(db, businessId, customerId);
  const after = query.cursor ? noteCursors.decode(query.cursor) : null;
  let resume: SQL | undefined;
  if (after) {
    const older = olderThan(after, crmNotes.createdAt, crmNotes.id);
    // After a pinned note: the older pinned ones, then every unpinned one; after an unpinned one: older unpinned ones.
    resume = after.p
      ? sql`((${crmNotes.isPinned} and ${older}) or not ${crmNotes.isPinned})`
      : sql`(not ${crmNotes.isPinned} and ${older})`;
  }
  const rows = await db
    .select({ ...noteColumns, t: microsText(crmNotes.createdAt) })
    .from(crmNotes)
    .leftJoin(users, eq(users.id, crmNotes.authorUserId))
    .where(and(eq(crmNotes.businessId, businessId), eq(crmNotes.crmCustomerId, customerId), resume))
    .orderBy(desc(crmNotes.isPinned), desc(crmNotes.createdAt), desc(crmNotes.id))
    .limit(query.limit + 1);
  const { page, pagination } = keysetPage(rows, query.limit, (last) =>
    noteCursors.encode({ p: last.isPinned, t: last.t, i: last.id }),
  );
  return notePageDto.parse({ customer_id: customerId, notes: page.map(toNoteDto), pagination });
}

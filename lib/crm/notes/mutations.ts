/**
 * Adding and changing a record's internal notes (crm.notes: managers, admins, owners). Each change
 * locks the live record first (a deleted record is 409 record_deleted), is audited per field, and
 * adding one emits v1.customer.note_added, whose payload carries no note text.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmNotes, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { recordChange } from "@/lib/audit/record";
import { notFound } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";
import { lockLiveRecord } from "../record";
import type { NoteDto } from "./dto";
import type { AddNoteInput, UpdateNoteInput } from "./inputs";
import { noteColumns, toNoteDto } from "./queries";

export async function addNote(
  db: Database,
  actor: Actor,
  businessId: string,
  customerId: string,
  input: AddNoteInput,
): Promise<NoteDto> {
  const { user } = requireCrm(actor, businessId, "crm.notes");
  const note = await db.transaction(async (tx) => {
    await lockLiveRecord(tx, businessId, customerId);
    const [row] = await tx
      .insert(crmNotes)
      .values({
        businessId,
        crmCustomerId: customerId,
        authorUserId: user.userId,
        noteType: input.note_type,
        body: input.content,
        isPinned: input.is_pinned,
      })
      .returning();
    const note = row!;
    await recordChange(tx, actor, {
      businessId,
      entity: { type: "crm_note", id: note.id },
      action: "create",
      after: { crm_customer_id: customerId, note_type: note.noteType, body: note.body, is_pinned: note.isPinned },
      event: {
        type: "v1.customer.note_added",
        data: {
          customer_id: customerId,
          created_by: user.userId,
          created_at: note.createdAt.toISOString(),
          note_id: note.id,
          note_type: note.noteType,
          is_pinned: note.isPinned,
        },
      },
    });
    return note;
  });
  metrics.notesCreated.inc();
  return toNoteDto({ ...note, authorName: user.name });
}

/** Pins or unpins a note, or edits its content or type; the author stays who wrote it. */
export async function updateNote(
  db: Database,
  actor: Actor,
  businessId: string,
  customerId: string,
  noteId: string,
  input: UpdateNoteInput,
): Promise<NoteDto> {
  requireCrm(actor, businessId, "crm.notes");
  return db.transaction(async (tx) => {
    await lockLiveRecord(tx, businessId, customerId);
    const scope = and(
      eq(crmNotes.businessId, businessId),
      eq(crmNotes.crmCustomerId, customerId),
      eq(crmNotes.id, noteId),
    );
    const [before] = await tx.select().from(crmNotes).where(scope).for("update");
    if (!before) throw notFound("That note");
    const patch = {
      ...(input.content !== undefined && { body: input.content }),
      ...(input.note_type !== undefined && { noteType: input.note_type }),
      ...(input.is_pinned !== undefined && { isPinned: input.is_pinned }),
    };
    const changed =
      (patch.body !== undefined && patch.body !== before.body) ||
      (patch.noteType !== undefined && patch.noteType !== before.noteType) ||
      (patch.isPinned !== undefined && patch.isPinned !== before.isPinned);
    if (changed) {
      await tx.update(crmNotes).set(patch).where(scope);
      await recordChange(tx, actor, {
        businessId,
        entity: { type: "crm_note", id: noteId },
        action: "update",
        before: { note_type: before.noteType, body: before.body, is_pinned: before.isPinned },
        after: { note_type: input.note_type, body: input.content, is_pinned: input.is_pinned },
      });
    }
    const [row] = await tx
      .select(noteColumns)
      .from(crmNotes)
      .leftJoin(users, eq(users.id, crmNotes.authorUserId))
      .where(scope);
    return toNoteDto(row!);
  });
}

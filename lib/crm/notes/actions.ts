"use server";
/**
 * The note forms: adding one (POST /api/customers/{businessId}/{customerId}/notes) and pinning or
 * unpinning one (PATCH …/notes/{noteId} with is_pinned), the same mutations, the ids as fields.
 */
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { recordParams } from "@/lib/crm/inputs";
import { z } from "zod";
import { addNoteInput, noteParams } from "./inputs";
import { addNote, updateNote } from "./mutations";

export const addNoteAction = action(recordParams.extend(addNoteInput.shape), async ({ db, actor, input }) => {
  const { businessId, customerId, ...body } = input;
  const note = await addNote(db, actor, businessId, customerId, body);
  revalidatePath(`/crm/${businessId}/customers/${customerId}`);
  return note;
});

export const pinNoteAction = action(noteParams.extend({ is_pinned: z.boolean() }), async ({ db, actor, input }) => {
  const { businessId, customerId, noteId, is_pinned } = input;
  const note = await updateNote(db, actor, businessId, customerId, noteId, { is_pinned });
  revalidatePath(`/crm/${businessId}/customers/${customerId}`);
  return note;
});

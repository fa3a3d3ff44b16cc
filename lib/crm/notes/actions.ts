"use server";
/** The note form: the same mutation as POST /api/customers/{businessId}/{customerId}/notes, the ids as fields. */
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { recordParams } from "@/lib/crm/inputs";
import { addNoteInput } from "./inputs";
import { addNote } from "./mutations";

export const addNoteAction = action(recordParams.extend(addNoteInput.shape), async ({ db, actor, input }) => {
  const { businessId, customerId, ...body } = input;
  const note = await addNote(db, actor, businessId, customerId, body);
  revalidatePath(`/crm/${businessId}/customers/${customerId}`);
  return note;
});

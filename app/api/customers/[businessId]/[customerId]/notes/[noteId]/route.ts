/** PATCH: pin or unpin a note, or edit its content or type. */
import { noteParams, updateNoteInput } from "@/lib/crm/notes/inputs";
import { updateNote } from "@/lib/crm/notes/mutations";
import { route } from "@/lib/http/route";

export const PATCH = route({ params: noteParams, body: updateNoteInput }, ({ db, actor, params, body }) =>
  updateNote(db, actor, params.businessId, params.customerId, params.noteId, body),
);

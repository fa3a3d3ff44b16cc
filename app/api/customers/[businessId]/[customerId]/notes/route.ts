/** GET: a record's internal notes, pinned first, then newest first (keyset pages). POST: add a note (201). */
import { addNoteInput, notesQuery } from "@/lib/crm/notes/inputs";
import { addNote } from "@/lib/crm/notes/mutations";
import { listNotes } from "@/lib/crm/notes/queries";
import { created, route } from "@/lib/http/route";
import { recordParams } from "@/lib/crm/inputs";

export const GET = route({ params: recordParams, query: notesQuery }, ({ db, actor, params, query }) =>
  listNotes(db, actor, params.businessId, params.customerId, query),
);

export const POST = route({ params: recordParams, body: addNoteInput }, async ({ db, actor, params, body }) =>
  created(await addNote(db, actor, params.businessId, params.customerId, body)),
);

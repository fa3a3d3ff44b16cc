/** What the notes routes accept: a note to add, a change to one, and a page of a record's notes. */
import { z } from "zod";
import { noteType } from "@/db/schema";
import { pageCursor, pageLimit } from "@/lib/http/page-query";
import { id } from "@/lib/inputs";
import { crmText } from "../chars";
import { recordParams } from "@/lib/crm/inputs";

export const NOTE_MAX_CHARS = 500;
export const NOTES_PAGE_DEFAULT = 20;
export const NOTES_PAGE_MAX = 100;

export const noteTypeSchema = z.enum(
  noteType.enumValues,
  "Choose a note type: personal, preference, issue or feedback.",
);

/** A record of the business the path names. */
export const noteParams = recordParams.extend({ noteId: id() });

const content = crmText(NOTE_MAX_CHARS, "Write the note.").meta({
  description: "The note, 1-500 characters (trimmed; counted as Postgres's char_length counts them).",
});

export const addNoteInput = z.object({
  content,
  note_type: noteTypeSchema.default("personal"),
  is_pinned: z.boolean().default(false),
});
export type AddNoteInput = z.output<typeof addNoteInput>;

export const updateNoteInput = z
  .object({ content: content.optional(), note_type: noteTypeSchema.optional(), is_pinned: z.boolean().optional() })
  .refine((v) => v.content !== undefined || v.note_type !== undefined || v.is_pinned !== undefined, {
    message: "Change something: content, note_type or is_pinned.",
  });
export type UpdateNoteInput = z.output<typeof updateNoteInput>;

export const notesQuery = z.object({
  limit: pageLimit(NOTES_PAGE_MAX, NOTES_PAGE_DEFAULT, "Notes"),
  cursor: pageCursor(),
});
export type NotesQuery = z.output<typeof notesQuery>;

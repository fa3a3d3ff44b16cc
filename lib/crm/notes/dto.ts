/** What the notes routes send back: a note with its author, and a page of a record's notes. */
import { z } from "zod";
import { at } from "@/lib/dto";
import { keysetPagination } from "@/lib/http/keyset";
import { noteTypeSchema } from "./inputs";

export const noteDto = z
  .strictObject({
    note_id: z.uuid(),
    customer_id: z.uuid(),
    note_type: noteTypeSchema,
    content: z.string(),
    is_pinned: z.boolean(),
    created_by: z
      .strictObject({ user_id: z.uuid(), name: z.string() })
      .nullable()
      .meta({ description: "The author; null only when their account was deleted." }),
    created_at: at,
    updated_at: at,
  })
  .meta({ id: "CrmNote" });
export type NoteDto = z.infer<typeof noteDto>;

export const notePageDto = z
  .strictObject({
    customer_id: z.uuid(),
    notes: z.array(noteDto).meta({ description: "Pinned notes first, then newest first." }),
    pagination: keysetPagination,
  })
  .meta({ id: "CrmNotePage" });
export type NotePageDto = z.infer<typeof notePageDto>;

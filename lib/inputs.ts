/**
 * The input conventions shared by every form and route:
 * - free text (`text`, `optionalText`, `plainText`) is trimmed, capped with a message a person can
 *   act on, and refuses what Postgres cannot store: a NUL character (text and jsonb both reject
 *   it) and a lone UTF-16 surrogate (jsonb rejects it; a text column would silently store U+FFFD);
 * - an id (`id`) is a UUID, normalised to lower case where it is parsed, so one record has one
 *   spelling in every table (audit_log.entity_id, event_outbox.aggregate_id) whatever the caller sent.
 * Every free-text field and every id of a path, query or body goes through these.
 */
import { z } from "zod";

export const NUL_MESSAGE = "Remove the NUL character (\\u0000): text cannot contain it.";
export const SURROGATE_MESSAGE =
  "This text has a broken character (a lone UTF-16 surrogate): send well-formed Unicode.";

/**
 * Any free text, trimmed, at most `max` characters, possibly empty: the base of every text input
 * (and of query parameters that name free text, such as an audit entity id).
 */
export const plainText = (max: number, tooLong = `At most ${max} characters.`) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((s) => !s.includes("\u0000"), NUL_MESSAGE)
    .refine((s) => s.isWellFormed(), SURROGATE_MESSAGE);

/** Required free text: `message` when it is blank. */
export const text = (max: number, message: string, tooLong?: string) => plainText(max, tooLong).min(1, message);

/** Optional free text: a blank string (an empty form field) counts as absent. */
export const optionalText = (max: number, tooLong?: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), plainText(max, tooLong).optional());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record's id: a UUID in any case, lower-cased as it is parsed. */
export const id = (message?: string) => z.uuid(message).overwrite((s) => s.toLowerCase());

/**
 * A reference that may be a UUID or another kind of key (the audit trail's entity ids): free text,
 * with a UUID lower-cased like `id` so it finds the rows written under that id.
 */
export const entityRef = (max: number) =>
  plainText(max)
    .min(1, "Name the record.")
    .overwrite((s) => (UUID.test(s) ? s.toLowerCase() : s));

/**
 * Opaque page cursors: base64url JSON of the last row's sort key values and id, plus the order it
 * belongs to. Clients only pass them back, so the format may change. A cursor of another order (a
 * "recent" cursor sent with sort=highest) would position the page wrongly, so it is refused (400)
 * rather than silently skipping or repeating rows.
 * Times are to the microsecond (lib/http/keyset.ts).
 */
import { z } from "zod";
import { badRequest } from "@/lib/errors";
import { invalidCursor, MICROS_ISO } from "@/lib/http/keyset";

const position = z.strictObject({
  /** The order the cursor belongs to. */
  o: z.enum(["recent", "highest", "lowest", "views"]),
  /** created_at / viewed_at to the microsecond. */
  t: z.string().regex(MICROS_ISO),
  /** The rating, for the rating orders. */
  r: z.number().int().min(1).max(5).optional(),
  i: z.uuid(),
});
export type CursorPosition = z.infer<typeof position>;

export function encodeCursor(p: CursorPosition): string {
  return Buffer.from(JSON.stringify(p), "utf8").toString("base64url");
}

/** The position in `order`; a cursor that is malformed or of another order is a 400. */
export function decodeCursor(cursor: string, order: CursorPosition["o"], needsRating: boolean): CursorPosition {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const parsed = position.safeParse(json);
  if (!parsed.success) throw invalidCursor();
  if (parsed.data.o !== order) {
    throw badRequest("That page cursor belongs to another sort order. Start again from the first page.", {
      cursor: [`This cursor is for sort=${parsed.data.o}.`],
    });
  }
  if ((parsed.data.r !== undefined) !== needsRating) throw invalidCursor();
  return parsed.data;
}

/**
 * Opaque page cursors (lib/http/keyset.ts): the last row's position, its rating for the rating
 * orders, and the order it belongs to. A cursor of another order (a "recent" cursor sent with
 * sort=highest) would position the page wrongly, so it is refused (400) rather than silently
 * skipping or repeating rows.
 */
import { z } from "zod";
import { badRequest } from "@/lib/errors";
import { invalidCursor, keysetCursor } from "@/lib/http/keyset";

const cursors = keysetCursor({
  /** The order the cursor belongs to. */
  o: z.enum(["recent", "highest", "lowest", "views"]),
  /** The rating, for the rating orders. */
  r: z.number().int().min(1).max(5).optional(),
});
export type CursorPosition = ReturnType<typeof cursors.decode>;

export const encodeCursor = cursors.encode;

/** The position in `order`; a cursor that is malformed or of another order is a 400. */
export function decodeCursor(cursor: string, order: CursorPosition["o"], needsRating: boolean): CursorPosition {
  const position = cursors.decode(cursor, {
    expected: { o: order },
    mismatch: (found) =>
      badRequest("That page cursor belongs to another sort order. Start again from the first page.", {
        cursor: [`This cursor is for sort=${found.o}.`],
      }),
  });
  if ((position.r !== undefined) !== needsRating) throw invalidCursor();
  return position;
}

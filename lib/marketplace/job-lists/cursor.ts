/**
 * Opaque cursors of the providers' job lists: the last item's position (lib/http/keyset.ts), tagged
 * with the list it belongs to. A filter (category, stage) does not change the order, so a cursor
 * stays valid across filters; a cursor of the other list would point into another table's times
 * and ids, so it is refused.
 */
import { z } from "zod";
import { keysetCursor } from "@/lib/http/keyset";

/** The list: open jobs, or the provider's own applications. */
const browseCursors = keysetCursor({ l: z.enum(["open", "mine"]) });
type BrowsePosition = ReturnType<typeof browseCursors.decode>;

export const encodeBrowseCursor = browseCursors.encode;

/** The position in `list`; anything else is a 400 asking to start again. */
export function decodeBrowseCursor(cursor: string, list: BrowsePosition["l"]): BrowsePosition {
  return browseCursors.decode(cursor, { expected: { l: list } });
}

/**
 * Opaque cursors of the providers' job lists: base64url JSON of the last item's created_at (to the
 * microsecond, lib/http/keyset.ts) and id, tagged with the list it belongs to. A filter (category,
 * stage) does not change the order, so a cursor stays valid across filters; a cursor of the other
 * list would point into another table's times and ids, so it is refused.
 */
import { z } from "zod";
import { invalidCursor, MICROS_ISO } from "@/lib/http/keyset";

const position = z.strictObject({
  /** The list: open jobs, or the provider's own applications. */
  l: z.enum(["open", "mine"]),
  t: z.string().regex(MICROS_ISO),
  i: z.uuid(),
});
export type BrowsePosition = z.infer<typeof position>;

export function encodeBrowseCursor(p: BrowsePosition): string {
  return Buffer.from(JSON.stringify(p), "utf8").toString("base64url");
}

/** The position in `list`; anything else is a 400 asking to start again. */
export function decodeBrowseCursor(cursor: string, list: BrowsePosition["l"]): BrowsePosition {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const parsed = position.safeParse(json);
  if (!parsed.success || parsed.data.l !== list) throw invalidCursor();
  return parsed.data;
}

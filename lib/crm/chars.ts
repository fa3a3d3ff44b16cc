/**
 * Free text counted in characters the way Postgres counts them (char_length: code points), so a
 * limit the API checks is the limit the database's CHECK enforces, for emoji and accents too.
 */
import { text } from "@/lib/inputs";

/** Characters as Postgres's char_length counts them (code points, not UTF-16 units). */
export const charLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * Required free text (lib/inputs' `text`: trimmed, no NUL, well-formed) of 1 to `max` characters
 * counted as char_length does. A code point is at most two UTF-16 units, so `text` caps at 2×max first.
 */
export function crmText(max: number, blank: string) {
  const tooLong = `At most ${max} characters.`;
  return text(2 * max, blank, tooLong).refine((s) => charLength(s) <= max, tooLong);
}

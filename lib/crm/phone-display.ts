/**
 * Phones as people read them. Records keep E.164 (+14158672931: one form to compare, search and
 * dial); pages show the international format (+1 415 867 2931), which needs no country to read and
 * keeps every digit, so a search's match ranges on the stored number move onto the same digits.
 * Client-safe: the directory formats the results it fetches as you type.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** The number in international format, or as stored when it does not parse (nothing is hidden). */
export function readablePhone(stored: string): string {
  return parsePhoneNumberFromString(stored)?.formatInternational() ?? stored;
}

type Range = { start: number; end: number };

/** Where `text`'s digits are, in order (UTF-16 offsets): "+1 415" gives [1, 3, 4, 5]. */
export function digitPositions(text: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i]! >= "0" && text[i]! <= "9") positions.push(i);
  return positions;
}

/**
 * `ranges` over `from`'s characters, moved onto `to`, which holds the same digits in the same order
 * with other characters between them: each range covers the same digits in `to`. A range with no
 * digits, or past the digits `to` has, is dropped.
 */
export function onSameDigits(from: string, to: string, ranges: readonly Range[]): Range[] {
  const fromDigits = digitPositions(from);
  const toDigits = digitPositions(to);
  return ranges.flatMap(({ start, end }) => {
    const first = fromDigits.findIndex((i) => i >= start);
    const last = fromDigits.findLastIndex((i) => i < end);
    if (first < 0 || last < first || last >= toDigits.length) return [];
    return [{ start: toDigits[first]!, end: toDigits[last]! + 1 }];
  });
}

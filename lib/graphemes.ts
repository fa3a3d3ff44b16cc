/**
 * Cutting people's names into letters as a reader sees them. A JavaScript string is UTF-16 code
 * units, so `name[0]` can be half an emoji (rendered "\uFFFD", and a server/client text mismatch
 * that breaks hydration), and even `Array.from(name)[0]` is one code point: "Ñ" typed as N plus a
 * combining tilde, a flag or "👩‍🔬" are several. Intl.Segmenter splits by grapheme cluster, the
 * unit a person counts, and gives the same answer on the server and in the browser.
 */

const GRAPHEMES = new Intl.Segmenter("en", { granularity: "grapheme" });

/** The first user-perceived character of `text` ("" for an empty string). */
export function firstGrapheme(text: string): string {
  const first = GRAPHEMES.segment(text)[Symbol.iterator]().next();
  return first.done ? "" : first.value.segment;
}

/** The words of a name, split on any run of white space. */
export function nameWords(name: string): string[] {
  return name.trim().split(/\s+/).filter(Boolean);
}

/** One grapheme in capitals ("é" -> "É", "😀" stays); a fixed locale, so server and browser agree. */
export const upperInitial = (word: string) => firstGrapheme(word).toLocaleUpperCase("en");

/**
 * Up to two initials for an avatar: the first word's and the last word's, the way the public name
 * is "first name, initial of the last word" ("Zoë 😀 Quinn" -> "ZQ", "Ada" -> "A"). "" for a blank name.
 */
export function nameInitials(name: string): string {
  const words = nameWords(name);
  if (words.length === 0) return "";
  const ends = words.length === 1 ? [words[0]!] : [words[0]!, words.at(-1)!];
  return ends.map(upperInitial).join("");
}

/** `text` cut to at most `max` graphemes, the cut marked with "…" (which counts as one of them). */
export function truncateGraphemes(text: string, max: number): string {
  const kept: string[] = [];
  for (const { segment } of GRAPHEMES.segment(text)) {
    if (kept.length === max) {
      kept[max - 1] = "…";
      return kept.join("");
    }
    kept.push(segment);
  }
  return text;
}

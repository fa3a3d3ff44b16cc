/** Names cut by grapheme: never half an emoji, never a letter without its accent. */
import { describe, expect, it } from "vitest";
import { firstGrapheme, nameInitials, truncateGraphemes } from "./graphemes";

describe("firstGrapheme", () => {
  it.each([
    ["", ""],
    ["Zoë", "Z"],
    ["😀 Quinn", "😀"],
    ["N\u0303un\u0303ez", "N\u0303"],
    ["🇳🇴 flag", "🇳🇴"],
    ["👩‍🔬 lab", "👩‍🔬"],
  ])("%o -> %o", (text, expected) => {
    expect(firstGrapheme(text)).toBe(expected);
  });
});

describe("nameInitials", () => {
  it.each([
    ["Zoë 😀 Quinn", "ZQ"],
    ["  ada   lovelace ", "AL"],
    ["Ada King Lovelace", "AL"],
    ["Cher", "C"],
    ["😀", "😀"],
    ["n\u0303o 👩‍🔬", "N\u0303👩‍🔬"],
    ["   ", ""],
  ])("%o -> %o", (name, expected) => {
    const initials = nameInitials(name);
    expect(initials).toBe(expected);
    // No lone surrogate: it would render as U+FFFD on the server and mismatch on hydration.
    expect(initials.isWellFormed()).toBe(true);
  });
});

describe("truncateGraphemes", () => {
  it.each([
    ["short", 10, "short"],
    ["exactly", 7, "exactly"],
    ["one too many", 11, "one too ma…"],
    // The cut lands after a whole emoji, never inside one.
    ["ab👩‍🔬👩‍🔬cd", 4, "ab👩‍🔬…"],
  ])("%o at %i -> %o", (text, max, expected) => {
    expect(truncateGraphemes(text, max)).toBe(expected);
  });
});

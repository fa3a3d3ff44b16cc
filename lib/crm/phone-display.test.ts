import { describe, expect, it } from "vitest";
import { onSameDigits, readablePhone } from "./phone-display";

describe("readablePhone", () => {
  it.each([
    ["+14158672931", "+1 415 867 2931"],
    ["+442079460958", "+44 20 7946 0958"],
    ["+4915123456789", "+49 1512 3456789"],
  ])("shows %s as %s", (stored, shown) => {
    expect(readablePhone(stored)).toBe(shown);
  });

  it("shows what was stored when it is not a number it knows", () => {
    expect(readablePhone("ext. 12")).toBe("ext. 12");
  });
});

describe("onSameDigits", () => {
  const stored = "+14158672931";
  const shown = "+1 415 867 2931";
  it("marks the same digits in the readable form, across its spaces", () => {
    // "86729" is stored at 5-10; shown, it runs "867 29".
    const [moved] = onSameDigits(stored, shown, [{ start: 5, end: 10 }]);
    expect(shown.slice(moved!.start, moved!.end)).toBe("867 29");
  });

  it("keeps several ranges apart and drops one without digits", () => {
    const moved = onSameDigits(stored, shown, [
      { start: 0, end: 1 }, // the "+": no digit
      { start: 1, end: 2 },
      { start: 11, end: 12 },
    ]);
    expect(moved.map((r) => shown.slice(r.start, r.end))).toEqual(["1", "1"]);
    expect(moved.map((r) => r.start)).toEqual([1, 14]);
  });
});

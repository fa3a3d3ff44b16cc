/**
 * A search match, marked: the part of a name or email that contains what was typed (any case),
 * or the digits of a phone number that were typed, however the number is formatted ("555 12"
 * finds "+1 555-0123" and marks "555-012"). <mark> is read as "highlight" by screen readers.
 */
import type { ReactNode } from "react";
import { digitPositions } from "@/lib/crm/phone-display";

/** [start, end) of the first case-insensitive occurrence of `q` in `text`, or null. */
export function textMatch(text: string, q: string): [number, number] | null {
  const needle = q.trim().toLowerCase();
  if (!needle) return null;
  const at = text.toLowerCase().indexOf(needle);
  return at < 0 ? null : [at, at + needle.length];
}

/** [start, end) in `phone` of the characters spanning the first run of `q`'s digits, or null. */
export function digitMatch(phone: string, q: string): [number, number] | null {
  const wanted = q.replace(/\D/g, "");
  if (wanted.length === 0) return null;
  const positions = digitPositions(phone);
  const at = positions
    .map((i) => phone[i])
    .join("")
    .indexOf(wanted);
  if (at < 0) return null;
  return [positions[at]!, positions[at + wanted.length - 1]! + 1];
}

/**
 * `text` with its matches marked: the server's `ranges` when it sent them (a search result says
 * where it matched), else the first match of `q` found here.
 */
export function Highlight({
  text,
  q,
  digits = false,
  ranges,
}: {
  text: string;
  q: string | null;
  digits?: boolean;
  ranges?: readonly { start: number; end: number }[];
}) {
  const found = q ? (digits ? digitMatch(text, q) : textMatch(text, q)) : null;
  const marks = (ranges ? ranges.map((r): [number, number] => [r.start, r.end]) : found ? [found] : [])
    .filter(([start, end]) => start < end && end <= text.length)
    .sort((a, b) => a[0] - b[0]);
  if (marks.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at) continue; // overlapping: the earlier one is marked
    parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

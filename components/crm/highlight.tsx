/**
 * A search match, marked: the part of a name or email that contains what was typed (any case),
 * or the digits of a phone number that were typed, however the number is formatted ("555 12"
 * finds "+1 555-0123" and marks "555-012"). <mark> is read as "highlight" by screen readers.
 */
import type { ReactNode } from "react";

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
  const positions: number[] = [];
  let digits = "";
  for (let i = 0; i < phone.length; i++) {
    if (/\d/.test(phone[i]!)) {
      positions.push(i);
      digits += phone[i];
    }
  }
  const at = digits.indexOf(wanted);
  if (at < 0) return null;
  return [positions[at]!, positions[at + wanted.length - 1]! + 1];
}

export function Highlight({ text, q, digits = false }: { text: string; q: string | null; digits?: boolean }) {
  const range = q ? (digits ? digitMatch(text, q) : textMatch(text, q)) : null;
  if (!range) return <>{text}</>;
  const [start, end] = range;
  return (
    <>
      {text.slice(0, start)}
      <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{text.slice(start, end)}</mark>
      {text.slice(end)}
    </>
  );
}

export type Highlighted = ReactNode;

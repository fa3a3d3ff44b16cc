/**
 * The one DTO rule: what a response sends is a strict zod object with snake_case fields, and
 * the function that builds it parses it on the way out, so a field nobody named cannot reach a
 * client. These are the shared pieces: how a time is written.
 */
import { z } from "zod";

/** A time in a response: ISO 8601 in UTC (see iso() below). */
export const at = z.iso.datetime();
/** Dates from the database (drivers differ: Date or string) as ISO strings. */
export function iso(value: Date | string): string;
export function iso(value: Date | string | null): string | null;
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

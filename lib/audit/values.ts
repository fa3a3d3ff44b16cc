/**
 * How a field's value is kept in the audit trail: as plain JSON (Dates become ISO strings), with
 * sensitive fields replaced by a marker. The trail is append-only and kept for a long time, so
 * personal data and secrets never enter it: we record that such a field changed, not what it was.
 */

/** What is stored instead of a sensitive value. A reader can tell the field changed, nothing more. */
export const REDACTED = Object.freeze({ redacted: true as const });
export type Redacted = typeof REDACTED;

/**
 * Field names that are always redacted, as word sequences matched anywhere in a field's name
 * (camelCase, snake_case and kebab-case split into words, plurals allowed), so "billing_address",
 * "contactEmail", "stripeTokenHash" and "cardLast4" are caught without being listed, while
 * "discardedAt" is not a card. Over-matching only hides a value; under-matching leaks one.
 */
const SENSITIVE_WORDS: readonly (readonly string[])[] = [
  // credentials
  ["password"],
  ["passcode"],
  ["token"],
  ["secret"],
  ["api", "key"],
  ["otp"],
  // contact details
  ["email"],
  ["phone"],
  ["mobile"],
  // address-like
  ["address"],
  ["street"],
  ["postal", "code"],
  ["postcode"],
  ["zip"],
  ["zipcode"],
  // payment details
  ["card"],
  ["iban"],
  ["bic"],
  ["bank", "account"],
  ["account", "number"],
  ["routing", "number"],
  ["sort", "code"],
  ["cvc"],
  ["cvv"],
  ["payment", "method"],
  // identity documents
  ["ssn"],
  ["tax", "id"],
  ["date", "of", "birth"],
  ["birth", "date"],
  ["birthdate"],
];

/** Bookkeeping columns that change on every write; recording them would only add noise. */
const NOT_AUDITED = new Set(["updatedat"]);

const normalize = (name: string) => name.toLowerCase().replace(/[_\-\s]/g, "");

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const sameWord = (word: string, wanted: string) => word === wanted || word === `${wanted}s` || word === `${wanted}es`;

function containsSequence(words: string[], sequence: readonly string[]): boolean {
  for (let i = 0; i + sequence.length <= words.length; i++) {
    if (sequence.every((wanted, j) => sameWord(words[i + j]!, wanted))) return true;
  }
  return false;
}

export function isNotAudited(field: string): boolean {
  return NOT_AUDITED.has(normalize(field));
}

/** A predicate for "is this field sensitive?": the default words, plus the caller's names (exact, any case). */
export function sensitivityOf(extra: readonly string[] = []): (field: string) => boolean {
  const named = new Set(extra.map(normalize));
  return (field) => {
    if (named.has(normalize(field))) return true;
    const words = wordsOf(field);
    return SENSITIVE_WORDS.some((sequence) => containsSequence(words, sequence));
  };
}

export function isRedacted(value: unknown): value is Redacted {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    (value as { redacted?: unknown }).redacted === true
  );
}

/**
 * The value as JSON, ready for a jsonb column: Dates as ISO strings, bigints as strings,
 * undefined as null, and sensitive keys of nested objects (a jsonb `contact` holding an email)
 * redacted too.
 */
export function toAuditJson(value: unknown, isSensitive: (field: string) => boolean): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "function" || typeof value === "symbol") return null;
  if (Array.isArray(value)) return value.map((item) => toAuditJson(item, isSensitive));
  if (typeof value === "object") {
    // Buffers and other objects with their own JSON form (Decimal, URL) keep it.
    const own = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof own === "function") return toAuditJson(own.call(value), isSensitive);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      out[key] = isSensitive(key) && item !== null ? REDACTED : toAuditJson(item, isSensitive);
    }
    return out;
  }
  return value;
}

/** A canonical string of a JSON value (object keys sorted), so key order never counts as a change. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

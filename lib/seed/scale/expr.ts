/**
 * SQL expression builders for the scale world. Every "random" choice is a hash of a row number
 * (hashint8extended, the stable hash Postgres uses for hash partitioning, identical on PGlite),
 * so the same N gives the same world on every run. Ids are hashes too, but keyed with a secret
 * drawn per run, so they stay unguessable while any row can compute its parents' ids without
 * a join.
 */
import { randomBytes } from "node:crypto";
import { SEED_ANCHOR } from "@/lib/seed/catalog";

/** Named hash streams, so two choices about the same row are independent. */
export const S = {
  custAge: 1,
  custMinute: 2,
  firstName: 3,
  lastName: 4,
  providerVis: 5,
  socialVis: 6,
  handle: 7,
  difficult: 8,
  jobStatus: 10,
  jobCategory: 11,
  jobAge: 12,
  jobTitle: 13,
  jobDesc: 14,
  jobBudgetNull: 15,
  jobBudget: 16,
  jobSchedule: 17,
  jobDone: 18,
  jobCancel: 19,
  jobCancelBy: 20,
  provider: 21,
  reviewers: 22,
  applicants: 23,
  appMessage: 24,
  appTime: 25,
  bookTime: 26,
  jobCancelBooked: 27,
  rating: 30,
  comment: 31,
  hidden: 32,
  dispute: 33,
  reviewTime: 34,
  bizAdj: 40,
  bizTrade: 41,
  bizSuffix: 42,
  bizAge: 43,
  ownerFirst: 44,
  ownerLast: 45,
  crmBiz: 50,
  crmLink: 51,
  crmFirst: 52,
  crmLast: 53,
  crmEmail: 54,
  crmPhone: 55,
  crmPhoneNo: 56,
  crmType: 57,
  crmConsent: 58,
  crmBirthday: 59,
  crmBirthdayNo: 60,
  crmAge: 61,
  crmDeleted: 62,
  purchaseCount: 63,
  purchaseAmount: 64,
  purchaseTime: 65,
  purchaseDesc: 66,
} as const;

export type IdKind =
  "user" | "business" | "customer" | "job" | "application" | "booking" | "review" | "interaction" | "crm" | "purchase";

const KINDS: IdKind[] = [
  "user",
  "business",
  "customer",
  "job",
  "application",
  "booking",
  "review",
  "interaction",
  "crm",
  "purchase",
];

/** A positive int8 from the OS random source. */
const secret = () => (randomBytes(8).readBigUInt64BE() >> 2n).toString();

export class Expr {
  private readonly idKeys: Record<IdKind, [string, string]>;
  private readonly handleKey = secret();

  /** `seed` varies the content; ids always get fresh secret keys. */
  constructor(private readonly seed: number) {
    this.idKeys = Object.fromEntries(KINDS.map((k) => [k, [secret(), secret()]])) as Record<IdKind, [string, string]>;
  }

  private hash(n: string, stream: number) {
    return `hashint8extended((${n})::int8, ${this.seed * 1000 + stream})`;
  }

  /** An integer in [0, m). */
  pick(n: string, stream: number, m: number | string) {
    return `((${this.hash(n, stream)} & 2147483647) % (${m}))`;
  }

  /** A float in [0, 1). */
  unit(n: string, stream: number) {
    return `((${this.hash(n, stream)} & 4503599627370495)::float8 / 4503599627370496.0)`;
  }

  /** A valid version-4 UUID (zod's z.uuid() checks the version and variant nibbles). */
  uid(kind: IdKind, n: string) {
    const [k1, k2] = this.idKeys[kind];
    return (
      `(lpad(to_hex((hashint8extended((${n})::int8, ${k1}) & -61441) | 16384), 16, '0')` +
      ` || to_hex((hashint8extended((${n})::int8, ${k2}) & 4611686018427387903) | -9223372036854775808))::uuid`
    );
  }

  /** A short unguessable slug that is unique by construction (secret hash + hex row number). */
  handle(n: string) {
    return `lpad(to_hex(hashint8extended((${n})::int8, ${this.handleKey}) & 4294967295), 8, '0') || to_hex(${n})`;
  }
}

export const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;
export const textArray = (values: readonly string[]) => `ARRAY[${values.map(lit).join(",")}]::text[]`;

/** The anchor as a timestamptz literal. */
export const ANCHOR = `timestamptz ${lit(SEED_ANCHOR.toISOString())}`;
export const minutesBefore = (minutes: string) => `(${ANCHOR} - (${minutes}) * interval '1 minute')`;
export const plusMinutes = (at: string, minutes: string) => `(${at} + (${minutes}) * interval '1 minute')`;

/**
 * The named rate-limit policies: for each, the limits it charges and whose key each one counts
 * against. This table is the one place to read or change what the app allows; docs/rate-limits.md
 * explains the choices.
 */
import "server-only";
import { env } from "@/lib/env";

/** Whose counter a limit charges. */
export type Scope =
  /** The signed-in user; an anonymous caller is counted by IP instead (see keys.ts). */
  | "user"
  /** The caller's IP address, whoever they are: bounds a NAT, a bot or a script. */
  | "ip"
  /** One IP trying one account: brute force on a password, without locking the owner out from elsewhere. */
  | "ip+email"
  /** The business the user acts for: all its staff together (a provider scraping with many logins). */
  | "business"
  /** One record (a CRM customer record): all its editors together, whoever they are. */
  | "record";

export type Limit = {
  per: Scope;
  /** Requests allowed in one window. */
  points: number;
  /** The window, in seconds, from the first request in it (a fixed window per key). */
  duration: number;
};

/** A policy: its name (the key prefix in rate_limits) and its limits. Tests build small ones. */
export type PolicyDefinition = { name: string; limits: readonly Limit[] };

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const POLICIES = {
  /** Every change through the API or a form, unless the route names another policy. */
  write: [
    { per: "user", points: 60, duration: MINUTE },
    // Looser than per user: several staff of one shop may share an office IP.
    { per: "ip", points: 300, duration: MINUTE },
  ],
  /** Password attempts; a right password clears the IP+email count (lib/rate-limit/sign-in.ts). */
  signIn: [
    { per: "ip+email", points: 5, duration: 15 * MINUTE },
    { per: "ip", points: 50, duration: 15 * MINUTE },
  ],
  /**
   * A provider looking up customer profiles or their jobs (a job view opens a restricted profile),
   * or a visitor opening shared ones: against scraping.
   */
  profileView: [
    { per: "user", points: 120, duration: 10 * MINUTE },
    { per: "business", points: 300, duration: 10 * MINUTE },
    { per: "ip", points: 600, duration: 10 * MINUTE },
  ],
  /** Customers ticking off goal progress; generous for a person, not for a loop. */
  achievementProgress: [{ per: "user", points: 30, duration: MINUTE }],
  /** Changing one's password: each try costs two argon2 hashes, and guesses the current password. */
  passwordChange: [
    { per: "user", points: 5, duration: 15 * MINUTE },
    { per: "ip", points: 20, duration: 15 * MINUTE },
  ],
  /**
   * Editing one CRM customer record (PATCH): per user, and per record across all its editors, so
   * no script (or pair of them) rewrites one record in a loop and floods its audit trail and events.
   */
  crmRecordEdit: [
    { per: "user", points: 60, duration: MINUTE },
    { per: "record", points: 10, duration: MINUTE },
    { per: "ip", points: 300, duration: MINUTE },
  ],
  /** Changing a CRM record's avatar (upload or removal): each upload decodes and re-encodes an image. */
  avatarUpload: [
    { per: "user", points: 10, duration: 10 * MINUTE },
    { per: "ip", points: 100, duration: 10 * MINUTE },
  ],
  /** Account creation: nobody registers more than a few accounts an hour from one place. */
  register: [{ per: "ip", points: 10, duration: HOUR }],
} as const satisfies Record<string, readonly Limit[]>;

export type PolicyName = keyof typeof POLICIES;

/**
 * The policy, its points multiplied by RATE_LIMIT_FACTOR (a load test's knob), except signIn's: the
 * knob set by mistake on a real server must not switch off brute-force protection, and a load test
 * signs each of its accounts in only once.
 */
export function policy(name: PolicyName): PolicyDefinition {
  const factor = name === "signIn" ? 1 : env().RATE_LIMIT_FACTOR;
  const limits = POLICIES[name];
  return { name, limits: factor === 1 ? limits : limits.map((limit) => ({ ...limit, points: limit.points * factor })) };
}

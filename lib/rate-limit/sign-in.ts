/**
 * Brute-force protection for password sign-in, on the signIn policy: every attempt is charged per
 * IP+email and per IP before the password is checked (so the throttle also bounds the argon2 work),
 * a right password clears the IP+email count, and the Auth.js route and the sign-in form can ask,
 * without charging, whether an IP (or the account, ./account-backoff.ts) is blocked and for how long.
 */
import type { Database } from "@/db/client";
import { anonymous } from "@/lib/auth/actor";
import { accountLock } from "./account-backoff";
import { consumeWith, peekWith, resetWith, type Block } from "./limiter";
import { policy } from "./policies";

/** One attempt: the caller's IP and the email they typed (absent when the form sent none). */
export type SignInAttempt = { ip: string; email?: string };

const signIn = () => policy("signIn");
const subjectOf = ({ ip, email }: SignInAttempt) => ({ actor: anonymous, ip, email });

/** Charges the attempt; throws rateLimited when this IP, or this IP for this email, tried too often. */
export function chargeSignInAttempt(db: Database, attempt: SignInAttempt): Promise<void> {
  return consumeWith(db, signIn(), subjectOf(attempt));
}

/**
 * After a right password: earlier typos no longer count against this IP+email. The per-IP count
 * stays, so one IP cannot spread guesses over accounts by signing in to its own between them.
 */
export function forgetSignInFailures(db: Database, attempt: SignInAttempt): Promise<void> {
  return resetWith(db, signIn(), subjectOf(attempt), "ip+email");
}

/**
 * Whether the next attempt would be refused, and the wait; charges nothing. The account's backoff
 * (./account-backoff.ts) counts too, unless the attempt comes from a device known to the account.
 */
export async function signInBlock(
  db: Database,
  attempt: SignInAttempt & { knownDevice?: boolean },
): Promise<Block | null> {
  const [block, lockSeconds] = await Promise.all([
    peekWith(db, signIn(), subjectOf(attempt)),
    attempt.email === undefined || attempt.knownDevice ? null : accountLock(db, attempt.email),
  ]);
  if (lockSeconds === null || (block && block.retryAfterSeconds >= lockSeconds)) return block;
  return { retryAfterSeconds: lockSeconds, headers: {} };
}

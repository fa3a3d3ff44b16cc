/**
 * Brute-force protection for password sign-in, on the signIn policy: every attempt is charged per
 * IP+email and per IP before the password is checked (so the throttle also bounds the argon2 work),
 * a right password clears the IP+email count, and the Auth.js route and the sign-in form can ask,
 * without charging, whether an IP is blocked and for how long.
 */
import type { Database } from "@/db/client";
import { anonymous } from "@/lib/auth/actor";
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

/** Whether the next attempt would be refused, and the wait; charges nothing. */
export function signInBlock(db: Database, attempt: SignInAttempt): Promise<Block | null> {
  return peekWith(db, signIn(), subjectOf(attempt));
}

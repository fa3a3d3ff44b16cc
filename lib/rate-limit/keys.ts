/**
 * Who a limit counts against: the key each scope takes from a request's subject. Keys are stored
 * in rate_limits (after the policy and scope prefix), so they hold no readable email.
 */
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Scope } from "./policies";

/** The caller of one request; `email` only for sign-in attempts, `record` only for per-record limits. */
export type Subject = { actor: Actor; ip: string; email?: string; record?: string };

/** The key a limit of this scope charges, or null when the subject has none (no email given). */
export function keyFor(scope: Scope, subject: Subject): string | null {
  const { actor, ip } = subject;
  switch (scope) {
    case "user":
      // An anonymous caller has no user: their IP stands in, so per-user limits still bound them.
      if (actor.kind === "user") return actor.userId;
      return actor.kind === "anonymous" ? `anon:${ip}` : null;
    case "ip":
      return ip;
    case "business":
      return actor.kind === "user" && actor.business ? actor.business.businessId : null;
    case "record":
      return subject.record ?? null;
    case "ip+email":
      return subject.email === undefined ? null : `${ip}:${emailDigest(subject.email)}`;
  }
}

/** Emails compare case-insensitively (lib/accounts/email.ts), so their keys must too. */
export function emailDigest(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
}

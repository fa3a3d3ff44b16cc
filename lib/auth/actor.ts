/**
 * Who is making a request: a signed-in person (with their customer profile and memberships, and
 * the business this request acts for), trusted code acting without a person, or nobody.
 * lib/auth/resolve-actor.ts builds one per request; lib/authz/policy.ts decides what it may do.
 */
import type { StaffRole } from "@/db/schema";

export type Membership = {
  businessId: string;
  businessName: string;
  role: StaffRole;
  isMarketplaceProvider: boolean;
};

export type UserActor = {
  kind: "user";
  userId: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  /** The customer profile of this account, if it has one. */
  customerId: string | null;
  memberships: Membership[];
  /** The business this request acts for, or null when acting as themselves. */
  business: Membership | null;
  /** The session this request came with (sessions.id); absent for an actor resolved without one. */
  sessionId?: string;
};

/** Scheduled jobs and webhooks: trusted code acting without a person. */
export type SystemActor = { kind: "system"; label: string };
export type AnonymousActor = { kind: "anonymous" };
export type Actor = AnonymousActor | UserActor | SystemActor;

export const anonymous: AnonymousActor = { kind: "anonymous" };
export const systemActor = (label: string): SystemActor => ({ kind: "system", label });

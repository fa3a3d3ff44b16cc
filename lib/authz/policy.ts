/**
 * The one place that decides who may read or change what. Data functions call these guards first
 * and build their WHERE clauses from what the guards return (the business id, the customer id), so
 * a query cannot forget its scope. A refusal is an AppError with a stable reason.
 */
import type { JobStatus, ProviderVisibility, StaffRole } from "@/db/schema";
import type { Actor, Membership, SystemActor, UserActor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound, unauthorized } from "@/lib/errors";

/**
 * Every permission a staff role can hold, with what it allows: the one list the Permission type,
 * the owner's and admin's grants and the API docs' access text are all derived from.
 */
export const PERMISSIONS = {
  "business.manage": "Rename the business and change its settings.",
  "staff.read": "See the business's staff and pending invitations.",
  "staff.manage": "Add, invite, change the role of and remove staff.",
  "crm.read": "Read customer records, their history and metrics.",
  "crm.purchases": "Record purchases and appointments.",
  "crm.write": "Create and edit customer records, their tags and preferences.",
  "crm.notes": "Read and write internal notes about customers.",
  "crm.delete": "Soft-delete and restore customer records.",
  "crm.export": "Export a customer's data (GDPR).",
  "crm.erase": "Erase a customer's personal data (GDPR).",
  "audit.read": "Read the change history of the business's records.",
  "marketplace.act": "As a provider: view jobs and customers, apply, message and review.",
} as const satisfies Record<string, string>;

export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as readonly Permission[];

export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  owner: ALL,
  admin: ALL,
  manager: ["staff.read", "crm.read", "crm.purchases", "crm.write", "crm.notes", "audit.read", "marketplace.act"],
  staff: ["crm.read", "crm.purchases", "marketplace.act"],
};

/** Which roles each role may hand out (or change someone to). */
export const GRANTABLE_ROLES: Record<StaffRole, readonly StaffRole[]> = {
  owner: ["owner", "admin", "manager", "staff"],
  admin: ["admin", "manager", "staff"],
  manager: [],
  staff: [],
};

export function hasPermission(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind === "user") return actor;
  if (actor.kind === "system") throw forbidden("system_actor", "This action needs a signed-in person.");
  throw unauthorized();
}

export function requireSystem(actor: Actor): SystemActor {
  if (actor.kind === "system") return actor;
  throw forbidden("not_system", "Only scheduled jobs may do this.");
}

export function requirePlatformAdmin(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!user.isPlatformAdmin) throw forbidden("not_platform_admin", "Only platform administrators may do this.");
  return user;
}

/** The signed-in customer acting as themselves; their customer id scopes every query. */
export function requireCustomer(actor: Actor): { user: UserActor; customerId: string } {
  const user = requireUser(actor);
  if (!user.customerId) throw forbidden("not_a_customer", "This is for customer accounts.");
  return { user, customerId: user.customerId };
}

/** The user's membership of `businessId`, if they have one. */
export function membershipOf(user: UserActor, businessId: string): Membership | undefined {
  return user.memberships.find((m) => m.businessId === businessId);
}

/**
 * The user acting for `businessId`, which must be one of their businesses. A business named in a
 * path is a resource: a foreign one is "not found", so the answer does not reveal that it exists.
 * One chosen as the context (X-Business-Id, the switcher) is refused as not_a_member.
 */
export function actingFor(
  actor: Actor,
  businessId: string,
  namedIn: "path" | "context",
): UserActor & { business: Membership } {
  const user = requireUser(actor);
  const business = membershipOf(user, businessId);
  if (business) return { ...user, business };
  if (namedIn === "path") throw notFound("That business");
  throw forbidden("not_a_member", "You are not a member of that business.");
}

/** The business the actor acts for, with the permission checked; its id scopes every query. */
export function requireBusiness(actor: Actor, permission: Permission): { user: UserActor; business: Membership } {
  const user = requireUser(actor);
  const business = user.business;
  if (!business) throw forbidden("no_business", "You are not acting for a business. Choose one first.");
  if (!hasPermission(business.role, permission)) {
    throw forbidden("insufficient_role", `Your role (${business.role}) does not allow this.`);
  }
  return { user, business };
}

/*
 * The CRM: the business is named in the path (/api/customers/{businessId}/…), so a business the
 * actor is not a member of is "not found". Its staff act by permission; the person a record is
 * about (a signed-in customer linked to it) reads their own record, stats and history there.
 */

/** Staff of `businessId` with `permission`; its id scopes every query. Notes have their own refusal. */
export function requireCrm(
  actor: Actor,
  businessId: string,
  permission: Permission,
): { user: UserActor; business: Membership } {
  const { business, ...user } = actingFor(actor, businessId, "path");
  if (!hasPermission(business.role, permission)) {
    if (permission === "crm.notes") {
      throw forbidden("notes_hidden", "Internal notes are visible to managers, admins and owners only.");
    }
    throw forbidden("insufficient_role", `Your role (${business.role}) does not allow this.`);
  }
  return { user: { ...user, business }, business };
}

/**
 * Who reads a CRM record: staff of the business (crm.read), or the person the record is about. The
 * "self" scope filters on the record's linked customer id as well, so another record is not found;
 * its answer leaves out what is internal to the business (notes, tags).
 */
export type CrmReader =
  | { kind: "staff"; user: UserActor; businessId: string; role: StaffRole }
  | { kind: "self"; user: UserActor; businessId: string; customerId: string };

export function crmReader(actor: Actor, businessId: string): CrmReader {
  const user = requireUser(actor);
  const membership = membershipOf(user, businessId);
  if (membership) {
    const { business } = requireCrm(actor, businessId, "crm.read");
    return { kind: "staff", user, businessId, role: business.role };
  }
  if (user.customerId) return { kind: "self", user, businessId, customerId: user.customerId };
  throw notFound("That business");
}

/** A member of a marketplace provider business, acting for it. */
export function requireProvider(actor: Actor): { user: UserActor; business: Membership } {
  const user = requireUser(actor);
  if (!user.business?.isMarketplaceProvider) {
    throw forbidden("not_a_provider", "Only providers on the marketplace can do this.");
  }
  return requireBusiness(actor, "marketplace.act");
}

/**
 * Who may see a customer's public profile, by the visibility the customer chose: public, any
 * provider; restricted, only a provider business with a recorded interaction with them; private,
 * no provider. Kept as data so that the one statement that reads a profile and records the view
 * (lib/provider-profile/profile.ts) applies exactly this rule in SQL, and the guard below in code.
 */
export const PROFILE_AUDIENCE = {
  public: "any_provider",
  restricted: "interacted",
  private: "nobody",
} as const satisfies Record<ProviderVisibility, "any_provider" | "interacted" | "nobody">;

/** The visibilities whose audience is `audience`, for a statement's IN list. */
export function visibilitiesFor(audience: (typeof PROFILE_AUDIENCE)[ProviderVisibility]): ProviderVisibility[] {
  return (Object.keys(PROFILE_AUDIENCE) as ProviderVisibility[]).filter((v) => PROFILE_AUDIENCE[v] === audience);
}

/**
 * May the provider business the actor acts for see this customer's public profile (see
 * PROFILE_AUDIENCE)? `hasInteraction` is read by the caller from provider_interactions for that
 * business. Refusals carry the reason and a message the provider page shows as is. Returns the
 * provider scope, whose business id the view is recorded against.
 */
export function assertMayViewCustomerProfile(
  actor: Actor,
  customer: { visibility: ProviderVisibility },
  hasInteraction: boolean,
): { user: UserActor; business: Membership } {
  const provider = requireProvider(actor);
  const audience = PROFILE_AUDIENCE[customer.visibility];
  if (audience === "nobody") {
    throw forbidden("private", "This customer keeps their profile private, so it cannot be shown to providers.");
  }
  if (audience === "interacted" && !hasInteraction) {
    throw forbidden(
      "no_interaction",
      "This customer shares their profile only with providers they have dealt with. Once you open one of their jobs, or apply to one, you can see it.",
    );
  }
  return provider;
}

/**
 * Whose audit rows the actor may read about `entity`. The history query turns the answer into its
 * WHERE clause:
 * - platform: a platform administrator, every row;
 * - self: a person reading their own records ("user" with their id, "customer" with their customer
 *   id): the rows of that entity outside any business;
 * - business: staff with audit.read, the rows of the business they act for (of any entity id, so
 *   naming another business's record finds nothing).
 * Own records are checked before the business, so a member without audit.read still sees their own.
 */
export type AuditScope =
  | { kind: "platform" }
  | { kind: "self"; entityType: "user" | "customer"; entityId: string }
  | { kind: "business"; businessId: string };

export function auditScope(actor: Actor, entity: { type: string; id?: string | null }): AuditScope {
  const user = requireUser(actor);
  if (user.isPlatformAdmin) return { kind: "platform" };
  if (entity.id && entity.type === "user" && entity.id === user.userId) {
    return { kind: "self", entityType: "user", entityId: user.userId };
  }
  if (entity.id && entity.type === "customer" && user.customerId && entity.id === user.customerId) {
    return { kind: "self", entityType: "customer", entityId: user.customerId };
  }
  if (user.business) return { kind: "business", businessId: requireBusiness(user, "audit.read").business.businessId };
  throw forbidden("not_your_record", "You can only see the history of your own account and profile.");
}

/** May `actorRole` set a member whose role is `currentRole` (null: not yet a member) to `nextRole`? */
const withArticle = (role: StaffRole) => (/^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`);
const capitalize = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export function assertCanAssignRole(actorRole: StaffRole, currentRole: StaffRole | null, nextRole: StaffRole | null) {
  const grantable = GRANTABLE_ROLES[actorRole];
  if (currentRole && !grantable.includes(currentRole)) {
    throw forbidden(
      "insufficient_role",
      `${capitalize(withArticle(actorRole))} cannot change ${withArticle(currentRole)}.`,
    );
  }
  if (nextRole && !grantable.includes(nextRole)) {
    throw forbidden("insufficient_role", `${capitalize(withArticle(actorRole))} cannot grant the ${nextRole} role.`);
  }
}

/** A business always keeps at least one owner. */
export function assertKeepsAnOwner(ownersAfterChange: number) {
  if (ownersAfterChange < 1) throw conflict("A business needs at least one owner.", "last_owner");
}

/**
 * May `actorRole` move a member from `currentRole` to `nextRole` (null: remove them), in a business
 * that has `owners` owners now? The role ladder and the last owner together: the staff change runs
 * it under the business lock, and the staff page asks it to offer only the changes that would pass.
 */
export function assertCanChangeMember(
  actorRole: StaffRole,
  currentRole: StaffRole,
  nextRole: StaffRole | null,
  owners: number,
) {
  assertCanAssignRole(actorRole, currentRole, nextRole);
  if (currentRole === "owner" && nextRole !== "owner") assertKeepsAnOwner(owners - 1);
}

/*
 * The marketplace: which side of a job the actor takes. lib/marketplace loads the job with the
 * acting provider's part in it, asks jobSideOf, and then the guard of the action; the job's
 * existence is revealed only to those who may see it.
 */

/** Who the actor can be on the marketplace: their own customer profile and the provider business they act for. */
export type MarketplaceActor = { user: UserActor; customerId: string | null; providerBusinessId: string | null };

export function marketplaceActor(actor: Actor): MarketplaceActor {
  const user = requireUser(actor);
  const business = user.business;
  const providerBusinessId =
    business?.isMarketplaceProvider && hasPermission(business.role, "marketplace.act") ? business.businessId : null;
  if (!user.customerId && !providerBusinessId) {
    throw forbidden("not_on_marketplace", "Use a customer account, or act for a provider business on the marketplace.");
  }
  return { user, customerId: user.customerId, providerBusinessId };
}

/** What the guards need to know about a job and the acting provider's part in it. */
export type JobFacts = {
  customerId: string;
  status: JobStatus;
  /** The provider business holding the booking, if any. */
  bookedProviderId: string | null;
  /** Whether the acting provider business has applied to it. */
  providerApplied: boolean;
};

export type JobSide = "customer" | "provider";

/**
 * The side the actor takes on a job: the customer who posted it, or a provider, who sees open jobs
 * (to browse and apply) and any job it applied to or holds the booking of. Anyone else gets 404.
 * A person who is both is the customer of their own jobs.
 */
export function jobSideOf(m: MarketplaceActor, job: JobFacts): JobSide {
  if (m.customerId && m.customerId === job.customerId) return "customer";
  const provider = m.providerBusinessId;
  if (provider && (job.status === "open" || job.providerApplied || job.bookedProviderId === provider))
    return "provider";
  throw notFound("That job");
}

/** Accepting an application, disputing a review: only the customer who posted the job. */
export function requireJobCustomer(side: JobSide): void {
  if (side !== "customer") throw forbidden("not_job_owner", "Only the customer who posted this job can do this.");
}

/** Applying, reviewing: a provider; the customer of the job is refused on their own job. */
export function requireJobProvider(side: JobSide): void {
  if (side !== "provider") throw forbidden("own_job", "This is your own job: only providers can do this.");
}

/** Completing or cancelling a booked job, reviewing it: the customer, or the provider holding the booking. */
export function requireBookingParty(m: MarketplaceActor, side: JobSide, job: Pick<JobFacts, "bookedProviderId">): void {
  if (side === "customer") return;
  if (!job.bookedProviderId || job.bookedProviderId !== m.providerBusinessId) {
    throw forbidden("not_booked_provider", "Only the provider booked for this job can do this.");
  }
}

/** Where a signed-in user lands: their most specific home. */
export function homePathFor(actor: UserActor): string {
  if (actor.business) return actor.business.isMarketplaceProvider ? "/provider" : "/crm";
  if (actor.customerId) return "/me";
  if (actor.isPlatformAdmin) return "/admin";
  return "/me";
}

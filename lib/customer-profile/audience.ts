/**
 * Who each provider-visibility setting admits, in plain words, derived from the rule itself:
 * PROFILE_AUDIENCE (lib/authz/policy.ts) says which audience a setting has, and a restricted
 * profile opens to a provider business once it has ANY provider_interactions row with the customer
 * (lib/provider-profile/access.ts), so the words name every interaction kind. The table below is
 * keyed by the kinds, so a new kind cannot be added without saying what it means to the customer.
 * The /me setting, the OpenAPI descriptions and the docs read these words; audience.test.ts checks
 * each kind against the database rule.
 *
 * No database here: the setting's client component renders these words too.
 */
import type { InteractionKind, ProviderVisibility } from "@/db/schema";
import { PROFILE_AUDIENCE } from "@/lib/authz/policy";

type Audience = (typeof PROFILE_AUDIENCE)[ProviderVisibility];
/** Whom the words address: the customer ("your jobs"), or someone reading about them ("their jobs"). */
type Reader = { possessive: string; object: string };
const CUSTOMER: Reader = { possessive: "your", object: "you" };
const OTHERS: Reader = { possessive: "their", object: "them" };

/** What a provider business has done, for each interaction that opens a restricted profile to it. */
const OPENS_RESTRICTED: Record<InteractionKind, (reader: Reader) => string> = {
  job_view: (r) => `opened one of ${r.possessive} jobs`,
  job_application: (r) => `applied to one of ${r.possessive} jobs`,
  message: (r) => `messaged ${r.object} about a job`,
  booking: (r) => `been booked by ${r.object}`,
  job_completed: (r) => `completed a job for ${r.object}`,
};

/** The interaction kinds in the order the words list them. */
export const OPENING_INTERACTIONS = Object.keys(OPENS_RESTRICTED) as InteractionKind[];

/** One kind's words, as the customer reads them ("opened one of your jobs"). */
export function openedBy(kind: InteractionKind, reader: Reader = CUSTOMER): string {
  return OPENS_RESTRICTED[kind](reader);
}

function orList(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

const OPENING_JOB_WARNING =
  "Opening a job counts: any provider browsing open jobs can open yours, so posting a job shows your profile to the providers who look at it, from then on.";

const FOR_THE_CUSTOMER: Record<Audience, string> = {
  any_provider: "Every provider on the marketplace can see your public profile.",
  interacted: `Only providers who have ${orList(OPENING_INTERACTIONS.map((k) => openedBy(k)))} can see it. ${OPENING_JOB_WARNING}`,
  nobody: "No provider can see your profile. You can still post jobs and book providers.",
};

const FOR_OTHERS: Record<Audience, string> = {
  any_provider: "any provider",
  interacted: `only a provider business that has ${orList(OPENING_INTERACTIONS.map((k) => openedBy(k, OTHERS)))} (any one of these, recorded in provider_interactions and kept; opening an open job, which any provider may, is enough)`,
  nobody: "no provider",
};

/** Who a setting admits, told to the customer choosing it (the /me setting). */
export function audienceForCustomer(visibility: ProviderVisibility): string {
  return FOR_THE_CUSTOMER[PROFILE_AUDIENCE[visibility]];
}

/** Who a setting admits, in the third person (API descriptions): "`restricted`, only a provider business that has ...". */
export function audienceRules(): string {
  return (Object.keys(PROFILE_AUDIENCE) as ProviderVisibility[])
    .map((visibility) => `\`${visibility}\`, ${FOR_OTHERS[PROFILE_AUDIENCE[visibility]]}`)
    .join("; ");
}

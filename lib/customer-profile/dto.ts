/**
 * What the customer sees of their own public profile: the visibility they chose, and who looked.
 */
import { z } from "zod";
import { providerVisibility } from "@/db/schema";
import { keysetPagination } from "@/lib/http/keyset";
import { at } from "@/lib/dto";

export const providerVisibilityDto = z
  .strictObject({ customer_id: z.uuid(), visibility: z.enum(providerVisibility.enumValues), changed: z.boolean() })
  .meta({ id: "ProviderVisibility" });
export type ProviderVisibilityDto = z.infer<typeof providerVisibilityDto>;

export const profileViewDto = z
  .strictObject({
    view_id: z.uuid(),
    provider_name: z.string().meta({ description: "The provider business that looked." }),
    viewed_at: at,
  })
  .meta({ id: "ProfileView" });
export const profileViewsPageDto = z
  .strictObject({ views: z.array(profileViewDto), pagination: keysetPagination })
  .meta({ id: "ProfileViewPage", description: "Who viewed the customer's profile, newest first." });
export type ProfileViewsPageDto = z.infer<typeof profileViewsPageDto>;

const count = z.int().min(0);
/** A finished-job rate as a percentage, null below the minimum sample (./figures.ts). */
export const rate = z.number().min(0).max(100).nullable();
export const ratesReason = z.enum(["too_few_finished_jobs"]).nullable().meta({
  description:
    "Why the rates are null: fewer finished jobs (completed + cancelled by the customer after booking) than the minimum sample.",
});

/** The customer's own job record: what providers see of it, and what they are not shown. */
export const jobRecordDto = z.strictObject({
  /** Shown to providers. */
  completed: count,
  /** Shown to providers: called off by the customer after booking a provider. */
  cancelled: count,
  /** Not shown to providers: withdrawn before any booking. */
  withdrawn: count,
  /** Not shown to providers: cancelled by the booked provider. */
  cancelled_by_provider: count,
  /** The rates exactly as providers see them (null below the minimum sample). */
  completion_rate: rate,
  cancellation_rate: rate,
  rates_reason: ratesReason,
});
export type JobRecordDto = z.infer<typeof jobRecordDto>;

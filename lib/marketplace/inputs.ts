/** What the marketplace routes accept: paths, bodies and their limits, for the JSON API and later the pages. */
import { z } from "zod";
import { providerVisibility } from "@/db/schema";

export const jobParams = z.object({ jobId: z.uuid() });
export const applicationParams = z.object({ jobId: z.uuid(), applicationId: z.uuid() });
export const jobReviewParams = z.object({ jobId: z.uuid(), reviewId: z.uuid() });
export const reviewParams = z.object({ reviewId: z.uuid() });

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `At most ${max} characters.`);

export const postJobInput = z.object({
  title: text(120, "Give the job a title."),
  category: text(60, "Choose a category."),
  description: text(5000, "Describe the job."),
  /** Integer minor units; a budget of 0 is "make me an offer", so it is refused. */
  budget_minor: z.int("A budget is a whole number of cents.").positive().max(100_000_000).nullish(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "A currency is a 3-letter ISO code.")
    .transform((c) => c.toUpperCase())
    .optional(),
  // Times in the past are refused: a job is posted for work still to be done.
  scheduled_for: z.iso
    .datetime({ offset: true, error: "A date and time in ISO 8601, e.g. 2026-12-01T09:00:00Z." })
    .refine((iso) => Date.parse(iso) > Date.now(), "Choose a time in the future.")
    .nullish(),
});
export type PostJobInput = z.output<typeof postJobInput>;

export const applyInput = z.object({ message: text(2000, "Say why you are a good fit.") });
export type ApplyInput = z.output<typeof applyInput>;

export const messageInput = z.object({
  body: text(4000, "Write a message."),
  /** The customer names the provider thread; a provider always writes in its own. */
  provider_business_id: z.uuid().optional(),
});
export type MessageInput = z.output<typeof messageInput>;

export const reviewInput = z.object({
  rating: z.int("A rating is a whole number from 1 to 5.").min(1, "At least 1.").max(5, "At most 5."),
  comment: z.string().trim().max(2000, "At most 2000 characters.").default(""),
});
export type ReviewInput = z.output<typeof reviewInput>;

export const disputeInput = z.object({ reason: text(2000, "Say what is wrong with this review.") });
export type DisputeInput = z.output<typeof disputeInput>;

export const reviewVisibilityInput = z.object({ is_visible: z.boolean("true shows the review, false hides it.") });

export const providerVisibilityInput = z.object({
  visibility: z.enum(providerVisibility.enumValues, "Choose public, restricted or private."),
});
export type ProviderVisibilityInput = z.output<typeof providerVisibilityInput>;

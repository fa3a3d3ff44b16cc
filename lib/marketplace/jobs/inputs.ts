/**
 * What the job routes accept: the job in the path, and a job to post.
 */
import { id, text } from "@/lib/inputs";
import { z } from "zod";
import { JOB_CATEGORIES } from "./categories";

/** The job a path or a form names; the message reads well on a page too. */
export const jobId = id("That link does not point to a job.");
export const jobParams = z.object({ jobId });
export const postJobInput = z.object({
  title: text(120, "Give the job a title."),
  category: z.enum(JOB_CATEGORIES, "Choose one of the marketplace's job categories.").meta({
    description: "One of the marketplace's job categories, exactly as listed.",
  }),
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

/**
 * The marketplace's job categories: what the post-a-job form offers and what providers filter by.
 * A job's category must be one of them (the API refuses anything else with a 400), so every job
 * can be found by the filter; a new trade is a line here, no migration (the column is text). The
 * seeded worlds draw from this list (lib/seed/catalog.ts), so every filter finds jobs in a demo.
 */
export const JOB_CATEGORIES = [
  "House cleaning",
  "Deep cleaning",
  "Move-out cleaning",
  "Window cleaning",
  "Handyman",
  "Plumbing",
  "Furniture assembly",
  "Painting",
  "Gardening",
  "Lawn care",
  "Tree trimming",
  "Pet sitting",
  "Dog walking",
  "Electrical",
  "Smart home setup",
] as const;

export type JobCategory = (typeof JOB_CATEGORIES)[number];

/**
 * The marketplace's job categories: what the post-a-job form offers and what providers filter by.
 * The API still takes any category up to 60 characters, so a new trade needs no migration; the
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

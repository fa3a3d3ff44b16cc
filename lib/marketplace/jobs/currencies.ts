/**
 * The currencies the post-a-job form offers (the API takes any ISO code). All have two decimal
 * places, which is what the form's amount parsing assumes. No imports: client components use it.
 */
export const JOB_CURRENCIES = ["USD", "EUR", "GBP"] as const;
export type JobCurrency = (typeof JOB_CURRENCIES)[number];

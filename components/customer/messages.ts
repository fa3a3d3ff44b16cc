/** Refusals the customer's pages explain in their own words (the API's message is more general). */
export const NOT_A_CUSTOMER_POSTING =
  "Only customer accounts can post jobs, and this account has no customer profile. Sign in with your customer account to post one.";

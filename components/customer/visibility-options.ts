/**
 * The three provider-visibility choices in the customer's words, for the badge and the form on /me.
 * What each admits is derived from the access rule itself (lib/customer-profile/audience.ts), so
 * the setting cannot promise more than the rule keeps.
 */
import type { ProviderVisibility } from "@/db/schema";
import { audienceForCustomer } from "@/lib/customer-profile/audience";
import type { BadgeTone } from "@/components/ui/badge";

export const VISIBILITY_OPTIONS: { value: ProviderVisibility; label: string; body: string; tone: BadgeTone }[] = [
  {
    value: "public",
    label: "Public",
    body: audienceForCustomer("public"),
    tone: "success",
  },
  {
    value: "restricted",
    label: "Restricted",
    body: audienceForCustomer("restricted"),
    tone: "warning",
  },
  {
    value: "private",
    label: "Private",
    body: audienceForCustomer("private"),
    tone: "neutral",
  },
];

export const visibilityOption = (value: ProviderVisibility) =>
  VISIBILITY_OPTIONS.find((option) => option.value === value)!;

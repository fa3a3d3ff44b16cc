/** The three provider-visibility choices in the customer's words, for the badge and the form on /me. */
import type { ProviderVisibility } from "@/db/schema";
import type { BadgeTone } from "@/components/ui/badge";

export const VISIBILITY_OPTIONS: { value: ProviderVisibility; label: string; body: string; tone: BadgeTone }[] = [
  {
    value: "public",
    label: "Public",
    body: "Every provider on the marketplace can see your public profile.",
    tone: "success",
  },
  {
    value: "restricted",
    label: "Restricted",
    body: "Only providers who have viewed or applied to one of your jobs, or messaged with you, can see it.",
    tone: "warning",
  },
  {
    value: "private",
    label: "Private",
    body: "No provider can see your profile. You can still post jobs and book providers.",
    tone: "neutral",
  },
];

export const visibilityOption = (value: ProviderVisibility) =>
  VISIBILITY_OPTIONS.find((option) => option.value === value)!;

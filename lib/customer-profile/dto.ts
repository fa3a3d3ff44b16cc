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

"use server";
/**
 * The customer's profile forms: choosing which providers may see the profile.
 */
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { providerVisibilityInput } from "./inputs";
import { setProviderVisibility } from "./visibility";

export const setProviderVisibilityAction = action(providerVisibilityInput, async ({ db, actor, input }) => {
  const result = await setProviderVisibility(db, actor, input.visibility);
  revalidatePath("/me");
  return result;
});

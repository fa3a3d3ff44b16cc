"use server";
/** The header's business switcher. */
import { redirect } from "next/navigation";
import { switchBusinessInput } from "./inputs";
import { switchBusiness } from "./switch-business";
import { action } from "@/lib/actions/action";

export const switchBusinessAction = action(switchBusinessInput, async ({ actor, input }) => {
  await switchBusiness(actor, input.businessId);
  // A different business may mean a different home (provider dashboard or CRM).
  redirect("/home");
});

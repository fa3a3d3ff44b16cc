"use server";
/** The account page's forms: change the password, and sign out everywhere. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/lib/auth";
import { clearBusinessChoice } from "@/lib/accounts/switch-business";
import { action } from "@/lib/actions/action";
import { changePasswordInput } from "./inputs";
import { changePassword, signOutEverywhere } from "./mutations";

const ACCOUNT_PAGE = "/account";

export const changePasswordAction = action(
  changePasswordInput,
  async ({ db, actor, input }) => {
    const result = await changePassword(db, actor, input);
    revalidatePath(ACCOUNT_PAGE);
    return result;
  },
  { rateLimit: "passwordChange" },
);

/** Ends every session, this one too, then clears this browser's cookie and goes to sign in. */
export const signOutEverywhereAction = action(z.object({}), async ({ db, actor }) => {
  await signOutEverywhere(db, actor);
  await clearBusinessChoice();
  await signOut({ redirectTo: "/signin" });
  return null;
});

/** What the account-security routes and forms accept. */
import { z } from "zod";
import { PASSWORD_MAX, passwordInput } from "@/lib/accounts/inputs";
import { id } from "@/lib/inputs";

/** The new password follows registration's rule. */
export const changePasswordInput = z.object({
  current_password: z
    .string()
    .min(1, "Enter your current password.")
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
  new_password: passwordInput,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const userParams = z.object({ userId: id() });

export const suspensionInput = z.object({ suspended: z.boolean() });
export type SuspensionInput = z.infer<typeof suspensionInput>;

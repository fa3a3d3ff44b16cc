/** What the account-security routes and forms accept. */
import { z } from "zod";
import { id } from "@/lib/inputs";

/** The new password follows registration's rule (lib/accounts/inputs.ts). */
export const changePasswordInput = z.object({
  current_password: z.string().min(1, "Enter your current password.").max(200, "Use at most 200 characters."),
  new_password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const userParams = z.object({ userId: id() });

export const suspensionInput = z.object({ suspended: z.boolean() });
export type SuspensionInput = z.infer<typeof suspensionInput>;

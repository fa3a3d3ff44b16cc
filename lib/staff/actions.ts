"use server";
/** The staff page's forms and the invitation page's accept button. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { rememberBusinessChoice } from "@/lib/accounts/switch-business";
import { action } from "@/lib/actions/action";
import { addStaffInput, changeRoleInput, invitationParams, memberInput } from "./inputs";
import { acceptInvitation } from "./invitations";
import { addStaff, changeStaffRole, removeStaff } from "./mutations";
import { publicUrl } from "@/lib/http/public-url";

const STAFF_PAGE = "/business/staff";

export const addStaffAction = action(addStaffInput, async ({ db, actor, input }) => {
  const result = await addStaff(db, actor, input, publicUrl());
  revalidatePath(STAFF_PAGE);
  return result;
});

export const changeStaffRoleAction = action(memberInput.extend(changeRoleInput.shape), async ({ db, actor, input }) => {
  const result = await changeStaffRole(db, actor, input.userId, input.role);
  revalidatePath(STAFF_PAGE);
  return result;
});

export const removeStaffAction = action(memberInput, async ({ db, actor, input }) => {
  await removeStaff(db, actor, input.userId);
  revalidatePath(STAFF_PAGE);
  return { removed: input.userId };
});

export const acceptInvitationAction = action(invitationParams, async ({ db, actor, input }) => {
  const joined = await acceptInvitation(db, actor, input.token);
  // Newly joined: act for that business straight away.
  await rememberBusinessChoice(joined.business_id);
  redirect("/home");
});

/** What staff management accepts, for the JSON API and the staff page's forms alike. */
import { z } from "zod";
import { staffRole } from "@/db/schema";
import { emailInput } from "@/lib/accounts/inputs";
import { id } from "@/lib/inputs";

/** A staff role, in requests and responses alike. */
export const staffRoleSchema = z.enum(staffRole.enumValues, "Choose a role: owner, admin, manager or staff.");
const role = staffRoleSchema;

export const addStaffInput = z.object({ email: emailInput, role });
export type AddStaffInput = z.output<typeof addStaffInput>;

export const changeRoleInput = z.object({ role });
/** The member a staff-page form acts on (the business is the one the page acts for). */
export const memberInput = z.object({ userId: id() });

export const businessParams = z.object({ businessId: id() });
export const memberParams = z.object({ businessId: id(), userId: id() });
/** Tokens are 43 base64url characters; anything else cannot match and is refused early. */
export const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "That invitation link is not valid.");
export const invitationParams = z.object({ token: invitationToken });

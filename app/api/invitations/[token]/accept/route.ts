/** POST: the signed-in account joins the business it was invited to (its email must match). */
import { route } from "@/lib/http/route";
import { invitationParams } from "@/lib/staff/inputs";
import { acceptInvitation } from "@/lib/staff/invitations";

export const POST = route({ params: invitationParams }, ({ db, actor, params }) =>
  acceptInvitation(db, actor, params.token),
);

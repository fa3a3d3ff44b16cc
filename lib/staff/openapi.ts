/** OpenAPI registration of the staff and invitation routes (see lib/openapi/registry.ts). */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { addStaffResultDto, invitationAcceptedDto, memberRoleDto, staffListDto } from "./dto";
import { addStaffInput, businessParams, changeRoleInput, invitationParams, memberParams } from "./inputs";

describeTag("Staff", "Who works for a business, with which role; owners and admins manage them.");

registerRoute({
  method: "get",
  path: "/api/businesses/{businessId}/staff",
  operationId: "listStaff",
  summary: "List staff and pending invitations",
  tags: ["Staff"],
  access: "business",
  permission: "staff.read",
  params: businessParams,
  responses: { 200: { description: "The staff.", schema: staffListDto } },
});

registerRoute({
  method: "post",
  path: "/api/businesses/{businessId}/staff",
  operationId: "addStaff",
  summary: "Invite someone to the staff",
  description:
    "Always answers with an invitation link (valid 7 days), whether or not the address has an account: nobody joins without accepting it, signed in with that address, and the answer does not tell whether an account exists. A current member's address is refused (409 already_a_member).",
  tags: ["Staff"],
  access: "business",
  permission: "staff.manage",
  params: businessParams,
  body: addStaffInput,
  responses: { 201: { description: "Invited.", schema: addStaffResultDto } },
  errors: [409],
});

registerRoute({
  method: "patch",
  path: "/api/businesses/{businessId}/staff/{userId}",
  operationId: "changeStaffRole",
  summary: "Change a member's role",
  tags: ["Staff"],
  access: "business",
  permission: "staff.manage",
  params: memberParams,
  body: changeRoleInput,
  responses: { 200: { description: "The member's new role.", schema: memberRoleDto } },
  errors: [409],
});

registerRoute({
  method: "delete",
  path: "/api/businesses/{businessId}/staff/{userId}",
  operationId: "removeStaff",
  summary: "Remove a member",
  tags: ["Staff"],
  access: "business",
  permission: "staff.manage",
  params: memberParams,
  responses: { 204: { description: "Removed." } },
  errors: [409],
});

registerRoute({
  method: "post",
  path: "/api/invitations/{token}/accept",
  operationId: "acceptInvitation",
  summary: "Accept an invitation",
  description: "The signed-in account must have the invited email address.",
  tags: ["Staff"],
  access: "user",
  params: invitationParams,
  responses: { 200: { description: "The business joined.", schema: invitationAcceptedDto } },
  errors: [409],
});

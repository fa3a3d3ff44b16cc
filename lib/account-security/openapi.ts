/** OpenAPI registration of the session and password routes, and an administrator's suspension. */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { sessionListDto, sessionsEndedDto, suspensionDto } from "./dto";
import { changePasswordInput, suspensionInput, userParams } from "./inputs";

describeTag(
  "Sessions",
  "Each sign-in is a session the JWT names; these routes list and end them. An ended session's cookie is refused (401) from the next request on.",
);

registerRoute({
  method: "get",
  path: "/api/me/sessions",
  operationId: "listSessions",
  summary: "The signed-in account's live sessions",
  description:
    "Newest first, each with when it started and was last seen (to within 5 minutes); `current` marks this one.",
  tags: ["Sessions"],
  access: "user",
  responses: { 200: { description: "The sessions.", schema: sessionListDto } },
});

registerRoute({
  method: "delete",
  path: "/api/me/sessions",
  operationId: "signOutEverywhere",
  summary: "Sign out everywhere",
  description:
    "Ends every session of the account, this one included: every copy of every session cookie is refused from now on.",
  tags: ["Sessions"],
  access: "user",
  responses: { 200: { description: "How many sessions ended.", schema: sessionsEndedDto } },
});

registerRoute({
  method: "put",
  path: "/api/me/password",
  operationId: "changePassword",
  summary: "Change the password",
  description:
    "Checks `current_password` (a wrong one is a 400 with a field error on it), sets `new_password` (10 to 200 characters) " +
    "and ends every other session of the account; this one stays signed in. Limited to 5 tries per 15 minutes.",
  tags: ["Sessions"],
  access: "user",
  body: changePasswordInput,
  responses: { 200: { description: "How many other sessions ended.", schema: sessionsEndedDto } },
});

registerRoute({
  method: "patch",
  path: "/api/admin/users/{userId}",
  operationId: "setSuspension",
  summary: "Suspend or reinstate an account",
  description:
    "`suspended: true` suspends the account: every session of it ends at once and it cannot sign in. `false` lifts the " +
    "suspension (sessions ended stay ended). Audited with the administrator who did it. An administrator cannot change " +
    "their own account (403 own_account).",
  tags: ["Sessions"],
  access: "admin",
  params: userParams,
  body: suspensionInput,
  responses: { 200: { description: "The account's suspension.", schema: suspensionDto } },
});

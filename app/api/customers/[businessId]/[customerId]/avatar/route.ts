/** GET: the record's avatar image. POST: upload a new one (multipart, field `avatar`). DELETE: remove it. */
import { avatarQuery, avatarUpload } from "@/lib/crm/avatar/inputs";
import { removeAvatar, uploadAvatar } from "@/lib/crm/avatar/mutations";
import { serveAvatar } from "@/lib/crm/avatar/queries";
import { route } from "@/lib/http/route";
import { recordParams } from "@/lib/crm/inputs";

export const GET = route({ params: recordParams, query: avatarQuery }, ({ db, actor, params, query, req }) =>
  serveAvatar(db, actor, params.businessId, params.customerId, {
    version: query.v,
    ifNoneMatch: req.headers.get("if-none-match"),
  }),
);

export const POST = route(
  { params: recordParams, body: avatarUpload, rateLimit: "avatarUpload" },
  ({ db, actor, params, body }) => uploadAvatar(db, actor, params.businessId, params.customerId, body.avatar),
);

export const DELETE = route({ params: recordParams, rateLimit: "avatarUpload" }, ({ db, actor, params }) =>
  removeAvatar(db, actor, params.businessId, params.customerId),
);

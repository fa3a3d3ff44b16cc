/** OpenAPI registration of a CRM record's avatar routes (see lib/openapi/registry.ts). */
import { z } from "zod";
import { registerRoute } from "@/lib/openapi/registry";
import { avatarDto } from "./dto";
import { avatarQuery, avatarUpload } from "./inputs";
import { recordParams } from "@/lib/crm/inputs";

const PATH = "/api/customers/{businessId}/{customerId}/avatar";
const SELF =
  "The person the record is about (a signed-in customer whose account is linked to it) may do this on their own record at every business; another record is not found.";

registerRoute({
  method: "get",
  path: PATH,
  operationId: "getCustomerAvatar",
  summary: "A customer's avatar image",
  description:
    "The stored image (WebP) with its content type. Asked with `v` equal to the current version (as `avatar_url` gives it) it may be cached for a year as immutable; otherwise it is revalidated (ETag, 304). 404 when the record has no avatar. " +
    "The person the record is about may read it too.",
  tags: ["CRM"],
  access: "business",
  permission: "crm.read",
  params: recordParams,
  query: avatarQuery,
  responses: {
    200: {
      description: "The image.",
      contentType: "image/webp",
      schema: z.string().meta({ type: "string", format: "binary" }),
      headers: z.object({
        "Cache-Control": z.string().meta({
          description: "`private, max-age=31536000, immutable` for the current version, else `private, no-cache`.",
        }),
        ETag: z.string().meta({ description: "The version; send it back in If-None-Match." }),
        "X-Content-Type-Options": z.literal("nosniff"),
      }),
    },
    304: { description: "Not modified (If-None-Match matched the current version)." },
  },
});

registerRoute({
  method: "post",
  path: PATH,
  operationId: "uploadCustomerAvatar",
  summary: "Upload a customer's avatar",
  description:
    'multipart/form-data with one file field `avatar`: a JPEG, PNG or WebP image of at most 1 MB, recognised by its content (not its name or declared type). It is re-encoded (WebP, at most 512×512, cropped to a square), which strips its metadata (EXIF, GPS). A refused file (400 no file, 413 too large, 422 `unsupported_image`) stores nothing and changes nothing. Publishes v1.customer.updated with fields_changed ["avatar_url"]. Limited per user (10 per 10 minutes). ' +
    SELF,
  tags: ["CRM"],
  access: "business",
  permission: "crm.write",
  params: recordParams,
  body: avatarUpload,
  responses: { 200: { description: "The record's avatar URL.", schema: avatarDto } },
  errors: [409, 422],
});

registerRoute({
  method: "delete",
  path: PATH,
  operationId: "removeCustomerAvatar",
  summary: "Remove a customer's avatar",
  description: "The record has no avatar afterwards (`changed` false when it had none). " + SELF,
  tags: ["CRM"],
  access: "business",
  permission: "crm.write",
  params: recordParams,
  responses: { 200: { description: "The record without an avatar.", schema: avatarDto } },
  errors: [409],
});

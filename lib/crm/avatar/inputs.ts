/** What the avatar routes accept: the record in the path, the version in the query, the upload's form. */
import { z } from "zod";
import { multipart } from "@/lib/http/bodies";
import { MAX_AVATAR_BYTES } from "./limits";

export { MAX_AVATAR_BYTES };
/** The whole form may carry the image plus its multipart framing. */
const MAX_FORM_BYTES = MAX_AVATAR_BYTES + 64 * 1024;

/** The business and its record (crm_customers.id), as in every /api/customers/{businessId}/{customerId} route. */

export const avatarQuery = z.object({
  v: z
    .string()
    .max(600)
    .optional()
    .meta({ description: "The avatar's version (its key, as in avatar_url): the answer may be cached for ever." }),
});

export const avatarForm = z.object({
  avatar: z.file("Choose an image file to upload in the field avatar.").meta({
    type: "string",
    format: "binary",
    description:
      "A JPEG, PNG or WebP image of at most 1 MB, recognised by its content (its name and declared type are ignored).",
  }),
});

/** The upload: multipart/form-data with the one file field `avatar`. */
export const avatarUpload = multipart(avatarForm, { maxBytes: MAX_FORM_BYTES });

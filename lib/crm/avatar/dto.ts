/** What the avatar routes send back (besides the image itself). */
import { z } from "zod";

export const avatarDto = z
  .strictObject({
    customer_id: z.uuid(),
    business_id: z.uuid(),
    /** Our own route, versioned by the image (lib/crm/avatar/url.ts); null when the record has none. */
    avatar_url: z.string().nullable(),
    /** Whether this request changed the avatar (the same image again, or removing none, changes nothing). */
    changed: z.boolean(),
  })
  .meta({ id: "CustomerAvatar" });
export type AvatarDto = z.infer<typeof avatarDto>;

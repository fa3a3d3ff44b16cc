/**
 * The customer decides which providers may see their profile: public (any provider), restricted
 * (providers with a recorded interaction) or private (none). The profile API (lib/provider-profile)
 * reads the setting on every view, so a change applies to the very next request.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customers, type ProviderVisibility } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { requireCustomer } from "@/lib/authz/policy";
import { notFound } from "@/lib/errors";
import { type ProviderVisibilityDto, providerVisibilityDto } from "./dto";

export async function setProviderVisibility(
  db: Database,
  actor: Actor,
  visibility: ProviderVisibility,
): Promise<ProviderVisibilityDto> {
  const { user, customerId } = requireCustomer(actor);
  return db.transaction(async (tx) => {
    // Locked, so the previous value in the trail and the event is the one this change replaced.
    const [current] = await tx
      .select({ visibility: customers.providerVisibility })
      .from(customers)
      .where(eq(customers.id, customerId))
      .for("update");
    if (!current) throw notFound("Your customer profile");
    if (current.visibility === visibility)
      return providerVisibilityDto.parse({ customer_id: customerId, visibility, changed: false });

    await tx.update(customers).set({ providerVisibility: visibility }).where(eq(customers.id, customerId));
    await recordChange(tx, user, {
      businessId: null,
      entity: { type: "customer", id: customerId },
      action: "update",
      before: { providerVisibility: current.visibility },
      after: { providerVisibility: visibility },
      event: {
        type: "v1.customer_profile.visibility_changed",
        data: {
          customer_id: customerId,
          previous_visibility: current.visibility,
          visibility,
          changed_by: user.userId,
        },
      },
    });
    return providerVisibilityDto.parse({ customer_id: customerId, visibility, changed: true });
  });
}

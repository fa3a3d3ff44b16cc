/**
 * Recording that a provider business has dealt with a customer: one row per (customer, provider,
 * kind, job), which is what a "restricted" profile is checked against. Recording is idempotent:
 * a repeat hits the unique key and only moves last_at forward (first_at keeps the first time), so
 * a provider viewing a job twice, or a retried request, never adds a row.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { providerInteractions, type InteractionKind } from "@/db/schema";

export type Interaction = { providerBusinessId: string; customerId: string; kind: InteractionKind; jobId: string };

export async function recordInteraction(tx: Database, interaction: Interaction): Promise<void> {
  await tx
    .insert(providerInteractions)
    .values(interaction)
    .onConflictDoUpdate({
      target: [
        providerInteractions.customerId,
        providerInteractions.providerBusinessId,
        providerInteractions.kind,
        providerInteractions.jobId,
      ],
      set: { lastAt: sql`excluded.last_at` },
      // Within one transaction now() does not move: the repeat then writes nothing at all.
      setWhere: sql`${providerInteractions.lastAt} < excluded.last_at`,
    });
}

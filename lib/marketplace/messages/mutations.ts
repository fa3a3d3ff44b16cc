/**
 * Sending a message about a job. Which thread takes messages is lib/marketplace/messages/threads.ts's rule,
 * the same one the job page shows its forms by. A provider always writes in its own thread; the
 * customer names one.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobApplications, jobMessages } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { marketplaceActor } from "@/lib/authz/policy";
import { badRequest } from "@/lib/errors";
import { iso } from "@/lib/dto";
import { type ApplicationDto } from "@/lib/marketplace/jobs/dto";
import { messageDto, type MessageDto } from "./dto";
import type { MessageInput } from "./inputs";
import { recordInteraction } from "@/lib/marketplace/interactions";
import { loadJobFor } from "@/lib/marketplace/jobs/access";
import { bumpProfileStats } from "@/lib/customer-profile/stats";
import { threadAccess, threadProviderOf } from "./threads";

export async function sendJobMessage(
  db: Database,
  actor: Actor,
  jobId: string,
  input: MessageInput,
): Promise<MessageDto> {
  const m = marketplaceActor(actor);
  return db.transaction(async (tx) => {
    // A share lock: a message never lands after a cancellation that committed first.
    const { job, side, booking, ownApplication } = await loadJobFor(tx, m, jobId, "share");
    const provider = threadProviderOf(side, m.providerBusinessId, input.provider_business_id, {
      unnamed: () =>
        badRequest("Name the provider to write to.", { provider_business_id: ["Required for the customer."] }),
      notOwn: () =>
        badRequest("A provider writes in its own thread.", {
          provider_business_id: ["Leave it out, or name your own business."],
        }),
    });
    const applicationStatus =
      side === "provider" ? (ownApplication?.status ?? null) : await applicationStatusOf(tx, jobId, provider);
    const access = threadAccess(side, {
      jobStatus: job.status,
      bookedProviderId: booking?.providerBusinessId ?? null,
      providerBusinessId: provider,
      applicationStatus,
    });
    if (!access.canWrite) throw access.refusal();

    const [message] = await tx
      .insert(jobMessages)
      .values({ jobId, providerBusinessId: provider, senderUserId: m.user.userId, senderRole: side, body: input.body })
      .returning();
    if (side === "provider") {
      await recordInteraction(tx, { providerBusinessId: provider, customerId: job.customerId, kind: "message", jobId });
    }
    // The body is private conversation: the trail says a message was sent, not what it said.
    await recordChange(tx, m.user, {
      businessId: provider,
      entity: { type: "job_message", id: message!.id },
      action: "create",
      after: { jobId, providerBusinessId: provider, senderRole: side, body: input.body },
      sensitive: ["body"],
      event: {
        type: "v1.job.message_sent",
        data: {
          job_id: jobId,
          message_id: message!.id,
          provider_business_id: provider,
          sender_party: side,
          sent_by: m.user.userId,
        },
      },
    });
    if (side === "customer") await bumpProfileStats(tx, job.customerId, {}, { active: true });
    return messageDto.parse({
      message_id: message!.id,
      job_id: jobId,
      provider_business_id: provider,
      sender_role: side,
      body: message!.body,
      created_at: iso(message!.createdAt),
    });
  });
}

/** The status of `provider`'s application to the job; null when it never applied. */
async function applicationStatusOf(
  tx: Database,
  jobId: string,
  provider: string,
): Promise<ApplicationDto["status"] | null> {
  const [application] = await tx
    .select({ status: jobApplications.status })
    .from(jobApplications)
    .where(and(eq(jobApplications.jobId, jobId), eq(jobApplications.providerBusinessId, provider)));
  return application?.status ?? null;
}

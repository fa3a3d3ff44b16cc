/**
 * Messages about a job, one thread per provider business. A thread is open while both sides have
 * business together: on an open job, between the customer and each provider that applied; once
 * booked (and after completion), between the customer and the booked provider only; a cancelled
 * job takes no messages. A provider always writes in its own thread; the customer names one.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobApplications, jobMessages } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { marketplaceActor } from "@/lib/authz/policy";
import { badRequest, conflict, forbidden, unprocessable } from "@/lib/errors";
import { iso, type MessageDto } from "./dto";
import { emitJobEvent } from "./events";
import type { MessageInput } from "./inputs";
import { recordInteraction } from "./interactions";
import { loadJobFor, type LoadedJob } from "./job-access";
import { bumpProfileStats } from "./stats";

export async function sendJobMessage(db: Database, actor: Actor, jobId: string, input: MessageInput): Promise<MessageDto> {
  const m = marketplaceActor(actor);
  return db.transaction(async (tx) => {
    // A share lock: a message never lands after a cancellation that committed first.
    const loaded = await loadJobFor(tx, m, jobId, "share");
    const { job, side } = loaded;
    if (job.status === "cancelled") throw conflict("This job was cancelled; its threads are closed.", "job_closed");
    const provider = side === "provider" ? providerThread(loaded, m.providerBusinessId!, input) : await customerThread(tx, loaded, input);

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
    });
    await emitJobEvent(tx, "v1.job.message_sent", provider, {
      job_id: jobId,
      message_id: message!.id,
      provider_business_id: provider,
      sender_party: side,
      sent_by: m.user.userId,
    });
    if (side === "customer") await bumpProfileStats(tx, job.customerId, {}, { active: true });
    return {
      message_id: message!.id,
      job_id: jobId,
      provider_business_id: provider,
      sender_role: side,
      body: message!.body,
      created_at: iso(message!.createdAt),
    };
  });
}

/** The provider's own thread, if the job is still its business. */
function providerThread({ job, booking, ownApplication }: LoadedJob, own: string, input: MessageInput): string {
  if (input.provider_business_id && input.provider_business_id !== own) {
    throw badRequest("A provider writes in its own thread.", { provider_business_id: ["Leave it out, or name your own business."] });
  }
  if (job.status === "open" && !ownApplication) {
    throw forbidden("not_applied", "Apply to this job before messaging the customer.");
  }
  if (job.status !== "open" && booking?.providerBusinessId !== own) {
    throw forbidden("not_booked_provider", "This job was booked with another provider.");
  }
  return own;
}

/** The thread the customer names: an applicant's while the job is open, the booked provider's after. */
async function customerThread(tx: Database, { job, booking }: LoadedJob, input: MessageInput): Promise<string> {
  const provider = input.provider_business_id;
  if (!provider) throw badRequest("Name the provider to write to.", { provider_business_id: ["Required for the customer."] });
  if (job.status !== "open") {
    if (booking?.providerBusinessId !== provider) throw conflict("This job is booked with another provider.", "thread_closed");
    return provider;
  }
  const [applied] = await tx
    .select({ id: jobApplications.id })
    .from(jobApplications)
    .where(and(eq(jobApplications.jobId, job.id), eq(jobApplications.providerBusinessId, provider)));
  if (!applied) throw unprocessable("That provider has not applied to this job.", "not_an_applicant");
  return provider;
}

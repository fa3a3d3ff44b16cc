/** The job's conversations: one JobThread per thread the viewer has (threadsOf decides which, and whether each is still open). */
import type { JobDto } from "@/lib/marketplace/jobs/dto";
import { threadsOf } from "@/lib/marketplace/messages/threads";
import { JobThread } from "./job-thread";

export function JobMessages({ job }: { job: JobDto }) {
  const threads = threadsOf(job);
  return (
    <section aria-labelledby="job-messages" className="space-y-4">
      <h2 id="job-messages" className="text-lg font-semibold text-slate-900">
        Messages
      </h2>
      {threads.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          {job.viewer === "customer"
            ? "When a provider applies, you can message them here."
            : "Once your business applies, you can message the customer here."}
        </p>
      ) : (
        threads.map((thread) => (
          <JobThread
            key={thread.provider_business_id}
            jobId={job.job_id}
            providerBusinessId={thread.provider_business_id}
            counterpartName={thread.counterpart_name}
            canWrite={thread.can_write}
            closedReason={thread.closed_reason}
          />
        ))
      )}
    </section>
  );
}

/**
 * /jobs/[jobId]: one job, for both sides of it. The customer who posted it compares and books
 * applications, ends the job and disputes reviews; a provider applies, withdraws, completes or
 * cancels its booking and reviews the customer. The page reads through getJob, like the JSON API
 * (so a provider's look is recorded as a job_view), and offers only the steps the server would
 * take (lib/marketplace/jobs/steps.ts). A job the viewer may not see is a kind "not found".
 */
import type { Metadata } from "next";
import { loadForPage, requirePageActor } from "@/lib/auth/page";
import { notFound } from "@/lib/errors";
import { jobParams } from "@/lib/marketplace/jobs/inputs";
import { getJob } from "@/lib/marketplace/jobs/queries";
import { BackLink } from "@/components/app/back-link";
import { CustomerPanel } from "@/components/jobs/customer-panel";
import { JobHeader } from "@/components/jobs/job-header";
import { JobMessages } from "@/components/jobs/job-messages";
import { JobTimeline } from "@/components/jobs/job-timeline";
import { JobUnavailable } from "@/components/jobs/job-unavailable";
import { ProviderPanel } from "@/components/jobs/provider-panel";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Job" };

type Props = { params: Promise<{ jobId: string }> };

export default async function JobPage({ params }: Props) {
  const { jobId: raw } = await params;
  const path = `/jobs/${raw}`;
  const parsed = jobParams.safeParse({ jobId: raw });
  if (!parsed.success) {
    await requirePageActor(path);
    return <JobUnavailable error={notFound("That job")} />;
  }

  // A provider's look opens a restricted profile, so the page shares the profile lookups' limit.
  const result = await loadForPage(path, (db, actor) => getJob(db, actor, parsed.data.jobId), {
    rateLimit: "profileView",
  });
  if (!result.ok) return <JobUnavailable error={result.error} />;
  const job = result.data;
  const isCustomer = job.viewer === "customer";

  return (
    <div className="space-y-6">
      <BackLink href={isCustomer ? "/me/jobs" : "/provider/jobs"}>{isCustomer ? "Your jobs" : "Find jobs"}</BackLink>
      <JobHeader job={job} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        {/* First in reading order (and on a phone), beside the job on a wide screen. */}
        <aside className="space-y-6 lg:col-start-3 lg:row-start-1 lg:self-start">
          <JobTimeline job={job} />
          {!isCustomer && (
            <Card
              title="About the customer"
              description="Their ratings from other providers and the jobs they have completed, as far as they share them."
            >
              <ButtonLink href={`/provider/customers/${job.customer_id}`} variant="secondary" size="sm">
                About the customer
              </ButtonLink>
            </Card>
          )}
        </aside>
        <div className="min-w-0 space-y-6 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          <Card title="Description">
            <p className="whitespace-pre-line break-words text-sm leading-relaxed text-slate-800">{job.description}</p>
          </Card>
          {isCustomer ? <CustomerPanel job={job} /> : <ProviderPanel job={job} />}
          <JobMessages job={job} />
        </div>
      </div>
    </div>
  );
}

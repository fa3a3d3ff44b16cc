/**
 * A provider's side of a job: applying while it is open, its own application (withdrawn while
 * pending), the booking it holds (completed or cancelled), and once completed its review of the
 * customer. Only the steps jobSteps offers are shown, so every button is one the server will take.
 */
import { cancelJobAction, completeJobAction, withdrawApplicationAction } from "@/lib/marketplace/jobs/actions";
import type { ApplicationDto, JobDto } from "@/lib/marketplace/jobs/dto";
import { jobSteps, ownApplication } from "@/lib/marketplace/jobs/steps";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { ApplicationStatus } from "./application-status";
import { ApplyForm } from "./apply-form";
import { ReviewForm } from "./review-form";
import { ReviewView } from "./review-view";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function ProviderPanel({ job }: { job: JobDto }) {
  const steps = jobSteps(job);
  const own = ownApplication(job);
  const review = job.reviews[0];
  return (
    <>
      {steps.apply && (
        <Card
          title="Apply for this job"
          description="The customer sees your business name and this message, and can message you before booking."
        >
          <ApplyForm jobId={job.job_id} />
        </Card>
      )}

      {own && (
        <Card title="Your application" actions={<ApplicationStatus status={own.status} jobStatus={job.status} />}>
          <div className="space-y-3">
            <p className="text-sm text-slate-700">{applicationNote(job, own)}</p>
            <blockquote className="whitespace-pre-line break-words border-l-2 border-slate-200 pl-3 text-sm text-slate-800">
              {own.message}
            </blockquote>
            <p className="text-xs text-slate-500">
              Sent <time dateTime={own.created_at}>{formatDate(own.created_at)}</time>
            </p>
            {steps.withdraw && (
              <ConfirmButton
                action={withdrawApplicationAction}
                fields={{ jobId: job.job_id, applicationId: steps.withdraw }}
                label="Withdraw application"
                variant="danger"
                confirm={{
                  question:
                    "Withdraw your application? The customer can no longer book you for this job, and your business cannot apply to it again.",
                  yes: "Yes, withdraw",
                  no: "Keep my application",
                }}
              />
            )}
          </div>
        </Card>
      )}

      {(steps.complete || steps.cancel) && (
        <Card
          title="Your booking"
          description="Mark the job completed once the work is done; you can then review the customer."
        >
          <div className="flex flex-wrap items-start gap-3">
            {steps.complete && (
              <ConfirmButton
                action={completeJobAction}
                fields={{ jobId: job.job_id }}
                label="Mark as completed"
                variant="primary"
                confirm={{ question: "Mark this job as completed? This cannot be undone.", yes: "Yes, it's completed" }}
              />
            )}
            {steps.cancel && (
              <ConfirmButton
                action={cancelJobAction}
                fields={{ jobId: job.job_id }}
                label="Cancel booking"
                variant="danger"
                confirm={{
                  question:
                    "Cancel this booking? The job is cancelled for the customer too, and this cannot be undone.",
                  yes: "Yes, cancel the booking",
                  no: "Keep the booking",
                }}
              />
            )}
          </div>
        </Card>
      )}

      {steps.review && (
        <Card
          title="Review this customer"
          description="One review per job. It helps other providers know what to expect."
        >
          <ReviewForm jobId={job.job_id} />
        </Card>
      )}
      {review && (
        <Card title="Your review">
          <ReviewView review={review} author="your business" />
        </Card>
      )}
    </>
  );
}

function applicationNote(job: JobDto, own: ApplicationDto): string {
  switch (own.status) {
    case "pending":
      return "The customer has not chosen yet. Message them below if you have questions about the job.";
    case "accepted":
      if (job.status === "cancelled") return "Your business was booked for this job, then it was cancelled.";
      if (job.status === "completed") return "Your business was booked for this job, and it is completed.";
      return "The customer booked your business for this job.";
    case "rejected":
      return job.status === "cancelled"
        ? "The customer cancelled this job."
        : "The customer booked another provider for this job.";
    case "withdrawn":
      return "You withdrew this application. A business can apply to a job only once, so you cannot apply to this job again.";
  }
}

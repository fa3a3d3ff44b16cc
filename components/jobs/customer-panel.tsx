/**
 * The customer's side of their job: the applications (booking one while the job is open), ending
 * the job, and the reviews they received, with a dispute for each one not yet disputed. Only the
 * steps jobSteps offers are shown, so every button is one the server will take.
 */
import { acceptApplicationAction, cancelJobAction, completeJobAction } from "@/lib/marketplace/jobs/actions";
import type { ApplicationDto, JobDto } from "@/lib/marketplace/jobs/dto";
import { jobSteps, type JobSteps } from "@/lib/marketplace/jobs/steps";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { ApplicationStatus } from "./application-status";
import { DisputeForm } from "./dispute-form";
import { providerNameOf } from "./job-people";
import { ReviewView } from "./review-view";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function CustomerPanel({ job }: { job: JobDto }) {
  const steps = jobSteps(job);
  const bookedName = job.booking?.provider_business_id ? providerNameOf(job, job.booking.provider_business_id) : null;
  return (
    <>
      <Card title="Applications" description={applicationsIntro(job, bookedName)}>
        {job.applications.length === 0 ? (
          <EmptyState
            title={job.status === "open" ? "No applications yet" : "No applications"}
            description={
              job.status === "open"
                ? "Providers who apply appear here. You can message them before you choose one to book."
                : undefined
            }
          />
        ) : (
          <ul aria-label="Applications" className="divide-y divide-slate-100">
            {job.applications.map((application) => (
              <ApplicationItem key={application.application_id} job={job} application={application} steps={steps} />
            ))}
          </ul>
        )}
      </Card>

      {(steps.complete || steps.cancel) && (
        <Card title="Manage this job">
          <div className="flex flex-wrap items-start gap-3">
            {steps.complete && (
              <ConfirmButton
                action={completeJobAction}
                fields={{ jobId: job.job_id }}
                label="Mark as completed"
                variant="primary"
                confirm={{
                  question: `Mark this job as completed? This cannot be undone, and ${bookedName ?? "the provider"} can then review you.`,
                  yes: "Yes, it's completed",
                }}
              />
            )}
            {steps.cancel && (
              <ConfirmButton
                action={cancelJobAction}
                fields={{ jobId: job.job_id }}
                label="Cancel job"
                variant="danger"
                confirm={{
                  question: bookedName
                    ? `Cancel this job? ${bookedName} is booked for it; the booking ends and this cannot be undone.`
                    : "Cancel this job? Providers can no longer apply, any pending applications are declined, and this cannot be undone.",
                  yes: "Yes, cancel the job",
                  no: "Keep the job",
                }}
              />
            )}
          </div>
        </Card>
      )}

      {(job.status === "completed" || job.reviews.length > 0) && (
        <Card
          title="Reviews of you"
          description="What the provider said about working with you. If a review is wrong, dispute it and a moderator will look at it."
        >
          {job.reviews.length === 0 ? (
            <p className="text-sm text-slate-600">
              No review yet. {bookedName ?? "The provider"} can review you now that the job is done.
            </p>
          ) : (
            <ul aria-label="Reviews of you" className="space-y-5">
              {job.reviews.map((review) => (
                <li key={review.review_id}>
                  <ReviewView
                    review={review}
                    author={providerNameOf(job, review.provider_business_id) ?? "the provider"}
                  >
                    {steps.disputable.includes(review.review_id) && (
                      <DisputeForm jobId={job.job_id} reviewId={review.review_id} />
                    )}
                  </ReviewView>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </>
  );
}

function applicationsIntro(job: JobDto, bookedName: string | null) {
  if (job.booking) {
    return (
      <>
        You booked {bookedName ?? "a provider"} on{" "}
        <time dateTime={job.booking.booked_at}>{formatDate(job.booking.booked_at)}</time>
        {job.status === "cancelled" ? ", then the job was cancelled." : "."}
      </>
    );
  }
  if (job.status === "open") return "Compare the applications, message providers below, then book the one you want.";
  return undefined;
}

function ApplicationItem({ job, application, steps }: { job: JobDto; application: ApplicationDto; steps: JobSteps }) {
  const name = application.provider_name;
  return (
    <li aria-label={name} className="space-y-2 py-4 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium text-slate-900">{name}</p>
        <ApplicationStatus status={application.status} jobStatus={job.status} />
      </div>
      <p className="text-xs text-slate-500">
        Applied <time dateTime={application.created_at}>{formatDate(application.created_at)}</time>
      </p>
      <p className="whitespace-pre-line break-words text-sm text-slate-800">{application.message}</p>
      {steps.bookable.includes(application.application_id) && (
        <ConfirmButton
          action={acceptApplicationAction}
          fields={{ jobId: job.job_id, applicationId: application.application_id }}
          label="Book this provider"
          variant="primary"
          confirm={{
            question: `Book ${name} for this job? Any other pending applications will be declined.`,
            yes: `Yes, book ${name}`,
          }}
        />
      )}
    </li>
  );
}

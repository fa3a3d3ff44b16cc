/**
 * Where the job stands: posted, booked, then completed or cancelled (and by whom), each with its
 * date; the steps still ahead of an open or booked job are shown greyed, as "not yet".
 */
import type { JobDto } from "@/lib/marketplace/jobs/dto";
import { holdsBooking } from "@/lib/marketplace/jobs/steps";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/components/ui/format";
import { providerNameOf } from "./job-people";

type Step = { label: string; at: string | null; detail?: string; cancelled?: boolean };

function stepsOf(job: JobDto): Step[] {
  const steps: Step[] = [{ label: "Posted", at: job.created_at }];
  if (job.booking) {
    steps.push({ label: "Booked", at: job.booking.booked_at, detail: bookedWith(job) });
  } else if (job.status === "open") {
    steps.push({ label: "Booked", at: null });
  }
  if (job.status === "cancelled") {
    steps.push({ label: "Cancelled", at: job.cancelled_at, detail: cancelledBy(job), cancelled: true });
  } else {
    steps.push({ label: "Completed", at: job.completed_at });
  }
  return steps;
}

/** The booked provider as this viewer knows it: by name for the customer, as "you" or "another provider" for providers. */
function bookedProvider(job: JobDto): string | null {
  if (!job.booking) return null;
  if (job.viewer === "provider") return holdsBooking(job) ? "your business" : "another provider";
  return job.booking.provider_business_id ? providerNameOf(job, job.booking.provider_business_id) : null;
}

function bookedWith(job: JobDto): string | undefined {
  const name = bookedProvider(job);
  return name ? `With ${name}` : undefined;
}

function cancelledBy(job: JobDto): string | undefined {
  if (job.cancelled_by === "customer") return job.viewer === "customer" ? "By you" : "By the customer";
  if (job.cancelled_by === "provider") {
    if (job.viewer === "provider") return holdsBooking(job) ? "By you" : "By the booked provider";
    return `By ${bookedProvider(job) ?? "the provider"}`;
  }
  return undefined;
}

export function JobTimeline({ job }: { job: JobDto }) {
  const steps = stepsOf(job);
  return (
    <Card title="Progress">
      <ol aria-label="Job progress" className="space-y-4">
        {steps.map((step, i) => {
          const done = step.at !== null;
          const current = done && (i === steps.length - 1 || steps[i + 1]!.at === null);
          return (
            <li key={step.label} aria-current={current ? "step" : undefined} className="flex gap-3">
              <span
                aria-hidden
                className={cn(
                  "mt-1 size-3 shrink-0 rounded-full ring-2",
                  !done && "bg-white ring-slate-300",
                  done && step.cancelled && "bg-slate-500 ring-slate-500",
                  done && !step.cancelled && "bg-brand-600 ring-brand-600",
                )}
              />
              <div className="min-w-0 text-sm">
                <p className={cn("font-medium", done ? "text-slate-900" : "text-slate-500")}>{step.label}</p>
                {done ? (
                  <p className="text-slate-600">
                    <time dateTime={step.at!}>{formatDate(step.at!)}</time>
                    {step.detail && <span className="block">{step.detail}</span>}
                  </p>
                ) : (
                  <p className="text-muted">Not yet</p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

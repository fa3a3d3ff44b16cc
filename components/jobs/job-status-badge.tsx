/** A job's status as a coloured label, the same on the job page and in the lists. */
import type { JobStatus } from "@/db/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const JOB_STATUS: Record<JobStatus, { label: string; tone: BadgeTone }> = {
  open: { label: "Open", tone: "brand" },
  booked: { label: "Booked", tone: "accent" },
  completed: { label: "Completed", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { label, tone } = JOB_STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** An application's status as a label, in words for the side reading it. */
import type { ApplicationDto, JobDto } from "@/lib/marketplace/jobs/dto";
import { Badge, type BadgeTone } from "@/components/ui/badge";

type Label = { label: string; tone: BadgeTone };

const STATUS: Record<ApplicationDto["status"], Label> = {
  pending: { label: "Waiting for a decision", tone: "warning" },
  accepted: { label: "Booked", tone: "success" },
  rejected: { label: "Declined", tone: "neutral" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
};

// The accepted application of a cancelled job stays "accepted" in the data (it is the booking's
// history), but telling either side it is still booked would be wrong.
const BOOKING_CANCELLED: Label = { label: "Booking cancelled", tone: "neutral" };

export function ApplicationStatus({
  status,
  jobStatus,
}: {
  status: ApplicationDto["status"];
  jobStatus: JobDto["status"];
}) {
  const { label, tone } = status === "accepted" && jobStatus === "cancelled" ? BOOKING_CANCELLED : STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** A job's status as a coloured label. */
import type { JobDto } from "@/lib/marketplace/dto";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<JobDto["status"], { label: string; tone: BadgeTone }> = {
  open: { label: "Open", tone: "brand" },
  booked: { label: "Booked", tone: "accent" },
  completed: { label: "Completed", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

export function JobStatusBadge({ status }: { status: JobDto["status"] }) {
  const { label, tone } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

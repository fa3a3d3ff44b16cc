/** An application's status as a label, in words for the side reading it. */
import type { ApplicationDto } from "@/lib/marketplace/dto";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<ApplicationDto["status"], { label: string; tone: BadgeTone }> = {
  pending: { label: "Waiting for a decision", tone: "warning" },
  accepted: { label: "Booked", tone: "success" },
  rejected: { label: "Declined", tone: "neutral" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
};

export function ApplicationStatus({ status }: { status: ApplicationDto["status"] }) {
  const { label, tone } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

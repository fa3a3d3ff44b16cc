/** Names on the job page: a provider business is named by its application (reviews and bookings carry only its id). */
import type { JobDto } from "@/lib/marketplace/jobs/dto";

export function providerNameOf(job: JobDto, providerBusinessId: string): string | null {
  return job.applications.find((a) => a.provider_business_id === providerBusinessId)?.provider_name ?? null;
}

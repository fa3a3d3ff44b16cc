/** Links that filter the customer's jobs by status. */
import type { JobStatus } from "@/db/schema";
import { JOB_STATUS } from "@/components/jobs/job-status-badge";
import { FilterLinks } from "@/components/ui/filter-links";

const STATUSES = Object.keys(JOB_STATUS) as JobStatus[];

export function StatusFilter({ current }: { current: JobStatus | undefined }) {
  return (
    <FilterLinks
      label="Filter jobs by status"
      options={[undefined, ...STATUSES].map((status) => ({
        href: status ? `/me/jobs?status=${status}` : "/me/jobs",
        label: status ? JOB_STATUS[status].label : "All",
        current: status === current,
      }))}
    />
  );
}

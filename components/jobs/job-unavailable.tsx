/**
 * What the job page shows instead of a job it cannot show, in kind words: a job that does not
 * exist or is not open to this account (the server answers both with 404, so nobody learns which),
 * or an account that is on neither side of the marketplace. The message is the server's.
 */
import type { AppError } from "@/lib/errors";
import { Unavailable } from "@/components/app/unavailable";

function explain(error: AppError): { title: string; next: string } {
  if (error.code === "not_found" || error.code === "bad_request") {
    return {
      title: "We couldn't find this job",
      next: "The link may be mistyped, or the job is not open to your account: customers see the jobs they posted, and providers see open jobs and the ones they applied to.",
    };
  }
  if (error.details.reason === "not_on_marketplace") {
    return {
      title: "Jobs are for customers and providers",
      next: "If you belong to a provider business, switch to it from the menu at the top and open this page again.",
    };
  }
  return { title: "This job can't be shown", next: "Go back and try again, or open another job." };
}

export function JobUnavailable({ error }: { error: AppError }) {
  const { title, next } = explain(error);
  return (
    <Unavailable
      title={title}
      message={error.userMessage}
      next={next}
      back={{ href: "/home", label: "Go to your home" }}
    />
  );
}

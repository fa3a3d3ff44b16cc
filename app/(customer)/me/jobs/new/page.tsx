/**
 * /me/jobs/new: the post-a-job form. Only a customer may post, so anyone else is told why here,
 * before they fill anything in (postJobAction refuses them as well).
 */
import type { Metadata } from "next";
import { loadForPage } from "@/lib/auth/page";
import { requireCustomer } from "@/lib/authz/policy";
import { forbidden } from "@/lib/errors";
import { AccessDenied } from "@/components/app/access-denied";
import { BackLink } from "@/components/app/back-link";
import { NOT_A_CUSTOMER_POSTING } from "@/components/customer/messages";
import { PostJobForm } from "@/components/customer/post-job-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Post a job" };

export default async function PostJobPage() {
  const result = await loadForPage("/me/jobs/new", async (_db, actor) => requireCustomer(actor));
  if (!result.ok) {
    const error =
      result.error.details.reason === "not_a_customer"
        ? forbidden("not_a_customer", NOT_A_CUSTOMER_POSTING)
        : result.error;
    return <AccessDenied error={error} />;
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <BackLink href="/me/jobs">Your jobs</BackLink>
      <PageHeader
        title="Post a job"
        description="Say what you need; providers on the marketplace apply, and you choose who to book."
      />
      <Card>
        <PostJobForm />
      </Card>
    </div>
  );
}

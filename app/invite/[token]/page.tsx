/** /invite/[token]: what the invitation is for, and a button to accept it as the invited account. */
import "server-only";
import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { signInPath } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { invitationToken } from "@/lib/staff/inputs";
import { getInvitationPreview } from "@/lib/staff/invitations";
import { AcceptInvitationForm } from "@/components/staff/accept-invitation-form";
import { AccessDenied } from "@/components/app/access-denied";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";

export const metadata: Metadata = { title: "Invitation" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const actor = await getActor();
  const parsed = invitationToken.safeParse(token);
  const preview = parsed.success
    ? await getInvitationPreview(await getDb(), actor, parsed.data).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      })
    : null;
  if (!preview)
    return <AccessDenied error={new AppError("not_found", "This invitation link is not valid. Ask for a new one.")} />;

  const here = `/invite/${token}`;
  const signedInAs = actor.kind === "user" ? actor.email : null;
  const sameEmail = signedInAs?.toLowerCase() === preview.email.toLowerCase();

  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Join {preview.business_name}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {preview.email} is invited to join as <Badge tone="brand">{preview.role}</Badge>
      </p>
      <div className="mt-6">
        {preview.status === "accepted" && <Alert tone="info">This invitation has already been used.</Alert>}
        {preview.status === "expired" && (
          <Alert tone="info">This invitation expired on {formatDate(preview.expires_at)}. Ask for a new one.</Alert>
        )}
        {preview.status === "pending" && !signedInAs && (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">Sign in or create an account with {preview.email} to accept.</p>
            <div className="flex gap-2">
              <ButtonLink href={signInPath(here)} className="flex-1">
                Sign in
              </ButtonLink>
              <ButtonLink
                href={`/register?callbackUrl=${encodeURIComponent(here)}`}
                variant="secondary"
                className="flex-1"
              >
                Create account
              </ButtonLink>
            </div>
          </div>
        )}
        {preview.status === "pending" && signedInAs && (
          <div className="space-y-3">
            {!sameEmail && (
              <Alert tone="info">
                You are signed in as {signedInAs}, but this invitation is for {preview.email}. Sign in as that account
                to accept it.
              </Alert>
            )}
            {sameEmail && <AcceptInvitationForm token={token} businessName={preview.business_name} />}
          </div>
        )}
      </div>
    </Card>
  );
}

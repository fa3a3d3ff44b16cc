/** /account: the signed-in person's sessions, "sign out everywhere" and a new password. */
import type { Metadata } from "next";
import { listSessions } from "@/lib/account-security/queries";
import { loadForPage } from "@/lib/auth/page";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { AccessDenied } from "@/components/app/access-denied";
import { Card } from "@/components/ui/card";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const result = await loadForPage("/account", (db, actor) => listSessions(db, actor));
  if (!result.ok) return <AccessDenied error={result.error} />;
  const { sessions } = result.data;
  return (
    <>
      <PageHeader title="Account" description={result.actor.email} />
      <div className="space-y-6">
        <Card
          title="Where you are signed in"
          description={`${plural(sessions.length, "active session")}. Signing out everywhere ends them all, this one too.`}
        >
          <SessionList sessions={sessions} />
          <div className="mt-4">
            <SignOutEverywhere />
          </div>
        </Card>
        <Card title="Change password">
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}

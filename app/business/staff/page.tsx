/**
 * /business/staff: the acting business's team; owners and admins add, re-role and remove members
 * here, and members with audit.read see who changed the team and when.
 */
import { createHash } from "node:crypto";
import type { Metadata } from "next";
import { staffRole, type StaffRole } from "@/db/schema";
import { assertCanChangeMember, GRANTABLE_ROLES, hasPermission } from "@/lib/authz/policy";
import { loadForPage } from "@/lib/auth/page";
import { listStaff } from "@/lib/staff/queries";
import { AccessDenied } from "@/components/app/access-denied";
import { HistoryPanel } from "@/components/audit/history-panel";
import { AddStaffForm } from "@/components/staff/add-staff-form";
import { MemberActions } from "@/components/staff/member-actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Staff" };

const ROLE_TONE = { owner: "brand", admin: "accent", manager: "warning", staff: "neutral" } as const;

/**
 * The changes to one member the server would make, asked of the very guard it runs
 * (assertCanChangeMember), so no row offers what would only be refused: the only owner, for one,
 * can neither be removed nor step down.
 */
function allowedChanges(actorRole: StaffRole, memberRole: StaffRole, owners: number) {
  const allows = (next: StaffRole | null) => {
    try {
      assertCanChangeMember(actorRole, memberRole, next, owners);
      return true;
    } catch {
      return false;
    }
  };
  return { roles: staffRole.enumValues.filter(allows), canRemove: allows(null) };
}

export default async function StaffPage() {
  const result = await loadForPage("/business/staff", listStaff);
  if (!result.ok) return <AccessDenied error={result.error} />;
  const { members, pending_invitations: pending } = result.data;
  const business = result.actor.business!; // listStaff succeeded, so there is an acting business
  const canManage = hasPermission(business.role, "staff.manage");
  const grantable = GRANTABLE_ROLES[business.role];
  const canReadAudit = hasPermission(business.role, "audit.read");
  const owners = members.filter((m) => m.role === "owner").length;
  // Changes whenever the team does (a form's server action re-renders this page), so the history
  // panel refetches instead of showing its cached first page.
  const teamRevision = createHash("sha256")
    .update(members.map((m) => `${m.user_id}:${m.role}`).join(","))
    .digest("base64url")
    .slice(0, 16);

  return (
    <>
      <PageHeader title="Staff" description={`${business.businessName} · ${plural(members.length, "member")}`} />
      <div className="space-y-6">
        {canManage && (
          <Card
            title="Invite staff"
            description="They get an invitation link and join once they accept it, signed in with that email."
          >
            <AddStaffForm roles={grantable} />
          </Card>
        )}
        <Card title="Team">
          <ul aria-label="Team" className="divide-y divide-slate-100">
            {members.map((m) => {
              const changes = canManage ? allowedChanges(business.role, m.role, owners) : null;
              return (
                <li key={m.user_id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="flex items-center gap-2 font-medium text-slate-900">
                      <span className="truncate">{m.name}</span>
                      <Badge tone={ROLE_TONE[m.role]}>{m.role}</Badge>
                      {m.user_id === result.actor.userId && <span className="text-xs text-slate-500">(you)</span>}
                    </p>
                    <p className="truncate text-sm text-slate-500">
                      {m.email} · joined {formatDate(m.joined_at)}
                    </p>
                  </div>
                  {changes && (changes.roles.length > 1 || changes.canRemove) && (
                    <MemberActions
                      userId={m.user_id}
                      name={m.name}
                      role={m.role}
                      roles={changes.roles}
                      canRemove={changes.canRemove}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </Card>
        <Card title="Pending invitations">
          {pending.length === 0 ? (
            <EmptyState
              title="No pending invitations"
              description="Invitations that have not been accepted yet appear here until they expire."
            />
          ) : (
            <ul className="divide-y divide-slate-100">
              {pending.map((i) => (
                <li key={i.invitation_id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                  <span className="flex items-center gap-2">
                    <span className="font-medium text-slate-900">{i.email}</span>
                    <Badge tone={ROLE_TONE[i.role]}>{i.role}</Badge>
                  </span>
                  <span className="text-slate-500">expires {formatDate(i.expires_at)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {canReadAudit && (
          <HistoryPanel
            entityType="membership"
            title="Staff changes"
            description="Who joined, changed role or left, and who made the change. Newest first."
            businessId={business.businessId}
            revision={teamRevision}
          />
        )}
      </div>
    </>
  );
}

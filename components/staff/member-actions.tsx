"use client";
/**
 * Change one member's role, or remove them: only the changes the page found allowed (`roles`
 * includes the current one; no select when it is the only one). Refusals that arise meanwhile
 * (another owner left first) are announced inline.
 */
import { useActionState } from "react";
import { changeStaffRoleAction, removeStaffAction } from "@/lib/staff/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

type Props = { userId: string; name: string; role: string; roles: readonly string[]; canRemove: boolean };

export function MemberActions({ userId, name, role, roles, canRemove }: Props) {
  const [changed, changeAction, changing] = useActionState(changeStaffRoleAction, null);
  const [removed, removeAction, removing] = useActionState(removeStaffAction, null);
  const error =
    (changed && !changed.ok && changed.error.message) || (removed && !removed.ok && removed.error.message) || null;
  const selectId = `role-${userId}`;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {roles.length > 1 && (
          <form action={changeAction} className="flex items-center gap-2">
            <input type="hidden" name="userId" value={userId} />
            <label htmlFor={selectId} className="sr-only">
              Role for {name}
            </label>
            <Select id={selectId} name="role" defaultValue={role} className="h-8 w-32 text-xs" key={role}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
            <Button type="submit" size="sm" variant="secondary" pending={changing}>
              Save
            </Button>
          </form>
        )}
        {canRemove && (
          <form action={removeAction}>
            <input type="hidden" name="userId" value={userId} />
            <Button type="submit" size="sm" variant="danger" pending={removing} aria-label={`Remove ${name}`}>
              Remove
            </Button>
          </form>
        )}
      </div>
      <Alert className="text-right">{error}</Alert>
    </div>
  );
}

"use client";
/**
 * Which business the browser acts for, for members of several. A select plus an explicit button
 * (not change-to-submit), so keyboard users can move through the options without switching.
 */
import { useActionState } from "react";
import { switchBusinessAction } from "@/lib/accounts/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

export type SwitcherMembership = { businessId: string; businessName: string; role: string };

export function BusinessSwitcher({
  memberships,
  currentId,
}: {
  memberships: SwitcherMembership[];
  currentId: string | null;
}) {
  const [state, formAction, pending] = useActionState(switchBusinessAction, null);
  return (
    <form action={formAction} className="flex w-full items-center gap-2 sm:w-auto" key={currentId}>
      <label htmlFor="business-switcher" className="sr-only">
        Acting for business
      </label>
      <Select
        id="business-switcher"
        name="businessId"
        defaultValue={currentId ?? undefined}
        // On a phone the form has a row of its own (SiteHeader) and the select takes what the button leaves.
        className="h-9 min-w-0 flex-1 sm:max-w-64 sm:flex-none"
      >
        {memberships.map((m) => (
          <option key={m.businessId} value={m.businessId}>
            {m.businessName} ({m.role})
          </option>
        ))}
      </Select>
      <Button type="submit" size="sm" variant="secondary" pending={pending}>
        Switch
      </Button>
      <Alert className="absolute right-4 top-full z-20 mt-2 max-w-xs">
        {state && !state.ok ? state.error.message : null}
      </Alert>
    </form>
  );
}

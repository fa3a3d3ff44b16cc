"use client";
/** The outbox panel's "Retry dead events" button and what came of it. */
import { useActionState } from "react";
import { retryDeadEventsAction } from "@/lib/events/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { plural } from "@/components/ui/format";

export function RetryDeadEvents({ dead }: { dead: number }) {
  const [retried, retryAction, retrying] = useActionState(retryDeadEventsAction, null);
  return (
    <div className="flex flex-col items-end gap-2">
      <form action={retryAction}>
        <Button type="submit" size="sm" variant="secondary" pending={retrying} disabled={dead === 0}>
          Retry dead events
        </Button>
      </form>
      <Alert tone={retried?.ok ? "success" : "error"}>
        {retried?.ok
          ? `${plural(retried.data.retried, "dead event")} put back in line.`
          : retried && !retried.ok && retried.error.message}
      </Alert>
    </div>
  );
}

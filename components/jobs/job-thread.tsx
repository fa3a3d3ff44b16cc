"use client";
/**
 * One conversation about a job, between its customer and one provider business: the messages
 * (polled while the tab is visible, earlier ones on request), new incoming messages announced to
 * screen readers, and the form to write, or, once the thread is closed, why it is. Which side is
 * the viewer's comes from the API (viewer_role), so the caller passes only what threadsOf gives.
 */
import { useId } from "react";
import { LoadFailed } from "@/components/app/load-failed";
import { useThread, type ThreadMessage } from "./thread-data";
import { ThreadForm } from "./thread-form";
import { ThreadMessages } from "./thread-messages";

type Props = {
  jobId: string;
  providerBusinessId: string;
  counterpartName: string;
  canWrite: boolean;
  closedReason: string | null;
};

export function JobThread({ jobId, providerBusinessId, counterpartName, canWrite, closedReason }: Props) {
  const headingId = useId();
  const thread = useThread(jobId, providerBusinessId, canWrite);
  const { live, older } = thread;

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        <span className="sr-only">Conversation with </span>
        {counterpartName}
      </h3>

      {live.isPending ? (
        <div role="status" className="space-y-3">
          <span className="sr-only">Loading the conversation…</span>
          {["w-2/3", "ml-auto w-1/2", "w-3/5"].map((width) => (
            <div key={width} aria-hidden className={`h-12 animate-pulse rounded-2xl bg-slate-100 ${width}`} />
          ))}
        </div>
      ) : live.isError && !live.data ? (
        <LoadFailed message={live.error.message} onRetry={() => void live.refetch()} retrying={live.isFetching} />
      ) : (
        <>
          <ThreadMessages
            messages={thread.messages}
            viewerRole={live.data.viewerRole}
            earlierCount={thread.earlierCount}
            hasEarlier={thread.hasEarlier}
            loadingEarlier={thread.loadingEarlier}
            earlierError={older.isError ? older.error.message : null}
            onLoadEarlier={thread.loadEarlier}
            emptyText={canWrite ? "No messages yet. Say hello." : "No messages were sent in this conversation."}
          />
          {live.isError && canWrite && (
            <p className="text-xs text-slate-500">
              New messages could not be checked just now. Trying again in a few seconds.
            </p>
          )}
        </>
      )}
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement(live.data?.arrived ?? [], counterpartName)}
      </p>

      {canWrite ? (
        <ThreadForm jobId={jobId} providerBusinessId={providerBusinessId} onSent={thread.appendSent} />
      ) : (
        <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {closedReason ?? "This conversation is closed."}
        </p>
      )}
    </section>
  );
}

function announcement(arrived: ThreadMessage[], counterpartName: string): string {
  const [first] = arrived;
  if (!first) return "";
  if (arrived.length === 1) return `New message from ${first.sender_name}: ${first.body}`;
  return `${arrived.length} new messages from ${counterpartName}.`;
}

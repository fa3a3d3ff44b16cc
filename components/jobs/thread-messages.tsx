"use client";
/**
 * A thread's messages as chat bubbles (the viewer's on the right, the other side's on the left, each
 * with its sender and time), with "Load earlier messages" above. The list scrolls on its own: it
 * opens at the newest message, follows new ones while the reader is at the bottom, and keeps its
 * place when earlier messages are added above.
 */
import { useLayoutEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ThreadMessage } from "./thread-data";

// The reader's own time zone: messages are only ever rendered in the browser.
const TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

type Props = {
  messages: ThreadMessage[];
  viewerRole: ThreadMessage["sender_role"];
  earlierCount: number;
  hasEarlier: boolean;
  loadingEarlier: boolean;
  earlierError: string | null;
  onLoadEarlier: () => void;
  emptyText: string;
};

export function ThreadMessages({
  messages,
  viewerRole,
  earlierCount,
  hasEarlier,
  loadingEarlier,
  earlierError,
  onLoadEarlier,
  emptyText,
}: Props) {
  const list = useRef<HTMLOListElement>(null);
  const seen = useRef({ earlier: 0, total: 0, fromBottom: 0, atBottom: true, buttonFocused: false });

  useLayoutEffect(() => {
    const el = list.current;
    const last = seen.current;
    if (!el) return;
    if (earlierCount > last.earlier) {
      // Added above: the same messages stay in view.
      el.scrollTop = el.scrollHeight - last.fromBottom;
      if (!hasEarlier && last.buttonFocused) el.focus({ preventScroll: true });
    } else if (
      messages.length > last.total &&
      (last.total === 0 || last.atBottom || messages.at(-1)?.sender_role === viewerRole)
    ) {
      el.scrollTop = el.scrollHeight;
    }
    seen.current = {
      ...last,
      earlier: earlierCount,
      total: messages.length,
      fromBottom: el.scrollHeight - el.scrollTop,
    };
  }, [messages, earlierCount, hasEarlier, viewerRole]);

  const onScroll = () => {
    const el = list.current!;
    seen.current.fromBottom = el.scrollHeight - el.scrollTop;
    seen.current.atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  };

  if (messages.length === 0 && !hasEarlier) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-slate-50/60 px-4 py-6 text-center text-sm text-slate-600">
        {emptyText}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {hasEarlier && (
        <div className="flex justify-center">
          <Button
            variant="secondary"
            size="sm"
            pending={loadingEarlier}
            onClick={onLoadEarlier}
            onFocus={() => (seen.current.buttonFocused = true)}
            onBlur={() => (seen.current.buttonFocused = false)}
          >
            {loadingEarlier ? "Loading…" : "Load earlier messages"}
          </Button>
        </div>
      )}
      {earlierError && <Alert>{`${earlierError} Press “Load earlier messages” to try again.`}</Alert>}
      {/* `relative`: the bubbles' sr-only text is absolutely positioned, and without a positioned
          scroller it escapes the scrolling box and stretches the page below the footer. */}
      <ol
        ref={list}
        onScroll={onScroll}
        tabIndex={0}
        aria-label="Messages"
        className="relative max-h-[28rem] space-y-3 overflow-y-auto rounded-xl bg-white p-1 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        {messages.map((message) => (
          <Bubble key={message.message_id} message={message} mine={message.sender_role === viewerRole} />
        ))}
      </ol>
    </div>
  );
}

function Bubble({ message, mine }: { message: ThreadMessage; mine: boolean }) {
  return (
    <li className={cn("flex", mine ? "justify-end" : "justify-start")}>
      <div
        className={cn(
          "max-w-[85%] rounded-2xl px-3.5 py-2 sm:max-w-[75%]",
          mine ? "rounded-br-sm bg-brand-600 text-white" : "rounded-bl-sm bg-slate-100 text-slate-900",
        )}
      >
        <p className={cn("text-xs", mine ? "text-brand-100" : "text-muted")}>
          <span className="font-medium">{mine ? "You" : message.sender_name}</span>
          <span aria-hidden> · </span>
          <span className="sr-only">, </span>
          <time dateTime={message.created_at}>{TIME.format(new Date(message.created_at))}</time>
        </p>
        <p className="mt-0.5 text-sm leading-relaxed break-words whitespace-pre-wrap">{message.body}</p>
      </div>
    </li>
  );
}

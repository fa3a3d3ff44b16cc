"use client";
/**
 * The admin page's "Review moderation" card: two tabs, the disputed queue and the hidden reviews,
 * each a list read a page at a time from GET /api/admin/reviews, with the decisions each review
 * allows (keep or hide a disputed review, show a hidden one). The server renders the first page of
 * the queue, so it is there before any script runs. A decision that worked is announced here, above
 * the lists, because the row it came from leaves its list; a failure shows in its row.
 */
import { useRef, useState, type KeyboardEvent } from "react";
import type { ModerationPageDto } from "@/lib/marketplace/reviews/dto";
import type { ModerationStatus } from "@/lib/marketplace/reviews/inputs";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ReviewModerationList } from "./review-moderation-list";

const TABS: { status: ModerationStatus; label: string }[] = [
  { status: "disputed", label: "Disputed" },
  { status: "hidden", label: "Hidden" },
];

type Props = {
  /** The first page of the disputed queue, rendered by the server. */
  initialDisputed: ModerationPageDto;
  /** The server's page size, so every page matches the first. */
  pageSize: number;
};

export function ReviewModeration({ initialDisputed, pageSize }: Props) {
  const [status, setStatus] = useState<ModerationStatus>("disputed");
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const tabRefs = useRef<Record<ModerationStatus, HTMLButtonElement | null>>({ disputed: null, hidden: null });

  // Arrow keys move between the tabs (and select them), as the ARIA tabs pattern expects.
  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    setStatus(next.status);
    tabRefs.current[next.status]?.focus();
  };

  return (
    <Card
      title="Review moderation"
      description="Customers can dispute a review of their job. Keep a review that is fair, or hide one that should not stand: a hidden review stops counting towards the customer's rating at once, and you can show it again from Hidden. Either way, the dispute leaves the queue."
    >
      <div role="tablist" aria-label="Reviews to moderate" className="mb-4 inline-flex rounded-lg bg-slate-100 p-1">
        {TABS.map((tab, index) => {
          const selected = tab.status === status;
          return (
            <button
              key={tab.status}
              ref={(el) => {
                tabRefs.current[tab.status] = el;
              }}
              type="button"
              role="tab"
              id={`review-moderation-tab-${tab.status}`}
              aria-selected={selected}
              aria-controls={`review-moderation-panel-${tab.status}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setStatus(tab.status)}
              onKeyDown={(event) => onTabKeyDown(event, index)}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
                "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
                selected ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <Alert tone="success" className="[&:not(:empty)]:mb-4">
        {announcement}
      </Alert>
      {TABS.map((tab) => (
        <div
          key={tab.status}
          role="tabpanel"
          id={`review-moderation-panel-${tab.status}`}
          aria-labelledby={`review-moderation-tab-${tab.status}`}
          hidden={tab.status !== status}
        >
          {/* Only the open tab's list is mounted, so the other one loads when it is first opened. */}
          {tab.status === status && (
            <ReviewModerationList
              status={tab.status}
              initialPage={tab.status === "disputed" ? initialDisputed : undefined}
              pageSize={pageSize}
              onAnnounce={setAnnouncement}
            />
          )}
        </div>
      ))}
    </Card>
  );
}

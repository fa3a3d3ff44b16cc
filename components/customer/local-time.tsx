"use client";
/**
 * A date and time in the reader's own time zone. The server does not know that zone, so it renders
 * the time in UTC (labelled) and the browser swaps in local time once hydrated; reading the zone
 * during hydration itself would make the server's and the browser's markup disagree.
 */
import { useSyncExternalStore } from "react";
import { formatDateTime } from "@/components/ui/format";

const LOCAL = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

const noSubscription = () => () => {};
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

export function LocalDateTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  return <time dateTime={iso}>{hydrated ? LOCAL.format(new Date(iso)) : formatDateTime(iso)}</time>;
}

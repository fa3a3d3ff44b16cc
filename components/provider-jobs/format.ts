/**
 * Money and times on the providers' job lists. Fixed locale and UTC, like components/ui/format.ts,
 * and "ago" measured from the server's render time, so server and client render the same text.
 */
const MONEY = new Map<string, Intl.NumberFormat>();

/** Integer minor units in their currency: 15000 USD is $150.00, 1500 JPY is ¥1,500. */
export function formatMoney(minor: number, currency: string): string {
  let format = MONEY.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    MONEY.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** "Tue, 1 Dec 2026, 09:00 UTC": what the server can render without knowing the reader's time zone. */
export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Infinity],
];

/** "5 minutes ago", "yesterday", "3 weeks ago", counted back from `now`. */
export function timeAgo(iso: string, now: number): string {
  let amount = (new Date(iso).getTime() - now) / 1000;
  if (Math.abs(amount) < 45) return "just now";
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return RELATIVE.format(Math.round(amount), unit);
    amount /= size;
  }
  return RELATIVE.format(Math.round(amount), "year");
}

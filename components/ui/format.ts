/**
 * Dates, times, counts and money as people read them. Fixed locale and UTC, and "ago" counted from a
 * `now` the server passes down, so server and client render the same text.
 */
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const TIME_PARTS = { hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" } as const;
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", ...TIME_PARTS });
const WEEKDAY_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  ...TIME_PARTS,
});
const NUMBER = new Intl.NumberFormat("en-US");

const asDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

export const formatDate = (value: Date | string) => DATE.format(asDate(value));
/** "1 Dec 2026, 09:00 UTC": what the server can render without knowing the reader's time zone. */
export const formatDateTime = (value: Date | string) => DATE_TIME.format(asDate(value));
/** "Tue, 1 Dec 2026, 09:00 UTC", for lists where the day of the week helps plan. */
export const formatWeekdayDateTime = (value: Date | string) => WEEKDAY_DATE_TIME.format(asDate(value));
export const formatCount = (n: number) => NUMBER.format(n);
export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

const MONEY = new Map<string, { format: Intl.NumberFormat; minorPerMajor: number }>();

/**
 * Integer minor units in their currency, by that currency's own minor unit: 15000 USD is "$150.00",
 * 1500 JPY is "¥1,500" (the yen has no minor unit), 1500 KWD is "KWD 1.500".
 */
export function formatMoney(minor: number, currency: string): string {
  let money = MONEY.get(currency);
  if (!money) {
    const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    money = { format, minorPerMajor: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) };
    MONEY.set(currency, money);
  }
  return money.format.format(minor / money.minorPerMajor);
}

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

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago", counted back from `now`. */
export function timeAgo(iso: string, now = Date.now()): string {
  let amount = (new Date(iso).getTime() - now) / 1000;
  if (Math.abs(amount) < 45) return "just now";
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return RELATIVE.format(Math.round(amount), unit);
    amount /= size;
  }
  return RELATIVE.format(Math.round(amount), "year");
}

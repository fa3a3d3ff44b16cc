/** Money and times on the job page. Fixed locale and UTC, like components/ui/format.ts, so server and client agree. */
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));

/** Integer minor units in their currency: 15000 USD is $150.00, 1500 JPY is ¥1,500. */
export function formatMoney(minor: number, currency: string): string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

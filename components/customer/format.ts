/** Money and times on the customer's pages. Server and client format alike (fixed locale). */
const MONEY = new Map<string, Intl.NumberFormat>();

/** Integer minor units as an amount with its currency: 12050 USD is "$120.50". */
export function formatMoney(minor: number, currency: string): string {
  let format = MONEY.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    MONEY.set(currency, format);
  }
  return format.format(minor / 100);
}

const UTC_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** "1 Dec 2026, 09:00 UTC": what the server can render without knowing the reader's time zone. */
export const formatUtcDateTime = (iso: string) => UTC_DATE_TIME.format(new Date(iso));

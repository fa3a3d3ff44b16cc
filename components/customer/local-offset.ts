/** A datetime-local input's value as an ISO time with the browser's offset for that date. */
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "2026-12-01T09:00" typed in Paris is "2026-12-01T09:00:00+01:00" (the offset of that date, so
 * summer time is right). Anything unreadable is returned as it is, for the server to refuse.
 */
export function withLocalOffset(local: string): string {
  const date = new Date(local);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local) || Number.isNaN(date.getTime())) return local;
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const seconds = local.length === 16 ? ":00" : "";
  return `${local}${seconds}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** Dates and counts as people read them. Fixed locale and UTC, so server and client agree. */
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const NUMBER = new Intl.NumberFormat("en-US");

export const formatDate = (value: Date | string) => DATE.format(typeof value === "string" ? new Date(value) : value);
export const formatCount = (n: number) => NUMBER.format(n);
export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

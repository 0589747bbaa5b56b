function validDate(value: Date): Date | null {
  return Number.isNaN(value.getTime()) ? null : value;
}

/** Formats an RFC 3339 timestamp as a local date and time. */
export function formatDateTime(locale: string, iso: string): string {
  const date = validDate(new Date(iso));
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** Formats an RFC 3339 timestamp as a local calendar date (no time). */
export function formatInstantDate(locale: string, iso: string): string {
  const date = validDate(new Date(iso));
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(date);
}

/**
 * A local date with the year as written: `new Date(26, …)` would mean 1926, so a typed `0026`
 * stays the year 26 (which the backend then refuses as before 1900).
 */
function localDate(y: number, monthIndex: number, d: number, h = 0, mi = 0, s = 0): Date {
  const date = new Date(2000, monthIndex, d, h, mi, s);
  date.setFullYear(y, monthIndex, d);
  return date;
}

/** Parses "YYYY-MM-DD" as a calendar date (no time zone shift). */
export function parseYmd(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = localDate(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return null;
  return date;
}

/** Formats a calendar date ("YYYY-MM-DD") for the locale. */
export function formatDate(locale: string, ymd: string): string {
  const date = parseYmd(ymd);
  if (!date) return ymd;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(date);
}

const pad = (n: number) => String(n).padStart(2, "0");
const year = (date: Date) => String(date.getFullYear()).padStart(4, "0");

/** An amount in euro cents as money for the locale ("€ 1.250,50" / "€1,250.50"). */
export function formatEuros(locale: string, cents: number): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** A Date's local calendar day as YYYY-MM-DD. */
export function toYmd(date: Date): string {
  return `${year(date)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

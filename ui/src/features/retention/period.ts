// Retention periods as the backend writes them: a whole number and a unit letter ("24m").

export type PeriodUnit = "d" | "w" | "m" | "y";

export const PERIOD_UNITS: readonly PeriodUnit[] = ["d", "w", "m", "y"];

/** The bounds the core accepts. */
export const MIN_PERIOD = 1;
export const MAX_PERIOD = 1200;

export type Period = { amount: number; unit: PeriodUnit };

function isUnit(value: string): value is PeriodUnit {
  return (PERIOD_UNITS as readonly string[]).includes(value);
}

/** "24m" → { amount: 24, unit: "m" }; null when it is not a period. */
export function parsePeriod(text: string): Period | null {
  const match = /^\s*(\d+)\s*([a-z])\s*$/.exec(text);
  if (!match) return null;
  const [, digits, unit] = match;
  const amount = Number(digits);
  if (unit === undefined || !isUnit(unit) || !validAmount(amount)) return null;
  return { amount, unit };
}

export function validAmount(amount: number): boolean {
  return Number.isInteger(amount) && amount >= MIN_PERIOD && amount <= MAX_PERIOD;
}

/** { 24, "m" } → "24m" */
export function composePeriod(amount: number, unit: PeriodUnit): string {
  return `${amount}${unit}`;
}

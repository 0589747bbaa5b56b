import type { Breach } from "../../bindings/Breach";
import type { Deadline } from "../../bindings/Deadline";
import type { Exception } from "../../bindings/Exception";
import type { Nature } from "../../bindings/Nature";
import type { Risk } from "../../bindings/Risk";
import type { Translate } from "../../i18n";

export const NATURES: Nature[] = ["confidentiality", "integrity", "availability"];
export const RISKS: Risk[] = ["none", "risk", "high"];
export const EXCEPTIONS: Exception[] = ["encrypted", "mitigated", "disproportionate"];

export function natureLabel(t: Translate, nature: Nature): string {
  return t(`breaches.nature.${nature}`);
}

export function riskLabel(t: Translate, risk: Risk): string {
  return t(`breaches.risk.${risk}`);
}

export function exceptionLabel(t: Translate, exception: Exception): string {
  return t(`breaches.exception.${exception}`);
}

/** Whole minutes as "52 u 30 min" / "52 h 30 min" (formatting only: the core counts them). */
function hoursMinutes(t: Translate, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t("breaches.clock.m", { m });
  if (m === 0) return t("breaches.clock.h", { h });
  return t("breaches.clock.hm", { h, m });
}

/**
 * The 72-hour clock in words, from the core's `minutes_left` at the vault's now: "nog 52 u 30
 * min" while it runs, "te laat: 3 u 5 min" past the deadline, "besluit genomen" once decided.
 */
export function clockText(t: Translate, deadline: Deadline): string {
  if (!deadline.running) return t("breaches.clock.decided");
  if (deadline.minutes_left >= 0) {
    return t("breaches.clock.left", { time: hoursMinutes(t, deadline.minutes_left) });
  }
  return t("breaches.clock.overdue", { time: hoursMinutes(t, -deadline.minutes_left) });
}

export function clockColor(deadline: Deadline): string {
  if (!deadline.running) return "gray";
  return deadline.overdue ? "red" : "orange";
}

/** The AP decision in words. */
export function decisionText(t: Translate, breach: Breach): string {
  if (breach.ap_decision === "notify") return t("breaches.decision.notified");
  if (breach.ap_decision === "no-notify") return t("breaches.decision.notNotified");
  return t("breaches.decision.open");
}

import type { Action } from "../../bindings/Action";
import type { PurgeReport } from "../../bindings/PurgeReport";
import type { Rule } from "../../bindings/Rule";
import type { Translate } from "../../i18n";
import type { PeriodUnit } from "./period";

export const ACTIONS: readonly Action[] = ["delete", "review"];

export function actionLabel(t: Translate, action: Action): string {
  return t(`action.${action}`);
}

export const ACTION_COLORS: Record<Action, string> = { delete: "red", review: "yellow" };

export function unitLabel(t: Translate, unit: PeriodUnit): string {
  return t(`unit.${unit}`);
}

const TRIGGERS = ["startup", "manual", "review", "erasure"] as const;
type Trigger = (typeof TRIGGERS)[number];

/** What set a deletion off, in words; an unknown trigger is shown as the backend wrote it. */
export function triggerLabel(t: Translate, trigger: string): string {
  return (TRIGGERS as readonly string[]).includes(trigger) ? t(`trigger.${trigger as Trigger}`) : trigger;
}

/** Why a contact waits in the review queue; an unknown reason is shown as written. */
export function reviewReasonLabel(t: Translate, reason: string): string {
  if (reason === "rule") return t("review.reason.rule");
  if (reason === "restricted") return t("review.reason.restricted");
  if (reason === "no-end-date") return t("review.reason.noEndDate");
  return reason;
}

/**
 * The category of a rule (a RuleKey, or the key a log entry names) in the UI's language, taken from the rules list; `fallback`
 * (what the entry itself says) when the list is not there or does not know the key.
 */
export function categoryOf(rules: Rule[] | undefined, key: string, fallback: string): string {
  return rules?.find((rule) => rule.key === key)?.category ?? fallback;
}

/** Everything a purge took away: contacts, interactions, documents, log entries, audit rows. */
export function removedCount(report: PurgeReport): number {
  return (
    report.contacts_deleted +
    report.interactions_deleted +
    report.documents_deleted +
    report.records_deleted +
    report.audit_rows_pruned
  );
}

/** "3 items removed …" with the singular for one. */
export function removedText(t: Translate, n: number): string {
  return n === 1 ? t("purge.removedOne") : t("purge.removed", { n });
}

export function queuedText(t: Translate, n: number): string {
  return n === 1 ? t("purge.queuedOne") : t("purge.queued", { n });
}

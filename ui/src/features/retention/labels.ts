import type { Action } from "../../bindings/Action";
import type { PurgeReport } from "../../bindings/PurgeReport";
import type { Rule } from "../../bindings/Rule";
import type { MessageKey, Translate } from "../../i18n";
import { parsePeriod, type PeriodUnit } from "./period";

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

type Kind = "contact" | "interaction" | "document" | "record" | "audit";

/** One count in words with the language's plural rule: "1 contact", "60 logregels …". */
function counted(t: Translate, locale: string, kind: Kind, n: number, age?: string): string {
  const form = new Intl.PluralRules(locale).select(n) === "one" ? "one" : "other";
  return t(`purgeKinds.${kind}.${form}` as MessageKey, { n, age: age ?? "" });
}

/** A period as the core writes it ("2y") in words: "2 jaar", "1 month". */
export function ageText(t: Translate, locale: string, period: string | null): string {
  const parsed = period === null ? null : parsePeriod(period);
  if (parsed === null) return t("purgeKinds.age.unknown");
  const form = new Intl.PluralRules(locale).select(parsed.amount) === "one" ? "one" : "other";
  return t(`purgeKinds.age.${parsed.unit}.${form}` as MessageKey, { n: parsed.amount });
}

/**
 * What a purge removed, per kind: "Verwijderd volgens je bewaarbeleid: 1 contact en 60
 * logregels ouder dan 2 jaar" — never contacts and audit rows lumped into one number.
 */
export function removedText(t: Translate, locale: string, report: PurgeReport): string {
  const parts: string[] = [];
  const add = (kind: Kind, n: number, age?: string) => {
    if (n > 0) parts.push(counted(t, locale, kind, n, age));
  };
  add("contact", report.contacts_deleted);
  add("interaction", report.interactions_deleted);
  add("document", report.documents_deleted);
  add("record", report.records_deleted, ageText(t, locale, report.records_older_than));
  add("audit", report.audit_rows_pruned, ageText(t, locale, report.audit_older_than));
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(parts);
  return t("purgeKinds.removed", { list });
}

export function queuedText(t: Translate, n: number): string {
  return n === 1 ? t("purge.queuedOne") : t("purge.queued", { n });
}

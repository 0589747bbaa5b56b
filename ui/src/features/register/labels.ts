import type { Basis } from "../../bindings/Basis";
import type { FieldKind } from "../../bindings/FieldKind";
import type { Method } from "../../bindings/Method";
import type { Purpose } from "../../bindings/Purpose";
import type { Source } from "../../bindings/Source";
import type { Translate } from "../../i18n";

export const BASES: readonly Basis[] = [
  "consent",
  "contract",
  "legitimate-interest",
  "legal-obligation",
  "vital-interest",
  "public-task",
];

export const SOURCES: readonly Source[] = ["form", "email", "phone", "in-person", "imported", "other"];

export const METHODS: readonly Method[] = ["form", "email", "phone", "in-person", "paper", "other"];

export const FIELD_KINDS: readonly FieldKind[] = ["text", "number", "date", "yes-no"];

/** A basis in words; null is a basis nobody has recorded yet. */
export function basisLabel(t: Translate, basis: Basis | null): string {
  return basis === null ? t("basis.unknown") : t(`basis.${basis}`);
}

export function sourceLabel(t: Translate, source: Source): string {
  return t(`source.${source}`);
}

export function methodLabel(t: Translate, method: Method): string {
  return t(`method.${method}`);
}

/** Who recorded a consent event: the business name, or the front end (`desktop`, `cli`) it came
 * through while no business name was set. */
export function recordedByLabel(t: Translate, recordedBy: string): string {
  if (recordedBy === "desktop") return t("history.recordedByApp");
  if (recordedBy === "cli") return t("history.recordedByCli");
  return recordedBy;
}

export function fieldKindLabel(t: Translate, kind: FieldKind): string {
  return t(`fieldKind.${kind}`);
}

/** Options for a basis select. */
export function basisOptions(t: Translate): { value: Basis; label: string }[] {
  return BASES.map((value) => ({ value, label: basisLabel(t, value) }));
}

/** Options for a purpose select, led by "choose a purpose" (the empty value). */
export function purposeOptions(t: Translate, purposes: Purpose[]): { value: string; label: string }[] {
  return [
    { value: "", label: t("privacy.choosePurpose") },
    ...purposes.map((p) => ({ value: String(p.id), label: p.name })),
  ];
}

/** "a, b ,, c" → ["a", "b", "c"] */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

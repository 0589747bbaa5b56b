import { Checkbox, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { useId } from "react";

import type { Nature } from "../../bindings/Nature";
import type { Risk } from "../../bindings/Risk";
import { useI18n } from "../../i18n";
import { NATURES, natureLabel, RISKS, riskLabel } from "./labels";

/** A moment as the forms show it and the core reads it: `31-03-2026 14:30`, local time. */
export function shownMoment(instant: string | null | undefined): string {
  const date = instant ? new Date(instant) : null;
  if (!date || Number.isNaN(date.getTime())) return "";
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getDate())}-${two(date.getMonth() + 1)}-${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A labelled field for a moment (date and time), sent to the core as typed. */
export function MomentField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  required?: boolean;
  description?: string;
}) {
  const { t } = useI18n();
  return (
    <TextInput
      label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.error}
      required={props.required}
      placeholder={t("breaches.momentPlaceholder")}
      description={props.description ?? t("breaches.momentHelp")}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

/** The nature of the breach: several allowed. */
export function NatureChoice({ value, onChange }: { value: Nature[]; onChange: (next: Nature[]) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <Stack gap={4} role="group" aria-labelledby={id}>
      <Text fw={500} size="sm" id={id}>
        {t("breaches.field.nature")}
      </Text>
      <Group gap="md">
        {NATURES.map((n) => (
          <Checkbox
            key={n}
            label={natureLabel(t, n)}
            checked={value.includes(n)}
            onChange={(event) =>
              onChange(event.currentTarget.checked ? [...value, n] : value.filter((v) => v !== n))
            }
          />
        ))}
      </Group>
    </Stack>
  );
}

export function RiskSelect({ value, onChange }: { value: Risk | null; onChange: (next: Risk | null) => void }) {
  const { t } = useI18n();
  return (
    <NativeSelect
      label={t("breaches.field.risk")}
      value={value ?? ""}
      onChange={(event) => onChange(event.currentTarget.value === "" ? null : (event.currentTarget.value as Risk))}
      data={[{ value: "", label: t("breaches.risk.unknown") }, ...RISKS.map((r) => ({ value: r, label: riskLabel(t, r) }))]}
    />
  );
}

/** A whole number of people or records, or empty (unknown). */
export function CountField(props: { label: string; value: number | null; onChange: (next: number | null) => void }) {
  return (
    <NumberInput
      label={props.label}
      value={props.value ?? ""}
      min={0}
      allowDecimal={false}
      allowNegative={false}
      onChange={(v) => props.onChange(typeof v === "number" ? v : v === "" ? null : Number(v))}
    />
  );
}

/** Data categories as typed, one per line (the core trims and drops duplicates). */
export function categoriesOf(text: string): string[] {
  return text
    .split("\n")
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

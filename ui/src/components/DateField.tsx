import { Group, TextInput, type TextInputProps } from "@mantine/core";

import { useI18n, type Translate } from "../i18n";
import { isIpcError } from "../lib/ipc";

/**
 * A stored date (`2026-03-31`, or the date part of an instant) as the field shows it:
 * `31-03-2026`, whatever the system locale. Anything else is shown as it is.
 */
export function shownDate(stored: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(stored ?? "");
  return match ? `${match[3]}-${match[2]}-${match[1]}` : (stored ?? "");
}

/** The local time of day of a stored instant, `14:30`; "" when it is not one. */
export function shownTime(instant: string | null | undefined): string {
  const date = instant ? new Date(instant) : null;
  if (!date || Number.isNaN(date.getTime())) return "";
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

/**
 * What the core said about a date it refused, in the UI's words: the parsing rule lives in the
 * core (kernel/date.rs); `fallback` for the rules of the form (e.g. "not in the future").
 */
export function dateErrorText(t: Translate, error: unknown, fallback: string): string {
  if (!isIpcError(error, "invalid_input")) return fallback;
  if (error.message.includes("1900")) return t("dateField.before1900");
  if (error.message.includes("does not exist")) return t("dateField.noSuchDay");
  if (error.message.includes("expected a date")) return t("dateField.form");
  return fallback;
}

type Props = Omit<TextInputProps, "value" | "onChange" | "type"> & {
  /** The text as typed (`31-03-2026`); sent to the core as it is. */
  value: string;
  onChange: (text: string) => void;
};

/**
 * The one date field: a labelled text field that reads and shows day-month-year
 * (`dd-mm-jjjj` in Dutch, `dd-mm-yyyy` in English), never the system locale's format as a
 * native date picker would. The core parses what was typed and its error is shown here.
 */
export function DateField({ value, onChange, description, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <TextInput
      {...rest}
      type="text"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      placeholder={t("dateField.placeholder")}
      description={description ?? t("dateField.help")}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
    />
  );
}

type DateTimeProps = {
  dateLabel: string;
  timeLabel: string;
  date: string;
  time: string;
  onChange: (next: { date: string; time: string }) => void;
  error?: string;
  required?: boolean;
};

/**
 * A date and a time of day (`31-03-2026` and `14:30`) for an instant; the core combines them in
 * the local time zone (`31-03-2026 14:30`, see `typedInstant`).
 */
export function DateTimeField({ dateLabel, timeLabel, date, time, onChange, error, required }: DateTimeProps) {
  const { t } = useI18n();
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <DateField
        label={dateLabel}
        value={date}
        onChange={(next) => onChange({ date: next, time })}
        error={error}
        required={required}
        w={200}
      />
      <TextInput
        label={timeLabel}
        value={time}
        onChange={(event) => onChange({ date, time: event.currentTarget.value })}
        placeholder={t("dateField.timePlaceholder")}
        description={t("dateField.timeHelp")}
        inputMode="numeric"
        autoComplete="off"
        error={error ? true : undefined}
        w={120}
      />
    </Group>
  );
}

/** The text the core reads as an instant: `31-03-2026 14:30`. */
export function typedInstant(date: string, time: string): string {
  return `${date.trim()} ${time.trim()}`;
}

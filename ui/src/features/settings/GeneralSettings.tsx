import { Button, Group, Input, NumberInput, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Language } from "../../bindings/Language";
import type { Settings } from "../../bindings/Settings";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { setSettings } from "../../lib/ipc";

export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 240;

const LANGUAGES: readonly Language[] = ["nl", "en"];

function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (next: Settings) => setSettings(next).then(() => next),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.settings, next),
  });
}

export function GeneralSettings({ settings }: { settings: Settings }) {
  return (
    <Stack gap="lg">
      <LanguagePicker settings={settings} />
      <AutoLockForm settings={settings} />
    </Stack>
  );
}

/** Two toggle buttons; a choice applies (and is saved) at once. */
function LanguagePicker({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const labelId = useId();
  const save = useSaveSettings();

  const choose = (language: Language) => {
    if (language === settings.language || save.isPending) return;
    save.mutate({ ...settings, language });
  };

  return (
    <Stack gap={6}>
      <Input.Label id={labelId}>{t("settings.language")}</Input.Label>
      <Group role="group" aria-labelledby={labelId} gap="xs">
        {LANGUAGES.map((language) => {
          const active = language === settings.language;
          return (
            <Button
              key={language}
              lang={language}
              variant={active ? "light" : "default"}
              aria-pressed={active}
              onClick={() => choose(language)}
            >
              {t(`language.${language}`)}
            </Button>
          );
        })}
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
    </Stack>
  );
}

function AutoLockForm({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const save = useSaveSettings();
  const [minutes, setMinutes] = useState<number | string>(settings.auto_lock_minutes);
  const [minutesError, setMinutesError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const value = typeof minutes === "number" ? minutes : Number(minutes);
    if (String(minutes).trim() === "" || !Number.isInteger(value) || value < AUTO_LOCK_MIN || value > AUTO_LOCK_MAX) {
      setMinutesError(t("settings.autoLockInvalid"));
      return;
    }
    save.mutate({ ...settings, auto_lock_minutes: value }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <NumberInput
          label={t("settings.autoLock")}
          description={t("settings.autoLockHelp")}
          value={minutes}
          onChange={(value) => {
            setMinutes(value);
            setMinutesError(null);
            setSaved(false);
          }}
          min={AUTO_LOCK_MIN}
          max={AUTO_LOCK_MAX}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          error={minutesError}
          maw={420}
        />
        {save.isError && <ErrorAlert error={save.error} />}
        {saved && <StatusNote>{t("settings.saved")}</StatusNote>}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("settings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

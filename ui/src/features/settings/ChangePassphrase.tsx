import { Button, Group, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { ErrorAlert } from "../../components/ErrorAlert";
import { NewPassphraseFields, useNewPassphrase } from "../../components/NewPassphraseFields";
import { PasswordField } from "../../components/PasswordField";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { changePassphrase, isIpcError } from "../../lib/ipc";

export function ChangePassphrase() {
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const next = useNewPassphrase();
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: () => changePassphrase(current, next.passphrase),
    onSuccess: () => {
      setCurrent("");
      next.reset();
      setDone(true);
    },
  });

  const canSubmit = current !== "" && next.ready && !change.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    setDone(false);
    change.mutate();
  };

  const wrongCurrent = isIpcError(change.error, "wrong_passphrase");
  const weak = isIpcError(change.error, "weak_passphrase");

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <PasswordField
          label={t("settings.currentPassphrase")}
          value={current}
          onChange={(event) => {
            setCurrent(event.currentTarget.value);
            setDone(false);
            if (wrongCurrent) change.reset();
          }}
          autoComplete="current-password"
          error={wrongCurrent ? t("error.wrong_passphrase") : undefined}
          disabled={change.isPending}
        />
        <NewPassphraseFields
          state={next}
          passphraseLabel={t("settings.newPassphrase")}
          confirmLabel={t("settings.confirmPassphrase")}
          passphraseError={weak ? t("error.weak_passphrase") : null}
          disabled={change.isPending}
        />
        {change.isError && !wrongCurrent && !weak && <ErrorAlert error={change.error} />}
        {done && <StatusNote>{t("settings.passphraseChanged")}</StatusNote>}
        <Group>
          <Button type="submit" disabled={!canSubmit} loading={change.isPending}>
            {t("settings.changePassphrase")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

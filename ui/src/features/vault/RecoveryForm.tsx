import { Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { useSession } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { NewPassphraseFields, useNewPassphrase } from "../../components/NewPassphraseFields";
import { PageTitle } from "../../components/PageTitle";
import { VaultLayout } from "../../components/VaultLayout";
import { useI18n } from "../../i18n";
import { isIpcError, unlockWithRecovery } from "../../lib/ipc";

/** Opens the vault with the recovery key and sets a new passphrase. */
export function RecoveryForm({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [recoveryKey, setRecoveryKey] = useState("");
  const passphrase = useNewPassphrase();

  const recover = useMutation({
    mutationFn: () => unlockWithRecovery(recoveryKey.trim(), passphrase.passphrase),
    onSuccess: (purge) => {
      passphrase.reset();
      setRecoveryKey("");
      session.unlocked({}, purge);
    },
  });

  const canSubmit = recoveryKey.trim() !== "" && passphrase.ready && !recover.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit) recover.mutate();
  };
  const weak = isIpcError(recover.error, "weak_passphrase");

  return (
    <VaultLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PageTitle>{t("recovery.title")}</PageTitle>
          <Text>{t("recovery.intro")}</Text>
          <TextInput
            label={t("recovery.key")}
            value={recoveryKey}
            onChange={(event) => setRecoveryKey(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            autoFocus
            disabled={recover.isPending}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          />
          <NewPassphraseFields
            state={passphrase}
            passphraseLabel={t("recovery.newPassphrase")}
            confirmLabel={t("recovery.confirm")}
            disabled={recover.isPending}
            passphraseError={weak ? t("error.weak_passphrase") : null}
          />
          {recover.isError && !weak && <ErrorAlert error={recover.error} />}
          <Button type="submit" size="md" disabled={!canSubmit} loading={recover.isPending}>
            {t("recovery.submit")}
          </Button>
          <Anchor component="button" type="button" onClick={onBack} ta="center" size="sm">
            {t("recovery.back")}
          </Anchor>
        </Stack>
      </form>
    </VaultLayout>
  );
}

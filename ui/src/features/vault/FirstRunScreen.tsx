import { Button, Checkbox, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useState } from "react";

import { useSession } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { NewPassphraseFields, useNewPassphrase } from "../../components/NewPassphraseFields";
import { PageTitle } from "../../components/PageTitle";
import { VaultLayout } from "../../components/VaultLayout";
import { useI18n } from "../../i18n";
import { createVault, isIpcError } from "../../lib/ipc";

type Props = {
  /** Called with the recovery key, which must be shown once, and whether remembering was asked. */
  onCreated: (recoveryKey: string, vaultId: string, rememberRequested: boolean) => void;
  /** Restore a backup instead of creating a new vault. */
  onRestore: () => void;
};

export function FirstRunScreen({ onCreated, onRestore }: Props) {
  const { t } = useI18n();
  const session = useSession();
  const passphrase = useNewPassphrase();
  const [remember, setRemember] = useState(false);

  const create = useMutation({
    mutationFn: () => createVault(passphrase.passphrase, remember),
    onSuccess: (created) => {
      onCreated(created.recovery_key, created.vault_id, remember);
      passphrase.reset();
      // vault_status (refetched now) says whether the OS key store really took the key.
      session.unlocked();
    },
  });

  const canCreate = passphrase.ready && !create.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canCreate) create.mutate();
  };

  const weak = isIpcError(create.error, "weak_passphrase");

  return (
    <VaultLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PageTitle>{t("firstRun.title")}</PageTitle>
          <Text>{t("firstRun.intro")}</Text>
          <Text size="sm" c="dimmed">
            {t("firstRun.hint")}
          </Text>
          <NewPassphraseFields
            state={passphrase}
            passphraseLabel={t("firstRun.passphrase")}
            confirmLabel={t("firstRun.confirm")}
            autoFocus
            disabled={create.isPending}
            passphraseError={weak ? t("error.weak_passphrase") : null}
          />
          <Checkbox
            label={t("firstRun.remember")}
            description={t("firstRun.rememberHelp")}
            checked={remember}
            onChange={(event) => setRemember(event.currentTarget.checked)}
            disabled={create.isPending}
          />
          {create.isError && !weak && <ErrorAlert error={create.error} />}
          <Button type="submit" size="md" disabled={!canCreate} loading={create.isPending}>
            {t("firstRun.create")}
          </Button>
          {create.isPending && (
            <Text role="status" size="sm" c="dimmed" ta="center">
              {t("firstRun.creating")}
            </Text>
          )}
          <Button variant="subtle" onClick={onRestore} disabled={create.isPending}>
            {t("firstRun.restore")}
          </Button>
        </Stack>
      </form>
    </VaultLayout>
  );
}

import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { NewPassphraseFields, useNewPassphrase } from "../../components/NewPassphraseFields";
import { PasswordField } from "../../components/PasswordField";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { isIpcError, rotateKey } from "../../lib/ipc";
import { RecoveryKeyPanel } from "../vault/RecoveryKeyPanel";

/**
 * The Settings screen's "make a new key": new data key, passphrase and recovery key, for when
 * something may have leaked. The new recovery key is shown once, until the user says it is stored.
 */
export function RotateKey() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState("");
  const next = useNewPassphrase();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);

  const rotate = useMutation({
    mutationFn: () => rotateKey(current, next.passphrase),
    onSuccess: () => {
      setCurrent("");
      next.reset();
      // The keys remembered on this device are forgotten.
      void queryClient.invalidateQueries({ queryKey: queryKeys.vaultStatus });
    },
    onSettled: () => setAsking(false),
  });

  const canSubmit = current !== "" && next.ready && !rotate.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    setDone(false);
    rotate.reset();
    setAsking(true);
  };

  const wrongCurrent = isIpcError(rotate.error, "wrong_passphrase");
  const weak = isIpcError(rotate.error, "weak_passphrase");
  // Only in the mutation, which "Done" resets: once the dialog closes the key is gone.
  const recoveryKey = rotate.data?.recovery_key ?? null;

  return (
    <Stack gap="md">
      <Text>{t("rotate.intro")}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={420}>
          <PasswordField
            label={t("rotate.current")}
            value={current}
            onChange={(event) => {
              setCurrent(event.currentTarget.value);
              setDone(false);
              if (wrongCurrent) rotate.reset();
            }}
            autoComplete="current-password"
            error={wrongCurrent ? t("error.wrong_passphrase") : undefined}
            disabled={rotate.isPending}
          />
          <NewPassphraseFields
            state={next}
            passphraseLabel={t("rotate.next")}
            confirmLabel={t("rotate.confirm")}
            passphraseError={weak ? t("error.weak_passphrase") : null}
            disabled={rotate.isPending}
          />
          {rotate.isError && !wrongCurrent && !weak && <ErrorAlert error={rotate.error} />}
          {done && <StatusNote>{t("rotate.finished")}</StatusNote>}
          <Group>
            <Button type="submit" disabled={!canSubmit} loading={rotate.isPending}>
              {t("rotate.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={asking}
        title={t("rotate.question")}
        message={
          <Stack gap="sm">
            <Text size="sm">{t("rotate.questionText")}</Text>
            {rotate.isPending && (
              <Text size="sm" role="status">
                {t("rotate.busy")}
              </Text>
            )}
          </Stack>
        }
        confirmLabel={t("rotate.yes")}
        onConfirm={() => rotate.mutate()}
        onCancel={() => setAsking(false)}
        busy={rotate.isPending}
      />
      {/* No way out but "Done": the key is never shown again. */}
      <Modal
        opened={recoveryKey !== null}
        onClose={() => undefined}
        title={t("rotate.keyTitle")}
        withCloseButton={false}
        closeOnEscape={false}
        closeOnClickOutside={false}
        size="lg"
        centered
      >
        {recoveryKey !== null && (
          <Stack gap="md">
            <Text>{t("rotate.keyIntro")}</Text>
            <RecoveryKeyPanel
              recoveryKey={recoveryKey}
              vaultId={rotate.data?.vault_id ?? ""}
              label={t("rotate.keyLabel")}
              continueLabel={t("rotate.done")}
              onContinue={() => {
                rotate.reset();
                setDone(true);
              }}
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

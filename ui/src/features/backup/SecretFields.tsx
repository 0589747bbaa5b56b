import { Checkbox, Stack } from "@mantine/core";
import { useState } from "react";

import { PasswordField } from "../../components/PasswordField";
import { useI18n } from "../../i18n";

export type Secret = { useRecovery: boolean; value: string };

export function useSecret() {
  const [secret, setSecret] = useState<Secret>({ useRecovery: false, value: "" });
  const filled = secret.value.trim() !== "";
  /** The arguments of the backup commands: the passphrase or the recovery key, the other null. */
  const args = (): [string | null, string | null] =>
    secret.useRecovery ? [null, secret.value.trim()] : [secret.value, null];
  return { secret, setSecret, filled, args, clear: () => setSecret((s) => ({ ...s, value: "" })) };
}

/** The passphrase of a backup, or (toggled) the recovery key. */
export function SecretFields({
  state,
  disabled,
}: {
  state: ReturnType<typeof useSecret>;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const { secret, setSecret } = state;
  return (
    <Stack gap="sm">
      <PasswordField
        key={secret.useRecovery ? "recovery" : "passphrase"}
        label={secret.useRecovery ? t("restore.recoveryKey") : t("restore.passphrase")}
        value={secret.value}
        onChange={(event) => setSecret({ ...secret, value: event.currentTarget.value })}
        autoComplete="off"
        disabled={disabled}
      />
      <Checkbox
        label={t("restore.useRecovery")}
        checked={secret.useRecovery}
        onChange={(event) => setSecret({ useRecovery: event.currentTarget.checked, value: "" })}
        disabled={disabled}
      />
    </Stack>
  );
}

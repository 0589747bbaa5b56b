import { Stack } from "@mantine/core";
import { useState } from "react";

import { PasswordField } from "./PasswordField";
import { StrengthMeter } from "./StrengthMeter";
import { usePassphraseStrength } from "./usePassphraseStrength";
import { useI18n } from "../i18n";

/** State of a "new passphrase + repeat" pair with its backend strength. */
export function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const { strength, pending } = usePassphraseStrength(passphrase);
  const matches = passphrase !== "" && passphrase === confirm;
  return {
    passphrase,
    setPassphrase,
    confirm,
    setConfirm,
    strength,
    pending,
    matches,
    /** Strong enough for the backend and typed the same twice. */
    ready: matches && strength?.acceptable === true,
    reset: () => {
      setPassphrase("");
      setConfirm("");
    },
  };
}

export type NewPassphrase = ReturnType<typeof useNewPassphrase>;

type Props = {
  state: NewPassphrase;
  passphraseLabel: string;
  confirmLabel: string;
  /** An error for the new passphrase from the backend (e.g. weak_passphrase). */
  passphraseError?: string | null;
  autoFocus?: boolean;
  disabled?: boolean;
};

export function NewPassphraseFields({
  state,
  passphraseLabel,
  confirmLabel,
  passphraseError,
  autoFocus,
  disabled,
}: Props) {
  const { t } = useI18n();
  const { passphrase, confirm } = state;
  // Complain only once the repeat can no longer become equal by typing on.
  const mismatch =
    confirm !== "" &&
    confirm !== passphrase &&
    (confirm.length >= passphrase.length || !passphrase.startsWith(confirm));

  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <PasswordField
          label={passphraseLabel}
          value={passphrase}
          onChange={(event) => state.setPassphrase(event.currentTarget.value)}
          autoComplete="new-password"
          autoFocus={autoFocus}
          disabled={disabled}
          error={passphraseError ?? undefined}
        />
        <StrengthMeter passphrase={passphrase} strength={state.strength} pending={state.pending} />
      </Stack>
      <PasswordField
        label={confirmLabel}
        value={confirm}
        onChange={(event) => state.setConfirm(event.currentTarget.value)}
        autoComplete="new-password"
        disabled={disabled}
        error={mismatch ? t("passphrase.mismatch") : undefined}
      />
    </Stack>
  );
}

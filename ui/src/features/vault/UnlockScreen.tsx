import { Anchor, Button, Center, Divider, Loader, Stack, Text } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { useSession, useSessionState } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import { PasswordField } from "../../components/PasswordField";
import { StatusNote } from "../../components/StatusNote";
import { VaultLayout } from "../../components/VaultLayout";
import type { VaultStatus } from "../../bindings/VaultStatus";
import { useI18n } from "../../i18n";
import { unlock, unlockRemembered } from "../../lib/ipc";
import { RecoveryForm } from "./RecoveryForm";

type Props = {
  status: VaultStatus;
  /** Restore a backup over this vault (a broken vault, or back to an older backup). */
  onRestore: () => void;
};

export function UnlockScreen({ status, onRestore }: Props) {
  const [mode, setMode] = useState<"passphrase" | "recovery">("passphrase");
  if (mode === "recovery") return <RecoveryForm onBack={() => setMode("passphrase")} />;
  return <PassphraseUnlock status={status} onRestore={onRestore} onForgot={() => setMode("recovery")} />;
}

function PassphraseUnlock({ status, onRestore, onForgot }: Props & { onForgot: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const { lockReason } = useSessionState();
  const [passphrase, setPassphrase] = useState("");
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const byPassphrase = useMutation({
    mutationFn: (value: string) => unlock(value),
    onSuccess: (purge) => session.unlocked({}, purge),
    onError: () => {
      setPassphrase("");
      inputRef.current?.focus();
    },
  });

  const byRemembered = useMutation({
    mutationFn: unlockRemembered,
    onSuccess: (purge) => session.unlocked({}, purge),
  });
  const { mutate: unlockWithRememberedKey } = byRemembered;

  // Once per app start, a remembered key opens the vault without asking.
  // After a lock during the session the user has to ask for it (button below).
  useEffect(() => {
    if (status.remembered && session.claimAutoUnlock()) unlockWithRememberedKey();
  }, [status.remembered, session, unlockWithRememberedKey]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (byPassphrase.isPending) return;
    if (passphrase === "") {
      setMissing(true);
      return;
    }
    byRemembered.reset();
    byPassphrase.mutate(passphrase);
  };

  if (byRemembered.isPending) {
    return (
      <VaultLayout>
        <Stack gap="md">
          <PageTitle>{t("unlock.title")}</PageTitle>
          <Center role="status">
            <Stack align="center" gap="sm">
              <Loader aria-hidden />
              <Text c="dimmed">{t("unlock.autoUnlocking")}</Text>
            </Stack>
          </Center>
        </Stack>
      </VaultLayout>
    );
  }

  return (
    <VaultLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PageTitle>{t("unlock.title")}</PageTitle>
          {lockReason === "idle" && <StatusNote tone="info">{t("unlock.idleLocked")}</StatusNote>}
          <Text>{t("unlock.intro")}</Text>
          {byRemembered.isError && (
            <ErrorAlert error={byRemembered.error} title={t("unlock.rememberedFailed")} />
          )}
          <PasswordField
            ref={inputRef}
            label={t("unlock.passphrase")}
            value={passphrase}
            onChange={(event) => {
              setPassphrase(event.currentTarget.value);
              setMissing(false);
            }}
            autoComplete="current-password"
            autoFocus
            error={missing ? t("unlock.required") : undefined}
            disabled={byPassphrase.isPending}
          />
          {byPassphrase.isError && <ErrorAlert error={byPassphrase.error} />}
          <Button type="submit" size="md" loading={byPassphrase.isPending}>
            {t("unlock.submit")}
          </Button>
          {status.remembered && (
            <Button
              variant="light"
              leftSection={<IconKey size={18} aria-hidden />}
              onClick={() => {
                byPassphrase.reset();
                unlockWithRememberedKey();
              }}
            >
              {t("unlock.useRemembered")}
            </Button>
          )}
          <Divider />
          <Anchor component="button" type="button" onClick={onForgot} ta="center" size="sm">
            {t("unlock.forgot")}
          </Anchor>
          <Anchor
            component="button"
            type="button"
            onClick={onRestore}
            disabled={byPassphrase.isPending}
            ta="center"
            size="sm"
          >
            {t("unlock.restore")}
          </Anchor>
        </Stack>
      </form>
    </VaultLayout>
  );
}

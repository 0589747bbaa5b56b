import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

import type { VaultStatus } from "../../bindings/VaultStatus";
import { PageTitle } from "../../components/PageTitle";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n";
import { BackupSettings } from "../backup/BackupSettings";
import { ChangePassphrase } from "./ChangePassphrase";
import { CheckVault } from "./CheckVault";
import { ControllerSettings } from "./ControllerSettings";
import { DeviceSettings } from "./DeviceSettings";
import { GeneralSettings } from "./GeneralSettings";
import { useSettings } from "./queries";
import { RotateKey } from "./RotateKey";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id} maw={640}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function SettingsScreen({ status }: { status: VaultStatus }) {
  const { t } = useI18n();
  const settings = useSettings();

  return (
    <Stack gap="lg">
      <PageTitle focusOnMount>{t("settings.title")}</PageTitle>
      <Section id="settings-general" title={t("settings.general")}>
        <QueryState query={settings} dense>
          {(current) => <GeneralSettings settings={current} />}
        </QueryState>
      </Section>
      <Section id="settings-controller" title={t("controller.heading")}>
        <ControllerSettings />
      </Section>
      <Section id="settings-passphrase" title={t("settings.passphraseHeading")}>
        <ChangePassphrase />
      </Section>
      <Section id="settings-rotate" title={t("settings.rotateHeading")}>
        <RotateKey />
      </Section>
      <Section id="settings-backup" title={t("backup.heading")}>
        <BackupSettings />
      </Section>
      <Section id="settings-device" title={t("settings.deviceHeading")}>
        <DeviceSettings status={status} />
      </Section>
      <Section id="settings-check" title={t("settings.checkHeading")}>
        <CheckVault />
      </Section>
      <Text size="sm" c="dimmed" maw={640} style={{ overflowWrap: "anywhere" }}>
        {t("settings.vaultDir")}: {status.vault_dir}
      </Text>
    </Stack>
  );
}

import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconShieldCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";

import type { CheckName } from "../../bindings/CheckName";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n, type MessageKey } from "../../i18n";
import { checkVault } from "../../lib/ipc";

const NAMES: Record<CheckName, MessageKey> = {
  cipher_integrity: "settings.checkName.cipher_integrity",
  integrity: "settings.checkName.integrity",
  foreign_keys: "settings.checkName.foreign_keys",
  audit_chain: "settings.checkName.audit_chain",
};

/** "Check vault": runs every integrity check in the core and says the outcome in plain words. */
export function CheckVault() {
  const { t } = useI18n();
  const check = useMutation({ mutationFn: checkVault });
  const report = check.data;

  return (
    <Stack gap="md">
      <Text>{t("settings.checkIntro")}</Text>
      {check.isError && <ErrorAlert error={check.error} />}
      {report?.ok && <StatusNote>{t("settings.checkOk")}</StatusNote>}
      {report && !report.ok && (
        <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden size={20} />}>
          {t("settings.checkFailed")}
        </Alert>
      )}
      {report && (
        <List aria-label={t("settings.checkHeading")} spacing={4}>
          {report.checks.map((c) => (
            <List.Item key={c.check}>
              {t(NAMES[c.check])}: {c.ok ? t("settings.checkPassed") : t("settings.checkBroken")}
            </List.Item>
          ))}
        </List>
      )}
      <div>
        <Button
          variant="default"
          leftSection={<IconShieldCheck size={18} aria-hidden />}
          loading={check.isPending}
          onClick={() => check.mutate()}
        >
          {t("settings.check")}
        </Button>
      </div>
    </Stack>
  );
}

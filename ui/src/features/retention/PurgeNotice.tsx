import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useSession, useSessionState } from "../../app/session";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n";
import { purgeNow } from "../../lib/ipc";
import { invalidateAfterDeletion } from "./queries";
import { PurgeResult } from "./PurgeResult";
import type { RetentionTab } from "./RetentionScreen";

/**
 * The start-up notice on the contacts screen: what the retention purge did when the vault
 * opened. A purge paused before a mass deletion asks here whether to go on anyway.
 */
export function StartupPurgeNotice({ onOpenRetention }: { onOpenRetention: (tab: RetentionTab) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const { purgeReport: report } = useSessionState();
  const [asking, setAsking] = useState(false);
  // Set once the user ran the clean-up from here: then "nothing removed" is worth saying.
  const [ranHere, setRanHere] = useState(false);

  const purge = useMutation({
    mutationFn: () => purgeNow(true),
    onSuccess: async (result) => {
      setAsking(false);
      setRanHere(true);
      session.setPurgeReport(result);
      await invalidateAfterDeletion(queryClient);
    },
  });

  if (report === null) return null;
  const dismiss = () => session.setPurgeReport(null);

  if (report.stopped === "confirm") {
    const counts = { due: report.contacts_due, total: report.contacts_total };
    return (
      <>
        <Alert
          role="alert"
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden size={20} />}
          withCloseButton
          closeButtonLabel={t("purge.dismiss")}
          onClose={dismiss}
        >
          <Stack gap="sm">
            <Text size="sm">{t("purge.paused", counts)}</Text>
            <Group gap="sm">
              <Button variant="default" size="compact-md" onClick={() => onOpenRetention("plan")}>
                {t("purge.viewPlan")}
              </Button>
              <Button
                color="orange"
                size="compact-md"
                onClick={() => {
                  purge.reset();
                  setAsking(true);
                }}
              >
                {t("purge.confirmAnyway")}
              </Button>
            </Group>
          </Stack>
        </Alert>
        <ConfirmDialog
          opened={asking}
          title={t("purge.confirmTitle")}
          message={t("purge.confirmText", counts)}
          confirmLabel={t("purge.confirmAnyway")}
          onConfirm={() => purge.mutate()}
          onCancel={() => setAsking(false)}
          busy={purge.isPending}
          error={purge.isError ? <ErrorAlert error={purge.error} /> : undefined}
        />
      </>
    );
  }

  return (
    <PurgeResult
      report={report}
      showNothing={ranHere}
      onOpenLog={() => onOpenRetention("log")}
      onClose={dismiss}
    />
  );
}

import { Alert, Anchor, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";

import type { PurgeReport } from "../../bindings/PurgeReport";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { queuedText, removedCount, removedText } from "./labels";

type Props = {
  report: PurgeReport;
  /** Say so when nothing was removed (after a clean-up the user asked for). */
  showNothing?: boolean;
  /** Shows the link-button to the deletion log. */
  onOpenLog?: () => void;
  /** Makes the note dismissible. */
  onClose?: () => void;
};

/** The warning that the clock runs behind the last purge (nothing was removed). */
export function ClockWarning({ onClose }: { onClose?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      role="alert"
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden size={20} />}
      withCloseButton={onClose !== undefined}
      closeButtonLabel={t("purge.dismiss")}
      onClose={onClose}
    >
      {t("purge.clock")}
    </Alert>
  );
}

/**
 * What a purge did: how many items went (with a way to the deletion log), or the clock
 * warning. A purge stopped for confirmation is the caller's to ask about; this shows nothing.
 */
export function PurgeResult({ report, showNothing = false, onOpenLog, onClose }: Props) {
  const { t, locale } = useI18n();
  if (report.stopped === "clock") return <ClockWarning onClose={onClose} />;
  if (report.stopped !== null) return null;
  const removed = removedCount(report);
  if (removed === 0 && !showNothing) return null;
  return (
    <StatusNote
      tone={removed === 0 ? "info" : "success"}
      withCloseButton={onClose !== undefined}
      closeButtonLabel={t("purge.dismiss")}
      onClose={onClose}
    >
      <Stack gap={4} align="flex-start">
        <Text size="sm" fw={600}>
          {removed === 0 ? t("purge.nothing") : removedText(t, locale, report)}
        </Text>
        {report.queued_for_review > 0 && <Text size="sm">{queuedText(t, report.queued_for_review)}</Text>}
        {onOpenLog && removed > 0 && (
          <Anchor component="button" type="button" size="sm" onClick={onOpenLog}>
            {t("purge.viewLog")}
          </Anchor>
        )}
      </Stack>
    </StatusNote>
  );
}

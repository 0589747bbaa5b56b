import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

import { useI18n } from "../i18n";

type Props = {
  opened: boolean;
  /** The question, shown as the dialog's heading. */
  title: string;
  /** What will happen, in words. */
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** Shown below the message, e.g. an <ErrorAlert>. */
  error?: ReactNode;
  /** Extra controls next to the buttons (e.g. a way to the place that has to change first). */
  extra?: ReactNode;
};

/**
 * Asks before something that cannot be undone (a modal dialog: focus stays inside, Escape
 * cancels). "Cancel" has the focus first, so Enter alone never deletes anything.
 */
export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  error,
  extra,
}: Props) {
  const { t } = useI18n();
  return (
    <Modal
      opened={opened}
      onClose={() => {
        if (!busy) onCancel();
      }}
      title={title}
      centered
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md">
        {typeof message === "string" ? <Text size="sm">{message}</Text> : message}
        {error}
        <Group gap="sm" justify="flex-end">
          {extra}
          <Button variant="default" onClick={onCancel} disabled={busy} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

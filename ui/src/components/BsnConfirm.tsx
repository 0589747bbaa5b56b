import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";

import { useI18n } from "../i18n";
import { isIpcError } from "../lib/ipc";

/**
 * The "is this a BSN?" question. A call that may hold free text is made with
 * `confirmNotBsn: false`; when the backend answers `bsn_suspected`, `ask` keeps
 * what was sent, and the confirmation repeats the call with `confirmNotBsn: true`.
 */
export function useBsnCheck<V>() {
  const [pending, setPending] = useState<{ vars: V } | null>(null);
  return {
    /** What the question is about, or null when no question is open. */
    pending,
    /** Opens the question when `error` is a BSN suspicion; returns whether it was one. */
    ask: (error: unknown, vars: V): boolean => {
      if (!isIpcError(error, "bsn_suspected")) return false;
      setPending({ vars });
      return true;
    },
    clear: (): void => setPending(null),
  };
}

type Props = {
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
};

/** Asks whether a number that looks like a BSN really is not one (announced as an alert). */
export function BsnConfirm({ onConfirm, onCancel, busy = false }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="alert"
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden size={20} />}
      style={{ outlineOffset: 2 }}
    >
      <Stack gap="sm">
        <Text size="sm">{t("bsn.question")}</Text>
        <Group gap="sm">
          <Button color="orange" onClick={onConfirm} loading={busy}>
            {t("bsn.confirm")}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

import { Alert, Stack, Text } from "@mantine/core";
import { IconClockHour4 } from "@tabler/icons-react";
import { useEffect, useState } from "react";

import { StatusNote } from "../components/StatusNote";
import { useI18n } from "../i18n";
import { onIdleWarning } from "../lib/ipc";
import { useSession, useSessionState } from "./session";
import { sendTouch } from "./useActivityTouch";
import { useBackendEvent } from "./useBackendEvent";

const ACTIVITY = ["keydown", "mousedown", "wheel"] as const;

/** Whole seconds as m:ss ("1:00", "0:09"). */
function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The backend's warning that the idle lock is near (it knows the limit and sends the seconds
 * left), with a visible countdown. Any key, click or wheel tells the backend at once (not
 * waiting for the touch throttle) and closes the warning.
 */
export function IdleWarning() {
  const { t } = useI18n();
  const session = useSession();
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useBackendEvent<number>(onIdleWarning, (secondsLeft) => {
    const at = Date.now();
    setNow(at);
    setDeadline(at + secondsLeft * 1000);
  });

  useEffect(() => {
    if (deadline === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    const onActivity = () => {
      setDeadline(null);
      sendTouch(session, true);
    };
    const options = { capture: true, passive: true } as const;
    ACTIVITY.forEach((name) => window.addEventListener(name, onActivity, options));
    return () => {
      window.clearInterval(timer);
      ACTIVITY.forEach((name) => window.removeEventListener(name, onActivity, options));
    };
  }, [deadline, session]);

  if (deadline === null) return null;
  return (
    <Alert role="alert" color="orange" variant="light" mb="md" icon={<IconClockHour4 aria-hidden size={20} />}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t("idle.warning")}{" "}
          <span role="timer" aria-label={t("idle.timer")}>
            {clock((deadline - now) / 1000)}
          </span>
        </Text>
        <Text size="sm">{t("idle.keepWorking")}</Text>
      </Stack>
    </Alert>
  );
}

/** After unlocking from an idle lock: what was typed and not saved then is gone. */
export function AfterIdleLockNote() {
  const { t } = useI18n();
  const session = useSession();
  const { afterIdleLock } = useSessionState();
  if (!afterIdleLock) return null;
  return (
    <StatusNote
      tone="info"
      mb="md"
      withCloseButton
      closeButtonLabel={t("idle.dismiss")}
      onClose={() => session.dismissAfterIdleLock()}
    >
      {t("idle.discarded")}
    </StatusNote>
  );
}

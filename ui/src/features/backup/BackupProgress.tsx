import { Paper, Progress, Stack, Text } from "@mantine/core";
import { useIsMutating } from "@tanstack/react-query";
import { useId, useState } from "react";

import { mutationKeys } from "../../app/queryKeys";
import { useBackendEvent } from "../../app/useBackendEvent";
import type { Progress as ProgressReport } from "../../bindings/Progress";
import type { Step } from "../../bindings/Step";
import { useI18n, type MessageKey } from "../../i18n";
import { onAutoBackup, onBackupProgress } from "../../lib/ipc";

const STEP_TEXT: Record<Step, MessageKey> = {
  snapshot: "backupProgress.snapshot",
  encrypt: "backupProgress.encrypt",
  verify: "backupProgress.verify",
  write: "backupProgress.write",
  check: "backupProgress.check",
  erasures: "backupProgress.erasures",
  purge: "backupProgress.purge",
  swap: "backupProgress.swap",
};

/** The steps counted in bytes; the others only say "started" (0 of 1) and "done" (1 of 1). */
function measured(step: Step): boolean {
  return step === "encrypt" || step === "verify";
}

/** How far a step is, in whole per cent (as the backend counts: a step without size is done). */
function percentOf({ done, total }: ProgressReport): number {
  return total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 100;
}

/**
 * The latest `backup-progress` event while `listening` (null before the first one); starts over
 * whenever `listening` changes. Subscribed for as long as it is mounted, so the first events of
 * work started here are not missed while a listener registers.
 */
function useBackupProgress(listening: boolean) {
  const [progress, setProgress] = useState<ProgressReport | null>(null);
  const [wasListening, setWasListening] = useState(listening);
  if (listening !== wasListening) {
    setWasListening(listening);
    setProgress(null);
  }
  useBackendEvent(onBackupProgress, (next) => {
    if (listening) setProgress(next);
  });
  return { progress, clear: () => setProgress(null) };
}

/** The bar and, above it, the step in words ("Back-up versleutelen: 45%"). */
function ProgressView({ progress }: { progress: ProgressReport }) {
  const { t } = useI18n();
  const textId = useId();
  const percent = percentOf(progress);
  const counted = measured(progress.step);
  return (
    <Stack gap={6}>
      <Text size="sm" id={textId}>
        {t(STEP_TEXT[progress.step], { percent })}
      </Text>
      <Progress.Root size="lg" transitionDuration={150}>
        {/* A short step has no measure: a moving full bar, without a value for assistive tech. */}
        <Progress.Section
          value={counted ? percent : 100}
          striped={!counted}
          animated={!counted}
          withAria={counted}
          role="progressbar"
          aria-label={t("backupProgress.label")}
          aria-describedby={textId}
        />
      </Progress.Root>
    </Stack>
  );
}

/** How far the backup work is that runs while `running` (work the user started on this screen). */
export function BackupProgress({ running }: { running: boolean }) {
  const { progress } = useBackupProgress(running);
  return progress === null ? null : <ProgressView progress={progress} />;
}

/**
 * The shell's bar for the automatic backups: backup progress that nobody started in this
 * window. It goes when the backup is written or the outcome (`auto-backup`) comes in.
 */
export function AutoBackupProgress() {
  const userBusy = useIsMutating({ mutationKey: mutationKeys.backupWork }) > 0;
  const { progress, clear } = useBackupProgress(!userBusy);
  useBackendEvent(onAutoBackup, clear);
  // Automatic work is always a backup, over once encrypted. Checking that also keeps away an
  // event of the user's own work that arrives after the command has already answered.
  if (progress === null || !(progress.step === "snapshot" || progress.step === "encrypt")) return null;
  if (progress.step === "encrypt" && progress.done >= progress.total) return null;
  return (
    <Paper withBorder p="sm" mb="md">
      <ProgressView progress={progress} />
    </Paper>
  );
}

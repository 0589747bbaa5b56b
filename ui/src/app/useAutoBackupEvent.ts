import { onAutoBackup } from "../lib/ipc";
import type { Session } from "./session";
import { useBackendEvent } from "./useBackendEvent";

/**
 * Keeps what the automatic backups did for the shell's notice. Listens for the whole app's
 * life, so an outcome that comes in right after unlocking (before the shell is up) is not lost.
 */
export function useAutoBackupEvent(session: Session): void {
  useBackendEvent(onAutoBackup, (outcome) => session.autoBackupDone(outcome));
}

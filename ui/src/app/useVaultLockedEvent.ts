import { onVaultLocked } from "../lib/ipc";
import type { Session } from "./session";
import { useBackendEvent } from "./useBackendEvent";

/** Returns to the unlock screen when the backend locks the vault by itself. */
export function useVaultLockedEvent(session: Session): void {
  useBackendEvent<void>(onVaultLocked, () => session.locked("idle"));
}

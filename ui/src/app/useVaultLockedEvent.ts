import { useEffect } from "react";

import { onVaultLocked } from "../lib/ipc";
import type { Session } from "./session";

/** Returns to the unlock screen when the backend locks the vault by itself. */
export function useVaultLockedEvent(session: Session): void {
  useEffect(() => {
    let disposed = false;
    let stop: (() => void) | null = null;
    onVaultLocked(() => session.locked("idle")).then(
      (unlisten) => {
        if (disposed) unlisten();
        else stop = unlisten;
      },
      () => {
        // Not running inside Tauri (plain browser): there are no backend events.
      },
    );
    return () => {
      disposed = true;
      stop?.();
    };
  }, [session]);
}

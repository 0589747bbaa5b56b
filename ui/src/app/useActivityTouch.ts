import { useEffect } from "react";

import { isIpcError, touch } from "../lib/ipc";
import type { Session } from "./session";

export const TOUCH_INTERVAL_MS = 30_000;

const EVENTS = ["keydown", "mousedown", "wheel"] as const;

/**
 * Tells the backend the user is active (resets its idle timer), at most once
 * per TOUCH_INTERVAL_MS, on keyboard, mouse and wheel input.
 */
export function useActivityTouch(session: Session): void {
  useEffect(() => {
    let last = Number.NEGATIVE_INFINITY;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < TOUCH_INTERVAL_MS) return;
      last = now;
      touch().catch((error: unknown) => {
        if (isIpcError(error, "locked")) session.locked("idle");
      });
    };
    const options = { capture: true, passive: true } as const;
    EVENTS.forEach((name) => window.addEventListener(name, onActivity, options));
    return () => {
      EVENTS.forEach((name) => window.removeEventListener(name, onActivity, options));
    };
  }, [session]);
}

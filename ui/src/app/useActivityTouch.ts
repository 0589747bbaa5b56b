import { useEffect } from "react";

import { isIpcError, touch } from "../lib/ipc";
import type { Session } from "./session";

export const TOUCH_INTERVAL_MS = 30_000;
/** A forced touch (the idle warning's key press) still skips one sent this recently. */
const FORCED_GAP_MS = 1_000;

const EVENTS = ["keydown", "mousedown", "wheel"] as const;

// When the last touch went out, shared by the throttle and the idle warning.
let lastTouch = Number.NEGATIVE_INFINITY;

/**
 * Tells the backend the user is active (resets its idle timer): at most once per
 * TOUCH_INTERVAL_MS, or with `force` (the idle lock is near) at once unless one just went out.
 */
export function sendTouch(session: Session, force = false): void {
  const now = Date.now();
  if (now - lastTouch < (force ? FORCED_GAP_MS : TOUCH_INTERVAL_MS)) return;
  lastTouch = now;
  touch().catch((error: unknown) => {
    if (isIpcError(error, "locked")) session.locked("idle");
  });
}

/** Sends `touch` on keyboard, mouse and wheel input, throttled (see `sendTouch`). */
export function useActivityTouch(session: Session): void {
  useEffect(() => {
    lastTouch = Number.NEGATIVE_INFINITY;
    const onActivity = () => sendTouch(session);
    const options = { capture: true, passive: true } as const;
    EVENTS.forEach((name) => window.addEventListener(name, onActivity, options));
    return () => {
      EVENTS.forEach((name) => window.removeEventListener(name, onActivity, options));
    };
  }, [session]);
}

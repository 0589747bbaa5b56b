import { useEffect, useEffectEvent } from "react";

/** One of the `on…` event functions of lib/ipc: registers a handler, resolves to "stop listening". */
type Subscribe<T> = (handler: (payload: T) => void) => Promise<() => void>;

/** Calls `handler` with every event `subscribe` delivers while the component is mounted. */
export function useBackendEvent<T>(subscribe: Subscribe<T>, handler: (payload: T) => void): void {
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    let disposed = false;
    let stop: (() => void) | null = null;
    subscribe((payload) => onEvent(payload)).then(
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
  }, [subscribe]);
}

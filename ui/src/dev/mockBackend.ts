// `npm run dev:mock`: the UI in a plain browser, answered by the static fixtures in
// ./fixtures.ts instead of the Rust backend. Only loaded in that mode (see src/main.tsx); never
// in a build. To see what the app really does, run it (`make run`).
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";

import type { ApiError } from "../bindings/ApiError";
import { VAULT_LOCKED_EVENT } from "../lib/ipc";
import { byName, fixtureHandlers, type Args } from "./fixtures";

/** `?state=new` (first run), `?state=locked`, else unlocked; `&remembered=1`, `&lang=en`. */
export function installMockBackend(): void {
  const params = new URLSearchParams(window.location.search);
  const state = params.get("state");
  const handlers = fixtureHandlers({
    exists: state !== "new",
    unlocked: state !== "new" && state !== "locked",
    remembered: params.get("remembered") === "1",
    language: params.get("lang") === "en" ? "en" : "nl",
  });

  mockIPC(
    (command, args) => {
      const handler = byName(handlers)[command];
      // The dialog plugin: as if the user cancelled (paths can be typed into the screens).
      if (command.startsWith("plugin:")) return null;
      if (!handler) throw { code: "internal", message: `no fixture for ${command}`, field: null } satisfies ApiError;
      return handler((args ?? {}) as Args);
    },
    { shouldMockEvents: true },
  );

  // The idle lock, by hand: window.kluisMockIdleLock() in the console.
  Object.assign(window, {
    kluisMockIdleLock: () => {
      handlers.lock?.({});
      void emit(VAULT_LOCKED_EVENT);
    },
  });
}

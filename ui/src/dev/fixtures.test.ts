// The fixtures of `npm run dev:mock` answer exactly the commands the UI calls.
import { clearMocks } from "@tauri-apps/api/mocks";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import ipcSource from "../lib/ipc.ts?raw";
import { renderApp } from "../test/render";
import { byName, fixtureHandlers } from "./fixtures";
import { installMockBackend } from "./mockBackend";

/** Every command name `src/lib/ipc.ts` passes as the first argument of a (lower-case) function. */
function commandsCalledByUi(): string[] {
  const names = [...ipcSource.matchAll(/\b[a-z]\w*(?:<[^>()]*>)?\(\s*"([a-z][a-z0-9_]*)"/g)].map((m) => m[1] ?? "");
  return [...new Set(names)].sort();
}

describe("dev fixtures", () => {
  const handlers = fixtureHandlers({ exists: true, unlocked: true, remembered: false, language: "nl" });

  it("have a handler for every command the UI calls, and none for others", () => {
    const called = commandsCalledByUi();
    expect(called.length).toBeGreaterThan(60);
    expect(Object.keys(handlers).sort()).toEqual(called);
  });

  it("answer every command with a value", () => {
    const args = { input: { purposes: [] }, settings: { language: "nl", auto_lock_minutes: 10 }, zipPath: null };
    for (const [name, handler] of Object.entries(byName(handlers))) {
      expect(handler?.(args), name).not.toBeUndefined();
    }
  });
});

describe("dev:mock", () => {
  afterEach(async () => {
    cleanup();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the listeners are removed
    clearMocks();
    window.history.replaceState(null, "", "/");
  });

  it("starts the app on the contact list, and locked with ?state=locked", async () => {
    installMockBackend();
    renderApp();
    expect(await screen.findByRole("button", { name: "Anna de Boer" })).toBeInTheDocument();
    cleanup();
    window.history.replaceState(null, "", "/?state=locked");
    installMockBackend();
    const { user } = renderApp();
    await user.type(await screen.findByLabelText("Wachtwoord"), "iets");
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("button", { name: "Anna de Boer" })).toBeInTheDocument();
  });
});

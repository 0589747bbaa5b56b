// The fixtures of `npm run dev:mock` answer exactly the commands the UI calls.
import { describe, expect, it } from "vitest";

import ipcSource from "../lib/ipc.ts?raw";
import { fixtureHandlers } from "./fixtures";

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
    const args = { input: {}, settings: { language: "nl", auto_lock_minutes: 10 }, zipPath: null };
    for (const [name, handler] of Object.entries(handlers)) {
      expect(handler(args), name).not.toBeUndefined();
    }
  });
});

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { callsOf, DUTCH, emitEvent, summary, installBackend, installEvents, vaultStatus } from "../test/backend";
import { renderApp } from "../test/render";
import { TOUCH_INTERVAL_MS } from "./useActivityTouch";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

beforeEach(() => {
  installEvents();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function unlockedBackend() {
  let status = vaultStatus();
  installBackend({
    vault_status: () => status,
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [summary({ name: "Anna de Boer" })], total: 1 }),
    touch: () => null,
    lock: () => {
      status = { ...status, unlocked: false };
      return null;
    },
    quit: () => null,
  });
  return {
    lockFromBackend: () => {
      status = { ...status, unlocked: false };
    },
  };
}

describe("app shell", () => {
  it("returns to the unlock screen on vault-locked and forgets personal data", async () => {
    const backend = unlockedBackend();
    const { session } = renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).not.toHaveLength(0);

    backend.lockFromBackend();
    emitEvent("vault-locked", null);

    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    expect(screen.getByRole("status")).toHaveTextContent("niet actief");
    expect(screen.queryByText("Anna de Boer")).toBeNull();
    expect(callsOf("list_contacts")).toHaveLength(1);
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).toHaveLength(0);
    // Settings (no personal data) stay, so the language stays.
    expect(session.queryClient.getQueryData(["settings"])).toEqual(DUTCH);
  });

  it("locks with the lock button", async () => {
    unlockedBackend();
    const { user, session } = renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    await user.click(screen.getByRole("button", { name: "Vergrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    expect(callsOf("lock")).toHaveLength(1);
    // Nothing asked for personal data again while locking.
    expect(callsOf("list_contacts")).toHaveLength(1);
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).toHaveLength(0);
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("quits with the quit button (the backend backs up and closes the app)", async () => {
    unlockedBackend();
    const { user } = renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    await user.click(screen.getByRole("button", { name: "Afsluiten" }));
    expect(callsOf("quit")).toHaveLength(1);
  });

  it("sends touch at most once per 30 seconds of user input", async () => {
    unlockedBackend();
    let now = 1_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => now);
    renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });

    fireEvent.keyDown(window, { key: "a" });
    fireEvent.mouseDown(document.body);
    fireEvent.wheel(document.body);
    expect(callsOf("touch")).toHaveLength(1);

    now += TOUCH_INTERVAL_MS - 1;
    fireEvent.keyDown(window, { key: "b" });
    expect(callsOf("touch")).toHaveLength(1);

    now += 1;
    fireEvent.wheel(document.body);
    expect(callsOf("touch")).toHaveLength(2);
  });

  it("navigates to the settings and switches the language", async () => {
    let settings = DUTCH;
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => settings,
      list_contacts: () => ({ items: [], total: 0 }),
      set_settings: (args) => {
        settings = args.settings as typeof DUTCH;
        return null;
      },
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Instellingen" }));
    await screen.findByRole("heading", { level: 1, name: "Instellingen" });
    const language = screen.getByRole("group", { name: "Taal" });
    expect(within(language).getByRole("button", { name: "Nederlands" })).toHaveAttribute("aria-pressed", "true");
    // Choosing a language applies and saves it at once.
    await user.click(within(language).getByRole("button", { name: "English" }));
    await screen.findByRole("heading", { level: 1, name: "Settings" });
    expect(screen.getByRole("button", { name: "Lock" })).toBeInTheDocument();
    expect(callsOf("set_settings")).toEqual([{ settings: { language: "en", auto_lock_minutes: 10 } }]);
    await waitFor(() => expect(document.documentElement.lang).toBe("en"));

    const minutes = screen.getByLabelText("Auto-lock after (minutes)");
    await user.clear(minutes);
    await user.type(minutes, "15");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
    expect(callsOf("set_settings").at(-1)).toEqual({ settings: { language: "en", auto_lock_minutes: 15 } });
  });

  it("rejects an auto-lock time outside 1–240", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Instellingen" }));
    const minutes = await screen.findByLabelText("Automatisch vergrendelen na (minuten)");
    await user.clear(minutes);
    await user.type(minutes, "500");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(minutes).toHaveAccessibleDescription(/1 tot en met 240/);
    expect(callsOf("set_settings")).toEqual([]);
  });
});

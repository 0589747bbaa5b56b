import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { callsOf, DUTCH, emitEvent, installBackend, installEvents, summary, vaultStatus } from "../test/backend";
import { renderApp } from "../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

let status = vaultStatus();

beforeEach(() => {
  installEvents();
  status = vaultStatus();
  installBackend({
    vault_status: () => status,
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [summary({ name: "Anna de Boer" })], total: 1 }),
    touch: () => null,
    unlock: () => {
      status = { ...status, unlocked: true };
      return null;
    },
  });
});

afterEach(() => {
  vi.useRealTimers();
});

// A synchronous act: the countdown's interval runs inside it.
const tick = (ms: number): void => {
  void act(() => {
    vi.advanceTimersByTime(ms);
  });
};

describe("idle warning", () => {
  it("counts down the backend's minute; a key press keeps working and resets the idle time", async () => {
    renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    fireEvent.keyDown(window, { key: "a" });
    expect(callsOf("touch")).toHaveLength(1);
    vi.useFakeTimers();

    emitEvent("idle-warning", 60);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Kluis wordt zo vergrendeld omdat je een tijdje niets hebt gedaan.");
    expect(alert).toHaveTextContent("Wat je nog niet hebt opgeslagen, gaat dan verloren.");
    expect(screen.getByRole("timer")).toHaveTextContent("1:00");
    tick(15_000);
    expect(screen.getByRole("timer")).toHaveTextContent("0:45");

    // Within the touch throttle, yet the warning's key press tells the backend at once.
    fireEvent.keyDown(window, { key: "b" });
    expect(callsOf("touch")).toHaveLength(2);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("button", { name: "Anna de Boer" })).toBeInTheDocument();
  });

  it("a click keeps working too; the countdown stops at zero", async () => {
    renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    vi.useFakeTimers();
    emitEvent("idle-warning", 30);
    expect(screen.getByRole("timer")).toHaveTextContent("0:30");
    tick(40_000);
    expect(screen.getByRole("timer")).toHaveTextContent("0:00");
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(callsOf("touch")).toHaveLength(1);
  });

  it("after an idle lock, says on unlocking that unsaved input was not kept", async () => {
    const { user } = renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    emitEvent("idle-warning", 60);
    status = { ...status, unlocked: false };
    emitEvent("vault-locked", null);
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    expect(screen.queryByRole("timer")).toBeNull();
    await user.type(screen.getByLabelText("Wachtwoord"), "goed geheim{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    const note = await screen.findByText(/Wat je toen nog niet had opgeslagen, is niet bewaard/);
    await user.click(screen.getByRole("button", { name: "Melding sluiten" }));
    expect(note).not.toBeInTheDocument();
  });
});

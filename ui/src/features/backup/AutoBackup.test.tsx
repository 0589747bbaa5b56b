import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { AutoBackup } from "../../bindings/AutoBackup";
import type { BackupStatus } from "../../bindings/BackupStatus";
import type { Progress } from "../../bindings/Progress";
import {
  apiError,
  callsOf,
  deferred,
  DUTCH,
  emitEvent,
  installBackend,
  installEvents,
  summary,
  vaultStatus,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

const FILE = "/media/usb/kluis/kluis-20250302-080000.kluisbackup";
const FAILED: AutoBackup = {
  file: null,
  error: apiError("internal", "I/O error: /media/usb/kluis: No such file or directory (os error 2)"),
};

let status: BackupStatus;
let unlocked: boolean;
let backedUp: ReturnType<typeof deferred<string>>;

const progress = (step: Progress["step"], done: number, total: number) =>
  emitEvent("backup-progress", { step, done, total } satisfies Progress);

beforeEach(() => {
  installEvents();
  status = {
    settings: { dir: "/media/usb/kluis", keep: 10, every_hours: 24 },
    last_backup_at: "2025-03-01T09:30:00Z",
    overdue: true,
    warning: "older-than-planned",
  };
  unlocked = true;
  backedUp = deferred<string>();
  installBackend({
    vault_status: () => vaultStatus({ unlocked }),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [summary({ name: "Anna de Boer" })], total: 1 }),
    list_requests: () => [],
    backup_status: () => status,
    get_controller: () => ({ name: "", address: "", kvk: "", privacy_contact: "" }),
    run_backup: () => backedUp.promise,
    unlock: () => {
      unlocked = true;
      return null;
    },
    lock: () => {
      unlocked = false;
      return null;
    },
    touch: () => null,
  });
});

async function openApp() {
  const rendered = renderApp();
  await screen.findByRole("button", { name: "Anna de Boer" });
  return rendered;
}

describe("automatic backup after unlocking", () => {
  it("shows its progress under the header, then a note, and refreshes the backup status", async () => {
    const { user } = await openApp();
    expect(await screen.findByText("Je laatste back-up is ouder dan gepland")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();

    progress("snapshot", 0, 1);
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).toHaveAccessibleDescription("Database lezen…");
    progress("encrypt", 45, 100);
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).toHaveAccessibleDescription(
      "Back-up versleutelen: 45%",
    );

    status = { ...status, last_backup_at: "2025-03-02T08:00:00Z", overdue: false, warning: null };
    emitEvent("auto-backup", { file: FILE, error: null } satisfies AutoBackup);
    expect(screen.queryByRole("progressbar")).toBeNull();
    const note = screen.getByText("Automatische back-up gemaakt.").closest("[role=status]") as HTMLElement;
    expect(note).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText("Je laatste back-up is ouder dan gepland")).toBeNull());
    expect(callsOf("backup_status")).toHaveLength(2);

    await user.click(within(note).getByRole("button", { name: "Sluiten" }));
    expect(screen.queryByText("Automatische back-up gemaakt.")).toBeNull();
  });

  it("hides the bar once the backup is encrypted", async () => {
    await openApp();
    progress("encrypt", 99, 100);
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).toHaveAttribute("aria-valuenow", "99");
    progress("encrypt", 100, 100);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("says plainly that it failed, until the alert is closed", async () => {
    const { user } = await openApp();
    progress("encrypt", 30, 100);
    emitEvent("auto-backup", FAILED);

    expect(screen.queryByRole("progressbar")).toBeNull();
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(
      "De automatische back-up is mislukt: I/O error: /media/usb/kluis: No such file or directory (os error 2)",
    );
    expect(alert).toHaveTextContent("Controleer of de back-upmap bereikbaar is");
    expect(callsOf("backup_status")).toHaveLength(1);
    expect(screen.getByText("Je laatste back-up is ouder dan gepland")).toBeInTheDocument();

    // It stays on other screens.
    await user.click(screen.getByRole("button", { name: "Instellingen" }));
    await screen.findByRole("heading", { level: 1, name: "Instellingen" });
    await user.click(within(screen.getByRole("alert")).getByRole("button", { name: "Sluiten" }));
    expect(screen.queryByText(/De automatische back-up is mislukt/)).toBeNull();
  });

  it("keeps an outcome that comes in before the app is shown, and forgets it on locking", async () => {
    unlocked = false;
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    emitEvent("auto-backup", FAILED);
    expect(screen.queryByRole("alert")).toBeNull();

    await user.type(screen.getByLabelText("Wachtwoord"), "paard batterij nietje correct");
    await user.click(screen.getByRole("button", { name: "Ontgrendelen" }));
    expect(await screen.findByText(/^De automatische back-up is mislukt: I\/O error/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Vergrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    await user.type(screen.getByLabelText("Wachtwoord"), "paard batterij nietje correct");
    await user.click(screen.getByRole("button", { name: "Ontgrendelen" }));
    await screen.findByRole("button", { name: "Anna de Boer" });
    expect(screen.queryByText(/De automatische back-up is mislukt/)).toBeNull();
  });

  it("leaves the progress of a backup the user started to the settings", async () => {
    const { user } = await openApp();
    await user.click(screen.getByRole("button", { name: "Instellingen" }));
    const section = await screen.findByRole("region", { name: "Back-ups" });
    await user.click(await within(section).findByRole("button", { name: "Nu een back-up maken" }));

    progress("encrypt", 50, 100);
    expect(screen.getAllByRole("progressbar")).toHaveLength(1);
    expect(within(section).getByRole("progressbar", { name: "Voortgang" })).toHaveAttribute("aria-valuenow", "50");

    backedUp.resolve(FILE);
    expect(await within(section).findByText(`Back-up gemaakt: ${FILE}`)).toBeInTheDocument();
    // Events of the user's own work that arrive after its answer show nowhere.
    progress("encrypt", 100, 100);
    progress("swap", 1, 1);
    expect(screen.queryByRole("progressbar")).toBeNull();

    // An automatic backup now shows under the header, not in the section.
    progress("snapshot", 0, 1);
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).toBeInTheDocument();
    expect(within(section).queryByRole("progressbar")).toBeNull();
  });
});

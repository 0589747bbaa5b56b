import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { BackupStatus } from "../../bindings/BackupStatus";
import {
  apiError,
  callsOf,
  deferred,
  DUTCH,
  installBackend,
  purgeReport,
  summary,
  vaultStatus,
} from "../../test/backend";
import { renderApp } from "../../test/render";
import { BackupSettings } from "./BackupSettings";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

let status: BackupStatus;

beforeEach(() => {
  status = {
    settings: { dir: "/media/usb/kluis", keep: 10, every_hours: 24 },
    last_backup_at: "2025-03-01T09:30:00Z",
    overdue: false,
    warning: null,
  };
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    backup_status: () => status,
    set_backup_settings: ({ keep, everyHours }) => {
      status = { ...status, settings: { ...status.settings, keep: Number(keep), every_hours: Number(everyHours) } };
      return null;
    },
    // The backend runs the folder dialog and keeps the folder; the window sends none.
    choose_backup_folder: () => {
      status = { ...status, settings: { ...status.settings, dir: "/media/schijf/back-ups" } };
      return "/media/schijf/back-ups";
    },
    stop_automatic_backups: () => {
      status = { ...status, settings: { ...status.settings, dir: null } };
      return null;
    },
    run_backup: () => "/media/usb/kluis/kluis-2025-03-02.kluisbackup",
    backup_to: () => "/home/jan/kluis.kluisbackup",
    test_restore: ({ passphrase }) => {
      if (passphrase !== "geheim wachtwoord") throw apiError("wrong_passphrase");
      return {
        backup_created_at: "2025-03-02T08:00:00Z",
        contacts: 42,
        interactions: 130,
        erasures_reapplied: 0,
        purge: purgeReport({ ran: false }),
      };
    },
    list_contacts: () => ({ items: [], total: 0 }),
    list_requests: () => [],
  });
});

describe("backup settings", () => {
  it("shows the folder, changes it with the backend's dialog and saves the settings", async () => {
    const { user } = renderApp(<BackupSettings />);
    expect(await screen.findByText("Back-upmap: /media/usb/kluis")).toBeInTheDocument();
    expect(screen.getByText(/^Laatste back-up: /)).toBeInTheDocument();
    expect(screen.queryByText("Je laatste back-up is ouder dan gepland")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Map kiezen" }));
    expect(await screen.findByText("Back-upmap: /media/schijf/back-ups")).toBeInTheDocument();
    expect(callsOf("choose_backup_folder")).toEqual([{}]);
    const keep = screen.getByLabelText("Aantal bewaren");
    await user.clear(keep);
    await user.type(keep, "30");
    const every = screen.getByLabelText("Elke … uur");
    await user.clear(every);
    await user.type(every, "12");
    await user.click(screen.getByRole("button", { name: "Back-upinstellingen opslaan" }));

    expect(await screen.findByText("Back-upinstellingen opgeslagen.")).toBeInTheDocument();
    expect(callsOf("set_backup_settings")).toEqual([{ keep: 30, everyHours: 12 }]);
    expect(await screen.findByText("Back-upmap: /media/schijf/back-ups")).toBeInTheDocument();
  });

  it("keeps the folder when the dialog is cancelled", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      backup_status: () => status,
      choose_backup_folder: () => null,
    });
    const { user } = renderApp(<BackupSettings />);
    await user.click(await screen.findByRole("button", { name: "Map kiezen" }));
    await waitFor(() => expect(callsOf("choose_backup_folder")).toHaveLength(1));
    expect(screen.getByText("Back-upmap: /media/usb/kluis")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("turns automatic backups off, and refuses a bad number", async () => {
    const { user } = renderApp(<BackupSettings />);
    await user.click(await screen.findByRole("button", { name: "Automatische back-ups uitzetten" }));
    expect(await screen.findByText("Automatische back-ups staan uit")).toBeInTheDocument();
    expect(callsOf("stop_automatic_backups")).toEqual([{}]);
    const keep = screen.getByLabelText("Aantal bewaren");
    await user.clear(keep);
    await user.type(keep, "400");
    await user.click(screen.getByRole("button", { name: "Back-upinstellingen opslaan" }));
    expect(await screen.findByText("Kies een heel getal van 1 tot en met 365.")).toBeInTheDocument();
    expect(callsOf("set_backup_settings")).toEqual([]);

    await user.clear(keep);
    await user.type(keep, "10");
    // The core accepts at most 31 days between backups.
    const every = screen.getByLabelText("Elke … uur");
    await user.clear(every);
    await user.type(every, "745");
    await user.click(screen.getByRole("button", { name: "Back-upinstellingen opslaan" }));
    expect(await screen.findByText("Kies een heel getal van 1 tot en met 744 (31 dagen).")).toBeInTheDocument();
    expect(callsOf("set_backup_settings")).toEqual([]);
    await user.clear(every);
    await user.type(every, "24");
    await user.click(screen.getByRole("button", { name: "Back-upinstellingen opslaan" }));
    expect(await screen.findByText("Back-upinstellingen opgeslagen.")).toBeInTheDocument();
    expect(callsOf("set_backup_settings")).toEqual([{ keep: 10, everyHours: 24 }]);
  });

  it("backs up now, to a file, and runs a test restore", async () => {
    const { user } = renderApp(<BackupSettings />);
    await user.click(await screen.findByRole("button", { name: "Nu een back-up maken" }));
    expect(await screen.findByText("Back-up gemaakt: /media/usb/kluis/kluis-2025-03-02.kluisbackup")).toBeInTheDocument();
    expect(callsOf("run_backup")).toEqual([{ force: true }]);

    await user.click(screen.getByRole("button", { name: "Back-up naar bestand…" }));
    expect(await screen.findByText("Back-up opgeslagen in /home/jan/kluis.kluisbackup")).toBeInTheDocument();
    expect(callsOf("backup_to")).toEqual([{}]);

    await user.click(screen.getByRole("button", { name: "Test-herstel" }));
    const form = screen.getByRole("form", { name: "Test-herstel" });
    await user.type(within(form).getByLabelText("Wachtwoord van de back-up"), "fout");
    await user.click(within(form).getByRole("button", { name: "Test-herstel starten" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Het wachtwoord past niet bij deze back-up.");

    await user.clear(within(form).getByLabelText("Wachtwoord van de back-up"));
    await user.type(within(form).getByLabelText("Wachtwoord van de back-up"), "geheim wachtwoord");
    await user.click(within(form).getByRole("button", { name: "Test-herstel starten" }));
    expect(await within(form).findByText(/^Test-herstel gelukt: .*42 contacten, 130 interacties.*niet aangeraakt\.$/)).toBeInTheDocument();
    expect(callsOf("test_restore")).toEqual([
      { passphrase: "fout", recoveryKey: null },
      { passphrase: "geheim wachtwoord", recoveryKey: null },
    ]);
  });

  it("opens the restore screen without locking; 'Terug' returns to Settings until a lock", async () => {
    let vault = vaultStatus();
    const backedUp = deferred<string>();
    installBackend({
      vault_status: () => vault,
      get_settings: () => DUTCH,
      backup_status: () => status,
      run_backup: () => backedUp.promise,
      list_contacts: () => ({ items: [summary({ name: "Anna de Boer" })], total: 1 }),
      list_requests: () => [],
      touch: () => null,
      lock: () => {
        vault = { ...vault, unlocked: false };
        return null;
      },
      unlock: () => {
        vault = { ...vault, unlocked: true };
        return null;
      },
    });
    const { user, session } = renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    await user.click(screen.getByRole("button", { name: "Instellingen" }));
    const restore = await screen.findByRole("button", { name: "Back-up terugzetten…" });

    // Not while a backup is being made.
    await user.click(screen.getByRole("button", { name: "Nu een back-up maken" }));
    expect(restore).toBeDisabled();
    backedUp.resolve("/media/usb/kluis/kluis-2025-03-02.kluisbackup");
    await waitFor(() => expect(restore).toBeEnabled());

    await user.click(restore);
    await screen.findByRole("heading", { level: 1, name: "Een back-up terugzetten" });
    expect(screen.getByText(/^Dit vervangt de kluis op deze laptop door de back-up\./)).toBeInTheDocument();
    expect(callsOf("lock")).toEqual([]);
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).not.toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Terug" }));
    await screen.findByRole("heading", { level: 1, name: "Instellingen" });
    expect(screen.getByRole("button", { name: "Instellingen" })).toHaveAttribute("aria-current", "page");

    // After a lock the app starts on the contacts again.
    await user.click(screen.getByRole("button", { name: "Vergrendelen" }));
    await user.type(await screen.findByLabelText("Wachtwoord"), "geheim wachtwoord{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
  });

  it("warns when the last backup is overdue, also on the contacts screen", async () => {
    status = { ...status, overdue: true, warning: "older-than-planned" };
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(await screen.findByText("Je laatste back-up is ouder dan gepland")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Naar back-ups" }));
    await screen.findByRole("heading", { level: 1, name: "Instellingen" });
    const section = await screen.findByRole("region", { name: "Back-ups" });
    expect(await within(section).findByText("Je laatste back-up is ouder dan gepland")).toBeInTheDocument();
  });

  it("says one thing when no backup was made yet: not also 'older than planned'", async () => {
    status = { ...status, last_backup_at: null, overdue: true, warning: "none-yet" };
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(await screen.findByText("Er is nog geen back-up gemaakt.")).toBeInTheDocument();
    expect(screen.queryByText(/ouder dan gepland/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Naar back-ups" }));
    const section = await screen.findByRole("region", { name: "Back-ups" });
    expect(await within(section).findAllByText(/nog geen back-up/)).toHaveLength(1);
    expect(within(section).queryByText(/ouder dan gepland/)).toBeNull();
  });

  it("marks the folder and says what is wrong when the backend refuses it", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      backup_status: () => status,
      choose_backup_folder: () => {
        throw apiError("invalid_input", "dir: the backup folder cannot be written to", "dir");
      },
    });
    const { user } = renderApp(<BackupSettings />);
    const choose = await screen.findByRole("button", { name: "Map kiezen" });
    await user.click(choose);
    const message = await screen.findByText(
      "Kluis kan in die map geen bestanden maken. Kies een andere map, of controleer of de schijf schrijfbaar is.",
    );
    expect(screen.queryByText("Controleer de gemarkeerde velden.")).toBeNull();
    expect(choose).toHaveAttribute("aria-invalid", "true");
    expect(choose).toHaveAccessibleDescription(message.textContent ?? "");
  });
});

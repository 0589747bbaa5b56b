import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { BackupStatus } from "../../bindings/BackupStatus";
import type { Progress } from "../../bindings/Progress";
import type { RestoreReport } from "../../bindings/RestoreReport";
import {
  deferred,
  DUTCH,
  emitEvent,
  installBackend,
  installEvents,
  listenerCount,
  purgeReport,
  vaultStatus,
} from "../../test/backend";
import { renderApp } from "../../test/render";
import { BackupSettings } from "./BackupSettings";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

const STATUS: BackupStatus = {
  settings: { dir: "/media/usb/kluis", keep: 10, every_hours: 24 },
  last_backup_at: "2025-03-01T09:30:00Z",
  overdue: false,
  warning: null,
};
const FILE = "/media/usb/kluis/kluis-20250302-080000.kluisbackup";
const SECRET = "paard batterij nietje correct";
const INFO = { created_at: "2025-03-01T09:30:00Z", app_version: "0.4.1", schema_version: 3, bytes: 1000, vault_id: "v1" };
const REPORT: RestoreReport = {
  backup_created_at: "2025-03-01T09:30:00Z",
  contacts: 42,
  interactions: 130,
  erasures_reapplied: 2,
  interaction_deletions_reapplied: 0,
  unreadable_newer: [],
  ignored_files: [],
  purge: purgeReport({ ran: false }),
};

const progress = (step: Progress["step"], done: number, total: number) =>
  emitEvent("backup-progress", { step, done, total } satisfies Progress);

beforeEach(() => {
  installEvents();
});

describe("backup progress in the backup settings", () => {
  it("follows 'back up now' step by step and goes when the backup is made", async () => {
    const answer = deferred<string>();
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      backup_status: () => STATUS,
      run_backup: () => answer.promise,
    });
    const { user } = renderApp(<BackupSettings />);
    await user.click(await screen.findByRole("button", { name: "Nu een back-up maken" }));

    progress("snapshot", 0, 1);
    expect(screen.getByText("Database lezen…")).toBeInTheDocument();
    // A short step has no measure: the bar is indeterminate.
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).not.toHaveAttribute("aria-valuenow");

    progress("encrypt", 450, 1000);
    const bar = screen.getByRole("progressbar", { name: "Voortgang" });
    expect(bar).toHaveAttribute("aria-valuenow", "45");
    expect(bar).toHaveAccessibleDescription("Back-up versleutelen: 45%");
    progress("encrypt", 1000, 1000);
    expect(screen.getByText("Back-up versleutelen: 100%")).toBeInTheDocument();

    answer.resolve(FILE);
    expect(await screen.findByText(`Back-up gemaakt: ${FILE}`)).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
    // Events without work started here (an automatic backup) do not show in the section.
    progress("encrypt", 10, 1000);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("follows a test restore and starts afresh for the next piece of work", async () => {
    const answer = deferred<RestoreReport>();
    const backedUp = deferred<string>();
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      backup_status: () => STATUS,
      run_backup: () => backedUp.promise,
      test_restore: () => answer.promise,
    });
    const { user } = renderApp(<BackupSettings />);
    await user.click(await screen.findByRole("button", { name: "Test-herstel" }));
    const form = screen.getByRole("form", { name: "Test-herstel" });
    await user.type(within(form).getByLabelText("Wachtwoord van de back-up"), SECRET);
    await user.click(within(form).getByRole("button", { name: "Test-herstel starten" }));

    progress("verify", 80, 100);
    expect(screen.getByText("Back-up controleren: 80%")).toBeInTheDocument();
    progress("erasures", 0, 1);
    expect(screen.getByText("Wissingen opnieuw toepassen…")).toBeInTheDocument();
    progress("purge", 0, 1);
    expect(screen.getByText("Bewaarbeleid toepassen…")).toBeInTheDocument();
    answer.resolve(REPORT);
    expect(await within(form).findByText(/^Test-herstel gelukt/)).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();

    // The next piece of work does not begin with the last step of the one before.
    await user.click(screen.getByRole("button", { name: "Nu een back-up maken" }));
    expect(screen.queryByRole("progressbar")).toBeNull();
    progress("snapshot", 1, 1);
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).toHaveAccessibleDescription("Database lezen…");
    backedUp.resolve(FILE);
    expect(await screen.findByText(`Back-up gemaakt: ${FILE}`)).toBeInTheDocument();
  });

  it("speaks English and stops listening when it goes away", async () => {
    const answer = deferred<string>();
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => ({ ...DUTCH, language: "en" }),
      backup_status: () => STATUS,
      run_backup: () => answer.promise,
    });
    const { user, unmount } = renderApp(<BackupSettings />);
    await user.click(await screen.findByRole("button", { name: "Back up now" }));
    progress("encrypt", 45, 100);
    expect(screen.getByRole("progressbar", { name: "Progress" })).toHaveAccessibleDescription(
      "Encrypting the backup: 45%",
    );
    progress("snapshot", 0, 1);
    expect(screen.getByText("Reading the database…")).toBeInTheDocument();
    expect(listenerCount("backup-progress")).toBe(1);
    unmount();
    expect(listenerCount("backup-progress")).toBe(0);
  });
});

describe("backup progress while restoring on first run", () => {
  it("shows checking and restoring, then the report without a bar", async () => {
    const checked = deferred<unknown>();
    const restored = deferred<RestoreReport>();
    installBackend({
      vault_status: () => vaultStatus({ exists: false, unlocked: false }),
      get_settings: () => DUTCH,
      passphrase_strength: () => ({ score: 0, acceptable: false }),
      verify_backup: () => checked.promise,
      restore_backup: () => restored.promise,
      pick_backup: () => FILE,
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Een back-up terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Bestand kiezen" }));
    await screen.findByDisplayValue(FILE);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);

    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    progress("verify", 4, 5);
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).toHaveAccessibleDescription(
      "Back-up controleren: 80%",
    );
    checked.resolve({ backup: INFO, other_vault: false, unreadable_newer: [], ignored_files: [] });
    expect(await screen.findByText("De back-up is in orde.")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    for (const [step, text] of [
      ["write", "Herstelde kluis wegschrijven…"],
      ["check", "Herstelde kluis controleren…"],
      ["erasures", "Wissingen opnieuw toepassen…"],
      ["purge", "Bewaarbeleid toepassen…"],
      ["swap", "Herstelde kluis op zijn plaats zetten…"],
    ] as const) {
      progress(step, 0, 1);
      expect(screen.getByRole("progressbar", { name: "Voortgang" })).toHaveAccessibleDescription(text);
    }
    restored.resolve(REPORT);
    expect(await screen.findByText(/^Teruggezet: /)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  });
});

describe("backup progress while restoring over the vault", () => {
  it("shows the bar on the screen once the replacement is confirmed", async () => {
    const restored = deferred<RestoreReport>();
    installBackend({
      vault_status: () => vaultStatus({ unlocked: false }),
      get_settings: () => DUTCH,
      restore_backup: () => restored.promise,
      pick_backup: () => FILE,
      verify_backup: () => ({ backup: INFO, other_vault: false, unreadable_newer: [], ignored_files: [] }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Een back-up terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Bestand kiezen" }));
    await screen.findByDisplayValue(FILE);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
    // Restoring over a locked vault needs its current passphrase too.
    await user.type(screen.getByLabelText("Huidige wachtwoordzin"), SECRET);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Ja, vervangen" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    progress("verify", 1, 2);
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).toHaveAccessibleDescription(
      "Back-up controleren: 50%",
    );
    progress("swap", 0, 1);
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).toHaveAccessibleDescription(
      "Herstelde kluis op zijn plaats zetten…",
    );
    restored.resolve(REPORT);
    expect(await screen.findByText(/^Teruggezet: /)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  });
});

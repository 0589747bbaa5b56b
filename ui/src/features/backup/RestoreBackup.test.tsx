import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { RestoreCheck } from "../../bindings/RestoreCheck";
import type { RestoreReport } from "../../bindings/RestoreReport";
import type { RestoreSecrets } from "../../bindings/RestoreSecrets";
import {
  apiError,
  callsOf,
  DUTCH,
  emitEvent,
  installBackend,
  installEvents,
  purgeReport,
  summary,
  vaultStatus,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const PATH = "/media/usb/kluis-2025-03-01.kluisbackup";
const SECRET = "paard batterij nietje correct";
/** The passphrase of the vault on this laptop now (changed since the backup). */
const CURRENT = "blauwe walvis zingt zacht";

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

/** What the backend's check finds; by default nothing to confirm. */
function check(patch: Partial<RestoreCheck> = {}): RestoreCheck {
  return {
    backup: { created_at: "2025-03-01T09:30:00Z", app_version: "0.4.1", schema_version: 3, bytes: 1_250_000, vault_id: "v1" },
    other_vault: false,
    unreadable_newer: [],
    ignored_files: [],
    ...patch,
  };
}

/** The secrets a call sent. */
const sent = (args: Record<string, unknown>) => args.secrets as RestoreSecrets;

/** The arguments of a restore or check: the backup's secret, the current one, nothing else. */
function secretsWith(patch: Partial<RestoreSecrets> = {}): RestoreSecrets {
  return {
    passphrase: SECRET,
    recovery_key: null,
    current_passphrase: null,
    current_recovery_key: null,
    current_remembered: false,
    newer_passphrase: null,
    ...patch,
  };
}

let exists = false;

beforeEach(() => {
  exists = false;
  installBackend({
    vault_status: () => vaultStatus({ exists, unlocked: false }),
    get_settings: () => DUTCH,
    // The backend runs the open dialog and keeps the file; the window only shows it.
    pick_backup: () => PATH,
    passphrase_strength: () => ({ score: 0, acceptable: false }),
    verify_backup: (args) => {
      const { passphrase, recovery_key } = sent(args);
      if (passphrase !== SECRET && recovery_key !== "K7QF-2M9X") throw apiError("wrong_passphrase", "wrong passphrase");
      return check();
    },
    restore_backup: (args) => {
      const { passphrase, recovery_key } = sent(args);
      if (passphrase !== SECRET && recovery_key !== "K7QF-2M9X") throw apiError("wrong_passphrase", "wrong passphrase");
      exists = true;
      return REPORT;
    },
  });
});

/** Chooses the file in the (backend's) open dialog. */
async function choose(user: ReturnType<typeof renderApp>["user"], file = PATH) {
  await user.click(await screen.findByRole("button", { name: "Bestand kiezen" }));
  expect(await screen.findByDisplayValue(file)).toBeInTheDocument();
}

async function openRestore() {
  const rendered = renderApp();
  await screen.findByRole("heading", { level: 1, name: "Welkom bij Kluis" });
  await rendered.user.click(screen.getByRole("button", { name: "Een back-up terugzetten" }));
  await screen.findByRole("heading", { level: 1, name: "Een back-up terugzetten" });
  return rendered;
}

describe("restoring a backup on first run", () => {
  it("checks the backup, restores it, shows the report and goes to unlock", async () => {
    const { user } = await openRestore();
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);

    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    const checked = await screen.findByText("De back-up is in orde.");
    const note = checked.closest("[role=status]") as HTMLElement;
    expect(within(note).getByText("0.4.1")).toBeInTheDocument();
    expect(within(note).getByText(/1,3\sMB/)).toBeInTheDocument();
    // The window sends no path: the backend verifies the file its dialog gave.
    expect(callsOf("verify_backup")).toEqual([{ secrets: secretsWith() }]);

    // Nothing to replace: no warning, no question.
    expect(screen.queryByText(/vervangt de kluis/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(
      await screen.findByText(/^Teruggezet: back-up van .+, 42 contacten, 130 interacties; 2 wissingen opnieuw toegepast\.$/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(callsOf("restore_backup")).toEqual([
      { secrets: secretsWith(), confirmOtherVault: false, acceptUnreadableNewer: false },
    ]);

    await user.click(screen.getByRole("button", { name: "Naar ontgrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
  });

  it.each([
    [purgeReport({ contacts_deleted: 3, interactions_deleted: 4 }), "Verwijderd volgens je bewaarbeleid: 3 contacten en 4 interacties"],
    [
      purgeReport({ ran: false, stopped: "confirm", contacts_due: 200, contacts_total: 900 }),
      "De opschoning is gepauzeerd: 200 van 900 contacten zouden worden verwijderd.",
    ],
  ])("says what the retention policy did after the restore", async (purge, text) => {
    installBackend({
      vault_status: () => vaultStatus({ exists: false, unlocked: false }),
      get_settings: () => DUTCH,
      pick_backup: () => PATH,
      verify_backup: () => check(),
      restore_backup: () => ({ ...REPORT, purge }),
    });
    const { user } = await openRestore();
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it("says plainly that the passphrase does not match the backup", async () => {
    const { user } = await openRestore();
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), "verkeerd");
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Het wachtwoord past niet bij deze back-up.");
    expect(screen.queryByText(/^Teruggezet/)).toBeNull();
  });

  it("explains a damaged file and a newer version", async () => {
    const { user } = await openRestore();
    const NEWER = "/tmp/nieuw.kluisbackup";
    let picked = PATH;
    installBackend({
      vault_status: () => vaultStatus({ exists: false, unlocked: false }),
      get_settings: () => DUTCH,
      pick_backup: () => picked,
      verify_backup: () => {
        throw picked === NEWER ? apiError("newer_schema") : apiError("integrity");
      },
    });
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("beschadigd of aangepast");

    picked = NEWER;
    await choose(user, NEWER);
    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("nieuwere versie van Kluis");
  });

  it("shows the file the backend's open dialog chose, keeps it on cancel, and can use the recovery key", async () => {
    let answer: string | null = PATH;
    installBackend({
      vault_status: () => vaultStatus({ exists: false, unlocked: false }),
      get_settings: () => DUTCH,
      pick_backup: () => answer,
      verify_backup: () => check(),
      restore_backup: () => REPORT,
    });
    const { user } = await openRestore();
    const file = screen.getByLabelText("Back-upbestand");
    expect(file).toHaveValue("");
    expect(file).toHaveAttribute("readonly");
    await choose(user);
    // Cancelling the dialog again is no error and keeps the file chosen.
    answer = null;
    await user.click(screen.getByRole("button", { name: "Bestand kiezen" }));
    await waitFor(() => expect(callsOf("pick_backup")).toHaveLength(2));
    expect(screen.getByLabelText("Back-upbestand")).toHaveValue(PATH);
    expect(screen.queryByRole("alert")).toBeNull();
    await user.click(screen.getByRole("checkbox", { name: /Herstelsleutel gebruiken/ }));
    await user.type(screen.getByLabelText("Herstelsleutel"), "K7QF-2M9X");
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await screen.findByText(/^Teruggezet/);
    expect(callsOf("restore_backup")).toEqual([
      {
        secrets: secretsWith({ passphrase: null, recovery_key: "K7QF-2M9X" }),
        confirmOtherVault: false,
        acceptUnreadableNewer: false,
      },
    ]);
  });

  it("asks for the file and the passphrase before calling the backend", async () => {
    const { user } = await openRestore();
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Kies een back-upbestand");
    expect(callsOf("restore_backup")).toEqual([]);
  });
});

describe("restoring a backup over the vault on this laptop", () => {
  const WARNING =
    "Dit vervangt de kluis op deze laptop door de back-up. Wat je na de back-up hebt toegevoegd of gewijzigd, gaat verloren; wie je na de back-up hebt gewist, wordt opnieuw gewist.";

  /** A vault that is unlocked (or not): restore_backup locks it first, as the backend does. */
  function vaultBackend(start: { unlocked: boolean }, restore: () => RestoreReport = () => REPORT) {
    let status = vaultStatus(start);
    installBackend({
      vault_status: () => status,
      get_settings: () => DUTCH,
      pick_backup: () => PATH,
      list_contacts: () => ({ items: [summary({ name: "Anna de Boer" })], total: 1 }),
      list_requests: () => [],
      backup_status: () => ({
        settings: { dir: "/media/usb/kluis", keep: 10, every_hours: 24 },
        last_backup_at: "2025-03-01T09:30:00Z",
        overdue: false,
        warning: null,
      }),
      touch: () => null,
      verify_backup: (args) => {
        if (sent(args).passphrase !== SECRET) throw apiError("wrong_passphrase", "wrong passphrase");
        return check();
      },
      restore_backup: (args) => {
        if (sent(args).passphrase !== SECRET) throw apiError("wrong_passphrase", "wrong passphrase");
        status = { ...status, unlocked: false };
        return restore();
      },
    });
    return {
      lockFromBackend: () => {
        status = { ...status, unlocked: false };
      },
    };
  }

  async function fillIn(user: ReturnType<typeof renderApp>["user"]) {
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
  }

  async function openFromUnlock() {
    const rendered = renderApp();
    await rendered.user.click(await screen.findByRole("button", { name: "Een back-up terugzetten" }));
    await screen.findByRole("heading", { level: 1, name: "Een back-up terugzetten" });
    return rendered;
  }

  async function openFromSettings() {
    const rendered = renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    await rendered.user.click(screen.getByRole("button", { name: "Instellingen" }));
    await rendered.user.click(await screen.findByRole("button", { name: "Back-up terugzetten…" }));
    await screen.findByRole("heading", { level: 1, name: "Een back-up terugzetten" });
    return rendered;
  }

  it("warns, and restores only after 'Ja, vervangen'", async () => {
    vaultBackend({ unlocked: false });
    const { user } = await openFromUnlock();
    expect(screen.getByText(WARNING)).toBeInTheDocument();
    await fillIn(user);
    // The locked vault is replaced only with its current passphrase.
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Kies een back-upbestand");
    await user.type(screen.getByLabelText("Huidige wachtwoordzin"), CURRENT);

    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    let dialog = await screen.findByRole("dialog", { name: "Kluis vervangen door de back-up?" });
    expect(within(dialog).getByText(WARNING)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Annuleren" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsOf("restore_backup")).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    dialog = await screen.findByRole("dialog", { name: "Kluis vervangen door de back-up?" });
    await user.click(within(dialog).getByRole("button", { name: "Ja, vervangen" }));
    expect(await screen.findByText(/^Teruggezet: back-up van /)).toBeInTheDocument();
    expect(callsOf("restore_backup")).toEqual([
      {
        secrets: secretsWith({ current_passphrase: CURRENT }),
        confirmOtherVault: false,
        acceptUnreadableNewer: false,
      },
    ]);

    await user.click(screen.getByRole("button", { name: "Naar ontgrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
  });

  it("replaces the unlocked vault from Settings and keeps none of its data", async () => {
    vaultBackend({ unlocked: true });
    const { user, session } = await openFromSettings();
    expect(screen.getByText(WARNING)).toBeInTheDocument();
    // Opening the screen does not lock; the data goes once the restore has run.
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).not.toHaveLength(0);
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    const dialog = await screen.findByRole("dialog", { name: "Kluis vervangen door de back-up?" });
    await user.click(within(dialog).getByRole("button", { name: "Ja, vervangen" }));

    expect(await screen.findByText(/^Teruggezet: back-up van /)).toBeInTheDocument();
    // The vault keeps its current secrets (the restored data were re-keyed to them).
    expect(
      screen.getByText(
        "Je kluis is vergrendeld. Ontgrendel hem met je huidige wachtwoordzin: die, je herstelsleutel en een onthouden sleutel blijven gelden.",
      ),
    ).toBeInTheDocument();
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Naar ontgrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    expect(screen.queryByRole("status")).toBeNull();
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).toHaveLength(0);
    expect(callsOf("list_contacts")).toHaveLength(1);
  });

  it("does not say an earlier idle lock locked the restored vault", async () => {
    installEvents();
    const backend = vaultBackend({ unlocked: true });
    const { user } = renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    backend.lockFromBackend();
    emitEvent("vault-locked", null);
    expect(await screen.findByText("De kluis is vergrendeld omdat je een tijdje niet actief was.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Een back-up terugzetten" }));
    await fillIn(user);
    // Locked now: the current passphrase is asked.
    await user.type(screen.getByLabelText("Huidige wachtwoordzin"), CURRENT);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Ja, vervangen" }));
    await user.click(await screen.findByRole("button", { name: "Naar ontgrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    expect(screen.queryByText("De kluis is vergrendeld omdat je een tijdje niet actief was.")).toBeNull();
  });

  it("keeps the vault as it is when the backup does not open, and says so", async () => {
    vaultBackend({ unlocked: true });
    const { user, session } = await openFromSettings();
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), "verkeerd");
    // The check refuses the file before anything is asked or locked.
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Het wachtwoord past niet bij deze back-up.");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(callsOf("restore_backup")).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Terug" }));
    await screen.findByRole("heading", { level: 1, name: "Instellingen" });
    expect(screen.getByRole("button", { name: "Back-up terugzetten…" })).toBeInTheDocument();
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).not.toHaveLength(0);
  });

  it("goes to the unlock screen when the restore failed after the vault was locked", async () => {
    vaultBackend({ unlocked: true }, () => {
      throw apiError("internal", "No space left on device (os error 28)");
    });
    const { user, session } = await openFromSettings();
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Ja, vervangen" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
    await waitFor(() =>
      expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).toHaveLength(0),
    );

    await user.click(screen.getByRole("button", { name: "Terug" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
  });
});

describe("what the backend's check asks of a restore over the locked vault", () => {
  const NEWER = "/media/usb/kluis-2025-04-01.kluisbackup";
  const ROTATED = "nieuwe sleutel na rotatie";

  /** A locked vault; the check answers `found` for the secrets sent. */
  function lockedBackend(found: (secrets: RestoreSecrets) => RestoreCheck, remembered = false) {
    const report = (args: Record<string, unknown>): RestoreReport =>
      args.acceptUnreadableNewer === true ? { ...REPORT, unreadable_newer: [NEWER] } : REPORT;
    let status = vaultStatus({ unlocked: false, remembered });
    installBackend({
      vault_status: () => status,
      get_settings: () => DUTCH,
      pick_backup: () => PATH,
      // A remembered key would unlock at start; this test is about the restore screen.
      unlock_remembered: () => {
        throw apiError("keyring_unavailable");
      },
      verify_backup: (args) => found(sent(args)),
      restore_backup: (args) => {
        status = { ...status, unlocked: false };
        return report(args);
      },
    });
  }

  async function fillIn() {
    const rendered = renderApp();
    const { user } = rendered;
    await user.click(await screen.findByRole("button", { name: "Een back-up terugzetten" }));
    await screen.findByRole("heading", { level: 1, name: "Een back-up terugzetten" });
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
    return rendered;
  }

  it("names a backup of another vault and restores it only after an explicit confirmation", async () => {
    lockedBackend(() => check({ other_vault: true }));
    const { user } = await fillIn();
    await user.type(screen.getByLabelText("Huidige wachtwoordzin"), CURRENT);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByText("Back-up van een andere kluis")).toBeInTheDocument();
    expect(await screen.findByRole("alert")).toHaveTextContent("Bevestig eerst wat hierboven staat");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(callsOf("restore_backup")).toEqual([]);

    await user.click(screen.getByRole("checkbox", { name: "Ja, vervang mijn kluis door deze andere kluis" }));
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    const dialog = await screen.findByRole("dialog", { name: "Kluis vervangen door de back-up?" });
    expect(within(dialog).getByText(/door een andere kluis/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Ja, vervangen" }));
    await screen.findByText(/^Teruggezet/);
    // The restored vault is the other one: it opens with that vault's secrets.
    expect(screen.getByText("Je kluis is vergrendeld. Ontgrendel hem met het wachtwoord van de back-up.")).toBeInTheDocument();
    expect(callsOf("restore_backup")).toEqual([
      {
        secrets: secretsWith({ current_passphrase: CURRENT }),
        confirmOtherVault: true,
        acceptUnreadableNewer: false,
      },
    ]);
  });

  it("says which newer backup cannot be read and why; its passphrase lets the restore read it", async () => {
    lockedBackend((s) =>
      check({
        unreadable_newer:
          s.newer_passphrase === ROTATED
            ? []
            : [
                {
                  file: NEWER,
                  created_at: "2025-04-01T08:00:00Z",
                  reason: s.newer_passphrase === null ? "no_secret_opens_it" : "wrong_newer_passphrase",
                },
              ],
      }),
    );
    const { user } = await fillIn();
    await user.type(screen.getByLabelText("Huidige wachtwoordzin"), CURRENT);
    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    expect(await screen.findByText("Nieuwere back-up niet te lezen")).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`^${NEWER} \\(gemaakt .+\\): geen van de opgegeven geheimen opent hem`))).toBeInTheDocument();

    await user.type(screen.getByLabelText("Wachtwoord of herstelsleutel van de nieuwere back-up"), "fout");
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByText(/het opgegeven wachtwoord van de nieuwere back-up past niet/)).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Bevestig eerst");
    expect(callsOf("restore_backup")).toEqual([]);

    await user.clear(screen.getByLabelText("Wachtwoord of herstelsleutel van de nieuwere back-up"));
    await user.type(screen.getByLabelText("Wachtwoord of herstelsleutel van de nieuwere back-up"), ROTATED);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Ja, vervangen" }));
    await screen.findByText(/^Teruggezet/);
    expect(callsOf("restore_backup")).toEqual([
      {
        secrets: secretsWith({ current_passphrase: CURRENT, newer_passphrase: ROTATED }),
        confirmOtherVault: false,
        acceptUnreadableNewer: false,
      },
    ]);
  });

  it("goes on without the unreadable newer backup only when the user accepts that", async () => {
    lockedBackend(() =>
      check({ unreadable_newer: [{ file: NEWER, created_at: "2025-04-01T08:00:00Z", reason: "damaged" }] }),
    );
    const { user } = await fillIn();
    await user.type(screen.getByLabelText("Huidige wachtwoordzin"), CURRENT);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByText(/het bestand is beschadigd/)).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();
    await user.click(screen.getByRole("checkbox", { name: "Toch terugzetten zonder die nieuwere back-up" }));
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Ja, vervangen" }));
    await screen.findByText(/^Teruggezet:/);
    expect(screen.getByText(`Teruggezet zonder de nieuwere back-up die niet te lezen was: ${NEWER}.`)).toBeInTheDocument();
    expect(callsOf("restore_backup")).toEqual([
      {
        secrets: secretsWith({ current_passphrase: CURRENT }),
        confirmOtherVault: false,
        acceptUnreadableNewer: true,
      },
    ]);
  });

  it("takes the vault's recovery key, or the remembered key, as its current secret", async () => {
    lockedBackend(() => check(), true);
    const { user } = await fillIn();
    await user.click(screen.getByRole("radio", { name: "Met de herstelsleutel" }));
    await user.type(screen.getByLabelText("Huidige herstelsleutel"), " K7QF-2M9X ");
    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    await screen.findByText("De back-up is in orde.");
    expect(callsOf("verify_backup")).toEqual([{ secrets: secretsWith({ current_recovery_key: "K7QF-2M9X" }) }]);

    // The remembered key needs no typing.
    await user.click(screen.getByRole("radio", { name: "Met de sleutel die dit apparaat onthoudt" }));
    expect(screen.queryByLabelText("Huidige herstelsleutel")).toBeNull();
    expect(screen.queryByLabelText("Huidige wachtwoordzin")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Ja, vervangen" }));
    await screen.findByText(/^Teruggezet/);
    expect(callsOf("restore_backup")).toEqual([
      {
        secrets: secretsWith({ current_remembered: true }),
        confirmOtherVault: false,
        acceptUnreadableNewer: false,
      },
    ]);
  });

  it("offers the remembered key only when one is stored", async () => {
    lockedBackend(() => check());
    await fillIn();
    expect(screen.getByRole("radio", { name: "Met de herstelsleutel" })).toBeInTheDocument();
    expect(screen.queryByRole("radio", { name: "Met de sleutel die dit apparaat onthoudt" })).toBeNull();
  });
});

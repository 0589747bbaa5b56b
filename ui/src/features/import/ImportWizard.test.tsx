import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { ImportChoice } from "../../bindings/ImportChoice";
import type { ImportReport } from "../../bindings/ImportReport";
import type { Inspection } from "../../bindings/Inspection";
import {
  apiError,
  callsOf,
  deferred,
  DUTCH,
  emitEvent,
  installBackend,
  installEvents,
  purpose,
  summary,
  vaultStatus,
  type Handlers,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

/** A Dutch Excel sheet as the backend reads it; a column mapped by hand is read so. */
function inspection(choice: ImportChoice): Inspection {
  const mapped = (header: string, auto: string | null) => choice.map.find((m) => m.header === header)?.field ?? auto;
  return {
    file_name: "klanten.csv",
    format: "csv",
    encoding: choice.encoding ?? "windows-1252",
    delimiter: choice.delimiter ?? ";",
    columns: [
      { header: "Naam", field: mapped("Naam", "name"), sample: ["René Dijkstra", "Noël Visser"] },
      { header: "E-mailadres", field: mapped("E-mailadres", "email"), sample: ["rene@example.nl", ""] },
      { header: "Klantnummer", field: mapped("Klantnummer", null), sample: ["K-1", "K-2"] },
    ],
    rows: 3,
    photos_skipped: 0,
    first_rows: [
      {
        line: 2,
        name: "René Dijkstra",
        emails: ["rene@example.nl"],
        phones: [],
        organisation: "Café Ëlla",
        job_title: null,
        address: null,
        notes: null,
        fields: [],
        warnings: ["niet overgenomen: Klantnummer"],
      },
    ],
  };
}

function report(patch: Partial<ImportReport> = {}): ImportReport {
  return {
    id: null,
    added: 1,
    updated: 0,
    skipped: 2,
    duplicates: 1,
    suppressed: 0,
    warnings: [{ line: 4, message: "een waarde lijkt op een BSN; overgeslagen (bevestig als het geen BSN is)" }],
    backup: null,
    rows: [
      { line: 3, name: "Jan Jansen", duplicate: true, looks_like_bsn: false, suppressed: false, outcome: "skipped" },
      { line: 4, name: "Bea Bos", duplicate: false, looks_like_bsn: true, suppressed: false, outcome: "skipped" },
    ],
    ...patch,
  };
}

const choiceOf = (args: Record<string, unknown>) => args.choice as ImportChoice;

function backend(extra: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [summary({ id: 1, name: "Jan Jansen" })], total: 1 }),
    list_fields: () => [],
    pick_import_file: () => "klanten.csv",
    inspect_import: (args) => inspection(choiceOf(args)),
    preview_import: () => report(),
    import_purposes: () => [purpose({ id: 4, name: "Klantadministratie", basis: "contract", direct_marketing: false })],
    ...extra,
  });
}

beforeEach(() => {
  installEvents();
  backend();
});

async function openWizard() {
  const rendered = renderApp();
  await screen.findByRole("heading", { level: 1, name: "Contacten" });
  await rendered.user.click(await screen.findByRole("button", { name: "Importeren" }));
  await screen.findByRole("heading", { level: 1, name: "Contacten importeren" });
  await rendered.user.click(screen.getByRole("button", { name: "Bestand kiezen…" }));
  await screen.findByText("Bestand: klanten.csv");
  return rendered;
}

describe("the import wizard", () => {
  it("shows what the backend detected with a sample per column, and sends a changed setting or mapping back", async () => {
    const { user } = await openWizard();
    expect(await screen.findByLabelText("Tekencodering")).toHaveValue("windows-1252");
    expect(screen.getByLabelText("Scheidingsteken")).toHaveValue(";");
    expect(screen.getByLabelText("Bestandsformaat")).toHaveValue("csv");
    expect(screen.getByText("René Dijkstra · Noël Visser")).toBeInTheDocument();
    expect(screen.getByLabelText("Veld voor kolom Naam")).toHaveValue("name");
    // A column no header maps is not imported until mapped.
    expect(screen.getByLabelText("Veld voor kolom Klantnummer")).toHaveValue("skip");
    // The window decides nothing itself: the first call lets the backend guess the format.
    expect(callsOf("inspect_import")[0]).toMatchObject({ format: null, language: "nl" });

    await user.selectOptions(screen.getByLabelText("Veld voor kolom Klantnummer"), "notes");
    await waitFor(() =>
      expect(choiceOf(callsOf("inspect_import").at(-1) ?? {}).map).toEqual([{ header: "Klantnummer", field: "notes" }]),
    );
    expect(screen.getByLabelText("Veld voor kolom Klantnummer")).toHaveValue("notes");
    await user.selectOptions(screen.getByLabelText("Tekencodering"), "UTF-8");
    await waitFor(() => expect(choiceOf(callsOf("inspect_import").at(-1) ?? {}).encoding).toBe("UTF-8"));
    await user.selectOptions(screen.getByLabelText("Scheidingsteken"), ",");
    await waitFor(() => expect(choiceOf(callsOf("inspect_import").at(-1) ?? {}).delimiter).toBe(","));
  });

  it("says in plain words when the file cannot be read, with the line the backend names", async () => {
    backend({
      inspect_import: () => {
        throw apiError("invalid_input", "line 3: 2 columns where the header has 3", "file");
      },
    });
    await openWizard();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Kluis kan dit bestand zo niet lezen");
    expect(alert).toHaveTextContent("line 3: 2 columns where the header has 3");
    expect(screen.getByRole("button", { name: "Volgende" })).toBeDisabled();
  });

  it("previews, takes a choice for all and per duplicate row and the BSN confirmation, offers only the backend's purposes, imports with progress and undoes", async () => {
    const running = deferred<ImportReport>();
    backend({
      run_import: () => running.promise,
      undo_import: () => 1,
      list_purposes: () => [],
    });
    const { user } = await openWizard();
    await user.click(await screen.findByRole("button", { name: "Volgende" }));
    await screen.findByRole("heading", { level: 2, name: "Voorbeeld" });
    expect(await screen.findByText(/1 toevoegen, 0 bijwerken, 2 overslaan; 1 lijken dubbel/)).toBeInTheDocument();
    expect(screen.getByText("Dit is een proef: er is nog niets opgeslagen.")).toBeInTheDocument();
    const rows = screen.getByRole("table", { name: "Eerste rijen zoals ze worden opgeslagen" });
    expect(within(rows).getByText("René Dijkstra")).toBeInTheDocument();
    expect(within(rows).getByText("niet overgenomen: Klantnummer")).toBeInTheDocument();
    expect(screen.getByText(/Regel 4: een waarde lijkt op een BSN/)).toBeInTheDocument();
    expect(screen.getByText("Regel 4: Bea Bos")).toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: "Toch toevoegen" }));
    await user.selectOptions(screen.getByLabelText("Dubbel op regel 3: Jan Jansen"), "update");
    await user.click(screen.getByRole("checkbox", { name: "Ik heb het gecontroleerd: dit zijn geen BSN's" }));
    await waitFor(() =>
      expect(choiceOf(callsOf("preview_import").at(-1) ?? {})).toMatchObject({
        on_duplicate: "add",
        per_row: [{ line: 3, on_duplicate: "update" }],
        confirm_not_bsn: true,
      }),
    );

    await user.click(screen.getByRole("button", { name: "Volgende" }));
    const select = await screen.findByLabelText("Doel voor alle geïmporteerde contacten (optioneel)");
    await waitFor(() => expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Geen doel: eerst beoordelen in de lijst ‘Te beoordelen’",
      "Klantadministratie",
    ]));
    await user.selectOptions(select, "4");
    await user.click(screen.getByRole("button", { name: "Importeren" }));

    emitEvent("import-progress", { done: 1, total: 3 });
    expect(await screen.findByText("1 van 3 rijen verwerkt")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Voortgang van het importeren" })).toHaveAttribute("aria-valuenow", "33");
    expect(choiceOf(callsOf("run_import")[0] ?? {})).toMatchObject({
      format: "csv",
      encoding: null,
      on_duplicate: "add",
      per_row: [{ line: 3, on_duplicate: "update" }],
      confirm_not_bsn: true,
      purpose_id: 4,
      relationship: "prospect",
    });
    running.resolve(report({ id: 9, added: 2, updated: 1, skipped: 0, backup: "/media/usb/kluis-2026-12-01.kluisbackup" }));
    expect(await screen.findByText("Importeren klaar")).toBeInTheDocument();
    expect(screen.getByText(/2 toegevoegd, 1 bijgewerkt, 0 overgeslagen/)).toBeInTheDocument();
    expect(screen.getByText("Vooraf is een back-up gemaakt: /media/usb/kluis-2026-12-01.kluisbackup")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Deze import ongedaan maken" }));
    expect(await screen.findByText("Import ongedaan gemaakt: 1 contacten verwijderd.")).toBeInTheDocument();
    expect(callsOf("undo_import")).toEqual([{ id: 9 }]);
    expect(screen.queryByRole("button", { name: "Deze import ongedaan maken" })).toBeNull();
  });

  it("shows the photos left out and the objected addresses in the preview", async () => {
    backend({
      inspect_import: (args) => ({ ...inspection(choiceOf(args)), format: "vcard", columns: [], encoding: null, delimiter: null, photos_skipped: 2 }),
      preview_import: () =>
        report({
          suppressed: 1,
          rows: [{ line: 1, name: "Bezwaar Maker", duplicate: false, looks_like_bsn: false, suppressed: true, outcome: "added" }],
        }),
    });
    const { user } = await openWizard();
    expect(await screen.findByText("3 contactkaarten gevonden.")).toBeInTheDocument();
    expect(screen.queryByLabelText("Tekencodering")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    expect(await screen.findByText("2 foto's worden niet overgenomen: Kluis bewaart alleen wat nodig is.")).toBeInTheDocument();
    expect(await screen.findByText("1 adressen maakten eerder bezwaar")).toBeInTheDocument();
    expect(screen.getByText("Regel 1: Bezwaar Maker")).toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: /geen BSN/ })).toBeNull();
  });

  it("reads the newly chosen file when the wizard is opened again, not the one read before", async () => {
    let file = "klanten.csv";
    backend({
      pick_import_file: () => file,
      inspect_import: (args) =>
        file.endsWith(".vcf")
          ? { ...inspection(choiceOf(args)), file_name: file, format: "vcard", columns: [], encoding: null, delimiter: null }
          : inspection(choiceOf(args)),
    });
    const { user } = await openWizard();
    expect(await screen.findByLabelText("Tekencodering")).toHaveValue("windows-1252");
    await user.click(screen.getByRole("button", { name: "Terug naar de contacten" }));
    file = "contacten.vcf";
    await user.click(await screen.findByRole("button", { name: "Importeren" }));
    await user.click(await screen.findByRole("button", { name: "Bestand kiezen…" }));
    expect(await screen.findByText("3 contactkaarten gevonden.")).toBeInTheDocument();
    expect(screen.getByLabelText("Bestandsformaat")).toHaveValue("vcard");
    expect(screen.queryByLabelText("Tekencodering")).toBeNull();
  });

  it("says why an import can no longer be undone", async () => {
    backend({
      run_import: () => report({ id: 5, added: 2, skipped: 0 }),
      undo_import: () => {
        throw apiError("invalid_input", "1 of its contacts changed since the import", "import");
      },
    });
    const { user } = await openWizard();
    await user.click(await screen.findByRole("button", { name: "Volgende" }));
    await user.click(await screen.findByRole("button", { name: "Volgende" }));
    await user.click(await screen.findByRole("button", { name: "Importeren" }));
    await user.click(await screen.findByRole("button", { name: "Deze import ongedaan maken" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Deze import kan niet meer in één keer ongedaan worden gemaakt");
    expect(alert).not.toHaveTextContent("Kluis kan dit bestand zo niet lezen");
  });

  it("links from the summary to the triage list", async () => {
    backend({
      run_import: () => report({ id: 3, added: 3, skipped: 0 }),
      list_purposes: () => [],
      triage_list: () => [{ contact_id: 11, name: "René Dijkstra", purpose: null, purpose_id: null }],
      list_fields: () => [],
      repermission_list: () => [],
    });
    const { user } = await openWizard();
    await user.click(await screen.findByRole("button", { name: "Volgende" }));
    await user.click(await screen.findByRole("button", { name: "Volgende" }));
    await user.click(await screen.findByRole("button", { name: "Importeren" }));
    await user.click(await screen.findByRole("button", { name: "Naar ‘Te beoordelen’" }));
    expect(await screen.findByRole("tab", { name: /Te beoordelen/, selected: true })).toBeInTheDocument();
    expect(await screen.findByText("René Dijkstra")).toBeInTheDocument();
  });
});

describe("exporting the address book", () => {
  it("saves all contacts or the current search, restricted contacts only when ticked", async () => {
    let answer: number | null = null;
    backend({ export_address_book: () => answer });
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    await user.type(screen.getByLabelText("Zoeken"), "jan");
    await user.click(await screen.findByRole("button", { name: "Exporteren" }));
    const dialog = await screen.findByRole("dialog", { name: "Adresboek exporteren" });
    expect(within(dialog).getByRole("checkbox", { name: "Ook beperkte contacten meenemen" })).not.toBeChecked();

    // Cancelled in the save dialog: nothing said.
    await user.click(within(dialog).getByRole("button", { name: "Opslaan…" }));
    await waitFor(() => expect(callsOf("export_address_book")).toHaveLength(1));
    expect(callsOf("export_address_book")[0]).toEqual({ format: "vcard", search: null, includeRestricted: false });
    expect(within(dialog).queryByText(/geëxporteerd/)).toBeNull();

    answer = 1;
    await user.click(within(dialog).getByRole("radio", { name: /CSV/ }));
    // The search reaches the dialog after the list's debounce.
    await user.click(await within(dialog).findByRole("radio", { name: "Alleen wat de zoekopdracht ‘jan’ vindt" }));
    await user.click(within(dialog).getByRole("checkbox", { name: "Ook beperkte contacten meenemen" }));
    await user.click(within(dialog).getByRole("button", { name: "Opslaan…" }));
    expect(await within(dialog).findByText("1 contacten geëxporteerd naar het gekozen bestand.")).toBeInTheDocument();
    expect(callsOf("export_address_book")[1]).toEqual({ format: "csv", search: "jan", includeRestricted: true });
  });
});

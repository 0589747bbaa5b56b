import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { StatementVersion } from "../../bindings/StatementVersion";
import { apiError, callsOf, DUTCH, installBackend, vaultStatus, type Handlers } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const SHA = "ab".repeat(32);

function version(patch: Partial<StatementVersion> = {}): StatementVersion {
  return {
    id: 1,
    language: "nl",
    version: 1,
    sha256: SHA,
    created_at: "2026-03-01T10:00:00Z",
    last_generated_at: "2026-03-01T10:00:00Z",
    ...patch,
  };
}

function backend(handlers: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [], total: 0 }),
    list_purposes: () => [],
    privacy_statement_versions: () => [],
    ...handlers,
  });
}

async function openDocuments() {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Register" }));
  await rendered.user.click(await screen.findByRole("tab", { name: "Documenten" }));
  await screen.findByRole("heading", { name: "Privacyverklaring" });
  return rendered;
}

describe("documents tab", () => {
  it("saves the privacy statement in the chosen language and format and shows its version and SHA-256", async () => {
    let versions: StatementVersion[] = [];
    backend({
      privacy_statement_versions: () => versions,
      save_privacy_statement: () => {
        versions = [version({ id: 2, language: "en", version: 3 })];
        return { path: "/tmp/privacy-statement.pdf", version: versions[0] };
      },
    });
    const { user } = await openDocuments();
    expect(await screen.findByText("Nog geen privacyverklaring opgeslagen.")).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Taal van de documenten"), "Engels");
    await user.selectOptions(screen.getByLabelText("Bestandstype"), "PDF");
    await user.click(screen.getByRole("button", { name: "Privacyverklaring opslaan" }));

    expect(
      await screen.findByText("Versie 3 van de privacyverklaring opgeslagen in /tmp/privacy-statement.pdf."),
    ).toBeInTheDocument();
    // The backend asks where to save: the window sends the language and format, no path.
    expect(callsOf("save_privacy_statement")).toEqual([{ language: "en", format: "pdf" }]);
    const table = within(await screen.findByRole("table"));
    const row = table.getAllByRole("row")[1] as HTMLElement;
    expect(row).toHaveTextContent("3");
    expect(row).toHaveTextContent("Engels");
    expect(row).toHaveTextContent("1 maart 2026");
    expect(row).toHaveTextContent(SHA);
    expect(screen.getAllByText(SHA)).toHaveLength(2);
  });

  it("says nothing was saved when the save dialog is cancelled", async () => {
    backend({ save_privacy_statement: () => null });
    const { user } = await openDocuments();
    await user.click(screen.getByRole("button", { name: "Privacyverklaring opslaan" }));
    expect(callsOf("save_privacy_statement")).toEqual([{ language: "nl", format: "html" }]);
    expect(screen.queryByText(/opgeslagen in/)).not.toBeInTheDocument();
  });

  it("exports the Art. 30 record as PDF or CSV and shows an error in plain words", async () => {
    let fail = false;
    backend({
      save_register_record: ({ pdf }) => {
        if (fail) throw apiError("internal", "The disk is full.");
        return pdf ? "/tmp/verwerkingsregister.pdf" : "/tmp/verwerkingsregister.csv";
      },
    });
    const { user } = await openDocuments();
    await user.click(screen.getByRole("button", { name: "Opslaan als PDF" }));
    expect(
      await screen.findByText("Register van verwerkingsactiviteiten opgeslagen in /tmp/verwerkingsregister.pdf."),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Opslaan als CSV" }));
    expect(
      await screen.findByText("Register van verwerkingsactiviteiten opgeslagen in /tmp/verwerkingsregister.csv."),
    ).toBeInTheDocument();
    expect(callsOf("save_register_record")).toEqual([
      { language: "nl", pdf: true },
      { language: "nl", pdf: false },
    ]);
    fail = true;
    await user.click(screen.getByRole("button", { name: "Opslaan als CSV" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
  });
});

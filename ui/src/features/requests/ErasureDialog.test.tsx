import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { ErasurePreview } from "../../bindings/ErasurePreview";
import { callsOf, contact, DUTCH, installBackend, request, summary, vaultStatus, type Handlers } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const PREVIEW: ErasurePreview = {
  contact_id: 7,
  interactions: 3,
  consent_events: 2,
  purpose_links: 1,
  field_values: 4,
  fiscal_records_kept: 2,
  kept_until: "2031-12-31",
  suppression_kept: true,
  consent_texts: 1,
  organisation_orphaned: false,
  organisation_removed: false,
  requests_redacted: 2,
  tombstone: "contact:7",
  erased_at: null,
};

function backend(handlers: Handlers = {}, restricted: string | null = null) {
  let erased = false;
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () =>
      erased ? { items: [], total: 0 } : { items: [summary({ id: 7, name: "Jan Jansen" })], total: 1 },
    get_contact: () => ({ contact: contact({ id: 7, name: "Jan Jansen", restricted_reason: restricted }), interactions: [] }),
    list_documents: () => [],
    list_requests: () => [request({ id: 12, kind: "erasure" }), request({ id: 4, kind: "access" })],
    erasure_preview: () => PREVIEW,
    erase_contact: () => {
      erased = true;
      return PREVIEW;
    },
    ...handlers,
  });
}

async function openDialog() {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Jan Jansen" }));
  await screen.findByRole("heading", { level: 1, name: "Jan Jansen" });
  await rendered.user.click(screen.getByRole("button", { name: "Wissen" }));
  const dialog = await screen.findByRole("dialog", { name: "Jan Jansen wissen" });
  await within(dialog).findByText("Dit wordt verwijderd");
  return { ...rendered, dialog: within(dialog) };
}

describe("erasure", () => {
  it("shows what goes and what the legal hold keeps, and needs the checkbox before erasing", async () => {
    backend();
    const { user, dialog } = await openDialog();
    expect(callsOf("erasure_preview")).toEqual([{ id: 7 }]);
    expect(dialog.getByText("Interacties: 3")).toBeInTheDocument();
    expect(dialog.getByText("Toestemmingsregistraties: 2")).toBeInTheDocument();
    expect(dialog.getByText("Koppelingen aan doelen: 1")).toBeInTheDocument();
    expect(dialog.getByText("Waarden van extra velden: 4")).toBeInTheDocument();
    expect(dialog.getByText(/De contactgegevens: naam/)).toBeInTheDocument();
    expect(dialog.getByText("Dit blijft bewaard, en waarom")).toBeInTheDocument();
    expect(dialog.getByText(/Fiscale gegevens \(offertes en facturen\): 2/)).toHaveTextContent(
      "tot en met 31 december 2031",
    );
    expect(dialog.getByText(/blokkeerlijst/)).toBeInTheDocument();
    expect(dialog.getByText(/het nummer contact:7 en het tijdstip/)).toBeInTheDocument();
    expect(dialog.getByText(/notitie zonder persoonsgegevens/)).toBeInTheDocument();
    // The organisation has other contacts: nothing to ask.
    expect(dialog.queryByLabelText("Organisatie ook verwijderen")).toBeNull();

    // The one open erasure request is chosen; access requests are not offered.
    const select = dialog.getByLabelText("Bij verzoek");
    expect(select).toHaveValue("12");
    expect(within(select).getAllByRole("option")).toHaveLength(2);

    await user.click(dialog.getByRole("button", { name: "Definitief wissen" }));
    expect(dialog.getByLabelText("Ik begrijp dat dit niet ongedaan kan worden")).toHaveAccessibleDescription(
      "Vink aan dat je dit begrijpt.",
    );
    expect(callsOf("erase_contact")).toEqual([]);

    await user.click(dialog.getByLabelText("Ik begrijp dat dit niet ongedaan kan worden"));
    await user.click(dialog.getByRole("button", { name: "Definitief wissen" }));

    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(callsOf("erase_contact")).toEqual([{ id: 7, requestId: 12, keepOrganisation: true }]);
    expect(await screen.findByText("Contact gewist. Rond het verzoek af onder Verzoeken.")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(await screen.findByText("Nog geen contacten")).toBeInTheDocument();
    // The erased contact's page is not asked for again.
    expect(callsOf("get_contact")).toHaveLength(1);
  });

  it("works on a restricted contact, without a request", async () => {
    backend({ erasure_preview: () => ({ ...PREVIEW, fiscal_records_kept: 0, kept_until: null, suppression_kept: false }) }, "Juistheid betwist");
    const { user, dialog } = await openDialog();
    expect(dialog.getByText(/wissen kan toch/)).toBeInTheDocument();
    expect(dialog.queryByText(/Fiscale gegevens/)).toBeNull();
    expect(dialog.queryByText(/blokkeerlijst/)).toBeNull();
    await user.selectOptions(dialog.getByLabelText("Bij verzoek"), "Zonder verzoek");
    await user.click(dialog.getByLabelText("Ik begrijp dat dit niet ongedaan kan worden"));
    await user.click(dialog.getByRole("button", { name: "Definitief wissen" }));
    expect(await screen.findByText("Contact gewist.")).toBeInTheDocument();
    expect(callsOf("erase_contact")).toEqual([{ id: 7, requestId: null, keepOrganisation: true }]);
  });

  it("asks whether an organisation no one else links to goes too (ticked by default)", async () => {
    backend({ erasure_preview: () => ({ ...PREVIEW, organisation_orphaned: true }) });
    const { user, dialog } = await openDialog();
    const box = dialog.getByLabelText("Organisatie ook verwijderen");
    expect(box).toBeChecked();
    await user.click(box);
    await user.click(dialog.getByLabelText("Ik begrijp dat dit niet ongedaan kan worden"));
    await user.click(dialog.getByRole("button", { name: "Definitief wissen" }));
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(callsOf("erase_contact")).toEqual([{ id: 7, requestId: 12, keepOrganisation: true }]);
  });

  it("removes the orphaned organisation when the box stays ticked", async () => {
    backend({ erasure_preview: () => ({ ...PREVIEW, organisation_orphaned: true }) });
    const { user, dialog } = await openDialog();
    await user.click(dialog.getByLabelText("Ik begrijp dat dit niet ongedaan kan worden"));
    await user.click(dialog.getByRole("button", { name: "Definitief wissen" }));
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(callsOf("erase_contact")).toEqual([{ id: 7, requestId: 12, keepOrganisation: false }]);
  });

  it("cancels without erasing", async () => {
    backend();
    const { user, dialog } = await openDialog();
    await user.click(dialog.getByRole("button", { name: "Annuleren" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsOf("erase_contact")).toEqual([]);
    expect(screen.getByRole("heading", { level: 1, name: "Jan Jansen" })).toBeInTheDocument();
  });
});

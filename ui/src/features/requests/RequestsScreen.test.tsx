import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Request } from "../../bindings/Request";
import { toYmd } from "../../lib/format";
import {
  apiError,
  callsOf,
  DUTCH,
  installBackend,
  request,
  summary,
  vaultStatus,
  type Handlers,
} from "../../test/backend";
import { renderApp } from "../../test/render";
import { shownDate } from "../../components/DateField";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const CONTACTS = [
  summary({ id: 7, name: "Jan Jansen" }),
  summary({ id: 8, name: 'Zoë <b>de</b> Vries & "Co"' }),
  summary({ id: 9, name: "Sara Smit" }),
];

function backend(requests: Request[], handlers: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: (args) => {
      const query = typeof args.query === "string" ? args.query.toLowerCase() : "";
      const items = CONTACTS.filter((c) => c.name.toLowerCase().includes(query));
      return { items, total: items.length };
    },
    list_requests: () => requests.map((r) => ({ ...r })),
    ...handlers,
  });
}

async function openRequests() {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Verzoeken" }));
  await screen.findByRole("heading", { level: 1, name: "Verzoeken van betrokkenen" });
  return rendered;
}

describe("home-screen notice", () => {
  it("counts overdue requests and those due this week, and leads to the requests", async () => {
    backend([
      request({ id: 1, overdue: true }),
      request({ id: 2, contact_id: 8, overdue: true }),
      request({ id: 3, contact_id: 9, due_soon: true }),
      request({ id: 4, open: false }),
    ]);
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    const notice = await screen.findByText("2 verzoeken te laat");
    const status = notice.closest("[role=status]");
    expect(status).not.toBeNull();
    expect(status).toHaveTextContent("1 verzoek deze week");
    await user.click(within(status as HTMLElement).getByRole("button", { name: "Naar verzoeken" }));
    await screen.findByRole("heading", { level: 1, name: "Verzoeken van betrokkenen" });
    expect(screen.getByRole("button", { name: "Verzoeken" })).toHaveAttribute("aria-current", "page");
  });

  it("says it in the singular, and not at all when nothing is pressing", async () => {
    backend([request({ id: 1, overdue: true }), request({ id: 2 })]);
    renderApp();
    expect(await screen.findByText("1 verzoek te laat")).toBeInTheDocument();
    expect(screen.queryByText(/deze week/)).toBeNull();
  });

  it("stays away when no request is overdue or due soon", async () => {
    backend([request({ id: 1 }), request({ id: 2, open: false })]);
    renderApp();
    await screen.findByRole("button", { name: "Jan Jansen" });
    await waitFor(() => expect(callsOf("list_requests")).toHaveLength(1));
    expect(screen.queryByText(/te laat|deze week/)).toBeNull();
  });
});

describe("requests table", () => {
  it("lists contact, type, dates and status, with erased contacts as such", async () => {
    backend([
      request({ id: 1, overdue: true }),
      request({ id: 2, contact_id: 8, kind: "portability", due_soon: true, extended: true, due: "2025-06-03" }),
      request({ id: 3, contact_id: 9, kind: "objection" }),
      request({ id: 5, contact_id: null, kind: "erasure", open: false, outcome: "Gewist" }),
    ]);
    await openRequests();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows).toHaveLength(5);
    await within(rows[1] as HTMLElement).findByRole("button", { name: "Jan Jansen" });
    expect(rows[1]).toHaveTextContent("Inzage");
    expect(rows[1]).toHaveTextContent("3 maart 2025");
    expect(rows[1]).toHaveTextContent("3 april 2025");
    expect(rows[1]).toHaveTextContent("Te laat");
    // User data is text, never markup.
    expect(within(rows[2] as HTMLElement).getByRole("button", { name: 'Zoë <b>de</b> Vries & "Co"' })).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent("Overdraagbaarheid");
    expect(rows[2]).toHaveTextContent("3 juni 2025verlengd");
    expect(rows[2]).toHaveTextContent("Deze week");
    expect(rows[3]).toHaveTextContent("Bezwaar");
    expect(rows[3]).toHaveTextContent("Open");
    expect(rows[4]).toHaveTextContent("Gewist contact");
    expect(rows[4]).toHaveTextContent("Wissing");
    expect(rows[4]).toHaveTextContent("Afgerond");
    expect(within(rows[4] as HTMLElement).queryByRole("button", { name: "Gewist contact" })).toBeNull();
  });

  it("opens the contact from its name", async () => {
    backend([request()], {
      get_contact: () => ({
        contact: { ...summary(), id: 7, emails: [], phones: [], address: null, job_title: null, relationship_ended: null, created_at: "2024-01-02T09:00:00Z", updated_at: "2024-01-02T09:00:00Z", restricted_reason: null, objected_at: null },
        interactions: [],
      }),
      list_documents: () => [],
    });
    const { user } = await openRequests();
    await user.click(await screen.findByRole("button", { name: "Jan Jansen" }));
    await screen.findByRole("heading", { level: 1, name: "Jan Jansen" });
    await user.click(screen.getByRole("button", { name: "Terug naar verzoeken" }));
    await screen.findByRole("heading", { level: 1, name: "Verzoeken van betrokkenen" });
  });

  it("offers extending only for open requests that were not extended yet", async () => {
    backend([
      request({ id: 1 }),
      request({ id: 2, contact_id: 8, kind: "rectification", extended: true, extension_reason: "Veel", extension_notified: "2025-03-10" }),
      request({ id: 3, contact_id: 9, kind: "erasure", open: false, outcome: "Gewist en bevestigd" }),
    ]);
    const { user } = await openRequests();
    await screen.findByRole("button", { name: "Jan Jansen" });

    await user.click(screen.getByRole("button", { name: "Afhandelen: Jan Jansen, Inzage" }));
    expect(screen.getByRole("button", { name: "Afhandelen: Jan Jansen, Inzage" })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("button", { name: "Verlengen: Jan Jansen, Inzage" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Afronden: Jan Jansen, Inzage" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Inzage maken: Jan Jansen" })).toBeInTheDocument();

    const extended = 'Zoë <b>de</b> Vries & "Co", Rectificatie';
    await user.click(screen.getByRole("button", { name: `Afhandelen: ${extended}` }));
    expect(screen.queryByRole("button", { name: `Verlengen: ${extended}` })).toBeNull();
    expect(screen.getByRole("button", { name: `Afronden: ${extended}` })).toBeInTheDocument();
    expect(screen.getByText("Reden: Veel. Betrokkene geïnformeerd op 10 maart 2025.")).toBeInTheDocument();
    // Not an access request: no report to prepare.
    expect(screen.queryByRole("button", { name: /^Inzage maken/ })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Afhandelen: Sara Smit, Wissing" }));
    expect(screen.queryByRole("button", { name: /^Verlengen/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Afronden/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Identiteit vastleggen/ })).toBeNull();
    expect(screen.getByText("Gewist en bevestigd")).toBeInTheDocument();
  });

  it("extends with a reason and a notification date within the first month", async () => {
    const requests = [request()];
    backend(requests, {
      // The core checks the date lies within the first month (one rule for the CLI and the app).
      extend_request: ({ notified }) => {
        if (notified !== "20-03-2025") {
          throw apiError("invalid_input", "notified: must lie between the receipt and the original deadline", "notified");
        }
        requests[0] = request({ extended: true, due: "2025-06-03", extension_reason: "Veel gegevens", extension_notified: "2025-03-20" });
        return null;
      },
    });
    const { user } = await openRequests();
    await user.click(await screen.findByRole("button", { name: "Afhandelen: Jan Jansen, Inzage" }));
    const form = within(screen.getByRole("form", { name: "Verlengen: Jan Jansen, Inzage" }));
    expect(form.getByText(/hoogstens twee maanden/)).toBeInTheDocument();
    const notified = form.getByLabelText("Betrokkene geïnformeerd op");
    await user.clear(notified);
    await user.type(notified, "20-04-2025");
    await user.click(form.getByRole("button", { name: "Verlengen: Jan Jansen, Inzage" }));
    expect(form.getByText("Vul de reden van de verlenging in.")).toBeInTheDocument();
    expect(callsOf("extend_request")).toEqual([]);

    await user.type(form.getByLabelText("Reden"), "Veel gegevens");
    await user.click(form.getByRole("button", { name: "Verlengen: Jan Jansen, Inzage" }));
    await waitFor(() => expect(notified).toHaveAccessibleDescription(/binnen de eerste maand/));
    await user.clear(notified);
    await user.type(notified, "20-03-2025");
    await user.click(form.getByRole("button", { name: "Verlengen: Jan Jansen, Inzage" }));
    expect(await screen.findByText("De termijn is verlengd.")).toBeInTheDocument();
    expect(callsOf("extend_request").at(-1)).toEqual({ id: 4, reason: "Veel gegevens", notified: "20-03-2025" });
    await waitFor(() => expect(screen.queryByRole("button", { name: /^Verlengen/ })).toBeNull());
    expect(screen.getAllByRole("row")[1]).toHaveTextContent("3 juni 2025verlengd");
  });

  it("records the identity check, and shows a refused BSN at the note", async () => {
    let refuse = true;
    backend([request()], {
      record_identity: () => {
        if (refuse) {
          refuse = false;
          throw apiError("bsn_suspected", "note", "note");
        }
        return null;
      },
    });
    const { user } = await openRequests();
    await user.click(await screen.findByRole("button", { name: "Afhandelen: Jan Jansen, Inzage" }));
    const form = within(screen.getByRole("form", { name: "Identiteit vastleggen: Jan Jansen, Inzage" }));
    expect(form.getByText(/Bewaar nooit een kopie van een identiteitsbewijs/)).toBeInTheDocument();
    await user.click(form.getByRole("button", { name: "Identiteit vastleggen: Jan Jansen, Inzage" }));
    expect(form.getByLabelText("Methode")).toHaveAccessibleDescription("Kies hoe je de identiteit hebt gecontroleerd.");
    expect(callsOf("record_identity")).toEqual([]);

    await user.selectOptions(form.getByLabelText("Methode"), "ID-bewijs getoond, BSN afgeschermd");
    await user.type(form.getByLabelText("Notitie"), "111222333");
    await user.click(form.getByRole("button", { name: "Identiteit vastleggen: Jan Jansen, Inzage" }));
    expect(await form.findByText(/Noteer geen BSN/)).toBeInTheDocument();

    await user.clear(form.getByLabelText("Notitie"));
    await user.type(form.getByLabelText("Notitie"), "Rijbewijs");
    await user.click(form.getByRole("button", { name: "Identiteit vastleggen: Jan Jansen, Inzage" }));
    expect(await screen.findByText("Identiteitscontrole vastgelegd.")).toBeInTheDocument();
    expect(callsOf("record_identity").at(-1)).toEqual({ id: 4, method: "id-document-bsn-masked", note: "Rijbewijs" });
  });

  it("closes a request with an outcome after confirmation", async () => {
    backend([request()], { close_request: () => null });
    const { user } = await openRequests();
    await user.click(await screen.findByRole("button", { name: "Afhandelen: Jan Jansen, Inzage" }));
    const form = within(screen.getByRole("form", { name: "Afronden: Jan Jansen, Inzage" }));
    await user.click(form.getByRole("button", { name: "Afronden: Jan Jansen, Inzage" }));
    expect(form.getByText("Beschrijf de uitkomst.")).toBeInTheDocument();
    await user.type(form.getByLabelText("Uitkomst"), "Inzage gestuurd");
    await user.click(form.getByRole("button", { name: "Afronden: Jan Jansen, Inzage" }));
    const dialog = await screen.findByRole("dialog", { name: "Verzoek afronden?" });
    expect(callsOf("close_request")).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Afronden" }));
    expect(await screen.findByText("Verzoek afgerond.")).toBeInTheDocument();
    expect(callsOf("close_request")).toEqual([{ id: 4, outcome: "Inzage gestuurd" }]);
  });
});

describe("new request", () => {
  it("registers a request and shows the computed deadline", async () => {
    const requests: Request[] = [];
    backend(requests, {
      add_request: (args) => {
        const added = request({ id: 11, contact_id: Number(args.contactId), kind: "erasure", due: "2025-04-03" });
        requests.push(added);
        return added;
      },
    });
    const { user } = await openRequests();
    const form = within(screen.getByRole("form", { name: "Nieuw verzoek" }));
    expect(form.getByLabelText("Ontvangen op")).toHaveValue(shownDate(toYmd(new Date())));

    await user.click(form.getByRole("button", { name: "Verzoek registreren" }));
    expect(form.getByLabelText("Contact")).toHaveAccessibleDescription("Kies een contact.");
    expect(callsOf("add_request")).toEqual([]);

    await user.type(form.getByLabelText("Zoek contact"), "sara");
    await waitFor(() => expect(callsOf("list_contacts")).toContainEqual({ query: "sara", limit: 500, offset: 0 }));
    await waitFor(() => expect(within(form.getByLabelText("Contact")).getAllByRole("option")).toHaveLength(2));
    // Each option tells namesakes apart: name, e-mail address, organisation and id.
    await user.selectOptions(form.getByLabelText("Contact"), "Sara Smit · jan@voorbeeld.nl · Jansen BV · #9");
    await user.selectOptions(form.getByLabelText("Soort verzoek"), "Wissing");
    await user.click(form.getByRole("button", { name: "Verzoek registreren" }));

    expect(await screen.findByText("Verzoek geregistreerd. Antwoord uiterlijk op 3 april 2025.")).toBeInTheDocument();
    expect(callsOf("add_request")).toEqual([{ contactId: 9, kind: "erasure", received: shownDate(toYmd(new Date())) }]);
    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Sara Smit");
  });

  it("shows a received date in the future at the field", async () => {
    backend([], { add_request: () => { throw apiError("invalid_input", "received: the received date is in the future", "received"); } });
    const { user } = await openRequests();
    const form = within(screen.getByRole("form", { name: "Nieuw verzoek" }));
    await waitFor(() => expect(within(form.getByLabelText("Contact")).getAllByRole("option")).toHaveLength(4));
    await user.selectOptions(form.getByLabelText("Contact"), "Jan Jansen · jan@voorbeeld.nl · Jansen BV · #7");
    const received = form.getByLabelText("Ontvangen op");
    await user.clear(received);
    await user.type(received, "01-01-2999");
    await user.click(form.getByRole("button", { name: "Verzoek registreren" }));
    // The core decides (one rule for the CLI and the app); its refusal is shown at the field.
    await waitFor(() => expect(received).toHaveAccessibleDescription(/De datum mag niet in de toekomst liggen./));
    expect(callsOf("add_request")).toEqual([{ contactId: 7, kind: "access", received: "01-01-2999" }]);
  });

  it("reads and shows the date as dd-mm-jjjj, sends it as typed and shows the core's error at the field", async () => {
    backend([], {
      add_request: () => {
        throw apiError("invalid_input", "received: no date before 1900 (check the year)", "received");
      },
    });
    const { user } = await openRequests();
    const form = within(screen.getByRole("form", { name: "Nieuw verzoek" }));
    await waitFor(() => expect(within(form.getByLabelText("Contact")).getAllByRole("option")).toHaveLength(4));
    await user.selectOptions(form.getByLabelText("Contact"), "Jan Jansen · jan@voorbeeld.nl · Jansen BV · #7");
    const received = form.getByLabelText("Ontvangen op");
    // A text field in day-month-year, not a native picker in the system locale's format.
    expect(received).toHaveAttribute("type", "text");
    expect(received).toHaveAttribute("placeholder", "dd-mm-jjjj");
    expect(received).toHaveValue(shownDate(toYmd(new Date())));
    await user.clear(received);
    await user.type(received, "31-03-0026");
    await user.click(form.getByRole("button", { name: "Verzoek registreren" }));
    await waitFor(() => expect(received).toHaveAccessibleDescription(/Een datum vóór 1900 kan niet/));
    expect(callsOf("add_request")).toEqual([{ contactId: 7, kind: "access", received: "31-03-0026" }]);
  });
});

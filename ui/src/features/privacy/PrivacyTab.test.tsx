import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Contact } from "../../bindings/Contact";
import type { FieldValue } from "../../bindings/FieldValue";
import type { PurposeLink } from "../../bindings/PurposeLink";
import {
  apiError,
  callsOf,
  contact,
  DUTCH,
  installBackend,
  privacy,
  purpose,
  summary,
  vaultStatus,
  type Handlers,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const NEWSLETTER = purpose();
const ADMIN = purpose({ id: 4, name: "Klantadministratie", basis: "contract", direct_marketing: false });

function link(patch: Partial<PurposeLink> = {}): PurposeLink {
  return {
    purpose: NEWSLETTER,
    basis: "consent",
    source: "form",
    reviewed_at: "2024-03-01T10:00:00Z",
    ended_at: null,
    consent_given_at: "2024-03-01T10:00:00Z",
    usable: true,
    repermission_marked_at: null,
    ...patch,
  };
}

function field(patch: Partial<FieldValue["field"]> = {}, value: string | null = null, filled = value !== null): FieldValue {
  return {
    field: {
      id: 2,
      label: "Referentie",
      kind: "text",
      purpose_id: ADMIN.id,
      purpose: ADMIN.name,
      required: false,
      special_category: false,
      ...patch,
    },
    value,
    filled,
  };
}

function backend(handlers: Handlers = {}, person: Contact = contact()) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [summary({ id: person.id, name: person.name })], total: 1 }),
    list_documents: () => [],
    get_contact: () => ({ contact: person, interactions: [] }),
    list_purposes: () => [ADMIN, NEWSLETTER],
    contact_privacy: () => privacy(),
    ...handlers,
  });
}

async function openContact(name = "Jan Jansen") {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name }));
  await screen.findByRole("heading", { level: 1, name });
  return rendered;
}

async function openPrivacy(name = "Jan Jansen") {
  const rendered = await openContact(name);
  await rendered.user.click(screen.getByRole("tab", { name: "Privacy" }));
  await screen.findByRole("heading", { level: 2, name: "Doelen en grondslag" });
  return rendered;
}

const region = (name: string) => screen.getByRole("region", { name });

describe("privacy tab", () => {
  it("shows the purposes with basis, source, consent state and usability", async () => {
    backend({
      contact_privacy: () =>
        privacy({
          links: [
            link({ purpose: ADMIN, basis: null, source: "imported", consent_given_at: null, usable: false }),
            link({ consent_given_at: null, usable: false, ended_at: "2024-04-02T10:00:00Z" }),
          ],
        }),
    });
    await openPrivacy();
    const table = within(region("Doelen en grondslag")).getByRole("table");
    const [, admin, newsletter] = within(table).getAllByRole("row");
    expect(admin).toHaveTextContent("Klantadministratie");
    expect(admin).toHaveTextContent("Onbekend");
    expect(admin).toHaveTextContent("Geïmporteerd");
    expect(admin).toHaveTextContent("1 maart 2024");
    expect(admin).toHaveTextContent("Niet bruikbaar");
    expect(newsletter).toHaveTextContent("Toestemming");
    expect(newsletter).toHaveTextContent("Geen geldige toestemming");
    expect(newsletter).toHaveTextContent("Beëindigd op 2 april 2024");
    expect(screen.queryByRole("button", { name: /Toestemming intrekken/ })).toBeNull();
  });

  it("keeps 'Toestemming vastleggen' disabled until the box is ticked, and sends the text as typed", async () => {
    let given = false;
    backend({
      give_consent: () => {
        given = true;
        return 11;
      },
      contact_privacy: () => privacy({ links: given ? [link()] : [] }),
    });
    const { user } = await openPrivacy();
    const form = within(region("Toestemming vastleggen"));
    const submit = form.getByRole("button", { name: "Toestemming vastleggen" });
    const box = form.getByRole("checkbox", { name: "De persoon heeft deze tekst zelf actief bevestigd" });
    expect(box).not.toBeChecked();
    expect(submit).toBeDisabled();

    await user.selectOptions(form.getByLabelText("Doel"), "Nieuwsbrief");
    await user.selectOptions(form.getByLabelText("Methode"), "Formulier");
    await user.type(form.getByLabelText("Toestemmingstekst"), "  Ja, ik wil de nieuwsbrief.{Enter}Maandelijks.  ");
    await user.type(form.getByLabelText("Bewijs (optioneel)"), "Aanmeldformulier");
    expect(submit).toBeDisabled();

    await user.click(box);
    expect(submit).toBeEnabled();
    await user.click(submit);

    expect(callsOf("give_consent")).toEqual([
      {
        contactId: 1,
        input: {
          purpose_id: 3,
          method: "form",
          text: "  Ja, ik wil de nieuwsbrief.\nMaandelijks.  ",
          evidence: "Aanmeldformulier",
        },
      },
    ]);
    expect(await form.findByText("Toestemming vastgelegd.")).toBeInTheDocument();
    // The form starts afresh, unticked.
    expect(box).not.toBeChecked();
    expect(form.getByLabelText("Toestemmingstekst")).toHaveValue("");
    expect(await screen.findByText("Toestemming sinds 1 maart 2024")).toBeInTheDocument();
  });

  it("withdraws consent in one action that asks how (e-mail by default) and takes a note", async () => {
    let withdrawn = false;
    backend({
      contact_privacy: () =>
        privacy({ links: [withdrawn ? link({ consent_given_at: null, usable: false }) : link()] }),
      withdraw_consent: () => {
        withdrawn = true;
        return 12;
      },
    });
    const { user } = await openPrivacy();
    expect(screen.getByText("Toestemming sinds 1 maart 2024")).toBeInTheDocument();
    expect(screen.getByText("Bruikbaar")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Toestemming intrekken: Nieuwsbrief" }));
    const ask = within(screen.getByRole("form", { name: "Toestemming intrekken: Nieuwsbrief" }));
    expect(ask.getByLabelText("Hoe trok de persoon de toestemming in?")).toHaveValue("email");
    await user.selectOptions(ask.getByLabelText("Hoe trok de persoon de toestemming in?"), "phone");
    await user.type(ask.getByLabelText("Notitie (optioneel)"), "Belde zelf op");
    expect(callsOf("withdraw_consent")).toEqual([]);
    await user.click(ask.getByRole("button", { name: "Intrekking vastleggen" }));

    await waitFor(() =>
      expect(callsOf("withdraw_consent")).toEqual([
        { contactId: 1, purposeId: 3, method: "phone", evidence: "Belde zelf op" },
      ]),
    );
    expect(await screen.findByText("Toestemming voor “Nieuwsbrief” is ingetrokken.")).toBeInTheDocument();
    expect(await screen.findByText("Geen geldige toestemming")).toBeInTheDocument();
    expect(screen.getByText("Niet bruikbaar")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Toestemming intrekken: Nieuwsbrief" })).toBeNull();
  });

  it("links a purpose with the purpose's own basis by default, or an unknown one", async () => {
    backend({ link_purpose: () => null });
    const { user } = await openPrivacy();
    const disclosure = screen.getByRole("button", { name: "Doel koppelen" });
    expect(disclosure).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("form", { name: "Doel koppelen" })).toBeNull();
    await user.click(disclosure);
    expect(disclosure).toHaveAttribute("aria-expanded", "true");
    const form = within(screen.getByRole("form", { name: "Doel koppelen" }));
    const submit = form.getByRole("button", { name: "Koppelen" });
    expect(submit).toBeDisabled();

    await user.selectOptions(form.getByLabelText("Doel"), "Klantadministratie");
    expect(form.getByLabelText("Grondslag")).toHaveValue("contract");
    await user.selectOptions(form.getByLabelText("Bron"), "Persoonlijk");
    await user.click(submit);
    expect(await form.findByText("Doel gekoppeld.")).toBeInTheDocument();

    await user.selectOptions(form.getByLabelText("Doel"), "Nieuwsbrief");
    expect(form.getByLabelText("Grondslag")).toHaveValue("consent");
    await user.selectOptions(form.getByLabelText("Grondslag"), "Onbekend");
    await user.selectOptions(form.getByLabelText("Bron"), "Geïmporteerd");
    await user.click(submit);

    await waitFor(() => expect(callsOf("link_purpose")).toHaveLength(2));
    expect(callsOf("link_purpose")).toEqual([
      { contactId: 1, purposeId: 4, basis: "contract", source: "in-person" },
      { contactId: 1, purposeId: 3, basis: null, source: "imported" },
    ]);
  });

  it("shows the consent history oldest first, with the text behind a toggle and a short hash", async () => {
    const hash = "9f2c0d1a7b3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c";
    backend({
      contact_privacy: () =>
        privacy({
          history: [
            {
              id: 1,
              kind: "given",
              purpose: "Nieuwsbrief",
              purpose_id: 3,
              at: "2024-03-01T10:00:00Z",
              method: "form",
              text_sha256: hash,
              text: "Ja, <b>graag</b>.",
              evidence: "Formulier",
              recorded_by: "anna",
            },
            {
              id: 2,
              kind: "withdrawn",
              purpose: "Nieuwsbrief",
              purpose_id: 3,
              at: "2024-04-01T10:00:00Z",
              method: "other",
              text_sha256: null,
              text: null,
              evidence: null,
              recorded_by: "desktop",
            },
          ],
        }),
    });
    const { user } = await openPrivacy();
    const history = region("Toestemmingsgeschiedenis");
    const [first, second] = within(history).getAllByRole("listitem");
    expect(first).toHaveTextContent("Gegeven");
    expect(first).toHaveTextContent("Formulier");
    expect(first).toHaveTextContent("anna");
    expect(second).toHaveTextContent("Ingetrokken");
    // Recorded before a business name was set: the front end, in words, not its code.
    expect(second).toHaveTextContent("Kluis (app)");
    expect(second).not.toHaveTextContent("desktop");
    const short = within(history).getByText("9f2c0d1a7b3e");
    expect(short).toHaveAttribute("title", hash);
    expect(within(history).queryByText("Ja, <b>graag</b>.")).toBeNull();

    const toggle = within(history).getByRole("button", { name: "Tekst tonen" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(within(history).getByText("Ja, <b>graag</b>.")).toBeInTheDocument();
    expect(within(history).getByRole("button", { name: "Tekst verbergen" })).toHaveAttribute("aria-expanded", "true");
    expect(history.querySelector("b")).toBeNull();
  });

  it("hides a special-category value until 'Tonen', which asks the backend to reveal", async () => {
    backend({
      contact_privacy: ({ reveal }) =>
        privacy({
          fields: [
            field(
              { id: 5, label: "Dieetwensen", special_category: true },
              reveal === true ? "Geen noten" : null,
              true,
            ),
          ],
        }),
    });
    const { user } = await openPrivacy();
    const fields = within(region("Extra velden"));
    expect(fields.getByText("Bijzonder persoonsgegeven")).toBeInTheDocument();
    expect(fields.getByText("••••")).toBeInTheDocument();
    expect(fields.getByText(/wordt vastgelegd in het logboek/)).toBeInTheDocument();
    expect(screen.queryByDisplayValue("Geen noten")).toBeNull();
    expect(screen.queryByText("Geen noten")).toBeNull();
    expect(callsOf("contact_privacy")).toEqual([{ id: 1, reveal: false }]);

    await user.click(fields.getByRole("button", { name: "Tonen" }));

    expect(await fields.findByLabelText("Dieetwensen")).toHaveValue("Geen noten");
    expect(callsOf("contact_privacy").at(-1)).toEqual({ id: 1, reveal: true });
    expect(fields.queryByText("••••")).toBeNull();
  });

  it("asks whether a field value is a BSN and repeats the call with confirmNotBsn", async () => {
    backend({
      contact_privacy: () => privacy({ fields: [field()] }),
      set_field: ({ confirmNotBsn }) => {
        if (confirmNotBsn !== true) throw apiError("bsn_suspected", "value: looks like a BSN", "value");
        return null;
      },
    });
    const { user } = await openPrivacy();
    const fields = within(region("Extra velden"));
    await user.type(fields.getByLabelText("Referentie"), "123456782");
    await user.click(fields.getByRole("button", { name: "Referentie opslaan" }));

    const question = await fields.findByRole("alert");
    expect(question).toHaveTextContent(
      "Dit lijkt op een burgerservicenummer (BSN). Een bedrijf mag geen BSN opslaan zonder wettelijke grondslag. Weet je zeker dat dit géén BSN is?",
    );
    await user.click(within(question).getByRole("button", { name: "Het is geen BSN, opslaan" }));

    expect(await fields.findByText("Referentie opgeslagen.")).toBeInTheDocument();
    expect(callsOf("set_field")).toEqual([
      { contactId: 1, fieldId: 2, value: "123456782", confirmNotBsn: false },
      { contactId: 1, fieldId: 2, value: "123456782", confirmNotBsn: true },
    ]);
  });

  it("records an objection after a confirmation and shows what it changed", async () => {
    let person = contact();
    backend({
      list_documents: () => [],
      get_contact: () => ({ contact: person, interactions: [] }),
      object_contact: () => {
        person = { ...person, objected_at: "2024-05-01T10:00:00Z" };
        return { withdrawn: 1, ended: 2, suppressed: 1 };
      },
    });
    const { user } = await openPrivacy();
    const section = within(region("Beperking en bezwaar"));
    await user.click(section.getByRole("button", { name: "Bezwaar tegen direct marketing" }));
    expect(section.getByText(/e-mailadressen van deze persoon komen op een blokkeerlijst/)).toBeInTheDocument();
    expect(callsOf("object_contact")).toEqual([]);

    await user.click(section.getByRole("button", { name: "Bezwaar vastleggen" }));
    expect(callsOf("object_contact")).toEqual([{ id: 1 }]);
    expect(
      await section.findByText(
        "Bezwaar vastgelegd: 1 toestemming(en) ingetrokken, 2 doel(en) beëindigd, 1 e-mailadres(sen) op de blokkeerlijst.",
      ),
    ).toBeInTheDocument();
    expect(await section.findByText("Bezwaar gemaakt op 1 mei 2024")).toBeInTheDocument();
    expect(section.queryByRole("button", { name: "Bezwaar tegen direct marketing" })).toBeNull();
  });

  it("restricts processing with a reason", async () => {
    backend({ restrict_contact: () => null });
    const { user } = await openPrivacy();
    const section = within(region("Beperking en bezwaar"));
    await user.click(section.getByRole("button", { name: "Verwerking beperken" }));
    expect(section.getByLabelText("Reden van beperking")).toHaveAccessibleDescription("Vul een reden in.");
    expect(callsOf("restrict_contact")).toEqual([]);

    await user.type(section.getByLabelText("Reden van beperking"), "Juistheid betwist");
    await user.click(section.getByRole("button", { name: "Verwerking beperken" }));
    expect(callsOf("restrict_contact")).toEqual([{ id: 1, reason: "Juistheid betwist" }]);
    expect(await section.findByText("Verwerking beperkt.")).toBeInTheDocument();
  });
});

describe("a restricted contact", () => {
  const restricted = contact({ restricted_reason: "Juistheid betwist <b>per brief</b>" });

  it("shows the banner and disables editing and the interaction form", async () => {
    backend({}, restricted);
    await openContact();
    const banner = screen.getByRole("status");
    expect(banner).toHaveTextContent("Verwerking beperkt");
    expect(banner).toHaveTextContent("Reden: Juistheid betwist <b>per brief</b>");
    expect(banner.querySelector("b")).toBeNull();

    expect(screen.getByRole("button", { name: "Bewerken" })).toBeDisabled();
    const form = within(screen.getByRole("form", { name: "Nieuwe interactie" }));
    expect(form.getByLabelText("Soort")).toBeDisabled();
    expect(form.getByLabelText("Datum en tijd")).toBeDisabled();
    expect(form.getByLabelText("Tekst")).toBeDisabled();
    expect(form.getByRole("button", { name: "Interactie toevoegen" })).toBeDisabled();
    expect(form.getByText("Je kunt geen interacties toevoegen zolang de verwerking beperkt is.")).toBeInTheDocument();
  });

  it("disables the privacy controls except withdrawing, objecting and lifting the restriction", async () => {
    backend(
      {
        contact_privacy: () => privacy({ links: [link()], fields: [field()] }),
        unrestrict_contact: () => null,
      },
      restricted,
    );
    const { user } = await openPrivacy();

    // Linking a purpose stays folded away.
    expect(screen.getByRole("button", { name: "Doel koppelen" })).toBeDisabled();
    expect(screen.queryByRole("form", { name: "Doel koppelen" })).toBeNull();

    const consent = within(region("Toestemming vastleggen"));
    expect(consent.getByLabelText("Doel")).toBeDisabled();
    expect(consent.getByLabelText("Methode")).toBeDisabled();
    expect(consent.getByLabelText("Toestemmingstekst")).toBeDisabled();
    expect(consent.getByLabelText("Bewijs (optioneel)")).toBeDisabled();
    expect(consent.getByRole("checkbox")).toBeDisabled();
    expect(consent.getByRole("button", { name: "Toestemming vastleggen" })).toBeDisabled();

    const fields = within(region("Extra velden"));
    expect(fields.getByLabelText("Referentie")).toBeDisabled();
    expect(fields.getByRole("button", { name: "Referentie opslaan" })).toBeDisabled();

    expect(screen.getByRole("button", { name: "Toestemming intrekken: Nieuwsbrief" })).toBeEnabled();
    const restriction = within(region("Beperking en bezwaar"));
    expect(restriction.queryByRole("button", { name: "Verwerking beperken" })).toBeNull();
    expect(restriction.getByRole("button", { name: "Bezwaar tegen direct marketing" })).toBeEnabled();
    const lift = restriction.getByRole("button", { name: "Beperking opheffen" });
    expect(lift).toBeEnabled();
    await user.click(lift);
    expect(callsOf("unrestrict_contact")).toEqual([{ id: 1 }]);
  });
});

// Record a consent with its text in the app, withdraw it in one action (how, and a note), see both events in the
// history; restrict a contact and see the banner and the edit controls disabled.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

const TEXT = "Ja, ik wil één keer per maand de nieuwsbrief van Bakker Bouw ontvangen. (versie 2)";
const app = new App();
let id;
before(async () => {
  app.cli(["init"]);
  app.cli(["purpose", "add", "--name", "Nieuwsbrief", "--basis", "consent", "--direct-marketing"]);
  id = app.cli(["contact", "add", "--name", "Noor Visser", "--email", "noor@example.nl"]).trim();
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
  await app.click("Noor Visser");
  await app.waitForHeading("Noor Visser");
  await app.click("Privacy");
});
after(() => app.close());

test("consent is recorded with its exact text and withdrawn in one action that asks how", async () => {
  await app.selectOption("Doel", "Nieuwsbrief");
  await app.selectOption("Methode", "Formulier");
  await app.type("Toestemmingstekst", TEXT);
  const record = await app.button("Toestemming vastleggen");
  assert.equal(await record.isEnabled(), false, "not before the person's confirmation is ticked");
  await app.check("De persoon heeft deze tekst zelf actief bevestigd");
  await app.click("Toestemming vastleggen");
  await app.click("Toestemming intrekken: Nieuwsbrief");
  // How the person withdrew: e-mail unless changed, with an optional note.
  await app.type("Notitie (optioneel)", "Mailde zich af te melden");
  await app.click("Intrekking vastleggen");
  await app.browser.waitUntil(async () => /Ingetrokken/.test(await app.text()), {
    timeout: 10000,
    timeoutMsg: "the withdrawal did not appear in the history",
  });
  const text = await app.text();
  assert.match(text, /Gegeven/);
  assert.match(text, /Ingetrokken/);
  // The ledger in the vault, read through the same core: given then withdrawn, with the text.
  const history = JSON.parse(app.cli(["--json", "consent", "history", "--contact", id]));
  assert.deepEqual(history.map((e) => e.kind), ["given", "withdrawn"]);
  assert.equal(history[1].method, "email");
  const { createHash } = await import("node:crypto");
  assert.equal(history[0].text_sha256, createHash("sha256").update(TEXT, "utf8").digest("hex"));
});

test("a restricted contact shows a banner and cannot be edited", async () => {
  await app.type("Reden van beperking", "Betwist de juistheid van het adres");
  await app.click("Verwerking beperken");
  // The banner shows the reason once the contact is read again.
  await app.browser.waitUntil(
    async () => {
      const t = await app.text();
      return /Verwerking beperkt/.test(t) && /Betwist de juistheid van het adres/.test(t);
    },
    { timeout: 10000, timeoutMsg: "no restriction banner with the reason" },
  );
  await app.click("Gegevens");
  const edit = await app.button("Bewerken");
  assert.equal(await edit.isEnabled(), false, "edit stays disabled while restricted");
  const add = await app.button("Interactie toevoegen");
  assert.equal(await add.isEnabled(), false, "adding interactions is disabled while restricted");
  // The core refuses too.
  const r = await app.invoke("update_contact", {
    id: Number(id),
    input: { name: "X", emails: [], phones: [], address: null, organisation: null, job_title: null,
      relationship: "prospect", relationship_ended: null },
    confirmNotBsn: false,
  });
  assert.equal(r.err?.code, "restricted");
});

// Add a processor in the register's Processors tab, linked to a purpose, with its processing
// agreement picked in the backend's open dialog (the debug-only hook answers it, lib/app.mjs;
// only the file's SHA-256 and name are kept); give a contact that purpose on the Privacy tab;
// export the subject-access PDF through the wizard and find the processor in its recipients
// section with pdftotext.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { App } from "../lib/app.mjs";

const NAME = "Sanne de Boer";
const app = new App();
const agreement = path.join(app.tmp, "verwerkersovereenkomst-jansen.pdf");
before(async () => {
  writeFileSync(agreement, "%PDF-1.4 getekende verwerkersovereenkomst\n");
  app.cli(["init"]);
  app.cli(["settings", "set", "controller.name", "Bakker Bouw"]);
  app.cli(["purpose", "add", "--name", "Klantadministratie", "--basis", "contract"]);
  const id = app.cli(["contact", "add", "--name", NAME, "--email", "sanne@example.nl", "--relationship", "client"]).trim();
  const today = new Date().toISOString().slice(0, 10);
  app.cli(["request", "add", "--contact", id, "--type", "access", "--received", today]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

const waitForText = (pattern, what) =>
  app.browser.waitUntil(async () => pattern.test(await app.text()), { timeout: 30000, timeoutMsg: what });

test("a processor added in the app, linked to a purpose, is in the person's access report", async () => {
  await app.click("Register");
  await app.waitForHeading("Verwerkingsregister");
  await app.click("Verwerkers");
  await waitForText(/Nog geen verwerkers/, "the Processors tab did not open");
  await app.type("Naam", "Boekhouder Jansen");
  await app.selectOption("Wat doet deze verwerker", "Boekhouding");
  await app.check("Klantadministratie");
  await app.type("Verwerkersovereenkomst getekend op", "15-01-2025");
  app.openDialogAnswers(agreement);
  await app.click("Bestand kiezen…");
  const sha = createHash("sha256").update("%PDF-1.4 getekende verwerkersovereenkomst\n").digest("hex");
  await waitForText(new RegExp(`SHA-256: ${sha}`), "the agreement's hash is not shown");
  await app.click("Verwerker toevoegen");
  await waitForText(/Verwerker “Boekhouder Jansen” toegevoegd/, "the processor was not added");
  assert.match(await app.text(), /In orde/, "signed, no review past: no flag");

  // Give the contact the purpose on its Privacy tab.
  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await app.click(NAME);
  await app.waitForHeading(NAME);
  await app.click("Privacy");
  await app.click("Doel koppelen");
  await app.selectOption("Doel", "Klantadministratie");
  await app.selectOption("Grondslag", "Overeenkomst");
  await app.selectOption("Bron", "Persoonlijk");
  await app.click("Koppelen");
  await waitForText(/Doel gekoppeld/, "the purpose was not linked");

  // The wizard, as in spec 08.
  await app.click("Inzage en export");
  await app.waitForHeading("Inzage en export");
  const req = await app.field("Verzoek");
  await req.selectByIndex(1);
  await app.click("Volgende");
  await app.selectOption("Methode", "Bekend e-mailadres");
  await app.click("Identiteit vastleggen");
  await waitForText(/Bekend e-mailadres/, "the identity check was not recorded");
  await app.click("Volgende");
  await app.click("Volgende");
  await app.check("Dit is de juiste persoon");
  await app.click("Volgende");
  app.saveDialogs(true);
  await app.click("Documenten maken");
  await waitForText(/De documenten zijn gemaakt/, "the documents were not made");
  const pdfs = readdirSync(app.saved).filter((f) => f.endsWith(".pdf"));
  assert.deepEqual(pdfs, [`inzage-${NAME}.pdf`]);
  const text = execFileSync("pdftotext", [path.join(app.saved, pdfs[0]), "-"], { encoding: "utf8" })
    .split(/\s+/)
    .join(" ");
  const recipients = text.split("Ontvangers en verwerkers")[1] ?? "";
  assert.match(recipients, /Boekhouder Jansen \(boekhouding\)/, text);
  assert.doesNotMatch(text, /Wij delen uw gegevens met niemand/);

  // What the vault holds, read through the same core: the link, the hash and the file's name.
  await app.quit();
  const [p] = JSON.parse(app.cli(["--json", "processor", "list"]));
  assert.equal(p.dpa_sha256, sha);
  assert.equal(p.dpa_reference, "verwerkersovereenkomst-jansen.pdf");
  assert.deepEqual(p.purposes.map((r) => r.name), ["Klantadministratie"]);
});

// Moving in and out through the app (issue 14, "In the app"): a vCard file as an iPhone writes
// it and a sheet as Dutch Excel saves it (semicolons, Windows-1252 bytes with é, ë and €, Dutch
// headers) go through the import wizard — the file from the backend's open dialog, the detected
// settings, the column mapping, the dry-run preview (a likely duplicate added anyway by its own
// choice), only the purposes a whole file may have, the import — and the people are in the contact list and wait in triage. Then the address
// book is exported to vCard through the backend's save dialog and the file holds them.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { App, root } from "../lib/app.mjs";

const fixtures = path.join(root, "tests/e2e/fixtures");
const app = new App();
before(async () => {
  app.cli(["init"]);
  app.cli(["purpose", "propose", "--lang", "nl"]);
  app.cli(["purpose", "add", "--name", "Aanbiedingen", "--basis", "legitimate-interest", "--direct-marketing"]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

async function waitForText(pattern, what, timeout = 30000) {
  let seen = "";
  await app.browser
    .waitUntil(async () => pattern.test((seen = await app.text())), { timeout })
    .catch(() => {
      throw new Error(`${what}; the window shows:\n${seen.slice(0, 1500)}`);
    });
}
const triageNames = () => JSON.parse(app.cli(["--json", "triage"])).map((f) => f.name).sort();
const value = async (label) => (await app.field(label)).getValue();

/** Opens the wizard from the contacts and chooses `file` in the (backend's) open dialog. */
async function chooseFile(file) {
  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await app.click("Importeren");
  await app.waitForHeading("Contacten importeren");
  app.openDialogAnswers(path.join(fixtures, file));
  await app.click("Bestand kiezen…");
  await waitForText(new RegExp(`Bestand: ${file.replace(".", "\\.")}`), "the chosen file is not shown");
}

/** From the read step: the preview, then the purpose step, then the import; the summary's text. */
async function previewAndImport(expectedPreview, inPreview = async () => {}) {
  await app.click("Volgende");
  await waitForText(expectedPreview, "the preview does not show the expected counts");
  assert.match(await app.text(), /Dit is een proef: er is nog niets opgeslagen/);
  await inPreview();
  await app.click("Volgende");
  const purpose = await app.field("Doel voor alle geïmporteerde contacten (optioneel)");
  await app.browser.waitUntil(async () => (await purpose.$$("option")).length > 1, { timeout: 10000 });
  const offered = [];
  for (const option of await purpose.$$("option")) offered.push(await option.getText());
  // The core offers only purposes a whole file may be linked to: no consent, no direct marketing.
  assert.ok(offered.includes("Klantadministratie"), JSON.stringify(offered));
  assert.ok(!offered.includes("Nieuwsbrief"), "a consent purpose is offered");
  assert.ok(!offered.includes("Aanbiedingen"), "a direct-marketing purpose is offered");
  await app.click("Importeren");
  await waitForText(/Importeren klaar/, "the import did not finish");
  return app.text();
}

test("a vCard file goes through the wizard: people in the list and waiting in triage", async () => {
  await chooseFile("contacten.vcf");
  assert.equal(await value("Bestandsformaat"), "vcard");
  await waitForText(/3 contactkaarten gevonden/, "the cards are not counted");
  await app.screenshot("19-import-read", path.join(app.tmp, "shots"));
  await app.click("Volgende");
  await waitForText(/1 foto's worden niet overgenomen/, "the photo left out is not said");
  assert.match(await app.text(), /Sanne de Vries/);
  assert.deepEqual(triageNames(), [], "the preview wrote nothing");
  await app.click("Vorige");
  const summary = await previewAndImport(/3 toevoegen, 0 bijwerken, 0 overslaan/);
  assert.match(summary, /3 toegevoegd, 0 bijgewerkt, 0 overgeslagen/);

  await app.click("Naar ‘Te beoordelen’");
  await app.waitForHeading("Verwerkingsregister");
  await waitForText(/Pieter Jansen/, "the imported contacts are not in triage");
  const shown = await app.text();
  for (const name of ["Sanne de Vries", "Fleur Bakker"]) assert.match(shown, new RegExp(name));
  assert.deepEqual(triageNames(), ["Fleur Bakker", "Pieter Jansen", "Sanne de Vries"]);

  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await waitForText(/Fleur Bakker/, "the imported contacts are not in the list");
  assert.match(await app.text(), /De Vries Advies/);
});

test("a Dutch Excel sheet (semicolons, Windows-1252) goes through the wizard with its columns mapped", async () => {
  await chooseFile("klanten-excel.csv");
  const encoding = await app.field("Tekencodering");
  await app.browser.waitUntil(async () => (await encoding.getValue()) === "windows-1252", {
    timeout: 15000,
    timeoutMsg: "the encoding is not detected as windows-1252",
  });
  assert.equal(await value("Scheidingsteken"), ";");
  assert.equal(await value("Bestandsformaat"), "csv");
  assert.equal(await value("Veld voor kolom Naam"), "name");
  assert.equal(await value("Veld voor kolom E-mailadres"), "email");
  assert.equal(await value("Veld voor kolom Telefoon"), "phone");
  assert.equal(await value("Veld voor kolom Bedrijf"), "organisation");
  await waitForText(/Café Ëlla · Bakkerij € en Zo/, "the sample is not decoded from Windows-1252");
  await app.screenshot("19-import-mapping", path.join(app.tmp, "shots"));

  // Read as UTF-8 on purpose, the file is refused in plain words; back to the detected one.
  await app.selectOption("Tekencodering", "UTF-8");
  await app.waitForAlert(/Kluis kan dit bestand zo niet lezen/);
  await app.selectOption("Tekencodering", "windows-1252");
  await waitForText(/Café Ëlla · Bakkerij € en Zo/, "the sample does not come back");

  // René's mobile number is Sanne's (from the vCard file): a likely duplicate, skipped unless
  // the row is told otherwise.
  const summary = await previewAndImport(/1 toevoegen, 0 bijwerken, 1 overslaan; 1 lijken dubbel/, async () => {
    assert.equal(await value("Dubbel op regel 2: René Dijkstra"), "");
    await app.selectOption("Dubbel op regel 2: René Dijkstra", "Toch toevoegen");
    await waitForText(/2 toevoegen, 0 bijwerken, 0 overslaan; 1 lijken dubbel/, "the row's choice is not previewed");
  });
  assert.match(summary, /2 toegevoegd, 0 bijgewerkt, 0 overgeslagen; 1 dubbel/);
  await app.click("Terug naar de contacten");
  await app.waitForHeading("Contacten");
  await waitForText(/René Dijkstra/, "René is not in the list");
  const list = await app.text();
  assert.match(list, /Noël Visser/);
  assert.match(list, /Bakkerij € en Zo/);
  assert.match(list, /Café Ëlla/);
  assert.deepEqual(triageNames(), ["Fleur Bakker", "Noël Visser", "Pieter Jansen", "René Dijkstra", "Sanne de Vries"]);
  const rene = JSON.parse(app.cli(["--json", "contact", "list", "--search", "Dijkstra"]))[0];
  const detail = JSON.parse(app.cli(["--json", "contact", "show", String(rene.id)]));
  assert.deepEqual(detail.contact.phones, ["06-12345678"]);
});

test("the address book is exported to vCard through the save dialog and holds the imported people", async () => {
  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await app.click("Exporteren");
  const restricted = await app.field("Ook beperkte contacten meenemen");
  assert.equal(await restricted.isSelected(), false, "restricted contacts are included by default");
  await app.click("Opslaan…");
  await waitForText(/5 contacten geëxporteerd naar het gekozen bestand/, "no export notice");
  const vcf = readFileSync(path.join(app.saved, "adresboek.vcf"), "utf8");
  assert.equal((vcf.match(/BEGIN:VCARD/g) ?? []).length, 5);
  for (const name of ["Sanne de Vries", "Fleur Bakker", "Pieter Jansen", "René Dijkstra", "Noël Visser"]) {
    assert.match(vcf, new RegExp(`FN:${name}`));
  }
  assert.match(vcf, /VERSION:4\.0/);
  assert.match(vcf, /rene@dijkstra-advies\.nl/);
  await app.click("Sluiten");
});

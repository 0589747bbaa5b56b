// Rectification (Art. 16) in the real app: a note is edited and deleted on the timeline, and
// the vault (read through the CLI, the same core) holds the new text, then none; a fiscal
// record under its legal hold cannot be deleted and the list says until when.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

const app = new App();
let contact;
let note;
before(async () => {
  app.cli(["init"]);
  contact = JSON.parse(app.cli(["--json", "contact", "add", "--name", "Anna Bakker", "--relationship", "client"])).id;
  note = JSON.parse(
    app.cli([
      "--json",
      "interaction",
      "add",
      "--contact",
      String(contact),
      "--kind",
      "note",
      "--text",
      "Verkeerd genoteerd: Vlinderhoeve",
      "--at",
      "2026-02-01T10:00:00Z",
    ]),
  ).id;
  app.cli([
    "document",
    "add",
    "--contact",
    String(contact),
    "--kind",
    "invoice",
    "--number",
    "2026-001",
    "--date",
    "2026-02-01",
    "--amount",
    "1250,50",
  ]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
  await app.click("Anna Bakker");
  await app.waitForHeading("Anna Bakker");
});
after(() => app.close());

const shown = () => JSON.parse(app.cli(["--json", "contact", "show", String(contact)]));

test("a note is edited on the timeline and the vault holds only the new text", async () => {
  const edit = await app.browser.$(`//button[contains(@aria-label, " bewerken")]`);
  await edit.waitForEnabled({ timeout: 10000, timeoutMsg: "no enabled edit action on the timeline" });
  await edit.click();
  const text = await app.browser.$(`//form[@aria-labelledby="interaction-edit-${note}"]//textarea`);
  await text.waitForDisplayed({ timeout: 10000, timeoutMsg: "the edit form did not open" });
  assert.equal(await text.getValue(), "Verkeerd genoteerd: Vlinderhoeve");
  await text.click();
  await app.browser.keys(["Control", "a"]);
  await app.browser.keys("Delete");
  await text.setValue("Belde over de offerte voor de dakkapel");
  await app.click("Wijziging opslaan");
  await app.browser.waitUntil(
    async () => {
      const t = await app.text();
      return t.includes("Interactie gewijzigd") && t.includes("Belde over de offerte voor de dakkapel") && !t.includes("Vlinderhoeve");
    },
    { timeout: 10000, timeoutMsg: "the edited note did not replace the old one" },
  );
  const d = shown();
  assert.equal(d.interactions.length, 1);
  assert.equal(d.interactions[0].text, "Belde over de offerte voor de dakkapel");
  assert.equal(JSON.parse(app.cli(["--json", "contact", "list", "--search", "Vlinderhoeve"])).length, 0);
});

test("a note is deleted after confirmation", async () => {
  const remove = await app.browser.$(`//button[contains(@aria-label, " verwijderen") and starts-with(@aria-label, "Notitie")]`);
  await remove.waitForEnabled({ timeout: 10000, timeoutMsg: "no enabled delete action on the timeline" });
  await remove.click();
  await app.click("Definitief verwijderen");
  await app.browser.waitUntil(
    async () => {
      const t = await app.text();
      return t.includes("Interactie verwijderd.") && t.includes("Nog geen interacties vastgelegd.");
    },
    { timeout: 10000, timeoutMsg: "the note did not go" },
  );
  assert.equal(shown().interactions.length, 0);
});

test("a fiscal record under its hold cannot be deleted, and the list says until when", async () => {
  const remove = await app.button("Document 2026-001 verwijderen");
  assert.equal(await remove.isEnabled(), false);
  assert.match(await app.text(), /bewaarplicht tot 31 december 2033/);
  assert.ok(await app.button("Correctie toevoegen op 2026-001"));
});

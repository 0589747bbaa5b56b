// Unsubscribes from a newsletter tool in the real app (issue 14, R3.4): a Mailchimp
// unsubscribed-members export imported from the purpose in the register (the file through the
// open dialog, a preview of the counts, then the import); the withdrawal, at the file's time,
// shows in the contact's consent history and the mailing list no longer has the person. A
// Mailchimp cleaned-members export marks a bounced address undeliverable on the contact, its
// consent untouched.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { App, root } from "../lib/app.mjs";

const fixtures = path.join(root, "tests/fixtures/unsubscribes");
const app = new App();
const ids = {};
before(async () => {
  app.cli(["init"]);
  app.cli(["purpose", "add", "--name", "Nieuwsbrief", "--basis", "consent", "--direct-marketing"]);
  ids.jan = app.cli(["contact", "add", "--name", "Jan Jansen", "--email", "jan.jansen@example.nl"]).trim();
  ids.fleur = app
    .cli(["contact", "add", "--name", "Fleur Bakker", "--email", "fleur@oud-adres.nl"])
    .trim();
  const text = path.join(app.tmp, "tekst.txt");
  writeFileSync(text, "Ja, stuur mij de nieuwsbrief.");
  for (const id of [ids.jan, ids.fleur]) {
    app.cli(["--now", "2026-01-05T10:00:00Z", "consent", "give", "--contact", id, "--purpose", "Nieuwsbrief",
      "--method", "form", "--text-file", text]);
  }
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

const mailingList = () => {
  const out = path.join(app.tmp, "lijst.csv");
  app.cli(["export", "mailing-list", "--purpose", "Nieuwsbrief", "--out", out]);
  return readFileSync(out, "utf8");
};

async function importFile(file, expect) {
  await app.click("Register");
  await app.waitForHeading("Verwerkingsregister");
  app.openDialogAnswers(path.join(fixtures, file));
  await app.click("Afmeldingen importeren voor Nieuwsbrief");
  await app.browser.waitUntil(async () => /Er is nog niets vastgelegd/.test(await app.text()), {
    timeout: 15000,
    timeoutMsg: "no preview of the file",
  });
  const preview = await app.text();
  assert.match(preview, new RegExp(`Bestand: ${file}`));
  for (const line of expect) assert.match(preview, line);
  await app.click("Importeren");
  await app.browser.waitUntil(async () => /Afmeldingen geïmporteerd/.test(await app.text()), {
    timeout: 15000,
    timeoutMsg: "the import did not finish",
  });
  await app.click("Sluiten");
  // The dialog fades out; the page is usable again once it is gone.
  await app.browser.waitUntil(
    async () => (await app.browser.$$('[role="dialog"]').length) === 0,
    { timeout: 10000, timeoutMsg: "the dialog did not close" },
  );
}

test("a Mailchimp unsubscribe file imported from the register shows in the consent history", async () => {
  assert.match(mailingList(), /jan\.jansen@example\.nl/);
  await importFile("unsubscribed_members_export_8f3c2a1b.csv", [
    /Toestemming ingetrokken\s*1/,
    /Adressen zonder contact\s*4/,
  ]);
  // Nothing was written by the preview alone: the history has exactly one withdrawal.
  const history = JSON.parse(app.cli(["--json", "consent", "history", "--contact", ids.jan]));
  assert.deepEqual(history.map((e) => e.kind), ["given", "withdrawn"]);
  assert.equal(history[1].at, "2026-03-14T09:12:33Z", "the file's time, read as UTC");
  assert.equal(history[1].method, "import");

  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await app.click("Jan Jansen");
  await app.waitForHeading("Jan Jansen");
  await app.click("Privacy");
  await app.browser.waitUntil(async () => /Ingetrokken/.test(await app.text()), {
    timeout: 15000,
    timeoutMsg: "the withdrawal is not in the consent history",
  });
  const shown = await app.text();
  assert.match(shown, /14 (mrt\.?|maart) 2026/, "the withdrawal shows the file's date");
  assert.match(shown, /Via een import/);
  assert.match(shown, /unsubscribed_members_export_8f3c2a1b\.csv/);
  assert.match(shown, /Nieuwsbrief maart/);
  assert.doesNotMatch(mailingList(), /jan\.jansen/, "the mailing list no longer has Jan");
});

test("a Mailchimp cleaned file marks the address undeliverable and leaves the consent", async () => {
  await importFile("cleaned_members_export_8f3c2a1b.csv", [/Adres onbestelbaar gemarkeerd\s*1/]);
  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await app.click("Fleur Bakker");
  await app.waitForHeading("Fleur Bakker");
  await app.click("Privacy");
  await app.browser.waitUntil(async () => /Adres onbestelbaar/.test(await app.text()), {
    timeout: 15000,
    timeoutMsg: "the contact does not say the address is undeliverable",
  });
  assert.match(await app.text(), /fleur@oud-adres\.nl, sinds 14 maart 2026/);
  const history = JSON.parse(app.cli(["--json", "consent", "history", "--contact", ids.fleur]));
  assert.deepEqual(history.map((e) => e.kind), ["given"], "no withdrawal nobody made");
  assert.doesNotMatch(mailingList(), /fleur/, "a bounced address is mailed no more");
});

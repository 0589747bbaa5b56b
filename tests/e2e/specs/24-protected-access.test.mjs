// A protected copy of the access report in the real app (R6.4, Art. 15(4)): a note about a
// colleague withheld in the preview, the copy protected, the one-time password read from the
// screen; the saved PDF opens with `pdftotext -upw` and not without, the ZIP is AES, and the
// request records the protection and the count, never the password.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { App } from "../lib/app.mjs";

const NAME = "Anneke Zwartveld";
const OTHER = "Collega Marieke Verhoeven is ziek thuis";
const app = new App();
const out = app.saved;
let id;
before(async () => {
  app.cli(["init"]);
  app.cli(["settings", "set", "controller.name", "Bakker Bouw"]);
  id = app.cli(["contact", "add", "--name", NAME, "--email", "anneke@zwartveld.nl", "--relationship", "client"]).trim();
  app.cli(["interaction", "add", "--contact", id, "--kind", "note", "--text", OTHER]);
  app.cli(["interaction", "add", "--contact", id, "--kind", "call", "--text", "Offerte voor de verbouwing besproken"]);
  const today = new Date().toISOString().slice(0, 10);
  app.cli(["request", "add", "--contact", id, "--type", "access", "--received", today]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

test("a protected copy with a withheld line opens only with the password shown once", async () => {
  await app.click(NAME);
  await app.waitForHeading(NAME);
  await app.click("Inzage en export");
  await app.waitForHeading("Inzage en export");
  await (await app.field("Verzoek")).selectByIndex(1);
  await app.click("Volgende");
  await app.selectOption("Methode", "Bekend e-mailadres");
  await app.click("Identiteit vastleggen");
  await app.browser.waitUntil(async () => /Bekend e-mailadres/.test(await app.text()), { timeout: 10000 });
  await app.click("Volgende");
  // Step 3: the ZIP, the protected copy, the address on the contact, the note withheld.
  await app.check("Overdraagbaarheidsbestand (ZIP) meemaken");
  await app.check("Beveiligde kopie (met wachtwoord)");
  assert.match(await app.text(), /7-Zip, WinRAR of Keka/);
  assert.equal(await (await app.field("Verzenden naar")).getValue(), "known:anneke@zwartveld.nl");
  await app.check(`Weglaten: ${OTHER}`);
  await app.browser.waitUntil(async () => /In het rapport: \[weggelaten: betreft een ander\]/.test(await app.text()), {
    timeout: 10000,
  });
  await app.screenshot("24-scope");
  await app.click("Volgende");
  await app.check("Dit is de juiste persoon");
  await app.click("Volgende");
  app.saveDialogs(true);
  await app.click("Documenten maken");
  await app.browser.waitUntil(async () => /De documenten zijn gemaakt/.test(await app.text()), {
    timeout: 60000,
    timeoutMsg: "the documents were not made",
  });
  // The code block labelled "Eenmalig wachtwoord" (aria-labelledby; the Vitest test finds it by
  // that label).
  const shown = await app.browser.$("[data-password]");
  await shown.waitForDisplayed({ timeout: 10000 });
  const password = (await shown.getText()).trim();
  assert.match(password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  assert.match(await app.text(), /telefonisch of per sms door, nooit in dezelfde e-mail/);
  await app.screenshot("24-password");

  const pdfs = readdirSync(out).filter((f) => f.endsWith(".pdf"));
  assert.equal(pdfs.length, 1, `saved: ${readdirSync(out)}`);
  const pdf = path.join(out, pdfs[0]);
  const text = execFileSync("pdftotext", ["-upw", password, pdf, "-"], { encoding: "utf8" });
  assert.match(text, /Anneke Zwartveld/);
  assert.match(text, /\[weggelaten: betreft een ander\]/);
  assert.doesNotMatch(text, /Marieke/);
  assert.notEqual(spawnSync("pdftotext", [pdf, "-"]).status, 0, "the PDF opens without the password");
  const enc = execFileSync("qpdf", ["--show-encryption", `--password=${password}`, pdf], { encoding: "utf8" });
  assert.match(enc, /R = 6/);
  assert.match(enc, /AESv3/);
  const zip = readdirSync(out).filter((f) => f.endsWith(".zip"));
  assert.equal(zip.length, 1);
  // WinZip AES: compression method 99 in the first local header.
  assert.equal(readFileSync(path.join(out, zip[0])).readUInt16LE(8), 99);

  await app.quit();
  const requests = JSON.parse(app.cli(["--json", "request", "list"]));
  assert.deepEqual(
    requests[0].deliveries.map((d) => [d.sent_to, d.address_known, d.protected, d.redactions]),
    [["anneke@zwartveld.nl", true, true, 1]],
  );
  assert.ok(!JSON.stringify(requests).includes(password), "the password is recorded");
});

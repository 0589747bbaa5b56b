// The breach register in the app (issue 15, part 1): the lost-laptop helper pre-fills a breach
// from what the vault knows, the breach shows its 72-hour clock, the AP decision is recorded,
// and the breach report is saved through the backend's save dialog (the debug stand-in) and
// read back with pdftotext.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { App } from "../lib/app.mjs";

const app = new App();
before(async () => {
  app.cli(["init"]);
  app.cli(["purpose", "add", "--name", "Klantadministratie", "--basis", "contract", "--category", "naam", "--category", "e-mail"]);
  app.cli(["contact", "add", "--name", "Noor Visser", "--email", "noor@example.nl"]);
  app.cli(["contact", "add", "--name", "Sem de Vries", "--email", "sem@example.nl"]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

const waitForText = (pattern, what) =>
  app.browser.waitUntil(async () => pattern.test(await app.text()), { timeout: 30000, timeoutMsg: what });

test("the lost-laptop helper registers a breach pre-filled from the vault, with its clock", async () => {
  await app.click("Datalekken");
  await app.waitForHeading("Datalekken");
  await waitForText(/Nog geen datalekken geregistreerd/, "the empty register is not said");
  await app.click("Laptop of back-upschijf kwijt of gestolen");
  await waitForText(/Art\. 34 lid 3 onder a AVG/, "the helper's explanation is not shown");
  const shown = await app.text();
  assert.match(shown, /Contacten in de kluis: 2/);
  assert.match(shown, /De sleutel was op dit apparaat niet onthouden\./);
  // No backup was ever made: availability is ticked too.
  assert.match(shown, /Er is geen recente back-up/);
  assert.ok(await (await app.field("Beschikbaarheid")).isSelected(), "availability is pre-ticked");
  assert.ok(await (await app.field("Vertrouwelijkheid")).isSelected(), "confidentiality is pre-ticked");
  await app.click("Datalek registreren");
  await app.browser.waitUntil(async () => /^Datalek \d{4}-001$/.test(await app.heading().catch(() => "")), {
    timeout: 15000,
    timeoutMsg: "the breach's page did not open",
  });
  // The clock the core computed, in hours left (72 hours minus the seconds since saving).
  await waitForText(/nog 7[12] u( \d+ min)?/, "the 72-hour clock is not shown");
  assert.match(await app.text(), /Nog geen besluit: de 72-uursklok loopt\./);
});

test("the AP decision is recorded and the clock stops", async () => {
  await app.type("Meldnummer van de AP", "AP-2026-4242");
  await app.click("Besluit vastleggen");
  await waitForText(/Gemeld bij de AP\./, "the notification is not recorded");
  await waitForText(/besluit genomen/, "the clock still runs");
  assert.match(await app.text(), /AP-2026-4242/);
});

test("the breach report is saved as a PDF with what the AP form asks for", async () => {
  await app.click("Rapport opslaan (PDF)");
  await waitForText(/Rapport opgeslagen: .*datalek-\d{4}-001\.pdf/, "the report is not saved");
  const pdf = (await app.text()).match(/Rapport opgeslagen: (\S+\.pdf)/)[1];
  assert.equal(path.dirname(pdf), app.saved);
  assert.ok(existsSync(pdf));
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  const flat = text.split(/\s+/).join(" ");
  assert.match(flat, /Melding datalek \d{4}-001/);
  assert.match(flat, /AP-2026-4242/);
  assert.match(flat, /AES-256/);
  assert.match(flat, /Laptop of back-upschijf/);
  // The same record through the CLI (the same core): the helper's pre-fill, the decision.
  await app.quit();
  const b = JSON.parse(app.cli(["--json", "breach", "show", "1"]));
  assert.equal(b.ap_decision, "notify");
  assert.equal(b.ap_case_number, "AP-2026-4242");
  assert.equal(b.approx_people, 2);
  assert.deepEqual(b.nature, ["confidentiality", "availability"]);
  assert.deepEqual(b.data_categories, ["naam", "e-mail"]);
  assert.equal(b.people_decision, null, "the helper decided nothing about the people");
});

// Run the export wizard in the app to a saved subject-access PDF and portability ZIP and find
// them on the request. The backend's save dialogs are answered by the debug-only test hook
// (lib/app.mjs): first cancelled (nothing made, no error), then saved.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { App } from "../lib/app.mjs";

const NAME = "Łukasz Dąbrowski";
const app = new App();
const out = app.saved;
let id;
before(async () => {
  app.cli(["init"]);
  app.cli(["settings", "set", "controller.name", "Bakker Bouw"]);
  id = app.cli(["contact", "add", "--name", NAME, "--email", "lukasz@example.pl", "--relationship", "client"]).trim();
  const today = new Date().toISOString().slice(0, 10);
  app.cli(["request", "add", "--contact", id, "--type", "access", "--received", today]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

test("the wizard produces the PDF, records it on the request and shows its fingerprint", async () => {
  await app.click(NAME);
  await app.waitForHeading(NAME);
  await app.click("Inzage en export");
  await app.waitForHeading("Inzage en export");
  // Step 1: the person is preselected; choose the open request it answers.
  const req = await app.field("Verzoek");
  await req.selectByIndex(1);
  await app.click("Volgende");
  // Step 2: record how the identity was checked.
  await app.selectOption("Methode", "Bekend e-mailadres");
  await app.click("Identiteit vastleggen");
  await app.browser.waitUntil(async () => /Bekend e-mailadres/.test(await app.text()), { timeout: 10000 });
  await app.click("Volgende");
  // Step 3: the portability ZIP too; step 4: review, where the person is confirmed (name,
  // e-mail, id shown).
  await app.check("Overdraagbaarheidsbestand (ZIP) meemaken");
  await app.click("Volgende");
  assert.match(await app.text(), new RegExp(`${NAME} · .*#\\d+`));
  await app.check("Dit is de juiste persoon");
  await app.click("Volgende");
  // A cancelled save dialog makes nothing and is no error.
  app.saveDialogs(false);
  await app.click("Documenten maken");
  await app.browser.waitUntil(async () => /Er is niets gemaakt/.test(await app.text()), {
    timeout: 30000,
    timeoutMsg: "a cancelled save is not reported as such",
  });
  assert.equal((await app.browser.$$('[role="alert"]')).length, 0);
  app.saveDialogs(true);
  await app.click("Documenten maken");
  await app.browser.waitUntil(async () => /De documenten zijn gemaakt/.test(await app.text()), {
    timeout: 30000,
    timeoutMsg: "the documents were not made",
  });
  const pdfs = readdirSync(out).filter((f) => f.endsWith(".pdf"));
  assert.deepEqual(pdfs, [`inzage-${NAME}.pdf`], `saved: ${readdirSync(out)}`);
  const zips = readdirSync(out).filter((f) => f.endsWith(".zip"));
  assert.deepEqual(zips, [`export-${NAME}.zip`]);
  const zipSha = createHash("sha256").update(readFileSync(path.join(out, zips[0]))).digest("hex");
  const bytes = readFileSync(path.join(out, pdfs[0]));
  const sha = createHash("sha256").update(bytes).digest("hex");
  const short = sha.slice(0, 16).match(/.{4}/g).join(" ");
  const shown = await app.text();
  assert.ok(shown.includes(short), "the short fingerprint shown is the saved file's SHA-256");
  assert.ok(shown.includes(path.join(out, pdfs[0])), "it says where the PDF is");
  const text = execFileSync("pdftotext", [path.join(out, pdfs[0]), "-"], { encoding: "utf8" });
  assert.match(text, /Łukasz Dąbrowski/);
  assert.match(text, /Autoriteit Persoonsgegevens/);
  // The file is recorded on the request, read through the same core.
  await app.quit();
  const requests = JSON.parse(app.cli(["--json", "request", "list"]));
  const files = requests[0].files.map((f) => f.sha256).sort();
  assert.deepEqual(files, [sha, zipSha].sort());
  assert.equal(requests[0].identity_method, "known-email");
});

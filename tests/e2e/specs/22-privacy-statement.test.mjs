// The privacy statement and the Art. 30 record from the real app: a processor registered
// through the CLI before the app starts, then in Register → Documenten the statement saved as
// HTML (through the backend's save dialog) names that processor and its transfer, its version
// and SHA-256 are shown and listed, and the record of processing activities is saved as CSV.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { App } from "../lib/app.mjs";

const app = new App();
before(async () => {
  app.cli(["init"]);
  app.cli(["purpose", "add", "--name", "Nieuwsbrief", "--basis", "consent", "--direct-marketing"]);
  app.cli([
    "processor", "add", "--name", "MailWolk Inc.", "--service", "newsletter", "--purpose", "Nieuwsbrief",
    "--location", "Verenigde Staten", "--outside-eu", "--safeguard", "scc",
  ]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

const saved = (name) => path.join(app.saved, name);
const waitForText = (pattern, what) =>
  app.browser.waitUntil(async () => pattern.test(await app.text()), { timeout: 30000, timeoutMsg: what });

test("the privacy statement saved from the Documents tab names the processor, with its version", async () => {
  await app.click("Register");
  await app.waitForHeading("Verwerkingsregister");
  await app.click("Documenten");
  await waitForText(/Nog geen privacyverklaring opgeslagen/, "the empty list of versions");
  await app.click("Privacyverklaring opslaan");
  await waitForText(/Versie 1 van de privacyverklaring opgeslagen in/, "no saved notice");
  const file = saved("privacyverklaring.html");
  assert.ok(existsSync(file), "the statement was saved where the dialog said");
  const html = readFileSync(file, "utf8");
  assert.match(html, /<html lang="nl">/);
  assert.match(html, /MailWolk Inc\./);
  assert.match(html, /MailWolk Inc\. \(Verenigde Staten\): modelcontractbepalingen/);
  // The SHA-256 shown is that of the statement's text, and it is listed with its version.
  const sha = /SHA-256 ([0-9a-f]{64})/.exec(html)[1];
  const text = await app.text();
  assert.ok(text.split(sha).length - 1 >= 2, "the SHA-256 is shown in the notice and in the list");
  const md = app.cli(["privacy-statement", "--out", path.join(app.tmp, "same.md")]);
  assert.match(md, new RegExp(`Versie 1 .*SHA-256 ${sha}`), "the CLI sees the same version");
  const body = readFileSync(path.join(app.tmp, "same.md"), "utf8").split("---\n\n")[0];
  assert.equal(createHash("sha256").update(body).digest("hex"), sha);
});

test("the Art. 30 record is saved as CSV with the processor and the transfer", async () => {
  await app.click("Opslaan als CSV");
  await waitForText(/Register van verwerkingsactiviteiten opgeslagen in/, "no saved notice");
  const csv = readFileSync(saved("verwerkingsregister.csv"), "utf8");
  assert.match(csv, /^Verwerkingsverantwoordelijke,/);
  assert.match(csv, /MailWolk Inc\. \(nieuwsbrief\)/);
  assert.match(csv, /na 10 minuten zonder gebruik/);
});

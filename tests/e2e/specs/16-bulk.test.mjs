// Bulk actions in the real app (issue 13, items 10 and 11): select contacts in the triage list
// and link them to a purpose at once; a restricted one is skipped and named; the vault agrees
// (read through the same core). A client added with the proposed link never lands in triage.
// The contacts list jumps by initial.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

const app = new App();
const ids = {};
before(async () => {
  app.cli(["init"]);
  app.cli(["purpose", "propose", "--lang", "nl"]);
  for (const name of ["Anna Smit", "Bas de Vries", "Cor Beperkt", "Ölmez Yilmaz"]) {
    ids[name] = Number(app.cli(["contact", "add", "--name", name]).trim());
  }
  ids.client = Number(
    app.cli(["contact", "add", "--name", "Klant Direct", "--relationship", "client", "--link-proposed"]).trim(),
  );
  app.cli(["contact", "restrict", String(ids["Cor Beperkt"]), "--reason", "Betwist de juistheid"]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

const triage = () => JSON.parse(app.cli(["--json", "triage"])).map((f) => f.contact_id).sort((a, b) => a - b);

test("contacts selected in triage are linked to a purpose at once; a restricted one is skipped", async () => {
  assert.ok(!triage().includes(ids.client), "the client linked on adding is not in triage");
  await app.click("Register");
  await app.waitForHeading("Verwerkingsregister");
  await app.click("Te beoordelen");
  await app.check("Anna Smit selecteren");
  await app.check("Bas de Vries selecteren");
  await app.check("Cor Beperkt selecteren");
  await app.selectOption("Koppelen aan doel", "Klantadministratie (Overeenkomst)");
  await app.click("Koppelen (3)");
  await app.browser.waitUntil(async () => /Gekoppeld: 2\./.test(await app.text()), {
    timeout: 15000,
    timeoutMsg: "no outcome of the bulk link",
  });
  assert.match(await app.text(), /Overgeslagen omdat de verwerking beperkt is \(alleen-lezen\): Cor Beperkt/);
  // What is left in triage: the restricted contact and the one not selected.
  assert.deepEqual(triage(), [ids["Cor Beperkt"], ids["Ölmez Yilmaz"]].sort((a, b) => a - b));
  const links = JSON.parse(app.cli(["--json", "contact", "purposes", String(ids["Anna Smit"])]));
  assert.deepEqual(links.map((l) => [l.purpose.name, l.basis]), [["Klantadministratie", "contract"]]);
});

test("the contacts list jumps to an initial: Ölmez is under O", async () => {
  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await app.click("Namen met O (1)");
  await app.browser.waitUntil(
    async () => {
      const t = await app.text();
      return /Ölmez Yilmaz/.test(t) && !/Anna Smit/.test(t);
    },
    { timeout: 15000, timeoutMsg: "the list did not show only the names under O" },
  );
  await app.selectOption("Rijen per pagina", "100");
  await app.click("Alle");
  await app.browser.waitUntil(async () => /Anna Smit/.test(await app.text()), {
    timeout: 15000,
    timeoutMsg: "the whole list did not come back",
  });
});

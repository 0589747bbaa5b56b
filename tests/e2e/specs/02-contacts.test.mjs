// Add a contact whose name is markup (rendered as text), an interaction on it; search finds it.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

const NAME = 'Zoë <b>de</b> Vries & "Co"';
const app = new App();
before(async () => {
  app.cli(["init"]);
  app.cli(["contact", "add", "--name", "Anna Bakker"]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

test("a contact with markup in its name is stored and shown as text", async () => {
  await app.click("Nieuw contact");
  await app.type("Naam", NAME);
  await app.type("E-mail", "zoe@example.nl");
  await app.type("Organisatie", "Vries & Co");
  await app.click("Opslaan");
  await app.waitForHeading(NAME);
  // Rendered literally: the <b> is text, not a bold element.
  const h1 = await app.browser.$("h1");
  assert.equal(await h1.getText(), NAME);
  assert.equal(await app.browser.$$("h1 b").length, 0);
});

test("an interaction appears on the timeline", async () => {
  await app.type("Tekst", "Belde over de offerte voor de dakkapel");
  await app.click("Interactie toevoegen");
  await app.browser.waitUntil(async () => (await app.text()).includes("Belde over de offerte voor de dakkapel"), {
    timeout: 10000,
    timeoutMsg: "the interaction did not appear",
  });
});

test("search finds the contact by a partial name", async () => {
  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await app.type("Zoeken", "Vri");
  await app.browser.waitUntil(
    async () => {
      const t = await app.text();
      return t.includes(NAME) && !t.includes("Anna Bakker");
    },
    { timeout: 10000, timeoutMsg: "search did not narrow the list to the contact" },
  );
  await app.type("Zoeken", "dakkap");
  await app.browser.waitUntil(async () => (await app.text()).includes(NAME), {
    timeout: 10000,
    timeoutMsg: "search on the interaction text did not find the contact",
  });
  // The data really is in the vault, through the same core.
  const list = JSON.parse(app.cli(["--json", "contact", "list", "--search", "zoe"]));
  assert.equal(list[0].name, NAME);
});

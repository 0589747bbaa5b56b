// The compliance overview (issue 15 §5) is the first screen after unlock: a breach registered
// through the CLI shows its 72-hour clock there (computed by the core at the app's clock), its
// lines link to where they are fixed, and an empty vault says "Alles op orde".
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

// Debug builds take the clock from KLUIS_NOW.
const NOW = "2026-03-10T12:00:00Z";
const busy = new App({ KLUIS_NOW: NOW });
const empty = new App({ KLUIS_NOW: NOW });

before(async () => {
  busy.cli(["--now", NOW, "init"]);
  // Aware 10 hours before the app's clock: 62 hours left to decide on notifying the AP.
  busy.cli(["--now", NOW, "breach", "add", "--aware", "2026-03-10T02:00:00Z", "--description", "Laptop gestolen"]);
  busy.cli(["--now", NOW, "contact", "add", "--name", "Zonder Grondslag"]);
  empty.cli(["--now", NOW, "init"]);
});
after(async () => {
  await busy.close();
  await empty.close();
});

test("after unlock the overview shows the breach's 72-hour clock and what else needs attention", async () => {
  await busy.launch();
  await busy.unlockThroughUi(undefined, { overview: true });
  await busy.waitForHeading("Overzicht");
  await busy.browser.waitUntil(async () => /Datalek \d{4}-\d+: nog 62 u 0 min/.test(await busy.text()), {
    timeout: 15000,
    timeoutMsg: `no breach clock on the overview: ${await busy.text()}`,
  });
  const text = await busy.text();
  assert.match(text, /Vraagt aandacht/);
  assert.match(text, /1 contact zonder grondslag/);
  assert.doesNotMatch(text, /Alles op orde/);
  await busy.screenshot("overview-breach");
  // The line opens the triage list in the register.
  await busy.click("Naar te beoordelen");
  await busy.waitForHeading("Verwerkingsregister");
  const tab = await busy.button("Te beoordelen");
  assert.equal(await tab.getAttribute("aria-selected"), "true");
  await busy.quit();
});

test("an empty vault says plainly that all is in order", async () => {
  await empty.launch();
  await empty.unlockThroughUi(undefined, { overview: true });
  await empty.waitForHeading("Overzicht");
  await empty.browser.waitUntil(async () => /Alles op orde/.test(await empty.text()), {
    timeout: 15000,
    timeoutMsg: "no 'Alles op orde' on an empty vault",
  });
  assert.match(await empty.text(), /Niets vraagt nu je aandacht/);
});

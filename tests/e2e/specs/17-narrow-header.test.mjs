// The header at narrow windows (issue 13, item 14): at the allowed minimum of 860 px, at 1024 px
// and at the default window of 1180 px, "Vergrendelen" and "Afsluiten" are shown whole, inside the
// window and clickable (not covered, not clipped); the menu items keep their names and none is covered.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

const app = new App();
before(async () => {
  app.cli(["init"]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

/** Where the control named `name` is, whether it is clipped, and what is at its centre. */
async function placement(name) {
  const el = await app.button(name);
  return app.browser.execute((node) => {
    const r = node.getBoundingClientRect();
    const atCentre = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    // A label cut off by its own box (overflow) counts as clipped too.
    const clipped = [node, ...node.querySelectorAll("*")].some(
      (n) => n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflow !== "visible",
    );
    return {
      left: r.left,
      right: r.right,
      top: r.top,
      bottom: r.bottom,
      viewport: document.documentElement.clientWidth,
      reachable: atCentre !== null && (atCentre === node || node.contains(atCentre)),
      clipped,
    };
  }, el);
}

for (const width of [860, 1024, 1180]) {
  test(`at ${width} px the lock and quit controls are whole, inside the window and reachable`, async () => {
    await app.browser.setWindowSize(width, 720);
    await app.browser.waitUntil(
      async () => (await app.browser.execute(() => window.innerWidth)) <= width,
      { timeout: 5000, timeoutMsg: `the window did not shrink to ${width} px` },
    );
    await app.screenshot(`header-${width}`);
    for (const name of ["Vergrendelen", "Afsluiten", "Contacten", "Datalekken", "Instellingen"]) {
      assert.ok(await (await app.button(name)).isDisplayed(), `${name} is displayed`);
      const p = await placement(name);
      assert.ok(p.left >= 0 && p.right <= p.viewport, `${name} inside the ${p.viewport} px window: ${JSON.stringify(p)}`);
      assert.ok(p.reachable, `${name} can be clicked at its centre: ${JSON.stringify(p)}`);
      assert.ok(!p.clipped, `${name} is not cut off: ${JSON.stringify(p)}`);
    }
  });
}

test("at 860 px the compact lock button still locks", async () => {
  await app.browser.setWindowSize(860, 720);
  await app.click("Vergrendelen");
  await app.waitForHeading("Ontgrendelen");
});

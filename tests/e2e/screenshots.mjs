// Takes the user guide's screenshots from the real app (make screenshots): every screen, on a
// temporary vault with made-up contacts. Writes docs/images/*.png.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { App, root, PASS } from "./lib/app.mjs";

const out = path.join(root, "docs/images");
const app = new App();
const shot = (name) => app.screenshot(name, out);

try {
  await app.launch();
  await app.waitForHeading("Welkom bij Kluis");
  await app.click("Een back-up terugzetten");
  await app.waitForHeading("Een back-up terugzetten");
  await shot("18-restore");
  await app.click("Terug");
  await app.waitForHeading("Welkom bij Kluis");
  await app.type("Wachtwoord", PASS);
  await app.type("Herhaal wachtwoord", PASS);
  await shot("01-first-run");
  await app.click("Kluis aanmaken");
  const keyField = await app.field("Herstelsleutel");
  await keyField.waitForDisplayed({ timeout: 30000 });
  await shot("02-recovery-key");
  await app.type("Laatste groep van de sleutel", (await keyField.getText()).trim().split("-").at(-1));
  await app.click("Doorgaan");
  await app.waitForHeading("Waarvoor gebruik je klantgegevens?");
  await shot("03a-purposes-setup");
  await app.click("Doelen opslaan");
  await app.waitForHeading("Overzicht");
  await app.toContacts();
  await shot("03-empty-list");
  await app.quit();

  const add = (...args) => app.cli(["contact", "add", ...args]).trim();
  const jan = add("--name", "Jan Zwartkruis", "--email", "jan@zwartkruis-bouw.nl", "--phone", "+31 6 1234 5678",
    "--org", "Zwartkruis Bouw", "--job-title", "Eigenaar", "--relationship", "client",
    "--address", "Dorpsstraat 12\n1234 AB Ergenshuizen");
  add("--name", "Sanne de Vries", "--email", "sanne@devries-advies.nl", "--org", "De Vries Advies", "--relationship", "prospect");
  add("--name", "Łukasz Dąbrowski", "--email", "lukasz@example.pl", "--relationship", "supplier");
  add("--name", "Fleur Bakker", "--email", "fleur@tuinontwerp.nl", "--org", "Bakker Tuinontwerp", "--relationship", "former-client", "--ended", "2026-01-31");
  app.cli(["interaction", "add", "--contact", jan, "--kind", "call", "--at", "2026-11-20T10:15:00+01:00",
    "--text", "Belde over de offerte voor de dakkapel. Wil graag in het voorjaar beginnen."]);
  app.cli(["interaction", "add", "--contact", jan, "--kind", "meeting", "--at", "2026-11-24T14:00:00+01:00",
    "--text", "Afspraak op locatie: maten opgenomen, foto's gemaakt."]);
  app.cli(["contact", "link", jan, "--purpose", "Klantadministratie", "--source", "email"]);
  const consentText = path.join(app.tmp, "consent.txt");
  writeFileSync(consentText, "Ja, ik wil de maandelijkse nieuwsbrief van Bakker Bouw ontvangen. Afmelden kan altijd via de link onderaan. (versie 2)");
  app.cli(["consent", "give", "--contact", jan, "--purpose", "Nieuwsbrief", "--method", "form", "--text-file", consentText,
    "--evidence", "Aangemeld via het formulier op de website"]);
  app.cli(["field", "add", "--label", "Voorkeur contactmoment", "--purpose", "Relatiebeheer"]);
  app.cli(["settings", "set", "controller.name", "Bakker Bouw"]);
  app.cli(["processor", "add", "--name", "Administratiekantoor Jansen", "--service", "accounting",
    "--contact", "info@jansen-administratie.nl", "--purpose", "Klantadministratie", "--location", "Utrecht",
    "--dpa-signed", "15-01-2026", "--review", "15-01-2027"]);
  app.cli(["processor", "add", "--name", "Nieuwsbriefdienst", "--service", "newsletter", "--purpose", "Nieuwsbrief",
    "--location", "Verenigde Staten", "--outside-eu", "--safeguard", "scc", "--review", "01-06-2026"]);
  const today = new Date().toISOString().slice(0, 10);
  app.cli(["request", "add", "--contact", jan, "--type", "access", "--received", today]);
  app.cli(["field", "set", "--contact", jan, "--field", "Voorkeur contactmoment", "--value", "Ochtend"]);
  const backups = path.join(app.tmp, "usb-schijf", "kluis-backups");
  mkdirSync(backups, { recursive: true });
  app.cli(["backup-settings", "--dir", backups]);
  app.cli(["backup", "--auto"]);
  // A lost USB stick, found out about this morning: its 72-hour clock runs on the overview.
  const aware = new Date(Date.now() - 5 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, "Z");
  app.cli(["breach", "add", "--aware", aware, "--description", "USB-stick met back-up verloren", "--people", "12"]);
  app.cli(["processor", "add", "--name", "Boekhoudkantoor De Telling", "--service", "accounting"]);

  await app.launch();
  await app.waitForHeading("Ontgrendelen");
  await shot("04-unlock");
  await app.unlockThroughUi(undefined, { overview: true });
  await app.waitForHeading("Overzicht");
  await app.browser.waitUntil(async () => /Datalek/.test(await app.text()));
  await shot("26-overview");
  await app.toContacts();
  await app.browser.waitUntil(async () => (await app.text()).includes("Jan Zwartkruis"));
  await shot("05-contacts");
  await app.type("Zoeken", "zwartk");
  await app.browser.waitUntil(async () => !(await app.text()).includes("Sanne de Vries"));
  await shot("06-search");
  await app.click("Jan Zwartkruis");
  await app.waitForHeading("Jan Zwartkruis");
  await shot("07-contact-detail");
  await app.click("Privacy");
  await app.browser.waitUntil(async () => /Toestemmingsgeschiedenis/.test(await app.text()));
  await shot("07a-contact-privacy");
  await app.click("Gegevens");
  await app.click("Bewerken");
  await app.waitForHeading("Contact bewerken");
  await shot("08-contact-form");
  await app.click("Register");
  await app.waitForHeading("Verwerkingsregister");
  await shot("08a-register");
  await app.click("Verwerkers");
  await app.browser.waitUntil(async () => (await app.text()).includes("Nieuwsbriefdienst"));
  await shot("24-processors");
  await app.click("Documenten");
  await app.button("Privacyverklaring opslaan");
  await shot("25-documents");
  await app.click("Verzoeken");
  await app.waitForHeading("Verzoeken van betrokkenen");
  await shot("14-requests");
  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await app.click("Jan Zwartkruis");
  await app.waitForHeading("Jan Zwartkruis");
  await app.click("Inzage en export");
  await app.waitForHeading("Inzage en export");
  await shot("15-export-wizard");
  // The scope step with a protected copy and the redaction preview (step 1: the request,
  // step 2: the identity check).
  await (await app.field("Verzoek")).selectByIndex(1);
  await app.click("Volgende");
  await app.selectOption("Methode", "Bekend e-mailadres");
  await app.click("Identiteit vastleggen");
  await app.browser.waitUntil(async () => /Identiteit gecontroleerd/.test(await app.text()), { timeout: 10000 });
  await app.click("Volgende");
  await app.check("Overdraagbaarheidsbestand (ZIP) meemaken");
  await app.check("Beveiligde kopie (met wachtwoord)");
  await app.check("Weglaten: Afspraak op locatie: maten opgenomen, foto's gemaakt.");
  await shot("27-protected-copy");
  await app.click("Instellingen");
  await app.waitForHeading("Instellingen");
  await shot("09-settings");
  const section = async (title) => {
    const h = await app.browser.$(`//h2[normalize-space()=${JSON.stringify(title)}]`);
    // Below the fixed header.
    await app.browser.execute((el) => {
      el.scrollIntoView();
      window.scrollBy(0, -80);
    }, h);
  };
  await section("Back-ups");
  await shot("16-backups");
  await section("Nieuwe sleutel maken");
  await shot("17-new-key");
  await app.click("Bewaartermijnen");
  await app.waitForHeading("Bewaarbeleid");
  await shot("10-retention-rules");
  await app.click("Beleid");
  await app.browser.waitUntil(async () => /Fiscale gegevens/.test(await app.text()));
  await shot("11-retention-policy");
  // Moving in: the import wizard with a Dutch Excel sheet (read and mapped, then the dry run;
  // nothing is imported here), and the address-book export.
  await app.click("Contacten");
  await app.waitForHeading("Contacten");
  await app.click("Importeren");
  await app.waitForHeading("Contacten importeren");
  app.openDialogAnswers(path.join(root, "tests/e2e/fixtures/klanten-excel.csv"));
  await app.click("Bestand kiezen…");
  await app.browser.waitUntil(async () => /Café Ëlla · Bakkerij € en Zo/.test(await app.text()), { timeout: 15000 });
  await app.browser.pause(600); // the stepper's transition
  await shot("19-import-mapping");
  await app.click("Volgende");
  await app.browser.waitUntil(async () => /Zo zou het importeren uitpakken/.test(await app.text()), { timeout: 15000 });
  await app.browser.pause(600);
  await shot("20-import-preview");
  await app.click("Terug naar de contacten");
  await app.waitForHeading("Contacten");
  await app.click("Exporteren");
  await app.field("Ook beperkte contacten meenemen");
  await shot("21-address-export");
  // The breach register: a breach found 20 hours ago (its clock runs), the lost-laptop helper's
  // pre-filled draft, then the page of the breach it registers.
  app.cli(["breach", "add", "--aware", new Date(Date.now() - 20 * 3600 * 1000).toISOString(),
    "--description", "E-mail met de offerte voor Jan Zwartkruis naar de verkeerde klant gestuurd",
    "--nature", "confidentiality", "--people", "1", "--risk", "none"]);
  await app.browser.keys("Escape"); // the export panel
  await app.browser.pause(500);
  await app.click("Datalekken");
  await app.waitForHeading("Datalekken");
  await app.click("Laptop of back-upschijf kwijt of gestolen");
  await (await app.button("Datalek registreren")).waitForDisplayed({ timeout: 15000 });
  await app.browser.pause(800);
  await shot("22-breaches");
  await app.click("Datalek registreren");
  await app.browser.waitUntil(async () => /^Datalek \d{4}-002$/.test(await app.heading().catch(() => "")), { timeout: 15000 });
  await app.browser.waitUntil(async () => /nog 7[12] u/.test(await app.text()));
  await shot("23-breach-detail");
  await app.quit();

  // Two and a half years later (debug builds take the clock from KLUIS_NOW): the purge at
  // start-up removes what is due and says so.
  app.env.KLUIS_NOW = "2029-06-01T09:00:00Z";
  await app.close_driver();
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
  await app.browser.waitUntil(async () => /verwijderd volgens je bewaarbeleid/i.test(await app.text()));
  await shot("12-startup-notice");
  await app.click("Bekijk het verwijderlogboek");
  await app.waitForHeading("Bewaarbeleid");
  await app.browser.waitUntil(async () => /contact:/.test(await app.text()));
  await shot("13-deletion-log");
  console.log(`screenshots written to ${out}`);
} finally {
  await app.close();
}

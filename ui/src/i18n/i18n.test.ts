import { describe, expect, it } from "vitest";

import en from "./en.json";
import { translate } from "./index";
import nl from "./nl.json";

describe("translations", () => {
  it("Dutch and English have the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it("has no empty texts", () => {
    for (const catalog of [nl, en]) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), key).not.toBe("");
      }
    }
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as Array<keyof typeof nl>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it("has a text for every error code", () => {
    expect(translate("nl", "error.wrong_passphrase")).toBe("Onjuist wachtwoord. Probeer het opnieuw.");
    expect(translate("en", "error.wrong_passphrase")).toBe("Wrong passphrase. Please try again.");
  });

  it("fills in placeholders", () => {
    expect(translate("nl", "contacts.range", { from: 1, to: 25, total: 240 })).toBe("1–25 van 240");
    expect(translate("en", "contacts.range", { from: 1, to: 25, total: 240 })).toBe("1–25 of 240");
  });
});

import { describe, expect, it } from "vitest";

import { isEmail, isPhone, stripFieldPrefix } from "./validation";

describe("contact validation (mirrors the core)", () => {
  it.each(["jan@voorbeeld.nl", "zoë@bücher.de", "a.b+c@sub.example.com"])("accepts %s", (value) => {
    expect(isEmail(value)).toBe(true);
  });

  it.each(["geen-adres", "jan@voorbeeld", "@voorbeeld.nl", "jan@-x.nl", "j an@x.nl", "<jan>@x.nl", "jan@x..nl"])(
    "rejects %s",
    (value) => {
      expect(isEmail(value)).toBe(false);
    },
  );

  it("checks phone numbers like the core", () => {
    expect(isPhone("06 12345678")).toBe(true);
    expect(isPhone("+31 (0)6-1234.5678")).toBe(true);
    expect(isPhone("12345")).toBe(false);
    expect(isPhone("06 1234 5678 ext")).toBe(false);
    expect(isPhone("1".repeat(21))).toBe(false);
  });

  it("drops the core's field prefix from a message", () => {
    expect(stripFieldPrefix("emails: not a valid e-mail address", "emails")).toBe("Not a valid e-mail address");
    expect(stripFieldPrefix("Dit e-mailadres is al in gebruik", "emails")).toBe("Dit e-mailadres is al in gebruik");
  });
});

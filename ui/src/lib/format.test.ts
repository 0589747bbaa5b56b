import { describe, expect, it } from "vitest";

import { parseField } from "./errors";
import { formatDate, formatEuros, parseYmd } from "./format";

describe("dates", () => {
  it("keeps a typed year as written", () => {
    expect(parseYmd("0001-01-01")?.getFullYear()).toBe(1);
  });

  it("parses calendar dates without a time zone shift", () => {
    expect(parseYmd("2024-03-31")?.getDate()).toBe(31);
    expect(parseYmd("2024-02-30")).toBeNull();
    expect(formatDate("nl-NL", "2024-03-31")).toBe("31 maart 2024");
    expect(formatDate("en-GB", "2024-03-31")).toBe("31 March 2024");
  });
});

describe("parseField", () => {
  it("reads plain and indexed field names", () => {
    expect(parseField("name")).toEqual({ field: "name", index: null });
    expect(parseField("emails[1]")).toEqual({ field: "emails", index: 1 });
    expect(parseField("phones.0")).toEqual({ field: "phones", index: 0 });
    expect(parseField("relationship_ended")).toEqual({ field: "relationship_ended", index: null });
    expect(parseField(null)).toBeNull();
    expect(parseField("weird field!")).toBeNull();
  });
});

describe("money", () => {
  it("formats euro cents for the locale", () => {
    const nbsp = /\u00a0/g;
    expect(formatEuros("nl-NL", 125050).replace(nbsp, " ")).toBe("€ 1.250,50");
    expect(formatEuros("en-GB", 125050)).toBe("€1,250.50");
    expect(formatEuros("nl-NL", -500).replace(nbsp, " ")).toMatch(/^(€ -5,00|-€ 5,00)$/);
  });
});

import { describe, expect, it } from "vitest";

import { parseField } from "./errors";
import { datetimeLocalToRfc3339, formatDate, formatEuros, parseYmd, toRfc3339 } from "./format";

describe("dates", () => {
  it("turns a datetime-local value into RFC 3339 with the local offset", () => {
    const rfc = datetimeLocalToRfc3339("2024-05-01T14:30");
    expect(rfc).toMatch(/^2024-05-01T14:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(rfc ?? "").getTime()).toBe(new Date(2024, 4, 1, 14, 30).getTime());
  });

  it("rejects impossible or malformed moments", () => {
    expect(datetimeLocalToRfc3339("2024-02-30T10:00")).toBeNull();
    // A typed year 0026 stays 0026 (the backend refuses it); it never becomes 1926.
    expect(datetimeLocalToRfc3339("0026-03-01T10:00")).toMatch(/^0026-03-01T10:00:00/);
    expect(parseYmd("0001-01-01")?.getFullYear()).toBe(1);
    expect(datetimeLocalToRfc3339("gisteren")).toBeNull();
    expect(datetimeLocalToRfc3339("")).toBeNull();
  });

  it("parses calendar dates without a time zone shift", () => {
    expect(parseYmd("2024-03-31")?.getDate()).toBe(31);
    expect(parseYmd("2024-02-30")).toBeNull();
    expect(formatDate("nl-NL", "2024-03-31")).toBe("31 maart 2024");
    expect(formatDate("en-GB", "2024-03-31")).toBe("31 March 2024");
  });

  it("writes RFC 3339 for a Date", () => {
    expect(toRfc3339(new Date(2024, 0, 2, 3, 4, 5))).toMatch(/^2024-01-02T03:04:05[+-]\d{2}:\d{2}$/);
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

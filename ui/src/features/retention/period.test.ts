import { describe, expect, it } from "vitest";

import { composePeriod, parsePeriod } from "./period";

describe("retention periods", () => {
  it("parses the backend's form", () => {
    expect(parsePeriod("24m")).toEqual({ amount: 24, unit: "m" });
    expect(parsePeriod("4w")).toEqual({ amount: 4, unit: "w" });
    expect(parsePeriod("7y")).toEqual({ amount: 7, unit: "y" });
    expect(parsePeriod("30d")).toEqual({ amount: 30, unit: "d" });
  });

  it("refuses what the core refuses", () => {
    for (const text of ["", "m", "0m", "1201d", "2.5y", "12x", "-3m"]) expect(parsePeriod(text)).toBeNull();
  });

  it("composes number and unit", () => {
    expect(composePeriod(36, "m")).toBe("36m");
    expect(composePeriod(7, "y")).toBe("7y");
  });
});

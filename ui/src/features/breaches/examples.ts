// An example breach and lost-device draft in the shapes the core sends, for the component tests
// and the dev backend (static: no rule of the register is computed here).
import type { Breach } from "../../bindings/Breach";
import type { LostDeviceDraft } from "../../bindings/LostDeviceDraft";

/** An open breach whose clock runs with 52 h 30 min left, nothing decided yet. */
export function breach(patch: Partial<Breach> = {}): Breach {
  return {
    id: 3,
    reference: "2026-003",
    occurred_at: null,
    aware_at: "2026-03-27T11:00:00Z",
    description: "Laptop in de trein laten liggen",
    nature: ["confidentiality"],
    data_categories: [],
    special_categories: false,
    bsn: false,
    approx_people: 40,
    approx_records: null,
    consequences: "",
    measures_before: "",
    corrective_measures: "",
    preventive_measures: "",
    risk: null,
    risk_reasoning: "",
    ap_decision: null,
    ap_decision_reason: null,
    notified_at: null,
    ap_case_number: null,
    late_reason: null,
    people_decision: null,
    people_informed_at: null,
    people_informed_how: null,
    people_exception: null,
    privacy_officer: false,
    status: "open",
    closed_at: null,
    deadline: {
      notify_by: "2026-03-30T13:00:00+02:00",
      running: true,
      minutes_left: 52 * 60 + 30,
      overdue: false,
      text: "52 h 30 min left",
    },
    follow_ups: [],
    contacts: [],
    ...patch,
  };
}

/** The helper's draft as the core writes it: no recent backup, no key remembered. */
export function lostDeviceDraft(): LostDeviceDraft {
  return {
    input: {
      reference: null,
      aware_at: "27-03-2026 12:00",
      occurred_at: null,
      description: "Laptop of back-upschijf met de Kluis-gegevens verloren of gestolen.",
      nature: ["confidentiality", "availability"],
      approx_people: 12,
      risk: "risk",
    },
    details: {
      reference: null,
      occurred_at: null,
      description: null,
      nature: null,
      data_categories: ["naam", "e-mail"],
      special_categories: false,
      bsn: false,
      approx_people: null,
      approx_records: null,
      consequences: "Zonder de wachtwoordzin zijn de gegevens onleesbaar.",
      measures_before: "De kluis is versleuteld met SQLCipher 4 (AES-256).",
      corrective_measures: null,
      preventive_measures: null,
      risk: null,
      risk_reasoning: "Versleuteld, maar geen recente back-up.",
      privacy_officer: null,
    },
    facts: {
      remembered: false,
      contacts: 12,
      data_categories: ["naam", "e-mail"],
      special_fields: [],
      last_backup_at: null,
      backup_recent: false,
    },
    suggested_exception: "encrypted",
    explanation: ["Art. 34 lid 3 onder a AVG: je hoeft de betrokkenen niet in te lichten…", "Kluis stelt voor, jij beslist."],
  };
}

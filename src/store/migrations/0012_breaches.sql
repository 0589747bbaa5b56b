-- Kluis schema 12: the breach register (Art. 33(5): every personal-data breach, reported to
-- the Autoriteit Persoonsgegevens or not).
--
-- Instants are RFC 3339 UTC; the 72-hour clock runs from aware_at. Lists (nature, data
-- categories) are JSON arrays. A breach record is the controller's own accountability record:
-- it holds no contact's details, only optional links to the contacts it concerns
-- (breach_contacts), which go when the contact is erased or purged; the approximate counts stay.

CREATE TABLE breaches (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    reference            TEXT UNIQUE,
    occurred_at          TEXT,                       -- may be unknown
    aware_at             TEXT NOT NULL,
    description          TEXT NOT NULL,
    nature               TEXT NOT NULL DEFAULT '[]', -- confidentiality, integrity, availability
    data_categories      TEXT NOT NULL DEFAULT '[]',
    special_categories   INTEGER NOT NULL DEFAULT 0 CHECK (special_categories IN (0, 1)),
    bsn                  INTEGER NOT NULL DEFAULT 0 CHECK (bsn IN (0, 1)),
    approx_people        INTEGER CHECK (approx_people >= 0),
    approx_records       INTEGER CHECK (approx_records >= 0),
    consequences         TEXT NOT NULL DEFAULT '',
    measures_before      TEXT NOT NULL DEFAULT '',
    corrective_measures  TEXT NOT NULL DEFAULT '',
    preventive_measures  TEXT NOT NULL DEFAULT '',
    risk                 TEXT CHECK (risk IN ('none', 'risk', 'high')),
    risk_reasoning       TEXT NOT NULL DEFAULT '',
    ap_decision          TEXT CHECK (ap_decision IN ('notify', 'no-notify')),
    ap_decision_reason   TEXT,
    notified_at          TEXT,
    ap_case_number       TEXT,
    late_reason          TEXT,
    people_decision      TEXT CHECK (people_decision IN ('informed', 'exception')),
    people_informed_at   TEXT,
    people_informed_how  TEXT,
    people_exception     TEXT CHECK (people_exception IN ('encrypted', 'mitigated',
                                                          'disproportionate')),
    privacy_officer      INTEGER NOT NULL DEFAULT 0 CHECK (privacy_officer IN (0, 1)),
    status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_at            TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
) STRICT;

CREATE INDEX breaches_by_status ON breaches (status, closed_at);

-- Follow-up notifications to the AP (Art. 33(4): information in phases), appended.
CREATE TABLE breach_followups (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    breach_id  INTEGER NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX breach_followups_by_breach ON breach_followups (breach_id, id);

-- The contacts a breach concerns, when the user links them.
CREATE TABLE breach_contacts (
    breach_id  INTEGER NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    linked_at  TEXT NOT NULL,
    PRIMARY KEY (breach_id, contact_id)
) STRICT;

CREATE INDEX breach_contacts_by_contact ON breach_contacts (contact_id);

//! The measures cities compare — a move-out analogue of the US HUD system performance
//! measures — each with its written definition: what is counted, over what, in which
//! period, and what is left out. The definitions are part of the API and the console.

use chrono::{Datelike, Months, NaiveDate};

/// How a measure is published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A count of households (or of events, each counted with its household).
    Count,
    /// A sum over the households of another measure's cell (`base`): persons, euros.
    Sum {
        /// The measure whose households it sums over.
        base: &'static str,
    },
    /// Median and 75th percentile of days over the measure's own households.
    Days,
    /// The measure's households per filled full-time position of the city's
    /// programmes (the value is the full-time equivalents, in hundredths).
    PerFte,
    /// A share: this measure's households among `base`'s.
    Share {
        /// The measure counted over.
        base: &'static str,
        /// Months a household needs to be followed before it counts (`0`: none);
        /// quarters whose window has not closed are not published.
        window_months: u32,
    },
}

/// A measure with its definition.
#[derive(Clone, Copy, Debug)]
pub struct Measure {
    /// Stable code.
    pub code: &'static str,
    /// How it is published.
    pub kind: Kind,
    /// German name.
    pub label: &'static str,
    /// English name.
    pub label_en: &'static str,
    /// What is counted (the numerator).
    pub numerator: &'static str,
    /// Over what (the denominator), where it is a share or a time.
    pub denominator: &'static str,
    /// Which period a quarter's figure covers.
    pub period: &'static str,
    /// What is left out.
    pub exclusions: &'static str,
}

const QUARTER: &str = "Das Quartal (Tage in UTC).";
const NO_ERASED: &str = "Gelöschte Haushalte zählen mit ihren Daten weiter, Personen nicht. Keine Fälle anderer Städte.";

/// Every measure, in the order the dashboard shows them.
pub const MEASURES: &[Measure] = &[
    Measure {
        code: "in_scope",
        kind: Kind::Count,
        label: "Haushalte im Auszugsmanagement",
        label_en: "Households in scope",
        numerator: "Haushalte, die bis zum Quartalsende aufgenommen wurden und an dessen letztem Tag aufgenommen, aktiv, auf Wohnungssuche, in Vermittlung, pausiert oder ohne Kontakt waren.",
        denominator: "—",
        period: "Stand am letzten Tag des Quartals.",
        exclusions: "Haushalte, die ausgezogen sind, in der Nachbetreuung oder abgeschlossen.",
    },
    Measure {
        code: "caseload_per_fte",
        kind: Kind::PerFte,
        label: "Haushalte je besetzter Vollzeitstelle",
        label_en: "Households per filled full-time position",
        numerator: "Haushalte im Auszugsmanagement am Quartalsende.",
        denominator: "Besetzte Vollzeitäquivalente aller Programme der Stadt an diesem Tag (Stadt und Träger).",
        period: "Stand am letzten Tag des Quartals.",
        exclusions: "Stellen außerhalb der Laufzeit ihres Programms; befristete Stellen nach ihrem Ende.",
    },
    Measure {
        code: "moves",
        kind: Kind::Count,
        label: "Auszüge in eigenen Wohnraum (Haushalte)",
        label_en: "Move-outs (households)",
        numerator: "Haushalte mit einem Einzug in eigenen Wohnraum im Quartal (Tag des Einzugs).",
        denominator: "—",
        period: QUARTER,
        exclusions: "Umzüge zwischen Unterkünften; ein zweiter Auszug desselben Haushalts zählt erneut.",
    },
    Measure {
        code: "moves_persons",
        kind: Kind::Sum { base: "moves" },
        label: "Auszüge in eigenen Wohnraum (Personen)",
        label_en: "Move-outs (persons)",
        numerator: "Mitglieder der ausgezogenen Haushalte, wie der Haushalt sie heute hat.",
        denominator: "—",
        period: QUARTER,
        exclusions: NO_ERASED,
    },
    Measure {
        code: "moves_match",
        kind: Kind::Count,
        label: "davon über eine Vermittlung",
        label_en: "of which through a match",
        numerator: "Auszüge im Quartal in eine Wohnung, die die Stadt oder ein Träger vermittelt hat.",
        denominator: "—",
        period: QUARTER,
        exclusions: "Selbst gefundene Wohnungen, Übernahmen des Mietvertrags.",
    },
    Measure {
        code: "moves_self_found",
        kind: Kind::Count,
        label: "davon selbst gefunden",
        label_en: "of which self-found",
        numerator: "Auszüge im Quartal in eine Wohnung, die der Haushalt selbst gefunden hat.",
        denominator: "—",
        period: QUARTER,
        exclusions: "Vermittelte Wohnungen, Übernahmen des Mietvertrags.",
    },
    Measure {
        code: "moves_lease_takeover",
        kind: Kind::Count,
        label: "davon Übernahme des Mietvertrags",
        label_en: "of which lease takeovers",
        numerator: "Haushalte, die im Quartal den Mietvertrag der von der Stadt angemieteten Wohnung übernommen haben.",
        denominator: "—",
        period: QUARTER,
        exclusions: "Vermittelte und selbst gefundene Wohnungen.",
    },
    Measure {
        code: "moves_clustered",
        kind: Kind::Share {
            base: "moves",
            window_months: 0,
        },
        label: "Auszüge in Stadtteile mit Häufung",
        label_en: "Move-outs into clustering districts",
        numerator: "Auszüge des Quartals in einen Stadtteil, der mindestens drei davon und mindestens das 1,5-Fache seines Anteils an den Wohnungen der Stadt aufnahm (der Segregationshinweis Solingens).",
        denominator: "Die Auszüge des Quartals.",
        period: QUARTER,
        exclusions: "Stadtteile ohne eingetragenen Wohnungsbestand werden nie als Häufung gezählt.",
    },
    Measure {
        code: "days_intake_ready",
        kind: Kind::Days,
        label: "Tage von der Aufnahme bis zur Wohnfähigkeit",
        label_en: "Days from intake to readiness",
        numerator: "Tage von der Aufnahme bis zur ersten Einschätzung „wohnfähig“ (Median und 75. Perzentil, nächster Rang).",
        denominator: "Die Auszüge des Quartals mit einer solchen Einschätzung vor dem Einzug.",
        period: QUARTER,
        exclusions: "Auszüge ohne Einschätzung „wohnfähig“.",
    },
    Measure {
        code: "days_ready_lease",
        kind: Kind::Days,
        label: "Tage von der Wohnfähigkeit bis zum Mietvertrag",
        label_en: "Days from readiness to the lease",
        numerator: "Tage von der ersten Einschätzung „wohnfähig“ bis zur Unterschrift des Mietvertrags (Median und 75. Perzentil).",
        denominator: "Die vermittelten Auszüge des Quartals mit beidem.",
        period: QUARTER,
        exclusions: "Selbst gefundene Wohnungen und Übernahmen (ohne erfassten Vertragstag).",
    },
    Measure {
        code: "days_lease_move_in",
        kind: Kind::Days,
        label: "Tage vom Mietvertrag bis zum Einzug",
        label_en: "Days from the lease to the move-in",
        numerator: "Tage von der Unterschrift des Mietvertrags bis zum Einzug (Median und 75. Perzentil).",
        denominator: "Die vermittelten Auszüge des Quartals mit erfasstem Vertragstag.",
        period: QUARTER,
        exclusions: "Selbst gefundene Wohnungen und Übernahmen.",
    },
    Measure {
        code: "declines",
        kind: Kind::Count,
        label: "Abgelehnte Vermittlungen",
        label_en: "Declined matches",
        numerator: "Vermittlungsvorschläge, die im Quartal abgelehnt wurden (von Haushalt, Vermieter, Träger oder Stadt).",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Zurückgezogene und noch offene Vorschläge.",
    },
    Measure {
        code: "declines_household",
        kind: Kind::Count,
        label: "davon abgelehnt vom Haushalt",
        label_en: "of which declined by the household",
        numerator: "Vermittlungsvorschläge, die im Quartal vom Haushalt abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen ohne erfasste ablehnende Seite.",
    },
    Measure {
        code: "declines_landlord",
        kind: Kind::Count,
        label: "davon abgelehnt vom Vermieter",
        label_en: "of which declined by the landlord",
        numerator: "Vermittlungsvorschläge, die im Quartal vom Vermieter abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen ohne erfasste ablehnende Seite.",
    },
    Measure {
        code: "declines_carrier",
        kind: Kind::Count,
        label: "davon abgelehnt vom Träger",
        label_en: "of which declined by the carrier",
        numerator: "Vermittlungsvorschläge, die im Quartal vom Träger abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen ohne erfasste ablehnende Seite.",
    },
    Measure {
        code: "declines_city",
        kind: Kind::Count,
        label: "davon abgelehnt von der Stadt",
        label_en: "of which declined by the city",
        numerator: "Vermittlungsvorschläge, die im Quartal von der Stadt abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen ohne erfasste ablehnende Seite.",
    },
    Measure {
        code: "declines_reason_household_refused_area",
        kind: Kind::Count,
        label: "davon Grund: Haushalt lehnt die Gegend ab",
        label_en: "of which reason: household refused the area",
        numerator: "Vermittlungsvorschläge, die im Quartal mit dem Grund „Haushalt lehnt die Gegend ab“ abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen mit anderem Grund.",
    },
    Measure {
        code: "declines_reason_household_refused_flat",
        kind: Kind::Count,
        label: "davon Grund: Haushalt lehnt die Wohnung ab",
        label_en: "of which reason: household refused the flat",
        numerator: "Vermittlungsvorschläge, die im Quartal mit dem Grund „Haushalt lehnt die Wohnung ab“ abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen mit anderem Grund.",
    },
    Measure {
        code: "declines_reason_household_unreachable",
        kind: Kind::Count,
        label: "davon Grund: Haushalt nicht erreichbar",
        label_en: "of which reason: household unreachable",
        numerator: "Vermittlungsvorschläge, die im Quartal mit dem Grund „Haushalt nicht erreichbar“ abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen mit anderem Grund.",
    },
    Measure {
        code: "declines_reason_landlord_chose_other",
        kind: Kind::Count,
        label: "davon Grund: Vermieter wählte andere",
        label_en: "of which reason: landlord chose others",
        numerator: "Vermittlungsvorschläge, die im Quartal mit dem Grund „Vermieter wählte andere“ abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen mit anderem Grund.",
    },
    Measure {
        code: "declines_reason_income_documents_missing",
        kind: Kind::Count,
        label: "davon Grund: Einkommensnachweise fehlen",
        label_en: "of which reason: income documents missing",
        numerator: "Vermittlungsvorschläge, die im Quartal mit dem Grund „Einkommensnachweise fehlen“ abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen mit anderem Grund.",
    },
    Measure {
        code: "declines_reason_benefit_office_refused",
        kind: Kind::Count,
        label: "davon Grund: Leistungsträger lehnt ab",
        label_en: "of which reason: benefit office refused",
        numerator: "Vermittlungsvorschläge, die im Quartal mit dem Grund „Leistungsträger lehnt ab“ abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen mit anderem Grund.",
    },
    Measure {
        code: "declines_reason_landlord_no_reason",
        kind: Kind::Count,
        label: "davon Grund: Vermieter ohne Angabe",
        label_en: "of which reason: landlord gave no reason",
        numerator: "Vermittlungsvorschläge, die im Quartal mit dem Grund „Vermieter ohne Angabe“ abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen mit anderem Grund.",
    },
    Measure {
        code: "declines_reason_other",
        kind: Kind::Count,
        label: "davon Grund: sonstiger Grund",
        label_en: "of which reason: other reason",
        numerator: "Vermittlungsvorschläge, die im Quartal mit dem Grund „sonstiger Grund“ abgelehnt wurden.",
        denominator: "—",
        period: "Tag der Ablehnung im Quartal.",
        exclusions: "Ablehnungen mit anderem Grund.",
    },
    Measure {
        code: "guarantees",
        kind: Kind::Count,
        label: "Bewilligte Sicherheitsleistungen",
        label_en: "Guarantees approved",
        numerator: "Kautionsdarlehen, Mietübernahmen, Sicherheitsleistungen und Freistellungen, die im Quartal bewilligt wurden.",
        denominator: "—",
        period: "Tag der Bewilligung im Quartal.",
        exclusions: "Abgelehnte und offene Anträge.",
    },
    Measure {
        code: "guarantee_euros",
        kind: Kind::Sum { base: "guarantees" },
        label: "Summe der bewilligten Sicherheitsleistungen (Euro)",
        label_en: "Guarantees approved (euros)",
        numerator: "Bewilligte Beträge der Sicherheitsleistungen des Quartals, auf volle Euro gerundet.",
        denominator: "—",
        period: "Tag der Bewilligung im Quartal.",
        exclusions: "Abgelehnte und offene Anträge.",
    },
    Measure {
        code: "guarantees_per_move",
        kind: Kind::Share {
            base: "moves",
            window_months: 0,
        },
        label: "Sicherheitsleistungen je Auszug",
        label_en: "Guarantees per move-out",
        numerator: "Im Quartal bewilligte Sicherheitsleistungen.",
        denominator: "Die Auszüge des Quartals (mehr als 100 %: mehr Bewilligungen als Auszüge).",
        period: "Bewilligung und Einzug im Quartal.",
        exclusions: "Abgelehnte und offene Anträge.",
    },
    Measure {
        code: "returns_6m",
        kind: Kind::Share {
            base: "moves",
            window_months: 6,
        },
        label: "Rückkehr in eine Unterkunft binnen 6 Monaten",
        label_en: "Returns to a shelter within 6 months",
        numerator: "Haushalte, die nach dem Einzug binnen 6 Monaten in eine Unterkunft zurückgekehrt sind.",
        denominator: "Die Auszüge des Quartals.",
        period: "Einzüge im Quartal; erst gezeigt, wenn 6 Monate nach dem Quartalsende vergangen sind.",
        exclusions: "Umzüge in eine andere eigene Wohnung.",
    },
    Measure {
        code: "returns_12m",
        kind: Kind::Share {
            base: "moves",
            window_months: 12,
        },
        label: "Rückkehr in eine Unterkunft binnen 12 Monaten",
        label_en: "Returns to a shelter within 12 months",
        numerator: "Haushalte, die nach dem Einzug binnen 12 Monaten in eine Unterkunft zurückgekehrt sind.",
        denominator: "Die Auszüge des Quartals.",
        period: "Einzüge im Quartal; erst gezeigt, wenn 12 Monate nach dem Quartalsende vergangen sind.",
        exclusions: "Umzüge in eine andere eigene Wohnung.",
    },
    Measure {
        code: "held_12m",
        kind: Kind::Share {
            base: "moves",
            window_months: 12,
        },
        label: "Mietverhältnis nach 12 Monaten gehalten",
        label_en: "Tenancies held at 12 months",
        numerator: "Haushalte, die 12 Monate nach dem Einzug nicht in eine Unterkunft zurückgekehrt sind.",
        denominator: "Die Auszüge des Quartals.",
        period: "Einzüge im Quartal; erst gezeigt, wenn 12 Monate nach dem Quartalsende vergangen sind.",
        exclusions: "Ein Umzug in eine andere eigene Wohnung gilt als gehalten.",
    },
    Measure {
        code: "returns_24m",
        kind: Kind::Share {
            base: "moves",
            window_months: 24,
        },
        label: "Rückkehr in eine Unterkunft binnen 24 Monaten",
        label_en: "Returns to a shelter within 24 months",
        numerator: "Haushalte, die nach dem Einzug binnen 24 Monaten in eine Unterkunft zurückgekehrt sind.",
        denominator: "Die Auszüge des Quartals.",
        period: "Einzüge im Quartal; erst gezeigt, wenn 24 Monate nach dem Quartalsende vergangen sind.",
        exclusions: "Umzüge in eine andere eigene Wohnung.",
    },
    Measure {
        code: "held_24m",
        kind: Kind::Share {
            base: "moves",
            window_months: 24,
        },
        label: "Mietverhältnis nach 24 Monaten gehalten",
        label_en: "Tenancies held at 24 months",
        numerator: "Haushalte, die 24 Monate nach dem Einzug nicht in eine Unterkunft zurückgekehrt sind.",
        denominator: "Die Auszüge des Quartals.",
        period: "Einzüge im Quartal; erst gezeigt, wenn 24 Monate nach dem Quartalsende vergangen sind.",
        exclusions: "Ein Umzug in eine andere eigene Wohnung gilt als gehalten.",
    },
    Measure {
        code: "followups",
        kind: Kind::Count,
        label: "Kontakte in der Nachbetreuung",
        label_en: "Aftercare contacts",
        numerator: "Im Quartal erfasste Nachbetreuungskontakte.",
        denominator: "—",
        period: "Tag des Kontakts im Quartal.",
        exclusions: "Kontakte, die entfielen, weil der Haushalt vorher zurückkehrte.",
    },
    Measure {
        code: "contact_lost",
        kind: Kind::Share {
            base: "followups",
            window_months: 0,
        },
        label: "Kontakt verloren",
        label_en: "Contact lost",
        numerator: "Nachbetreuungskontakte des Quartals mit dem Ergebnis „Kontakt verloren“.",
        denominator: "Die Nachbetreuungskontakte des Quartals.",
        period: "Tag des Kontakts im Quartal.",
        exclusions: "Entfallene Kontakte.",
    },
    Measure {
        code: "course_places",
        kind: Kind::Count,
        label: "Kursplätze (Mietführerschein)",
        label_en: "Course places (renter's licence)",
        numerator: "Teilnehmende Haushalte der Kursdurchgänge, deren letzte Sitzung im Quartal lag.",
        denominator: "—",
        period: "Letzte Sitzung im Quartal.",
        exclusions: "Warteliste; Teilnehmende ohne Haushalt im Fallmanagement.",
    },
    Measure {
        code: "course_completion",
        kind: Kind::Share {
            base: "course_places",
            window_months: 0,
        },
        label: "Abschlussquote der Kurse",
        label_en: "Course completion rate",
        numerator: "Teilnehmende, die den Kurs abgeschlossen haben.",
        denominator: "Die Kursplätze der im Quartal beendeten Durchgänge.",
        period: "Letzte Sitzung im Quartal.",
        exclusions: "Warteliste; Teilnehmende ohne Haushalt im Fallmanagement.",
    },
    Measure {
        code: "course_non_completers",
        kind: Kind::Count,
        label: "Kursplätze ohne Abschluss",
        label_en: "Course places without completion",
        numerator: "Teilnehmende Haushalte der im Quartal beendeten Durchgänge, die nicht abgeschlossen haben.",
        denominator: "—",
        period: "Letzte Sitzung im Quartal.",
        exclusions: "Warteliste; Teilnehmende ohne Haushalt im Fallmanagement.",
    },
    Measure {
        code: "completers_moved_6m",
        kind: Kind::Share {
            base: "course_completion",
            window_months: 6,
        },
        label: "Auszug binnen 6 Monaten nach Kursabschluss",
        label_en: "Moved out within 6 months of completing the course",
        numerator: "Haushalte mit Kursabschluss, die binnen 6 Monaten nach der letzten Sitzung in eigenen Wohnraum gezogen sind.",
        denominator: "Die Haushalte mit Kursabschluss in den im Quartal beendeten Durchgängen.",
        period: "Letzte Sitzung im Quartal; erst gezeigt, wenn 6 Monate nach dem Quartalsende vergangen sind.",
        exclusions: "Auszüge bis zur letzten Sitzung zählen nicht (der Haushalt bleibt im Nenner).",
    },
    Measure {
        code: "non_completers_moved_6m",
        kind: Kind::Share {
            base: "course_non_completers",
            window_months: 6,
        },
        label: "Auszug binnen 6 Monaten ohne Kursabschluss",
        label_en: "Moved out within 6 months without completing the course",
        numerator: "Haushalte mit Kursplatz ohne Abschluss, die binnen 6 Monaten nach der letzten Sitzung in eigenen Wohnraum gezogen sind.",
        denominator: "Die Haushalte mit Kursplatz ohne Abschluss in den im Quartal beendeten Durchgängen.",
        period: "Letzte Sitzung im Quartal; erst gezeigt, wenn 6 Monate nach dem Quartalsende vergangen sind.",
        exclusions: "Auszüge bis zur letzten Sitzung zählen nicht (der Haushalt bleibt im Nenner).",
    },
];

/// The measure `code`.
#[must_use]
pub fn measure(code: &str) -> Option<&'static Measure> {
    MEASURES.iter().find(|m| m.code == code)
}

/// A calendar quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// Its first day.
    pub start: NaiveDate,
}

impl Quarter {
    /// The quarter `day` lies in.
    #[must_use]
    pub fn of(day: NaiveDate) -> Self {
        let month = (day.month0() / 3) * 3 + 1;
        Self {
            start: NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day),
        }
    }

    /// The quarter starting on `start`, if it is a quarter's first day.
    #[must_use]
    pub fn starting(start: NaiveDate) -> Option<Self> {
        (Self::of(start).start == start).then_some(Self { start })
    }

    /// Its last day.
    #[must_use]
    pub fn end(self) -> NaiveDate {
        self.next().start.pred_opt().unwrap_or(self.start)
    }

    /// The next quarter.
    #[must_use]
    pub fn next(self) -> Self {
        Self {
            start: self
                .start
                .checked_add_months(Months::new(3))
                .unwrap_or(self.start),
        }
    }

    /// The quarter before.
    #[must_use]
    pub fn previous(self) -> Self {
        Self {
            start: self
                .start
                .checked_sub_months(Months::new(3))
                .unwrap_or(self.start),
        }
    }

    /// Whether `day` lies in it.
    #[must_use]
    pub fn contains(self, day: NaiveDate) -> bool {
        day >= self.start && day <= self.end()
    }

    /// `2026 Q3`.
    #[must_use]
    pub fn label(self) -> String {
        format!("{} Q{}", self.start.year(), self.start.month0() / 3 + 1)
    }

    /// The `n` quarters up to and including the one `today` lies in, oldest first.
    #[must_use]
    pub fn last(n: usize, today: NaiveDate) -> Vec<Self> {
        let mut q = Self::of(today);
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(q);
            q = q.previous();
        }
        out.reverse();
        out
    }
}

//! The benchmark: measures over quarters, city beside city, every figure through
//! [`crate::disclosure`]. A state officer sees the cities of its programme, each with
//! the measures it shares with that programme; a city sees all of its own measures
//! and, for each measure it shares with its peers, the peers that share it too —
//! never more. A city that shares nothing with the asker is absent.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_kernel::scoped::ReferenceTable;
use wohnweg_kernel::{Ctx, Error, Result};

use crate::Insights;
use crate::access::Viewer;
use crate::disclosure::{Cell, Published, publish};
use crate::entity::{cell, programme_city};
use crate::measures::{Kind, MEASURES, Measure, Quarter, measure};
use crate::programmes::of_officer;
use crate::rollup::QUARTERS;
use crate::sharing::{Audience, shared_with, shares};

/// Why a figure is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withheld {
    /// Fewer households than the minimum publishable count.
    Small,
    /// A share whose numerator is below the minimum publishable count.
    SmallNumerator,
    /// A share whose follow-up window has not closed yet.
    Pending,
}

/// One measure of one city in one quarter, as published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// The quarter.
    pub quarter: Quarter,
    /// A count or sum: its published value; a time: the households measured; a
    /// share: its published numerator.
    pub value: Option<i64>,
    /// A share: its published base.
    pub of: Option<i64>,
    /// A share, in tenths of a per cent of the published figures.
    pub per_mille: Option<i64>,
    /// A time: the median in days.
    pub median: Option<i32>,
    /// A time: the 75th percentile in days.
    pub p75: Option<i32>,
    /// Households per filled full-time position, in tenths (the published households
    /// over the filled full-time equivalents); `None` without a filled position.
    pub ratio_tenths: Option<i64>,
    /// Why not shown.
    pub withheld: Option<Withheld>,
}

/// A city's points of one measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    /// The city's name.
    pub city: String,
    /// The asker's own city.
    pub own: bool,
    /// One point per quarter, oldest first.
    pub points: Vec<Point>,
}

/// One measure across the cities.
#[derive(Clone, Debug)]
pub struct Column {
    /// The measure.
    pub measure: &'static Measure,
    /// The cities that show it to the asker, the own city first.
    pub cities: Vec<Series>,
}

/// The benchmark.
#[derive(Clone, Debug)]
pub struct Benchmark {
    /// The quarters, oldest first.
    pub quarters: Vec<Quarter>,
    /// The minimum publishable count in force.
    pub threshold: i64,
    /// A state officer's programme, by name.
    pub programme: Option<String>,
    /// The measures asked for.
    pub columns: Vec<Column>,
}

type Cells = HashMap<(Uuid, NaiveDate, String), cell::Model>;

fn point(
    cells: &Cells,
    city: Uuid,
    q: Quarter,
    m: &Measure,
    threshold: i64,
    today: NaiveDate,
) -> Point {
    let get = |code: &str| cells.get(&(city, q.start, code.to_owned()));
    let as_cell = |c: &cell::Model| Cell {
        count: c.records,
        key: u32::try_from(c.cell_key).unwrap_or(0),
    };
    let mut p = Point {
        quarter: q,
        value: None,
        of: None,
        per_mille: None,
        median: None,
        p75: None,
        ratio_tenths: None,
        withheld: None,
    };
    let Some(c) = get(m.code) else {
        // Not counted (a city refreshed before the quarter began): nothing to show.
        p.value = Some(0);
        return p;
    };
    match m.kind {
        Kind::Count | Kind::Sum { .. } => match publish(as_cell(c), c.value, threshold) {
            Published::Value(v) => p.value = Some(v),
            Published::Suppressed => p.withheld = Some(Withheld::Small),
        },
        Kind::PerFte => match publish(as_cell(c), c.records, threshold) {
            Published::Value(v) => {
                p.value = Some(v);
                // value: full-time equivalents in hundredths.
                p.ratio_tenths = (c.value > 0).then(|| (v * 1000 + c.value / 2) / c.value);
            }
            Published::Suppressed => p.withheld = Some(Withheld::Small),
        },
        Kind::Days => match publish(as_cell(c), c.records, threshold) {
            Published::Value(v) if c.records > 0 => {
                p.value = Some(v);
                p.median = c.median;
                p.p75 = c.p75;
            }
            Published::Value(v) => p.value = Some(v),
            Published::Suppressed => p.withheld = Some(Withheld::Small),
        },
        Kind::Share {
            base,
            window_months,
        } => {
            let closed = q
                .end()
                .checked_add_months(chrono::Months::new(window_months))
                .is_some_and(|d| d < today);
            let base_cell = get(base);
            let of = base_cell.map(|b| publish(as_cell(b), b.records, threshold));
            let yes = publish(as_cell(c), c.records, threshold);
            if !closed {
                p.withheld = Some(Withheld::Pending);
            } else {
                match (of, yes) {
                    (None | Some(Published::Value(0)), _) => {
                        p.value = Some(0);
                        p.of = Some(0);
                    }
                    (Some(Published::Suppressed), _) => p.withheld = Some(Withheld::Small),
                    (Some(Published::Value(_)), Published::Suppressed) => {
                        p.withheld = Some(Withheld::SmallNumerator);
                    }
                    (Some(Published::Value(of)), Published::Value(yes)) => {
                        p.value = Some(yes);
                        p.of = Some(of);
                        p.per_mille = Some((yes * 1000 + of / 2) / of.max(1));
                    }
                }
            }
        }
    }
    p
}

impl Insights {
    /// The benchmark of `measures` (default: all) over the last `quarters` quarters
    /// (1–12, default 8) up to `today`. A state officer: six statements; city staff:
    /// three. Never a household's, a person's or a user's record.
    ///
    /// # Errors
    /// `FORBIDDEN` for carriers and operators; `BAD_USER_INPUT` for an unknown
    /// measure (`measures`) or a count of quarters out of range (`quarters`).
    pub async fn benchmark(
        &self,
        ctx: &Ctx,
        measures: Option<&[String]>,
        quarters: Option<i32>,
        today: NaiveDate,
    ) -> Result<Benchmark> {
        let viewer = Viewer::of(ctx)?;
        let n = quarters.unwrap_or(8);
        let n = usize::try_from(n)
            .ok()
            .filter(|n| (1..=QUARTERS).contains(n))
            .ok_or_else(|| Error::bad_input("quarters", "must be 1–12"))?;
        let chosen: Vec<&'static Measure> = match measures {
            None => MEASURES.iter().collect(),
            Some(codes) => codes
                .iter()
                .map(|c| measure(c).ok_or_else(|| Error::bad_input("measures", "no such measure")))
                .collect::<Result<_>>()?,
        };
        let qs = Quarter::last(n, today);
        let conn = self.db.raw();
        // Which city shows which measure to the asker.
        let mut programme = None;
        let (own, visible): (Option<Uuid>, HashMap<Uuid, HashSet<&'static str>>) = match viewer {
            Viewer::Officer(user) => {
                let Some(prog) = of_officer(conn, user).await? else {
                    return Ok(Benchmark {
                        quarters: qs,
                        threshold: self.threshold,
                        programme: None,
                        columns: chosen
                            .into_iter()
                            .map(|measure| Column {
                                measure,
                                cities: Vec::new(),
                            })
                            .collect(),
                    });
                };
                programme = crate::entity::programme::Entity::global_find()
                    .filter(crate::entity::programme::Column::Id.eq(prog))
                    .one(conn)
                    .await?
                    .map(|p| p.name);
                let members: HashSet<Uuid> = programme_city::Entity::global_find()
                    .filter(programme_city::Column::ProgrammeId.eq(prog))
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|r| r.city_id)
                    .collect();
                let pairs = shared_with(conn, &Audience::Programme(prog)).await?;
                let mut v: HashMap<Uuid, HashSet<&'static str>> = HashMap::new();
                for city in &members {
                    for m in &chosen {
                        if shares(&pairs, *city, m.code) {
                            v.entry(*city).or_default().insert(m.code);
                        }
                    }
                }
                (None, v)
            }
            Viewer::City { tenant, .. } => {
                let me = tenant.uuid();
                let pairs = shared_with(conn, &Audience::Peers).await?;
                let mut v: HashMap<Uuid, HashSet<&'static str>> = HashMap::new();
                v.insert(me, chosen.iter().map(|m| m.code).collect());
                for (city, code) in &pairs {
                    if *city != me
                        && let Some(m) = chosen.iter().find(|m| m.code == code)
                        && shares(&pairs, me, m.code)
                    {
                        v.entry(*city).or_default().insert(m.code);
                    }
                }
                (Some(me), v)
            }
        };
        let names: HashMap<Uuid, String> = wohnweg_identity::directory::cities(conn)
            .await?
            .into_iter()
            .map(|(id, _, name)| (id, name))
            .collect();
        let mut codes: HashSet<&str> = chosen.iter().map(|m| m.code).collect();
        for m in &chosen {
            if let Kind::Share { base, .. } | Kind::Sum { base } = m.kind {
                codes.insert(base);
            }
        }
        let cells: Cells = if visible.is_empty() {
            HashMap::new()
        } else {
            cell::Entity::global_find()
                .filter(cell::Column::CityId.is_in(visible.keys().copied()))
                .filter(cell::Column::Quarter.gte(qs[0].start))
                .filter(cell::Column::Measure.is_in(codes.iter().copied()))
                .all(conn)
                .await?
                .into_iter()
                .map(|c| ((c.city_id, c.quarter, c.measure.clone()), c))
                .collect()
        };
        let mut cities: Vec<Uuid> = visible.keys().copied().collect();
        cities.sort_by_key(|c| (Some(*c) != own, names.get(c).cloned().unwrap_or_default()));
        let columns = chosen
            .into_iter()
            .map(|m| Column {
                measure: m,
                cities: cities
                    .iter()
                    .filter(|c| visible.get(c).is_some_and(|set| set.contains(m.code)))
                    .map(|c| Series {
                        city: names.get(c).cloned().unwrap_or_default(),
                        own: Some(*c) == own,
                        points: qs
                            .iter()
                            .map(|q| point(&cells, *c, *q, m, self.threshold, today))
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        Ok(Benchmark {
            quarters: qs,
            threshold: self.threshold,
            programme,
            columns,
        })
    }
}

/// The benchmark as CSV (RFC 4180, or with semicolons for German spreadsheet
/// programs): one row per measure, city and quarter; withheld figures empty, with the
/// reason.
///
/// # Errors
/// Never in practice (writing to memory).
pub fn csv(b: &Benchmark, semicolon: bool) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(if semicolon { b';' } else { b',' })
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| Error::internal(e);
    w.write_record([
        "Kennzahl",
        "Schlüssel",
        "Stadt",
        "Quartal",
        "Wert",
        "von",
        "Anteil (Promille)",
        "Median (Tage)",
        "75. Perzentil (Tage)",
        "Haushalte je Stelle (Zehntel)",
        "Hinweis",
    ])
    .map_err(fail)?;
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    for c in &b.columns {
        for s in &c.cities {
            for p in &s.points {
                w.write_record([
                    c.measure.label.to_owned(),
                    c.measure.code.to_owned(),
                    s.city.clone(),
                    p.quarter.label(),
                    opt(p.value),
                    opt(p.of),
                    opt(p.per_mille),
                    opt(p.median.map(i64::from)),
                    opt(p.p75.map(i64::from)),
                    opt(p.ratio_tenths),
                    p.withheld.map(withheld_de).unwrap_or_default().to_owned(),
                ])
                .map_err(fail)?;
            }
        }
    }
    String::from_utf8(
        w.into_inner()
            .map_err(|e| Error::internal(e.into_error()))?,
    )
    .map_err(Error::internal)
}

/// Why a figure is withheld, in German.
#[must_use]
pub fn withheld_de(w: Withheld) -> &'static str {
    match w {
        Withheld::Small => "weniger Haushalte als die Mindestzahl",
        Withheld::SmallNumerator => "Zähler unter der Mindestzahl",
        Withheld::Pending => "Beobachtungszeitraum noch nicht abgeschlossen",
    }
}

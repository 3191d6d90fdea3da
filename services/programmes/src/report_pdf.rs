//! A report as a PDF in German, fit to hand to a council committee: a head with the
//! city or carrier, the period and the data's cut-off; each section as a table of its
//! figures; bar charts of the households per case state at the period's end and of the
//! moves by source of the flat. Withheld cells print as "<3" and draw no bar. Fonts:
//! DejaVu Sans (learning's, embedded and subset).

use krilla::Document;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Paint};
use krilla::text::{Font, TextDirection};
use wohnweg_kernel::Error;
use wohnweg_learning::pdf::{fonts, wrap};

use crate::report::{Report, Scope, Value};

const A4: (f32, f32) = (595.0, 842.0);
const MARGIN: f32 = 56.0;
const LINE: f32 = 16.0;

/// What is drawn, in order; pages break between items.
enum Item {
    Title(String),
    Text(String),
    Heading(String),
    Row {
        label: String,
        value: String,
    },
    Chart {
        title: String,
        bars: Vec<(String, Option<i64>)>,
    },
}

impl Item {
    fn height(&self) -> f32 {
        match self {
            Item::Title(_) => 24.0,
            Item::Text(_) | Item::Row { .. } => LINE,
            Item::Heading(_) => 34.0,
            #[allow(clippy::cast_precision_loss)] // a handful of bars
            Item::Chart { bars, .. } => 40.0 + bars.len() as f32 * 18.0,
        }
    }
}

fn german_date(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn items(report: &Report) -> Vec<Item> {
    let mut head = Vec::new();
    let title = match report.scope {
        Scope::City => format!(
            "Gemeinsamer Bericht Auszugsmanagement – {}",
            report.scope_name
        ),
        Scope::Carrier(_) => format!("Bericht Auszugsmanagement – {}", report.scope_name),
    };
    let mut out: Vec<Item> = wrap(&title, 52).into_iter().map(Item::Title).collect();
    head.push(format!(
        "Zeitraum: {} bis {}",
        german_date(report.from),
        german_date(report.to)
    ));
    head.push(format!(
        "Datenstand: {} (UTC). Gezählt wird aus dem Verlauf; derselbe Zeitraum mit demselben Datenstand ergibt dieselben Zahlen.",
        report.cut_off.format("%d.%m.%Y, %H:%M")
    ));
    if let Some(at) = report.released_at {
        head.push(format!(
            "Freigegeben am {} (UTC); es gelten die bei der Freigabe festgehaltenen Zahlen.",
            at.format("%d.%m.%Y, %H:%M")
        ));
    }
    if matches!(report.scope, Scope::Carrier(_)) {
        head.push("Kleine Werte (1 oder 2) sind als „<3“ ausgewiesen.".to_owned());
    }
    for t in head {
        out.extend(wrap(&t, 100).into_iter().map(Item::Text));
    }
    let count = |f: &crate::report::Figure| match (f.suppressed, f.value) {
        (false, Value::Count(n)) => Some(n),
        _ => None,
    };
    for s in &report.sections {
        out.push(Item::Heading(s.title.to_owned()));
        for f in &s.figures {
            out.push(Item::Row {
                label: f.label.clone(),
                value: f.display(),
            });
        }
        let bars: Vec<(String, Option<i64>)> = match s.key {
            "cases" => s
                .figures
                .iter()
                .filter(|f| f.key.starts_with("state.") && f.key.ends_with(".households"))
                .map(|f| {
                    let label = f
                        .label
                        .trim_start_matches("Am Ende des Zeitraums – ")
                        .trim_end_matches(": Haushalte");
                    (label.to_owned(), count(f))
                })
                .collect(),
            "moves" => s
                .figures
                .iter()
                .filter(|f| f.label.starts_with("davon "))
                .map(|f| (f.label.trim_start_matches("davon ").to_owned(), count(f)))
                .collect(),
            _ => Vec::new(),
        };
        if !bars.is_empty() {
            out.push(Item::Chart {
                title: match s.key {
                    "cases" => "Haushalte nach Stand am Ende des Zeitraums".to_owned(),
                    _ => "Auszüge nach Herkunft der Wohnung (Haushalte)".to_owned(),
                },
                bars,
            });
        }
    }
    out
}

/// The report's PDF.
///
/// # Errors
/// `INTERNAL` when the fonts cannot be read or the writer refuses.
pub fn render(report: &Report) -> Result<Vec<u8>, Error> {
    let fail = |what: String| Error::internal(std::io::Error::other(what));
    let (regular, bold) =
        fonts().ok_or_else(|| fail("the embedded fonts cannot be read".into()))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!(
                "Bericht Auszugsmanagement {} {}–{}",
                report.scope_name, report.from, report.to
            ))
            .language("de-DE".to_owned())
            .creator("Wohnweg".to_owned()),
    );
    let settings = PageSettings::from_wh(A4.0, A4.1).ok_or_else(|| fail("page size".into()))?;
    // Paginate: each page takes the items that fit.
    let mut pages: Vec<Vec<Item>> = vec![Vec::new()];
    let mut used = 0.0_f32;
    for item in items(report) {
        let h = item.height();
        let breaks =
            matches!(item, Item::Heading(_)) && used + h + 3.0 * LINE > A4.1 - 2.0 * MARGIN;
        if used + h > A4.1 - 2.0 * MARGIN || breaks {
            pages.push(Vec::new());
            used = 0.0;
        }
        used += h;
        if let Some(p) = pages.last_mut() {
            p.push(item);
        }
    }
    let total = pages.len();
    for (n, items) in pages.into_iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        let text = |surface: &mut krilla::surface::Surface<'_>,
                    font: &Font,
                    size: f32,
                    x: f32,
                    y: f32,
                    s: &str| {
            surface.draw_text(
                Point::from_xy(x, y),
                font.clone(),
                size,
                s,
                false,
                TextDirection::Auto,
            );
        };
        let mut y = MARGIN;
        for item in items {
            let h = item.height();
            match &item {
                Item::Title(t) => text(&mut surface, bold, 16.0, MARGIN, y + 18.0, t),
                Item::Text(t) => text(&mut surface, regular, 9.5, MARGIN, y + 11.0, t),
                Item::Heading(t) => text(&mut surface, bold, 13.0, MARGIN, y + 26.0, t),
                Item::Row { label, value } => {
                    text(&mut surface, regular, 10.0, MARGIN, y + 11.0, label);
                    // Values right-aligned by their length (DejaVu's digits are even).
                    #[allow(clippy::cast_precision_loss)]
                    let w = value.chars().count() as f32 * 5.6;
                    text(
                        &mut surface,
                        regular,
                        10.0,
                        A4.0 - MARGIN - w,
                        y + 11.0,
                        value,
                    );
                }
                Item::Chart { title, bars } => {
                    text(&mut surface, bold, 10.0, MARGIN, y + 18.0, title);
                    let max = bars
                        .iter()
                        .filter_map(|(_, v)| *v)
                        .max()
                        .unwrap_or(0)
                        .max(1);
                    let left = MARGIN + 190.0;
                    let width = A4.0 - MARGIN - left - 40.0;
                    let mut path = PathBuilder::new();
                    for (i, (label, v)) in bars.iter().enumerate() {
                        #[allow(clippy::cast_precision_loss)]
                        let by = y + 28.0 + i as f32 * 18.0;
                        text(&mut surface, regular, 9.0, MARGIN, by + 10.0, label);
                        match v {
                            Some(v) => {
                                #[allow(clippy::cast_precision_loss)]
                                let w = width * *v as f32 / max as f32;
                                if let Some(r) = Rect::from_xywh(left, by + 2.0, w.max(0.5), 11.0) {
                                    path.push_rect(r);
                                }
                                text(
                                    &mut surface,
                                    regular,
                                    9.0,
                                    left + w + 6.0,
                                    by + 10.0,
                                    &v.to_string(),
                                );
                            }
                            None => text(&mut surface, regular, 9.0, left, by + 10.0, "<3"),
                        }
                    }
                    if let Some(p) = path.finish() {
                        surface.set_fill(Some(Fill {
                            paint: Paint::from(krilla::color::rgb::Color::new(32, 64, 160)),
                            ..Fill::default()
                        }));
                        surface.draw_path(&p);
                        surface.set_fill(Some(Fill::default()));
                    }
                }
            }
            y += h;
        }
        text(
            &mut surface,
            regular,
            8.0,
            MARGIN,
            A4.1 - MARGIN / 2.0,
            &format!(
                "Wohnweg · {} · Seite {} von {total}",
                report.scope_name,
                n + 1
            ),
        );
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| fail(format!("the PDF could not be written: {e:?}")))
}

/// A file name for the report's PDF.
#[must_use]
pub fn file_name(report: &Report) -> String {
    let scope: String = report
        .scope_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("Bericht-{scope}-{}-{}.pdf", report.from, report.to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Facts, compute};
    use chrono::{NaiveDate, Utc};

    #[test]
    fn an_empty_carrier_report_still_renders_every_section_on_numbered_pages() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let r = compute(
            &Facts::default(),
            Scope::Carrier(wohnweg_kernel::OrganisationId::from_uuid(uuid::Uuid::nil())),
            "Caritasverband für die Stadt Köln",
            d("2015-10-15"),
            d("2017-12-31"),
            Utc::now(),
        );
        let pdf = render(&r).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        // Kept for a look (the PDF has no personal data).
        std::fs::write(std::env::temp_dir().join("wohnweg-report-sample.pdf"), &pdf).ok();
        assert_eq!(
            file_name(&r),
            "Bericht-Caritasverband_für_die_Stadt_Köln-2015-10-15-2017-12-31.pdf"
        );
    }
}

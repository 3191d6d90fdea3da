//! A certificate as a PDF (German): the course and what it covered, the name as
//! printed, the issuing city and the delivering organisation, the date and number, a
//! QR code that opens the public verification page with the credential in the link's
//! fragment, and the signed credential itself attached as `credential.jwt`
//! (uncompressed, so `wohnweg verify` finds it by its JOSE header without a PDF
//! parser). Fonts: DejaVu Sans, embedded and subset (see `assets/README.md`).

use std::sync::OnceLock;

use krilla::Document;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use qrcode::{Color, EcLevel, QrCode};

use crate::credential::Statement;

/// The JOSE header every Wohnweg credential starts with (`{"alg":"EdDSA"`, base64url).
pub const JOSE_PREFIX: &str = "eyJhbGciOiJFZERTQSI";

const A4: (f32, f32) = (595.0, 842.0);
const MARGIN: f32 = 64.0;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The verification link does not fit a QR code.
    #[error("the verification link is too long for a QR code")]
    QrTooLong,
    /// The PDF writer refused.
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// DejaVu Sans regular and bold, parsed once (other services' PDFs use them too).
#[must_use]
pub fn fonts() -> Option<&'static (Font, Font)> {
    static FONTS: OnceLock<Option<(Font, Font)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let regular: &'static [u8] = include_bytes!("../assets/DejaVuSans.ttf");
            let bold: &'static [u8] = include_bytes!("../assets/DejaVuSans-Bold.ttf");
            Some((Font::new(regular.into(), 0)?, Font::new(bold.into(), 0)?))
        })
        .as_ref()
}

/// Breaks `text` into lines of at most `width` characters, at spaces.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn german_date(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The certificate's PDF: `statement` as issued, `link` the verification page with the
/// credential in its fragment (the QR code), `credential` attached.
///
/// # Errors
/// [`PdfError`].
pub fn render(statement: &Statement, link: &str, credential: &str) -> Result<Vec<u8>, PdfError> {
    let (regular, bold) =
        fonts().ok_or_else(|| PdfError::Write("the embedded fonts cannot be read".into()))?;
    let qr = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::L)
        .map_err(|_| PdfError::QrTooLong)?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!(
                "Qualifizierte Teilnahmebestätigung {}",
                statement.number
            ))
            .language("de-DE".to_owned())
            .creator("Wohnweg".to_owned()),
    );
    let settings =
        PageSettings::from_wh(A4.0, A4.1).ok_or_else(|| PdfError::Write("page size".into()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    let mut y = MARGIN + 10.0;
    let text =
        |surface: &mut krilla::surface::Surface<'_>, font: &Font, size: f32, line: &str, y: f32| {
            surface.draw_text(
                Point::from_xy(MARGIN, y),
                font.clone(),
                size,
                line,
                false,
                TextDirection::Auto,
            );
        };
    text(&mut surface, regular, 11.0, &statement.issuer_name, y);
    y += 40.0;
    text(
        &mut surface,
        bold,
        22.0,
        "Qualifizierte Teilnahmebestätigung",
        y,
    );
    y += 28.0;
    text(&mut surface, regular, 14.0, &statement.course, y);
    y += 40.0;
    text(
        &mut surface,
        regular,
        11.0,
        "Hiermit wird bestätigt, dass",
        y,
    );
    y += 30.0;
    text(&mut surface, bold, 18.0, &statement.name, y);
    y += 28.0;
    for line in wrap(
        &format!(
            "den Kurs „{}“ vollständig besucht und mit Erfolg abgeschlossen hat. Der Kurs umfasste:",
            statement.course
        ),
        80,
    ) {
        text(&mut surface, regular, 11.0, &line, y);
        y += 16.0;
    }
    y += 6.0;
    for module in &statement.modules {
        for (i, line) in wrap(module, 72).iter().enumerate() {
            let shown = if i == 0 {
                format!("•  {line}")
            } else {
                format!("    {line}")
            };
            text(&mut surface, regular, 11.0, &shown, y);
            y += 16.0;
        }
    }
    y += 18.0;
    for (label, value) in [
        ("Ausgestellt von", statement.issuer_name.as_str()),
        ("Durchgeführt von", statement.delivered_by.as_str()),
        ("Datum", &german_date(statement.issued_on)),
        ("Nummer", statement.number.as_str()),
    ] {
        text(&mut surface, bold, 11.0, &format!("{label}:"), y);
        surface.draw_text(
            Point::from_xy(MARGIN + 120.0, y),
            regular.clone(),
            11.0,
            value,
            false,
            TextDirection::Auto,
        );
        y += 18.0;
    }
    // The QR code, bottom right: one rectangle per run of dark modules in a row.
    let size = 220.0_f32;
    let modules = qr.width();
    let quiet = 4.0_f32;
    #[allow(clippy::cast_precision_loss)] // a QR code is at most 177 modules wide
    let unit = size / (modules as f32 + 2.0 * quiet);
    let (left, top) = (A4.0 - MARGIN - size, A4.1 - MARGIN - size - 40.0);
    let colors = qr.to_colors();
    let mut path = PathBuilder::new();
    for row in 0..modules {
        let mut col = 0;
        while col < modules {
            if colors.get(row * modules + col) == Some(&Color::Dark) {
                let start = col;
                while col < modules && colors.get(row * modules + col) == Some(&Color::Dark) {
                    col += 1;
                }
                #[allow(clippy::cast_precision_loss)]
                let rect = Rect::from_xywh(
                    left + (quiet + start as f32) * unit,
                    top + (quiet + row as f32) * unit,
                    (col - start) as f32 * unit,
                    unit,
                );
                if let Some(r) = rect {
                    path.push_rect(r);
                }
            } else {
                col += 1;
            }
        }
    }
    if let Some(p) = path.finish() {
        surface.set_fill(Some(krilla::paint::Fill::default()));
        surface.draw_path(&p);
    }
    let note_y = A4.1 - MARGIN - 20.0;
    for (i, line) in wrap(
        "Echtheit prüfen: QR-Code scannen. Die Prüfung läuft im Browser; die Stadt erfährt nicht, wer prüft. \
         Die unterschriebene Bescheinigung ist dieser Datei als credential.jwt beigefügt.",
        52,
    )
    .iter()
    .enumerate()
    {
        #[allow(clippy::cast_precision_loss)]
        let line_y = top + 20.0 + i as f32 * 14.0;
        surface.draw_text(Point::from_xy(MARGIN, line_y.min(note_y)), regular.clone(), 9.0, line, false, TextDirection::Auto);
    }
    surface.finish();
    page.finish();
    let attached = document.embed_file(EmbeddedFile {
        path: "credential.jwt".to_owned(),
        mime_type: MimeType::new("application/vc+jwt"),
        description: Some(
            "Signierte Teilnahmebestätigung (W3C Verifiable Credential, VC-JOSE)".to_owned(),
        ),
        association_kind: AssociationKind::Supplement,
        data: credential.as_bytes().to_vec().into(),
        modification_date: None,
        compress: Some(false),
        location: None,
    });
    if attached.is_none() {
        return Err(PdfError::Write(
            "the credential could not be attached".into(),
        ));
    }
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// The credential attached to a certificate PDF (or inside any text): the longest
/// run of base64url characters and dots that starts with Wohnweg's JOSE header.
#[must_use]
pub fn attached_credential(bytes: &[u8]) -> Option<String> {
    let prefix = JOSE_PREFIX.as_bytes();
    let mut best: Option<&[u8]> = None;
    let mut i = 0;
    while let Some(at) = bytes
        .get(i..)
        .and_then(|rest| rest.windows(prefix.len()).position(|w| w == prefix))
    {
        let start = i + at;
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            .count();
        let run = &bytes[start..start + len];
        if run.iter().filter(|b| **b == b'.').count() == 2
            && best.is_none_or(|b| run.len() > b.len())
        {
            best = Some(run);
        }
        i = start + len.max(1);
    }
    best.and_then(|b| String::from_utf8(b.to_vec()).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement() -> Statement {
        Statement {
            name: "Ğülay Müller-Straß".into(),
            course: "Mietführerschein".into(),
            modules: vec!["Heizen und Lüften".into(), "Mülltrennung".into()],
            issued_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
            issuer_name: "Stadt Bergisch Gladbach".into(),
            issuer: "https://x.example/public/bergisch-gladbach".into(),
            delivered_by: "Caritas".into(),
            number: "BG-2026-00001".into(),
        }
    }

    #[test]
    fn a_pdf_carries_its_credential_and_a_too_long_link_is_refused() {
        let credential = format!("{JOSE_PREFIX}fQ.eyJ4IjoxfQ.c2ln");
        let pdf = render(
            &statement(),
            &format!("https://x.example/verify#{credential}"),
            &credential,
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(
            attached_credential(&pdf).as_deref(),
            Some(credential.as_str())
        );
        let long = "x".repeat(3000);
        assert!(matches!(
            render(&statement(), &long, &credential),
            Err(PdfError::QrTooLong)
        ));
    }

    #[test]
    fn lines_wrap_at_spaces() {
        assert_eq!(wrap("eins zwei drei", 9), vec!["eins zwei", "drei"]);
        assert_eq!(wrap("", 9), Vec::<String>::new());
    }
}

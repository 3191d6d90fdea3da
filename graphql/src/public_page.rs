//! The public offer form as a page for people: German, accessible, and working
//! without JavaScript. `GET /public/{city}/offer-form` answers it to browsers (they
//! ask for `text/html`); the form posts to the same URL as ordinary form fields.
//!
//! Every rule is the JSON form's ([`crate::public`]: single-use token, minimum fill
//! time, hidden field, limit per address, review by staff); this module only renders.
//! A refused field is named next to itself and in a summary at the top, with what
//! the person typed kept; a used token is replaced by a fresh one. Rendered with
//! maud, which escapes every value. Nothing submitted is logged.

use std::net::SocketAddr;
use std::sync::OnceLock;

use axum::Form;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use serde::Deserialize;
use wohnweg_kernel::Error;

use crate::app::AppState;
use crate::public::{
    Figure, OfferForm, Refusal, Taken, city, client_key, count_submission, issue_token, take,
};

/// The page's policy: the console's, and the form may post only here.
const POLICY: &str = "default-src 'self'; script-src 'none'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; \
     frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// The form as the page posts it: text throughout, checkboxes present when ticked.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageForm {
    #[serde(default)]
    form_token: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    landlord_name: String,
    #[serde(default)]
    landlord_contact: String,
    #[serde(default)]
    street: String,
    #[serde(default)]
    postal_code: String,
    #[serde(default)]
    district: String,
    #[serde(default)]
    rooms: String,
    #[serde(default)]
    living_space: String,
    #[serde(default)]
    floor: String,
    #[serde(default)]
    available_from: String,
    wbs_required: Option<String>,
    step_free: Option<String>,
    lift: Option<String>,
    #[serde(default)]
    max_persons: String,
    #[serde(default)]
    pets_allowed: String,
    #[serde(default)]
    cold_rent: String,
    #[serde(default)]
    service_charges: String,
    #[serde(default)]
    heating: String,
    #[serde(default)]
    deposit: String,
    #[serde(default)]
    notes: String,
}

impl PageForm {
    fn to_offer_form(&self) -> OfferForm {
        OfferForm {
            form_token: self.form_token.clone(),
            website: self.website.clone(),
            landlord_name: self.landlord_name.clone(),
            landlord_contact: self.landlord_contact.clone(),
            street: self.street.clone(),
            postal_code: self.postal_code.clone(),
            district: self.district.clone(),
            rooms: Figure::Text(self.rooms.clone()),
            living_space: Figure::Text(self.living_space.clone()),
            cold_rent: self.cold_rent.clone(),
            service_charges: self.service_charges.clone(),
            heating: self.heating.clone(),
            deposit: self.deposit.clone(),
            available_from: self.available_from.clone(),
            wbs_required: self.wbs_required.is_some(),
            step_free: self.step_free.is_some(),
            lift: self.lift.is_some(),
            floor: Some(Figure::Text(self.floor.clone())),
            max_persons: Some(Figure::Text(self.max_persons.clone())),
            pets_allowed: match self.pets_allowed.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            notes: Some(self.notes.clone()).filter(|n| !n.trim().is_empty()),
        }
    }
}

/// The hashed name of the public pages' stylesheet, from the console build's manifest.
pub(crate) fn stylesheet() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| {
        crate::console::manifest_file("src/public.css")
            .map_or_else(String::new, |f| format!("/{f}"))
    })
}

fn page(status: StatusCode, title: &str, body: Markup) -> Response {
    let css = stylesheet();
    let doc = html! {
        (DOCTYPE)
        html lang="de" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – Wohnweg" }
                @if !css.is_empty() { link rel="stylesheet" href=(css); }
            }
            body {
                main.ww-public id="main" { div.ww-stack { (body) } }
            }
        }
    };
    (
        status,
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CONTENT_SECURITY_POLICY, POLICY),
            (CACHE_CONTROL, "no-store"),
        ],
        doc.into_string(),
    )
        .into_response()
}

/// A page saying why nothing can be done now (unknown city, too many requests, …).
fn refusal_page(r: &Refusal) -> Response {
    let (title, text) = match r.status {
        StatusCode::NOT_FOUND => (
            "Stadt nicht gefunden",
            "Unter dieser Adresse nimmt keine Stadt Wohnungsangebote entgegen. Bitte prüfen Sie den Link.",
        ),
        StatusCode::TOO_MANY_REQUESTS => (
            "Zu viele Anfragen",
            "Von Ihrem Anschluss kamen in der letzten Stunde zu viele Anfragen. Bitte versuchen Sie es später noch einmal.",
        ),
        _ => (
            "Im Moment nicht möglich",
            "Das Formular ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten noch einmal.",
        ),
    };
    if let Some(cause) = r.error.internal_cause() {
        tracing::error!(error = %cause, "public offer page failed");
    }
    page(
        r.status,
        title,
        html! { h1.kern-heading-large { (title) } p.kern-body { (text) } },
    )
}

/// What to tell a person about a refused field, in German.
fn german(field: &str) -> &'static str {
    match field {
        "landlordName" => "Bitte geben Sie Ihren Namen oder den Ihres Unternehmens an.",
        "landlordContact" => {
            "Bitte geben Sie an, wie die Stadt Sie erreicht (Telefon oder E-Mail)."
        }
        "street" => "Bitte geben Sie Straße und Hausnummer an.",
        "postalCode" => "Bitte geben Sie eine Postleitzahl mit fünf Ziffern an.",
        "district" => "Bitte geben Sie den Stadtteil an.",
        "rooms" => "Bitte geben Sie die Zahl der Zimmer an, etwa 2 oder 2,5.",
        "livingSpace" => "Bitte geben Sie die Wohnfläche in Quadratmetern an, etwa 58,5.",
        "coldRent" | "serviceCharges" | "heating" | "deposit" => {
            "Bitte geben Sie einen Betrag in Euro an, etwa 612,50."
        }
        "availableFrom" => "Bitte geben Sie an, ab wann die Wohnung frei ist.",
        "floor" => "Bitte geben Sie die Etage als ganze Zahl an (0 für das Erdgeschoss).",
        "maxPersons" => "Bitte geben Sie eine ganze Zahl an, oder lassen Sie das Feld leer.",
        "notes" => "Der Hinweis ist zu lang (höchstens 2000 Zeichen).",
        _ => "Bitte prüfen Sie diese Angabe.",
    }
}

/// A refused field: its name in the API and the server's words.
struct Problem {
    field: String,
    detail: String,
}

struct View<'a> {
    slug: &'a str,
    city: &'a str,
    token: &'a str,
    values: &'a PageForm,
    problem: Option<Problem>,
    /// A note above the form (the token was used or sent back too quickly).
    note: Option<&'static str>,
}

fn text_field(
    v: &View<'_>,
    name: &str,
    label: &str,
    value: &str,
    required: bool,
    kind: &str,
    hint: Option<&str>,
) -> Markup {
    let problem = v.problem.as_ref().filter(|p| p.field == name);
    let id = format!("f-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described: Vec<&str> = [
        hint.map(|_| hint_id.as_str()),
        problem.map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        div class=(if problem.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }) {
            label.kern-label for=(id) {
                (label)
                @if !required { span.kern-label__optional { " – optional" } }
            }
            @if let Some(h) = hint { div.kern-hint id=(hint_id) { (h) } }
            @if let Some(p) = problem {
                div.kern-error id=(error_id) {
                    span.kern-body { (german(name)) " " span lang="en" { "(" (p.detail) ")" } }
                }
            }
            @if kind == "textarea" {
                textarea.kern-form-input__input id=(id) name=(name) rows="4"
                    aria-invalid=[problem.map(|_| "true")]
                    aria-describedby=[(!described.is_empty()).then(|| described.join(" "))] { (value) }
            } @else {
                input.kern-form-input__input id=(id) name=(name) value=(value)
                    type=(if kind == "date" { "date" } else { "text" })
                    inputmode=[(kind == "decimal").then_some("decimal")]
                    required[required]
                    aria-invalid=[problem.map(|_| "true")]
                    aria-describedby=[(!described.is_empty()).then(|| described.join(" "))];
            }
        }
    }
}

fn check(name: &str, label: &str, checked: bool) -> Markup {
    let id = format!("f-{name}");
    html! {
        div.kern-form-check {
            input.kern-form-check__checkbox type="checkbox" id=(id) name=(name) value="on" checked[checked];
            label.kern-label for=(id) { (label) }
        }
    }
}

fn form_view(v: &View<'_>) -> Markup {
    let f = v.values;
    let action = format!("/public/{}/offer-form", v.slug);
    html! {
        h1.kern-heading-large { "Wohnung anbieten" }
        p.kern-body {
            "Sie möchten eine Wohnung an Menschen vermieten, die in " (v.city)
            " aus einer Unterkunft in eine eigene Wohnung ziehen? Die Stadt prüft Ihr Angebot und meldet sich bei Ihnen. "
            "Ein Konto brauchen Sie nicht."
        }
        @if let Some(note) = v.note {
            div.kern-alert.kern-alert--warning role="alert" {
                div.kern-alert__header { span.kern-title { (note) } }
            }
        }
        @if let Some(p) = &v.problem {
            div.kern-alert.kern-alert--danger role="alert" aria-labelledby="summary-title" {
                div.kern-alert__header { span.kern-title id="summary-title" { "Bitte prüfen Sie Ihre Angaben" } }
                div.kern-alert__body {
                    ul.kern-list { li { a.kern-link href=(format!("#f-{}", p.field)) { (german(&p.field)) } } }
                }
            }
        }
        form.ww-stack method="post" action=(action) {
            input type="hidden" name="formToken" value=(v.token);
            div.ww-trap aria-hidden="true" {
                label for="f-website" { "Bitte dieses Feld leer lassen" }
                input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" value="";
            }
            fieldset.kern-fieldset {
                legend.kern-title { "Über Sie" }
                div.kern-fieldset__body {
                    (text_field(v, "landlordName", "Name oder Unternehmen", &f.landlord_name, true, "text", None))
                    (text_field(v, "landlordContact", "So erreicht die Stadt Sie", &f.landlord_contact, true, "text",
                        Some("Telefonnummer oder E-Mail-Adresse.")))
                }
            }
            fieldset.kern-fieldset {
                legend.kern-title { "Die Wohnung" }
                div.kern-fieldset__body {
                    (text_field(v, "street", "Straße und Hausnummer", &f.street, true, "text", None))
                    div.ww-row {
                        (text_field(v, "postalCode", "Postleitzahl", &f.postal_code, true, "text", None))
                        (text_field(v, "district", "Stadtteil", &f.district, true, "text", None))
                    }
                    div.ww-row {
                        (text_field(v, "rooms", "Zimmer", &f.rooms, true, "decimal", Some("Zum Beispiel 2 oder 2,5.")))
                        (text_field(v, "livingSpace", "Wohnfläche in m²", &f.living_space, true, "decimal", None))
                        (text_field(v, "floor", "Etage", &f.floor, false, "decimal", Some("0 für das Erdgeschoss.")))
                    }
                    (text_field(v, "availableFrom", "Frei ab", &f.available_from, true, "date", None))
                    (check("wbsRequired", "Nur mit Wohnberechtigungsschein (WBS)", f.wbs_required.is_some()))
                    (check("stepFree", "Stufenlos erreichbar", f.step_free.is_some()))
                    (check("lift", "Mit Aufzug", f.lift.is_some()))
                    (text_field(v, "maxPersons", "Höchstens so viele Personen", &f.max_persons, false, "decimal", None))
                    div.kern-form-input {
                        label.kern-label for="f-petsAllowed" { "Haustiere" span.kern-label__optional { " – optional" } }
                        div.kern-form-input__select-wrapper {
                            select.kern-form-input__select id="f-petsAllowed" name="petsAllowed" {
                                option value="" selected[f.pets_allowed.is_empty()] { "Keine Angabe" }
                                option value="yes" selected[f.pets_allowed == "yes"] { "Erlaubt" }
                                option value="no" selected[f.pets_allowed == "no"] { "Nicht erlaubt" }
                            }
                        }
                    }
                }
            }
            fieldset.kern-fieldset {
                legend.kern-title { "Kosten im Monat" }
                div.kern-fieldset__body {
                    div.ww-row {
                        (text_field(v, "coldRent", "Kaltmiete in Euro", &f.cold_rent, true, "decimal", None))
                        (text_field(v, "serviceCharges", "Nebenkosten in Euro", &f.service_charges, true, "decimal", None))
                        (text_field(v, "heating", "Heizkosten in Euro", &f.heating, true, "decimal", None))
                    }
                    (text_field(v, "deposit", "Kaution in Euro", &f.deposit, true, "decimal", None))
                }
            }
            (text_field(v, "notes", "Hinweise zur Wohnung", &f.notes, false, "textarea", None))
            div {
                button.kern-btn.kern-btn--primary type="submit" { span.kern-label { "Angebot senden" } }
            }
        }
    }
}

/// `GET /public/{city}/offer-form` for a browser: the form with a fresh token.
pub(crate) async fn form_page(state: &AppState, slug: &str, client: &str) -> Response {
    let c = match city(state, slug).await {
        Ok(c) => c,
        Err(r) => return refusal_page(&r),
    };
    match issue_token(state, c.id, client).await {
        Ok(token) => {
            let values = PageForm::default();
            let v = View {
                slug,
                city: &c.name,
                token: &token,
                values: &values,
                problem: None,
                note: None,
            };
            page(StatusCode::OK, "Wohnung anbieten", form_view(&v))
        }
        Err(r) => refusal_page(&r),
    }
}

/// `POST /public/{city}/offer-form`: the page's submission.
pub async fn submit_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    peer: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    form: Result<Form<PageForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let c = match city(&state, &slug).await {
        Ok(c) => c,
        Err(r) => return refusal_page(&r),
    };
    let client = client_key(peer.as_ref());
    if let Err(r) = count_submission(&state, c.id, &client).await {
        return refusal_page(&r);
    }
    let values = form.map(|Form(f)| f).unwrap_or_default();
    match take(&state, c.id, &values.to_offer_form()).await {
        Ok(taken) => {
            let receipt = match taken {
                Taken::Received(id) => Some(id.to_string()),
                Taken::Dropped => None,
            };
            page(
                StatusCode::OK,
                "Vielen Dank",
                html! {
                    h1.kern-heading-large { "Vielen Dank" }
                    p.kern-body { "Ihr Angebot ist bei " (c.name) " eingegangen. Die Stadt prüft es und meldet sich bei Ihnen." }
                    @if let Some(r) = receipt {
                        p.kern-body { "Ihre Eingangsnummer: " strong { (r) } }
                    }
                    p.kern-body { a.kern-link href=(format!("/public/{slug}/offer-form")) { "Eine weitere Wohnung anbieten" } }
                },
            )
        }
        Err(r) if r.status == StatusCode::BAD_REQUEST => {
            let Error::BadUserInput { field, message } = &r.error else {
                return refusal_page(&r);
            };
            let (token, note, problem) = if field == "formToken" {
                let note = if r.token_kept {
                    "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular noch einmal."
                } else {
                    "Dieses Formular war abgelaufen oder schon gesendet. Ihre Angaben sind noch da: bitte senden Sie es noch einmal."
                };
                (
                    r.token_kept.then(|| values.form_token.clone()),
                    Some(note),
                    None,
                )
            } else {
                let p = Problem {
                    field: field.to_string(),
                    detail: message.to_string(),
                };
                (None, None, Some(p))
            };
            // The token was used up by this submission (unless it was kept): a new one.
            let token = match token {
                Some(t) => t,
                None => match issue_token(&state, c.id, &client).await {
                    Ok(t) => t,
                    Err(r) => return refusal_page(&r),
                },
            };
            let v = View {
                slug: &slug,
                city: &c.name,
                token: &token,
                values: &values,
                problem,
                note,
            };
            page(StatusCode::BAD_REQUEST, "Wohnung anbieten", form_view(&v))
        }
        Err(r) => refusal_page(&r),
    }
}

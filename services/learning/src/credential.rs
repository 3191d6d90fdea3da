//! Certificates as machine-verifiable credentials, and their verification.
//!
//! **The format (chosen, and why).** A certificate is a W3C Verifiable Credential 2.0
//! in the Open Badges 3.0 shape (`OpenBadgeCredential`, an `AchievementSubject` with
//! the course as its `Achievement`), secured as **VC-JOSE**: a compact JWS with
//! `alg: EdDSA` (Ed25519) and `typ: vc+jwt` whose payload is the credential itself.
//! We picked JOSE over a Data Integrity `eddsa-jcs-2022` proof because it needs no
//! JSON canonicalisation: the signature covers the exact bytes carried, and a browser
//! verifies it with WebCrypto's `Ed25519` and `atob` alone.
//!
//! The signing key is named in the header's `kid` as `<issuer id>#<key id>`, so a
//! verifier checks that the key belongs to the issuer the credential names. Each city
//! publishes, as static documents under its issuer id (`…/public/<city>`):
//! - `keys.json` — every public key it ever signed with ([`KeySet`]), with retirement
//!   and revocation dates;
//! - `status` — a W3C **Bitstring Status List** credential (itself a VC-JOSE JWS),
//!   whose bit at a certificate's `statusListIndex` is 1 when the city revoked it.
//!
//! A verifier fetches those two documents per city, never per certificate, so the
//! city learns nothing about who checks which certificate. [`verify`] is the one
//! verification, used by `wohnweg verify` and mirrored by the public page's script.

use std::io::{Read as _, Write as _};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::{DateTime, NaiveDate, Utc};
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The bits of a status list: 131 072, the minimum the W3C recommendation sets so a
/// list does not tell how many certificates a city issued.
pub const STATUS_LIST_BITS: usize = 131_072;

/// The JOSE header's `typ`.
pub const TYP: &str = "vc+jwt";

/// What a certificate states, as a verifier shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    /// The participant's name as printed.
    pub name: String,
    /// The course's title.
    pub course: String,
    /// The modules the course covered.
    pub modules: Vec<String>,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// The issuing city's name.
    pub issuer_name: String,
    /// The issuer id (`…/public/<city>`).
    pub issuer: String,
    /// The delivering organisation's name.
    pub delivered_by: String,
    /// The certificate number.
    pub number: String,
}

/// A certificate to sign.
#[derive(Clone, Debug)]
pub struct Claims {
    /// The certificate's id.
    pub id: uuid::Uuid,
    /// What it states.
    pub statement: Statement,
    /// The course's catalogue key and version (`mietfuehrerschein`, 2).
    pub course_key: String,
    /// Version of the catalogue template.
    pub course_version: i32,
    /// Its bit in the city's status list.
    pub status_index: u32,
}

/// One published public key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishedKey {
    /// `<issuer id>#<key id>`.
    pub kid: String,
    /// `OKP`.
    pub kty: String,
    /// `Ed25519`.
    pub crv: String,
    /// The public key, base64url.
    pub x: String,
    /// In use since.
    pub created_at: DateTime<Utc>,
    /// No longer used for new certificates since (rotation); its certificates stay
    /// valid.
    pub retired_at: Option<DateTime<Utc>>,
    /// Revoked since (compromised): nothing it signed is valid any more.
    pub revoked_from: Option<DateTime<Utc>>,
}

/// A city's published keys (`keys.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeySet {
    /// The issuer id.
    pub issuer: String,
    /// The city's name.
    pub name: String,
    /// Every key the city signed with.
    pub keys: Vec<PublishedKey>,
}

/// Why a credential does not verify. Each has its own message for the landlord.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// Not a credential in the expected format.
    #[error("this is not a Wohnweg certificate (the data cannot be read)")]
    Malformed,
    /// The keys given belong to another issuer than the credential names.
    #[error("the keys given are not those of the city the certificate names")]
    WrongKeySet,
    /// The header's key belongs to another issuer than the credential names.
    #[error("signed with another issuer's key, not by the city the certificate names")]
    ForeignKey,
    /// The issuer never published the key.
    #[error("signed with a key the city has not published")]
    UnknownKey,
    /// The key was revoked.
    #[error("signed with a key the city revoked on {0}")]
    KeyRevoked(NaiveDate),
    /// The signature does not cover these contents.
    #[error("the signature does not match: the certificate was changed after it was issued")]
    BadSignature,
    /// The status list could not be read or is not the city's.
    #[error("the city's revocation list cannot be checked")]
    StatusUnavailable,
    /// Revoked by the city.
    #[error("the city revoked this certificate")]
    Revoked,
}

impl Rejection {
    /// A stable code (`bad_signature`, …).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed => "malformed",
            Self::WrongKeySet => "wrong_key_set",
            Self::ForeignKey => "foreign_key",
            Self::UnknownKey => "unknown_key",
            Self::KeyRevoked(_) => "key_revoked",
            Self::BadSignature => "bad_signature",
            Self::StatusUnavailable => "status_unavailable",
            Self::Revoked => "revoked",
        }
    }
}

/// The issuer id of a city: `<base url>/public/<slug>`.
#[must_use]
pub fn issuer_id(base_url: &str, slug: &str) -> String {
    format!("{}/public/{slug}", base_url.trim_end_matches('/'))
}

/// The `kid` of key `key_id` of `issuer`.
#[must_use]
pub fn kid(issuer: &str, key_id: uuid::Uuid) -> String {
    format!("{issuer}#{key_id}")
}

/// The public half of `key`, base64url.
#[must_use]
pub fn public_x(key: &SigningKey) -> String {
    B64.encode(key.verifying_key().as_bytes())
}

fn sign_payload(key: &SigningKey, kid: &str, payload: &Value) -> String {
    let header = json!({ "alg": "EdDSA", "typ": TYP, "kid": kid });
    let signing_input = format!(
        "{}.{}",
        B64.encode(header.to_string()),
        B64.encode(payload.to_string())
    );
    let sig: Signature = key.sign(signing_input.as_bytes());
    format!("{signing_input}.{}", B64.encode(sig.to_bytes()))
}

/// The credential of `claims`, signed as VC-JOSE with `key` (named `kid`).
#[must_use]
pub fn issue(key: &SigningKey, kid: &str, claims: &Claims) -> String {
    let s = &claims.statement;
    let status = format!("{}/status", s.issuer);
    let payload = json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": format!("urn:uuid:{}", claims.id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": format!("Qualifizierte Teilnahmebestätigung: {}", s.course),
        "issuer": { "id": s.issuer, "type": ["Profile"], "name": s.issuer_name },
        "validFrom": format!("{}T00:00:00Z", s.issued_on),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": s.name,
            "identifier": [{
                "type": "IdentityObject",
                "identityType": "identifier",
                "hashed": false,
                "identityHash": s.number
            }],
            "achievement": {
                "id": format!("urn:wohnweg:course:{}:{}", claims.course_key, claims.course_version),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": s.course,
                "criteria": { "narrative": s.modules.join("\n") }
            },
            "source": { "type": ["Profile"], "name": s.delivered_by }
        },
        "credentialStatus": {
            "id": format!("{status}#{}", claims.status_index),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": claims.status_index.to_string(),
            "statusListCredential": status
        }
    });
    sign_payload(key, kid, &payload)
}

/// The city's status list credential: bit `i` set for every revoked index `i`.
///
/// # Errors
/// An index beyond [`STATUS_LIST_BITS`].
pub fn status_list(
    key: &SigningKey,
    kid: &str,
    issuer: &str,
    revoked: &[u32],
    now: DateTime<Utc>,
) -> Result<String, std::io::Error> {
    let mut bits = vec![0_u8; STATUS_LIST_BITS / 8];
    for &i in revoked {
        let i = i as usize;
        let byte = bits
            .get_mut(i / 8)
            .ok_or_else(|| std::io::Error::other("status index out of range"))?;
        // The left-most bit of the first byte is index 0.
        *byte |= 0x80 >> (i % 8);
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bits)?;
    let encoded = format!("u{}", B64.encode(gz.finish()?));
    let id = format!("{issuer}/status");
    let payload = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "credentialSubject": {
            "id": format!("{id}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded
        }
    });
    Ok(sign_payload(key, kid, &payload))
}

/// A compact JWS, its signature checked against the issuer's keys.
struct Checked {
    payload: Value,
}

fn part(s: &str) -> Result<Vec<u8>, Rejection> {
    B64.decode(s).map_err(|_| Rejection::Malformed)
}

/// Checks a compact JWS against `keys`: the key named belongs to `issuer`, is
/// published and not revoked, and signed exactly these bytes.
fn check(jws: &str, issuer: &str, keys: &KeySet) -> Result<Checked, Rejection> {
    let mut parts = jws.trim().split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Rejection::Malformed);
    };
    let header: Value = serde_json::from_slice(&part(h)?).map_err(|_| Rejection::Malformed)?;
    let payload: Value = serde_json::from_slice(&part(p)?).map_err(|_| Rejection::Malformed)?;
    if header["alg"] != "EdDSA" {
        return Err(Rejection::Malformed);
    }
    let kid = header["kid"].as_str().ok_or(Rejection::Malformed)?;
    if keys.issuer != issuer {
        return Err(Rejection::WrongKeySet);
    }
    match kid.rsplit_once('#') {
        Some((owner, _)) if owner == issuer => {}
        Some(_) => return Err(Rejection::ForeignKey),
        None => return Err(Rejection::Malformed),
    }
    let key = keys
        .keys
        .iter()
        .find(|k| k.kid == kid)
        .ok_or(Rejection::UnknownKey)?;
    let x: [u8; 32] = part(&key.x)?
        .try_into()
        .map_err(|_| Rejection::UnknownKey)?;
    let verifying = VerifyingKey::from_bytes(&x).map_err(|_| Rejection::UnknownKey)?;
    let sig: [u8; 64] = part(s)?.try_into().map_err(|_| Rejection::BadSignature)?;
    verifying
        .verify_strict(format!("{h}.{p}").as_bytes(), &Signature::from_bytes(&sig))
        .map_err(|_| Rejection::BadSignature)?;
    if let Some(from) = key.revoked_from {
        return Err(Rejection::KeyRevoked(from.date_naive()));
    }
    Ok(Checked { payload })
}

fn text(v: &Value) -> Result<String, Rejection> {
    v.as_str().map(str::to_owned).ok_or(Rejection::Malformed)
}

/// What a credential claims, read without checking anything: for choosing which
/// keys and status list to fetch. Not to be shown as verified.
///
/// # Errors
/// [`Rejection::Malformed`].
pub fn claimed_issuer(jws: &str) -> Result<String, Rejection> {
    let p = jws.trim().split('.').nth(1).ok_or(Rejection::Malformed)?;
    let payload: Value = serde_json::from_slice(&part(p)?).map_err(|_| Rejection::Malformed)?;
    text(&payload["issuer"]["id"])
}

/// Verifies a certificate: its signature against the issuer's published `keys`, and,
/// when `status` (the issuer's status list credential) is given, that the city has not
/// revoked it. Returns what it states.
///
/// # Errors
/// The first [`Rejection`] found.
pub fn verify(jws: &str, keys: &KeySet, status: Option<&str>) -> Result<Statement, Rejection> {
    let issuer = claimed_issuer(jws)?;
    let Checked { payload } = check(jws, &issuer, keys)?;
    let statement = statement_in(&payload, &issuer)?;
    if let Some(status) = status {
        let entry = &payload["credentialStatus"];
        let raw = text(&entry["statusListIndex"])?;
        // Digits only, no sign, no leading zero: as the browser's check reads it.
        if raw.is_empty()
            || raw.len() > 9
            || !raw.bytes().all(|b| b.is_ascii_digit())
            || (raw.len() > 1 && raw.starts_with('0'))
        {
            return Err(Rejection::Malformed);
        }
        let index: usize = raw.parse().map_err(|_| Rejection::Malformed)?;
        if text(&entry["statusListCredential"])? != format!("{issuer}/status") {
            return Err(Rejection::StatusUnavailable);
        }
        if revoked_bit(status, &issuer, keys, index)? {
            return Err(Rejection::Revoked);
        }
    }
    Ok(statement)
}

/// What a credential states, read **without** checking its signature: for documents
/// the issuer renders from its own stored credentials (the PDF), never for a verdict.
///
/// # Errors
/// [`Rejection::Malformed`].
pub fn unverified_statement(jws: &str) -> Result<Statement, Rejection> {
    let issuer = claimed_issuer(jws)?;
    let p = jws.trim().split('.').nth(1).ok_or(Rejection::Malformed)?;
    let payload: Value = serde_json::from_slice(&part(p)?).map_err(|_| Rejection::Malformed)?;
    statement_in(&payload, &issuer)
}

fn statement_in(payload: &Value, issuer: &str) -> Result<Statement, Rejection> {
    let subject = &payload["credentialSubject"];
    let achievement = &subject["achievement"];
    let valid_from = text(&payload["validFrom"])?;
    let issued_on = valid_from
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .ok_or(Rejection::Malformed)?;
    Ok(Statement {
        name: text(&subject["name"])?,
        course: text(&achievement["name"])?,
        modules: text(&achievement["criteria"]["narrative"])?
            .lines()
            .map(str::to_owned)
            .collect(),
        issued_on,
        issuer_name: text(&payload["issuer"]["name"])?,
        issuer: issuer.to_owned(),
        delivered_by: text(&subject["source"]["name"])?,
        number: text(&subject["identifier"][0]["identityHash"])?,
    })
}

fn revoked_bit(status: &str, issuer: &str, keys: &KeySet, index: usize) -> Result<bool, Rejection> {
    let list = check(status, issuer, keys).map_err(|_| Rejection::StatusUnavailable)?;
    if list.payload["issuer"] != issuer
        || list.payload["credentialSubject"]["statusPurpose"] != "revocation"
    {
        return Err(Rejection::StatusUnavailable);
    }
    let encoded = list.payload["credentialSubject"]["encodedList"]
        .as_str()
        .and_then(|e| e.strip_prefix('u'))
        .ok_or(Rejection::StatusUnavailable)?;
    let gz = B64
        .decode(encoded)
        .map_err(|_| Rejection::StatusUnavailable)?;
    let mut bits = Vec::new();
    // Exactly 131 072 bits: read one byte more than that to see a longer list.
    let bytes = STATUS_LIST_BITS / 8;
    flate2::read::GzDecoder::new(gz.as_slice())
        .take(bytes as u64 + 1)
        .read_to_end(&mut bits)
        .map_err(|_| Rejection::StatusUnavailable)?;
    if bits.len() != bytes {
        return Err(Rejection::StatusUnavailable);
    }
    let byte = bits.get(index / 8).ok_or(Rejection::StatusUnavailable)?;
    Ok(byte & (0x80 >> (index % 8)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    const ISSUER: &str = "https://wohnweg.example/public/bergisch-gladbach";

    fn claims(index: u32) -> Claims {
        Claims {
            id: uuid::Uuid::nil(),
            statement: Statement {
                name: "Ğülay Müller-Straß".into(),
                course: "Mietführerschein".into(),
                modules: vec!["Rechte und Pflichten".into(), "Heizen und Lüften".into()],
                issued_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
                issuer_name: "Stadt Bergisch Gladbach".into(),
                issuer: ISSUER.into(),
                delivered_by: "Caritas".into(),
                number: "BG-2026-00001".into(),
            },
            course_key: "mietfuehrerschein".into(),
            course_version: 1,
            status_index: index,
        }
    }

    fn keyset(issuer: &str, keys: &[(u8, uuid::Uuid, Option<DateTime<Utc>>)]) -> KeySet {
        KeySet {
            issuer: issuer.into(),
            name: "Stadt".into(),
            keys: keys
                .iter()
                .map(|(seed, id, revoked)| PublishedKey {
                    kid: kid(issuer, *id),
                    kty: "OKP".into(),
                    crv: "Ed25519".into(),
                    x: public_x(&key(*seed)),
                    created_at: Utc::now(),
                    retired_at: None,
                    revoked_from: *revoked,
                })
                .collect(),
        }
    }

    #[test]
    fn a_certificate_verifies_and_each_fault_has_its_own_reason() {
        let id = uuid::Uuid::now_v7();
        let keys = keyset(ISSUER, &[(1, id, None)]);
        let jws = issue(&key(1), &kid(ISSUER, id), &claims(7));
        let status = status_list(&key(1), &kid(ISSUER, id), ISSUER, &[3], Utc::now()).unwrap();
        let ok = verify(&jws, &keys, Some(&status)).unwrap();
        assert_eq!(ok.name, "Ğülay Müller-Straß");
        assert_eq!(ok.number, "BG-2026-00001");

        // Revoked: bit 7 set.
        let revoked = status_list(&key(1), &kid(ISSUER, id), ISSUER, &[7], Utc::now()).unwrap();
        assert_eq!(verify(&jws, &keys, Some(&revoked)), Err(Rejection::Revoked));

        // The name altered: the payload re-encoded with another name.
        let parts: Vec<&str> = jws.split('.').collect();
        let mut payload: Value = serde_json::from_slice(&B64.decode(parts[1]).unwrap()).unwrap();
        payload["credentialSubject"]["name"] = "Someone Else".into();
        let altered = format!(
            "{}.{}.{}",
            parts[0],
            B64.encode(payload.to_string()),
            parts[2]
        );
        assert_eq!(verify(&altered, &keys, None), Err(Rejection::BadSignature));

        // Signed by another key under this city's kid: the signature fails.
        let forged = issue(&key(2), &kid(ISSUER, id), &claims(7));
        assert_eq!(verify(&forged, &keys, None), Err(Rejection::BadSignature));

        // Signed by another city's key (its kid names the other city).
        let other = "https://wohnweg.example/public/koeln";
        let foreign = issue(&key(2), &kid(other, id), &claims(7));
        assert_eq!(verify(&foreign, &keys, None), Err(Rejection::ForeignKey));
        assert_eq!(
            verify(&jws, &keyset(other, &[(1, id, None)]), None),
            Err(Rejection::WrongKeySet)
        );

        // A key the city never published.
        let unknown = issue(&key(1), &kid(ISSUER, uuid::Uuid::now_v7()), &claims(7));
        assert_eq!(verify(&unknown, &keys, None), Err(Rejection::UnknownKey));

        // A revoked key.
        let from = Utc::now();
        let revoked_keys = keyset(ISSUER, &[(1, id, Some(from))]);
        assert_eq!(
            verify(&jws, &revoked_keys, None),
            Err(Rejection::KeyRevoked(from.date_naive()))
        );

        // Not a credential at all.
        assert_eq!(verify("abc", &keys, None), Err(Rejection::Malformed));
        // A status list signed by someone else is not trusted.
        let fake = status_list(&key(2), &kid(ISSUER, id), ISSUER, &[], Utc::now()).unwrap();
        assert_eq!(
            verify(&jws, &keys, Some(&fake)),
            Err(Rejection::StatusUnavailable)
        );
    }

    fn payload_of(jws: &str) -> Value {
        serde_json::from_slice(
            &B64.decode(jws.split('.').nth(1).unwrap_or(""))
                .unwrap_or_default(),
        )
        .unwrap_or_default()
    }

    #[test]
    fn odd_indexes_and_status_lists_the_spec_does_not_allow_are_refused() {
        let id = uuid::Uuid::now_v7();
        let keys = keyset(ISSUER, &[(1, id, None)]);
        let k = kid(ISSUER, id);
        let status = status_list(&key(1), &k, ISSUER, &[], Utc::now()).unwrap();
        for index in ["+7", "07", "", "7e0", "0x7"] {
            let mut p = payload_of(&issue(&key(1), &k, &claims(7)));
            p["credentialStatus"]["statusListIndex"] = index.into();
            let signed = sign_payload(&key(1), &k, &p);
            assert_eq!(
                verify(&signed, &keys, Some(&status)),
                Err(Rejection::Malformed),
                "{index:?}"
            );
        }
        // A list for another purpose, or of another size, is not the revocation list.
        let jws = issue(&key(1), &k, &claims(7));
        let mut list = payload_of(&status);
        list["credentialSubject"]["statusPurpose"] = "suspension".into();
        let other_purpose = sign_payload(&key(1), &k, &list);
        assert_eq!(
            verify(&jws, &keys, Some(&other_purpose)),
            Err(Rejection::StatusUnavailable)
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&[0_u8; 16]).unwrap();
        list["credentialSubject"]["statusPurpose"] = "revocation".into();
        list["credentialSubject"]["encodedList"] =
            format!("u{}", B64.encode(gz.finish().unwrap())).into();
        let short = sign_payload(&key(1), &k, &list);
        assert_eq!(
            verify(&jws, &keys, Some(&short)),
            Err(Rejection::StatusUnavailable)
        );
    }

    #[test]
    fn the_status_list_is_big_enough_to_hide_how_many_were_issued() {
        let id = uuid::Uuid::now_v7();
        let keys = keyset(ISSUER, &[(1, id, None)]);
        let last = u32::try_from(STATUS_LIST_BITS - 1).unwrap();
        let status = status_list(&key(1), &kid(ISSUER, id), ISSUER, &[last], Utc::now()).unwrap();
        assert!(revoked_bit(&status, ISSUER, &keys, STATUS_LIST_BITS - 1).unwrap());
        assert!(!revoked_bit(&status, ISSUER, &keys, 0).unwrap());
        assert!(status_list(&key(1), "k", ISSUER, &[last + 1], Utc::now()).is_err());
    }
}

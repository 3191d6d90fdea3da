//! Certificates (*qualifizierte Teilnahmebestätigung*): issued to a participant who
//! completed a run, as a signed credential ([`crate::credential`]); revoked with a
//! reason (issued in error) or reissued (a new number; the old one revoked). The
//! city's public keys and status list are published for verifiers.

use std::collections::HashMap;

use chrono::{DateTime, Datelike as _, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use wohnweg_casework::lookup;
use wohnweg_casework::types::Text;
use wohnweg_identity::directory;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, TenantId, TenantTx};

use crate::Learning;
use crate::access::Access;
use crate::courses::{find_run, run_modules};
use crate::credential::{self, Claims, KeySet, PublishedKey, Statement};
use crate::entity::{certificate, course, enrolment, run, signing_key};
use crate::keys;
use crate::types::{EnrolmentStatus, RevokeReason, stored};

/// An issued certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateView {
    /// Id.
    pub id: Uuid,
    /// The enrolment it certifies.
    pub enrolment_id: Uuid,
    /// The run.
    pub run_id: Uuid,
    /// The participant's household, for members.
    pub household_id: Option<Uuid>,
    /// Number (`BG-2026-00001`).
    pub number: String,
    /// The name as printed.
    pub printed_name: String,
    /// The course's title.
    pub course_title: String,
    /// Issued on.
    pub issued_on: NaiveDate,
    /// Revoked at.
    pub revoked_at: Option<DateTime<Utc>>,
    /// Why.
    pub revoke_reason: Option<RevokeReason>,
    /// The certificate that replaced it.
    pub replaced_by: Option<Uuid>,
    /// The signed credential (VC-JOSE compact JWS).
    pub credential: String,
}

/// A signing key as the city's staff see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningKeyView {
    /// Id.
    pub id: Uuid,
    /// The public key, base64url.
    pub public_key: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Retired (rotation).
    pub retired_at: Option<DateTime<Utc>>,
    /// Revoked from.
    pub revoked_from: Option<DateTime<Utc>>,
}

/// A certificate number's prefix: the initials of the city's slug (`bergisch-gladbach`
/// → `BG`).
fn prefix(slug: &str) -> String {
    slug.split('-')
        .filter_map(|p| p.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn view(
    c: certificate::Model,
    e: &enrolment::Model,
    course_title: &str,
) -> Result<CertificateView> {
    Ok(CertificateView {
        id: c.id,
        enrolment_id: c.enrolment_id,
        run_id: e.run_id,
        household_id: e.household_id,
        number: c.number,
        printed_name: e.printed_name.clone(),
        course_title: course_title.to_owned(),
        issued_on: c.issued_on,
        revoked_at: c.revoked_at,
        revoke_reason: c
            .revoke_reason
            .as_deref()
            .map(|r| stored(r, RevokeReason::from_code))
            .transpose()?,
        replaced_by: c.replaced_by,
        credential: c.credential,
    })
}

async fn course_title(tx: &TenantTx, r: &run::Model) -> Result<String> {
    Ok(tx
        .find::<course::Entity>()
        .filter(course::Column::Id.eq(r.course_id))
        .one(tx.conn())
        .await?
        .map(|c| c.title)
        .unwrap_or_default())
}

impl Learning {
    /// Signs and stores a certificate for `e` (completed) in `tx`.
    async fn sign(
        &self,
        tx: &TenantTx,
        ctx: &Ctx,
        e: &enrolment::Model,
        r: &run::Model,
    ) -> Result<CertificateView> {
        let (slug, city) = directory::own_tenant(tx).await?;
        let issuer = credential::issuer_id(&self.base_url, &slug);
        let (template, modules) = run_modules(tx, r).await?;
        let title = course_title(tx, r).await?;
        let delivered_by = match r.delivering_org {
            Some(org) => directory::organisation(tx, OrganisationId::from_uuid(org))
                .await?
                .map_or_else(|| city.clone(), |o| o.name),
            None => city.clone(),
        };
        let (key_id, key) = keys::current(tx, &self.kek).await?;
        let issued_on = Utc::now().date_naive();
        let year = issued_on.year();
        let pre = format!("{}-{year}-", prefix(&slug));
        let last: Vec<(String, i32)> = tx
            .find::<certificate::Entity>()
            .select_only()
            .column(certificate::Column::Number)
            .column(certificate::Column::StatusIndex)
            .order_by_desc(certificate::Column::StatusIndex)
            .limit(1)
            .into_tuple()
            .all(tx.conn())
            .await?;
        let seq_this_year = tx
            .find::<certificate::Entity>()
            .filter(certificate::Column::Number.starts_with(&pre))
            .count(tx.conn())
            .await?;
        let index = last.first().map_or(0, |(_, i)| i + 1);
        let index_u = u32::try_from(index)
            .map_err(|_| Error::internal(std::io::Error::other("status index")))?;
        if index_u as usize >= credential::STATUS_LIST_BITS {
            return Err(Error::internal(std::io::Error::other(
                "the city's status list is full",
            )));
        }
        let number = format!("{pre}{:05}", seq_this_year + 1);
        let id = Uuid::now_v7();
        let jws = credential::issue(
            &key,
            &credential::kid(&issuer, key_id),
            &Claims {
                id,
                statement: Statement {
                    name: e.printed_name.clone(),
                    course: title.clone(),
                    modules: modules.iter().map(|m| m.title_de.clone()).collect(),
                    issued_on,
                    issuer_name: city,
                    issuer: issuer.clone(),
                    delivered_by,
                    number: number.clone(),
                },
                course_key: template.key.clone(),
                course_version: template.version,
                status_index: index_u,
            },
        );
        let row = certificate::Entity::secure_insert(
            tx,
            certificate::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(id),
                enrolment_id: Set(e.id),
                number: Set(number),
                status_index: Set(index),
                key_id: Set(key_id),
                issued_on: Set(issued_on),
                credential: Set(jws),
                issued_by: Set(ctx.principal().user_id.uuid()),
                revoked_at: Set(None),
                revoke_reason: Set(None),
                replaced_by: Set(None),
            },
        )
        .await?;
        audit::append(
            tx,
            ctx,
            &AuditEntry::new(
                "certificate",
                id,
                "issue",
                &["number", "printed_name", "credential"],
            ),
        )
        .await?;
        view(row, e, &title)
    }

    /// Issues the certificate of a participant who completed the run.
    pub async fn issue_certificate(
        &self,
        ctx: &Ctx,
        enrolment_id: Uuid,
    ) -> Result<CertificateView> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let (e, r) = enrolment_in_reach(&tx, &access, enrolment_id).await?;
        if stored(&e.status, EnrolmentStatus::from_code)? != EnrolmentStatus::Completed {
            return Err(Error::bad_input(
                "enrolmentId",
                "has not completed the course",
            ));
        }
        let valid = tx
            .find::<certificate::Entity>()
            .filter(certificate::Column::EnrolmentId.eq(e.id))
            .filter(certificate::Column::RevokedAt.is_null())
            .one(tx.conn())
            .await?;
        if valid.is_some() {
            return Err(Error::bad_input(
                "enrolmentId",
                "has a valid certificate already",
            ));
        }
        let c = self.sign(&tx, ctx, &e, &r).await?;
        tx.commit().await?;
        Ok(c)
    }

    /// Revokes a certificate issued in error (city staff). Verifiers see it revoked
    /// once they fetch the city's status list again.
    pub async fn revoke_certificate(
        &self,
        ctx: &Ctx,
        id: Uuid,
        reason: RevokeReason,
    ) -> Result<CertificateView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let (c, e, r) = certificate_in_reach(&tx, &access, id).await?;
        if c.revoked_at.is_some() {
            return Err(Error::bad_input("id", "is revoked already"));
        }
        revoke(&tx, ctx, c.id, reason).await?;
        let title = course_title(&tx, &r).await?;
        let (c, _, _) = certificate_in_reach(&tx, &access, id).await?;
        let v = view(c, &e, &title)?;
        tx.commit().await?;
        Ok(v)
    }

    /// Reissues a certificate (city staff): a new number, optionally with the name
    /// corrected; the old one is revoked as reissued.
    pub async fn reissue_certificate(
        &self,
        ctx: &Ctx,
        id: Uuid,
        printed_name: Option<Text>,
    ) -> Result<CertificateView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let (c, mut e, r) = certificate_in_reach(&tx, &access, id).await?;
        if c.revoked_at.is_some() {
            return Err(Error::bad_input(
                "id",
                "is revoked: issue a new certificate instead",
            ));
        }
        if let Some(name) = printed_name {
            enrolment::Entity::secure_update_many(&tx)
                .col_expr(enrolment::Column::PrintedName, Expr::value(name.as_str()))
                .filter(enrolment::Column::Id.eq(e.id))
                .exec(tx.conn())
                .await?;
            audit::append(
                &tx,
                ctx,
                &AuditEntry::new("course_enrolment", e.id, "update", &["printed_name"]),
            )
            .await?;
            e.printed_name = name.into_string();
        }
        revoke(&tx, ctx, c.id, RevokeReason::Reissued).await?;
        let new = self.sign(&tx, ctx, &e, &r).await?;
        certificate::Entity::secure_update_many(&tx)
            .col_expr(certificate::Column::ReplacedBy, Expr::value(new.id))
            .filter(certificate::Column::Id.eq(c.id))
            .exec(tx.conn())
            .await?;
        tx.commit().await?;
        Ok(new)
    }

    /// A household's certificates, newest first (a carrier: its own households').
    pub async fn household_certificates(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
    ) -> Result<Vec<CertificateView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let carrier = access.carrier.map(|c| (c, access.user));
        if !lookup::reaches_household(&tx, household_id, carrier).await? {
            return Err(Error::NotFound {
                entity: "household",
            });
        }
        let enrolments: Vec<enrolment::Model> = tx
            .find::<enrolment::Entity>()
            .filter(enrolment::Column::HouseholdId.eq(household_id))
            .all(tx.conn())
            .await?;
        let out = certificates_of(&tx, &enrolments).await?;
        if !out.is_empty() {
            audit::append(
                &tx,
                ctx,
                &AuditEntry::new(
                    "household",
                    household_id,
                    "read",
                    &["certificates.printed_name"],
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    /// A certificate as a PDF with its QR code and the credential attached (the read
    /// is audited): `(file name, bytes)`. Revoked or erased certificates are not
    /// printed.
    pub async fn certificate_pdf(&self, ctx: &Ctx, id: Uuid) -> Result<(String, Vec<u8>)> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let (c, _, _) = certificate_in_reach(&tx, &access, id).await?;
        if c.revoked_at.is_some() {
            return Err(Error::bad_input("id", "is revoked: print its replacement"));
        }
        let statement = credential::unverified_statement(&c.credential)
            .map_err(|_| Error::bad_input("id", "was erased"))?;
        let pdf = crate::pdf::render(
            &statement,
            &self.verification_link(&c.credential),
            &c.credential,
        )
        .map_err(Error::internal)?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("certificate", c.id, "read", &["pdf", "printed_name"]),
        )
        .await?;
        tx.commit().await?;
        Ok((format!("Teilnahmebestaetigung-{}.pdf", c.number), pdf))
    }

    /// The city's signing keys (city staff).
    pub async fn signing_keys(&self, ctx: &Ctx) -> Result<Vec<SigningKeyView>> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        Ok(keys::all(&tx).await?.into_iter().map(key_view).collect())
    }

    /// Retires the city's current key and makes a new one (coordinators). Old keys
    /// stay published: what they signed stays valid.
    pub async fn rotate_signing_key(&self, ctx: &Ctx) -> Result<SigningKeyView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        signing_key::Entity::secure_update_many(&tx)
            .col_expr(signing_key::Column::RetiredAt, Expr::value(Utc::now()))
            .filter(signing_key::Column::RetiredAt.is_null())
            .exec(tx.conn())
            .await?;
        let (id, _) = keys::create(&tx, &self.kek).await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("signing_key", id, "rotate", &["public_key"]),
        )
        .await?;
        let k = keys::all(&tx)
            .await?
            .into_iter()
            .find(|k| k.id == id)
            .map(key_view);
        tx.commit().await?;
        k.ok_or(Error::NotFound {
            entity: "signing key",
        })
    }

    /// Revokes a compromised key from a moment on (coordinators): nothing it signed
    /// verifies any more; reissue the certificates it signed. The next certificate
    /// gets a new key.
    pub async fn revoke_signing_key(
        &self,
        ctx: &Ctx,
        id: Uuid,
        from: DateTime<Utc>,
        reason: Text,
    ) -> Result<SigningKeyView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let done = signing_key::Entity::secure_update_many(&tx)
            .col_expr(signing_key::Column::RevokedFrom, Expr::value(from))
            .col_expr(
                signing_key::Column::RevokeReason,
                Expr::value(reason.as_str()),
            )
            .col_expr(signing_key::Column::RetiredAt, Expr::value(Utc::now()))
            .filter(signing_key::Column::Id.eq(id))
            .filter(signing_key::Column::RevokedFrom.is_null())
            .exec(tx.conn())
            .await?;
        if done.rows_affected != 1 {
            return Err(Error::NotFound {
                entity: "signing key",
            });
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "signing_key",
                id,
                "revoke",
                &["revoked_from", "revoke_reason"],
            ),
        )
        .await?;
        let k = keys::all(&tx)
            .await?
            .into_iter()
            .find(|k| k.id == id)
            .map(key_view);
        tx.commit().await?;
        k.ok_or(Error::NotFound {
            entity: "signing key",
        })
    }

    /// The city's published keys (`keys.json`), for anyone: no personal data.
    pub async fn published_keys(&self, tenant: TenantId) -> Result<KeySet> {
        let tx = self.db.begin_tenant(tenant).await?;
        let (slug, name) = directory::own_tenant(&tx).await?;
        let issuer = credential::issuer_id(&self.base_url, &slug);
        let keys = keys::all(&tx)
            .await?
            .into_iter()
            .map(|k| PublishedKey {
                kid: credential::kid(&issuer, k.id),
                kty: "OKP".into(),
                crv: "Ed25519".into(),
                x: k.public_key,
                created_at: k.created_at,
                retired_at: k.retired_at,
                revoked_from: k.revoked_from,
            })
            .collect();
        Ok(KeySet { issuer, name, keys })
    }

    /// The city's status list credential, signed with its current key; `None` while
    /// the city has issued nothing (no key yet).
    pub async fn published_status(&self, tenant: TenantId) -> Result<Option<String>> {
        let tx = self.db.begin_tenant(tenant).await?;
        let has_key = tx
            .find::<signing_key::Entity>()
            .filter(signing_key::Column::RevokedFrom.is_null())
            .filter(signing_key::Column::RetiredAt.is_null())
            .one(tx.conn())
            .await?
            .is_some();
        if !has_key {
            return Ok(None);
        }
        let (slug, _) = directory::own_tenant(&tx).await?;
        let issuer = credential::issuer_id(&self.base_url, &slug);
        let (key_id, key) = keys::current(&tx, &self.kek).await?;
        let revoked: Vec<i32> = tx
            .find::<certificate::Entity>()
            .select_only()
            .column(certificate::Column::StatusIndex)
            .filter(certificate::Column::RevokedAt.is_not_null())
            .into_tuple()
            .all(tx.conn())
            .await?;
        let revoked: Vec<u32> = revoked
            .into_iter()
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        credential::status_list(
            &key,
            &credential::kid(&issuer, key_id),
            &issuer,
            &revoked,
            Utc::now(),
        )
        .map(Some)
        .map_err(Error::internal)
    }
}

fn key_view(k: signing_key::Model) -> SigningKeyView {
    SigningKeyView {
        id: k.id,
        public_key: k.public_key,
        created_at: k.created_at,
        retired_at: k.retired_at,
        revoked_from: k.revoked_from,
    }
}

async fn revoke(tx: &TenantTx, ctx: &Ctx, id: Uuid, reason: RevokeReason) -> Result<()> {
    certificate::Entity::secure_update_many(tx)
        .col_expr(certificate::Column::RevokedAt, Expr::value(Utc::now()))
        .col_expr(
            certificate::Column::RevokeReason,
            Expr::value(reason.code()),
        )
        .filter(certificate::Column::Id.eq(id))
        .filter(certificate::Column::RevokedAt.is_null())
        .exec(tx.conn())
        .await?;
    audit::append(
        tx,
        ctx,
        &AuditEntry::new(
            "certificate",
            id,
            "revoke",
            &["revoked_at", "revoke_reason"],
        ),
    )
    .await
}

/// An enrolment whose run the caller reaches, and — for a carrier — whose member
/// belongs to one of its households (walk-ins of its runs included).
async fn enrolment_in_reach(
    tx: &TenantTx,
    access: &Access,
    id: Uuid,
) -> Result<(enrolment::Model, run::Model)> {
    let missing = || Error::NotFound {
        entity: "enrolment",
    };
    let e = tx
        .find::<enrolment::Entity>()
        .filter(enrolment::Column::Id.eq(id))
        .one(tx.conn())
        .await?
        .ok_or_else(missing)?;
    let r = find_run(tx, access, e.run_id)
        .await
        .map_err(|_| missing())?;
    if let (Some(c), Some(h)) = (access.carrier, e.household_id)
        && !lookup::reaches_household(tx, h, Some((c, access.user))).await?
    {
        return Err(missing());
    }
    Ok((e, r))
}

async fn certificate_in_reach(
    tx: &TenantTx,
    access: &Access,
    id: Uuid,
) -> Result<(certificate::Model, enrolment::Model, run::Model)> {
    let missing = || Error::NotFound {
        entity: "certificate",
    };
    let c = tx
        .find::<certificate::Entity>()
        .filter(certificate::Column::Id.eq(id))
        .one(tx.conn())
        .await?
        .ok_or_else(missing)?;
    let (e, r) = enrolment_in_reach(tx, access, c.enrolment_id)
        .await
        .map_err(|_| missing())?;
    Ok((c, e, r))
}

/// The certificates of `enrolments`, newest first (three statements).
async fn certificates_of(
    tx: &TenantTx,
    enrolments: &[enrolment::Model],
) -> Result<Vec<CertificateView>> {
    if enrolments.is_empty() {
        return Ok(Vec::new());
    }
    let rows = tx
        .find::<certificate::Entity>()
        .filter(certificate::Column::EnrolmentId.is_in(enrolments.iter().map(|e| e.id)))
        .order_by_desc(certificate::Column::Id)
        .all(tx.conn())
        .await?;
    let run_ids: Vec<Uuid> = enrolments.iter().map(|e| e.run_id).collect();
    let run_course: HashMap<Uuid, Uuid> = tx
        .find::<run::Entity>()
        .filter(run::Column::Id.is_in(run_ids))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|r| (r.id, r.course_id))
        .collect();
    let titles: HashMap<Uuid, String> = tx
        .find::<course::Entity>()
        .filter(course::Column::Id.is_in(run_course.values().copied()))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|c| (c.id, c.title))
        .collect();
    rows.into_iter()
        .filter_map(|c| {
            let e = enrolments.iter().find(|e| e.id == c.enrolment_id)?;
            let title = run_course
                .get(&e.run_id)
                .and_then(|c| titles.get(c))
                .cloned()
                .unwrap_or_default();
            Some(view(c, e, &title))
        })
        .collect()
}

/// The ids of the transaction's households whose member holds a valid renter's
/// licence (a certificate not revoked), as a subquery for housing's matching score.
#[must_use]
pub fn certified_households(tx: &TenantTx) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::Query;
    let tenant = tx.tenant().uuid();
    let valid = Query::select()
        .column(certificate::Column::EnrolmentId)
        .from(certificate::Entity)
        .and_where(certificate::Column::TenantId.eq(tenant))
        .and_where(certificate::Column::RevokedAt.is_null())
        .to_owned();
    Query::select()
        .column(enrolment::Column::HouseholdId)
        .from(enrolment::Entity)
        .and_where(enrolment::Column::TenantId.eq(tenant))
        .and_where(enrolment::Column::HouseholdId.is_not_null())
        .and_where(enrolment::Column::Id.in_subquery(valid))
        .to_owned()
}

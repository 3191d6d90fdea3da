//! Programmes with their funding sources, positions and yearly targets: reading them
//! (with the figures of [`crate::figures`]) and the coordinator's writes. Every write
//! is audited in its transaction.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;
use wohnweg_casework::types::{Text, date_in_range, stored};
use wohnweg_identity::directory;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, TenantTx};

use crate::Programmes;
use crate::access::Access;
use crate::entity::{funding, position, position_change, programme, spending, target};
use crate::figures::{Facts, caseload_per_fte, expected_by};
use crate::types::{FundingKind, TargetKind};

/// A funding source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingView {
    /// Id.
    pub id: Uuid,
    /// City budget, KIM, other.
    pub kind: FundingKind,
    /// Its name (`KIM – Kommunales Integrationsmanagement`).
    pub name: String,
    /// Amount in cents for the whole period.
    pub amount_cents: i32,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// What it pays for.
    pub pays_for: String,
    /// Paid out so far, in cents.
    pub spent_cents: i64,
}

/// A position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionView {
    /// Id.
    pub id: Uuid,
    /// Title (never a person's name).
    pub title: String,
    /// Full-time equivalent in hundredths (`100` = one full-time position).
    pub fte_hundredths: i32,
    /// Permanent, or fixed-term until `ends_on`.
    pub permanent: bool,
    /// A fixed-term position's last day.
    pub ends_on: Option<NaiveDate>,
    /// The funding source that pays for it.
    pub funding_id: Option<Uuid>,
    /// Filled or vacant …
    pub filled: bool,
    /// … since this day.
    pub since: NaiveDate,
    /// Version (for concurrent edits).
    pub version: i32,
}

/// A yearly target and, for this year, how it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetView {
    /// The year.
    pub year: i32,
    /// What it counts.
    pub kind: TargetKind,
    /// The target.
    pub target: i32,
    /// This year's count so far (`None` for other years).
    pub actual: Option<i64>,
    /// Where the pro-rata path stands today.
    pub expected_by_now: i64,
    /// This year's count is below the pro-rata path.
    pub behind: bool,
}

/// A programme with its parts and figures.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeView {
    /// Id.
    pub id: Uuid,
    /// The organisation that runs it (a carrier, or the city's department).
    pub organisation: OrganisationId,
    /// Its name.
    pub organisation_name: String,
    /// Title.
    pub title: String,
    /// Contract period: first day …
    pub starts_on: NaiveDate,
    /// … and last (`None`: open-ended).
    pub ends_on: Option<NaiveDate>,
    /// Households per filled full-time position it should not exceed.
    pub caseload_limit: Option<i32>,
    /// Funding sources, by end date.
    pub funding: Vec<FundingView>,
    /// Positions, in the order added.
    pub positions: Vec<PositionView>,
    /// Targets, newest year first.
    pub targets: Vec<TargetView>,
    /// Open households assigned to the organisation.
    pub households: i64,
    /// Filled full-time equivalents, in hundredths.
    pub filled_fte_hundredths: i64,
    /// Vacant full-time equivalents, in hundredths.
    pub vacant_fte_hundredths: i64,
    /// Households per filled full-time position.
    pub caseload_per_fte: Option<f64>,
    /// Version.
    pub version: i32,
}

impl ProgrammeView {
    /// Whether the programme runs on `day`.
    #[must_use]
    pub fn runs_on(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && self.ends_on.is_none_or(|e| e >= day)
    }
}

/// A new programme.
#[derive(Clone, Debug)]
pub struct NewProgramme {
    /// The organisation of the city that runs it.
    pub organisation: OrganisationId,
    /// Title.
    pub title: Text,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day (`None`: open-ended).
    pub ends_on: Option<NaiveDate>,
    /// Households per filled full-time position, at most.
    pub caseload_limit: Option<i32>,
}

/// A new funding source.
#[derive(Clone, Debug)]
pub struct NewFunding {
    /// Kind.
    pub kind: FundingKind,
    /// Name.
    pub name: Text,
    /// Amount in cents.
    pub amount_cents: i32,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// What it pays for.
    pub pays_for: Text,
}

/// A new position.
#[derive(Clone, Debug)]
pub struct NewPosition {
    /// Title.
    pub title: Text,
    /// FTE in hundredths ([`crate::types::fte_hundredths`]).
    pub fte_hundredths: i32,
    /// Permanent (no end) or fixed-term (`ends_on` required).
    pub permanent: bool,
    /// A fixed-term position's last day.
    pub ends_on: Option<NaiveDate>,
    /// One of the programme's funding sources.
    pub funding_id: Option<Uuid>,
    /// Filled or vacant …
    pub filled: bool,
    /// … since this day.
    pub since: NaiveDate,
}

fn check_period(field: &'static str, from: NaiveDate, to: Option<NaiveDate>) -> Result<()> {
    if to.is_some_and(|t| t < from) {
        return Err(Error::bad_input(field, "must not lie before the first day"));
    }
    Ok(())
}

/// The programmes among `rows` with their parts and figures as of `today` (four
/// statements for the parts and names, four for the figures).
pub(crate) async fn views(
    tx: &TenantTx,
    rows: Vec<programme::Model>,
    today: NaiveDate,
) -> Result<Vec<ProgrammeView>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|p| p.id).collect();
    let sources = tx
        .find::<funding::Entity>()
        .filter(funding::Column::ProgrammeId.is_in(ids.clone()))
        .order_by_asc(funding::Column::EndsOn)
        .all(tx.conn())
        .await?;
    let mut spent: HashMap<Uuid, i64> = HashMap::new();
    for x in tx
        .find::<spending::Entity>()
        .filter(spending::Column::FundingId.is_in(sources.iter().map(|f| f.id)))
        .all(tx.conn())
        .await?
    {
        *spent.entry(x.funding_id).or_default() += i64::from(x.amount_cents);
    }
    let mut funding_of: HashMap<Uuid, Vec<FundingView>> = HashMap::new();
    for f in sources {
        funding_of
            .entry(f.programme_id)
            .or_default()
            .push(FundingView {
                id: f.id,
                kind: stored(&f.kind, FundingKind::from_code)?,
                name: f.name,
                amount_cents: f.amount_cents,
                starts_on: f.starts_on,
                ends_on: f.ends_on,
                pays_for: f.pays_for,
                spent_cents: spent.get(&f.id).copied().unwrap_or(0),
            });
    }
    let mut positions_of: HashMap<Uuid, Vec<PositionView>> = HashMap::new();
    for p in tx
        .find::<position::Entity>()
        .filter(position::Column::ProgrammeId.is_in(ids.clone()))
        .order_by_asc(position::Column::Id)
        .all(tx.conn())
        .await?
    {
        positions_of
            .entry(p.programme_id)
            .or_default()
            .push(PositionView {
                id: p.id,
                title: p.title,
                fte_hundredths: p.fte_hundredths,
                permanent: p.permanent,
                ends_on: p.ends_on,
                funding_id: p.funding_id,
                filled: p.filled,
                since: p.since,
                version: p.version,
            });
    }
    let mut targets_of: HashMap<Uuid, Vec<target::Model>> = HashMap::new();
    for t in tx
        .find::<target::Entity>()
        .filter(target::Column::ProgrammeId.is_in(ids))
        .order_by_desc(target::Column::Year)
        .order_by_asc(target::Column::Kind)
        .all(tx.conn())
        .await?
    {
        targets_of.entry(t.programme_id).or_default().push(t);
    }
    let orgs: Vec<OrganisationId> = rows
        .iter()
        .map(|p| OrganisationId::from_uuid(p.organisation_id))
        .collect();
    let names = directory::organisations(tx, &orgs).await?;
    let facts = Facts::load(tx, today).await?;
    let mut out = Vec::with_capacity(rows.len());
    for p in rows {
        let org = OrganisationId::from_uuid(p.organisation_id);
        let positions = positions_of.remove(&p.id).unwrap_or_default();
        let fte = |filled: bool| -> i64 {
            positions
                .iter()
                .filter(|x| x.filled == filled && x.ends_on.is_none_or(|e| e >= today))
                .map(|x| i64::from(x.fte_hundredths))
                .sum()
        };
        let (filled, vacant) = (fte(true), fte(false));
        let households = facts.households(org);
        let mut targets = Vec::new();
        for t in targets_of.remove(&p.id).unwrap_or_default() {
            let kind = stored(&t.kind, TargetKind::from_code)?;
            let expected = expected_by(t.target, t.year, today);
            let actual = (t.year == today.year()).then(|| facts.actual(org, kind));
            targets.push(TargetView {
                year: t.year,
                kind,
                target: t.target,
                actual,
                expected_by_now: expected,
                behind: actual.is_some_and(|a| a < expected),
            });
        }
        out.push(ProgrammeView {
            id: p.id,
            organisation: org,
            organisation_name: names.get(&org).map(|o| o.name.clone()).unwrap_or_default(),
            title: p.title,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            caseload_limit: p.caseload_limit,
            funding: funding_of.remove(&p.id).unwrap_or_default(),
            positions,
            targets,
            households,
            filled_fte_hundredths: filled,
            vacant_fte_hundredths: vacant,
            caseload_per_fte: caseload_per_fte(households, filled),
            version: p.version,
        });
    }
    Ok(out)
}

/// Keeps a position's staffing history (reports by period read it).
async fn record_change(
    tx: &TenantTx,
    position_id: Uuid,
    filled: bool,
    since: NaiveDate,
    by: Uuid,
) -> Result<()> {
    position_change::Entity::secure_insert(
        tx,
        position_change::ActiveModel {
            tenant_id: Set(Uuid::nil()),
            id: Set(Uuid::now_v7()),
            position_id: Set(position_id),
            filled: Set(filled),
            since: Set(since),
            recorded_by: Set(by),
            recorded_at: Set(Utc::now()),
        },
    )
    .await?;
    Ok(())
}

/// Programme `id` as `access` may see it, else `NOT_FOUND`.
async fn find(tx: &TenantTx, access: &Access, id: Uuid) -> Result<programme::Model> {
    let mut q = tx
        .find::<programme::Entity>()
        .filter(programme::Column::Id.eq(id));
    if let Some(c) = access.carrier {
        q = q.filter(programme::Column::OrganisationId.eq(c.uuid()));
    }
    q.one(tx.conn()).await?.ok_or(Error::NotFound {
        entity: "programme",
    })
}

impl Programmes {
    /// The city's programmes (a carrier: its own), by organisation and start, with
    /// their parts and figures. Ten statements.
    pub async fn programmes(&self, ctx: &Ctx) -> Result<Vec<ProgrammeView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<programme::Entity>()
            .order_by_asc(programme::Column::OrganisationId)
            .order_by_asc(programme::Column::StartsOn)
            .order_by_asc(programme::Column::Id);
        if let Some(c) = access.carrier {
            q = q.filter(programme::Column::OrganisationId.eq(c.uuid()));
        }
        let rows = q.all(tx.conn()).await?;
        let out = views(&tx, rows, Utc::now().date_naive()).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// One programme (a carrier: only its own; anything else is `NOT_FOUND`).
    pub async fn programme(&self, ctx: &Ctx, id: Uuid) -> Result<ProgrammeView> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let row = find(&tx, &access, id).await?;
        let out = views(&tx, vec![row], Utc::now().date_naive()).await?;
        tx.commit().await?;
        out.into_iter().next().ok_or(Error::NotFound {
            entity: "programme",
        })
    }

    /// Creates a programme for an organisation of the city (coordinators).
    pub async fn create_programme(&self, ctx: &Ctx, new: NewProgramme) -> Result<ProgrammeView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        check_period("input.endsOn", new.starts_on, new.ends_on)?;
        if new.caseload_limit.is_some_and(|l| !(1..=1000).contains(&l)) {
            return Err(Error::bad_input(
                "input.caseloadLimit",
                "must be 1–1000 households per full-time position",
            ));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        directory::organisation(&tx, new.organisation)
            .await?
            .ok_or(Error::NotFound {
                entity: "organisation",
            })?;
        let row = programme::Entity::secure_insert(
            &tx,
            programme::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                organisation_id: Set(new.organisation.uuid()),
                title: Set(new.title.as_str().to_owned()),
                starts_on: Set(new.starts_on),
                ends_on: Set(new.ends_on),
                caseload_limit: Set(new.caseload_limit),
                created_by: Set(access.user.uuid()),
                created_at: Set(Utc::now()),
                version: Set(1),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "programme",
                row.id,
                "create",
                &["organisation_id", "title", "period", "caseload_limit"],
            ),
        )
        .await?;
        self.finish(tx, row.id).await
    }

    /// Adds a funding source to a programme (coordinators).
    pub async fn add_funding(
        &self,
        ctx: &Ctx,
        programme_id: Uuid,
        new: NewFunding,
    ) -> Result<ProgrammeView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        check_period("input.endsOn", new.starts_on, Some(new.ends_on))?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let p = find(&tx, &access, programme_id).await?;
        let row = funding::Entity::secure_insert(
            &tx,
            funding::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                programme_id: Set(p.id),
                kind: Set(new.kind.code().to_owned()),
                name: Set(new.name.as_str().to_owned()),
                amount_cents: Set(new.amount_cents),
                starts_on: Set(new.starts_on),
                ends_on: Set(new.ends_on),
                pays_for: Set(new.pays_for.as_str().to_owned()),
                created_by: Set(access.user.uuid()),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "programme_funding",
                row.id,
                "create",
                &["kind", "name", "amount", "period", "pays_for"],
            ),
        )
        .await?;
        self.finish(tx, p.id).await
    }

    /// Adds a position to a programme (coordinators): a fixed-term one needs its last
    /// day, a permanent one has none; its funding must be one of the programme's.
    pub async fn add_position(
        &self,
        ctx: &Ctx,
        programme_id: Uuid,
        new: NewPosition,
    ) -> Result<ProgrammeView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        match (new.permanent, new.ends_on) {
            (true, Some(_)) => {
                return Err(Error::bad_input(
                    "input.endsOn",
                    "a permanent position has no last day",
                ));
            }
            (false, None) => {
                return Err(Error::bad_input(
                    "input.endsOn",
                    "a fixed-term position needs its last day",
                ));
            }
            _ => {}
        }
        let today = Utc::now().date_naive();
        date_in_range("input.since", new.since, today, 1)?;
        if let Some(end) = new.ends_on {
            date_in_range("input.endsOn", end, today, 20)?;
            if end < new.since {
                return Err(Error::bad_input(
                    "input.endsOn",
                    "must not lie before the day the position is filled or vacant since",
                ));
            }
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let p = find(&tx, &access, programme_id).await?;
        if let Some(f) = new.funding_id {
            tx.find::<funding::Entity>()
                .filter(funding::Column::Id.eq(f))
                .filter(funding::Column::ProgrammeId.eq(p.id))
                .one(tx.conn())
                .await?
                .ok_or_else(|| {
                    Error::bad_input(
                        "input.fundingId",
                        "is not a funding source of this programme",
                    )
                })?;
        }
        let row = position::Entity::secure_insert(
            &tx,
            position::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                programme_id: Set(p.id),
                title: Set(new.title.as_str().to_owned()),
                fte_hundredths: Set(new.fte_hundredths),
                permanent: Set(new.permanent),
                ends_on: Set(new.ends_on),
                funding_id: Set(new.funding_id),
                filled: Set(new.filled),
                since: Set(new.since),
                created_by: Set(access.user.uuid()),
                created_at: Set(Utc::now()),
                version: Set(1),
            },
        )
        .await?;
        record_change(&tx, row.id, new.filled, new.since, access.user.uuid()).await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "programme_position",
                row.id,
                "create",
                &[
                    "title",
                    "fte",
                    "permanent",
                    "ends_on",
                    "funding_id",
                    "filled",
                ],
            ),
        )
        .await?;
        self.finish(tx, p.id).await
    }

    /// Books what a funding source paid out on a day (coordinators): within the
    /// source's term, and never more in all than its amount.
    pub async fn record_spending(
        &self,
        ctx: &Ctx,
        funding_id: Uuid,
        amount_cents: i32,
        spent_on: NaiveDate,
        note: Text,
    ) -> Result<ProgrammeView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        if amount_cents <= 0 {
            return Err(Error::bad_input("amount", "must be more than 0"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let f = tx
            .find::<funding::Entity>()
            .filter(funding::Column::Id.eq(funding_id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "funding source",
            })?;
        if spent_on < f.starts_on || spent_on > f.ends_on {
            return Err(Error::bad_input(
                "spentOn",
                "must lie within the funding source's term",
            ));
        }
        let so_far: i64 = tx
            .find::<spending::Entity>()
            .filter(spending::Column::FundingId.eq(f.id))
            .all(tx.conn())
            .await?
            .iter()
            .map(|x| i64::from(x.amount_cents))
            .sum();
        if so_far + i64::from(amount_cents) > i64::from(f.amount_cents) {
            return Err(Error::bad_input(
                "amount",
                "would exceed the funding source's amount",
            ));
        }
        let row = spending::Entity::secure_insert(
            &tx,
            spending::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                funding_id: Set(f.id),
                spent_on: Set(spent_on),
                amount_cents: Set(amount_cents),
                note: Set(note.as_str().to_owned()),
                recorded_by: Set(access.user.uuid()),
                recorded_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "programme_spending",
                row.id,
                "create",
                &["amount", "spent_on", "note"],
            ),
        )
        .await?;
        self.finish(tx, f.programme_id).await
    }

    /// Records a position as filled or vacant since `since` (coordinators); `version`
    /// guards concurrent edits.
    pub async fn set_position_filled(
        &self,
        ctx: &Ctx,
        position_id: Uuid,
        version: i32,
        filled: bool,
        since: NaiveDate,
    ) -> Result<ProgrammeView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        date_in_range("since", since, Utc::now().date_naive(), 1)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let pos = tx
            .find::<position::Entity>()
            .filter(position::Column::Id.eq(position_id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "position" })?;
        if since < pos.since {
            return Err(Error::bad_input(
                "since",
                "must not lie before the position's last change",
            ));
        }
        let done = position::Entity::secure_update_many(&tx)
            .col_expr(position::Column::Filled, Expr::value(filled))
            .col_expr(position::Column::Since, Expr::value(since))
            .col_expr(
                position::Column::Version,
                Expr::col(position::Column::Version).add(1),
            )
            .filter(position::Column::Id.eq(pos.id))
            .filter(position::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if done.rows_affected != 1 {
            return Err(Error::stale("position"));
        }
        record_change(&tx, pos.id, filled, since, access.user.uuid()).await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "programme_position",
                pos.id,
                if filled { "fill" } else { "vacate" },
                &["filled", "since"],
            ),
        )
        .await?;
        self.finish(tx, pos.programme_id).await
    }

    /// Sets a programme's target of `kind` for `year` (coordinators); setting it again
    /// replaces it.
    pub async fn set_target(
        &self,
        ctx: &Ctx,
        programme_id: Uuid,
        year: i32,
        kind: TargetKind,
        value: i32,
    ) -> Result<ProgrammeView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        if !(2000..=2100).contains(&year) {
            return Err(Error::bad_input("year", "must be a year from 2000 to 2100"));
        }
        if !(0..=100_000).contains(&value) {
            return Err(Error::bad_input("target", "must be 0–100000"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let p = find(&tx, &access, programme_id).await?;
        let existing = tx
            .find::<target::Entity>()
            .filter(target::Column::ProgrammeId.eq(p.id))
            .filter(target::Column::Year.eq(year))
            .filter(target::Column::Kind.eq(kind.code()))
            .one(tx.conn())
            .await?;
        let id = if let Some(t) = existing {
            target::Entity::secure_update_many(&tx)
                .col_expr(target::Column::Target, Expr::value(value))
                .col_expr(target::Column::SetBy, Expr::value(access.user.uuid()))
                .col_expr(target::Column::SetAt, Expr::value(Utc::now()))
                .filter(target::Column::Id.eq(t.id))
                .exec(tx.conn())
                .await?;
            t.id
        } else {
            target::Entity::secure_insert(
                &tx,
                target::ActiveModel {
                    tenant_id: Set(Uuid::nil()),
                    id: Set(Uuid::now_v7()),
                    programme_id: Set(p.id),
                    year: Set(year),
                    kind: Set(kind.code().to_owned()),
                    target: Set(value),
                    set_by: Set(access.user.uuid()),
                    set_at: Set(Utc::now()),
                },
            )
            .await?
            .id
        };
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("programme_target", id, "set", &["year", "kind", "target"]),
        )
        .await?;
        self.finish(tx, p.id).await
    }

    async fn finish(&self, tx: TenantTx, id: Uuid) -> Result<ProgrammeView> {
        let row = tx
            .find::<programme::Entity>()
            .filter(programme::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "programme",
            })?;
        let out = views(&tx, vec![row], Utc::now().date_naive()).await?;
        tx.commit().await?;
        out.into_iter().next().ok_or(Error::NotFound {
            entity: "programme",
        })
    }
}

//! The shared catalogue: versioned course templates that every city reads.
//!
//! A published version never changes: publishing a template whose key exists makes
//! the next version, and a city's runs keep the version they were scheduled with
//! ([`crate::courses`]). Operators publish; a city coordinator may submit the city's
//! own course, which only that city and the operators see until an operator
//! publishes it (it becomes a version of the catalogue like any other) or rejects it
//! with a note.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder};
use uuid::Uuid;
use wohnweg_casework::types::Text;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::ReferenceTable;
use wohnweg_kernel::{Ctx, Error, Result};

use crate::Learning;
use crate::access::{Access, require_operator};
use crate::entity::{course_template, local_module, template_module};
use crate::rule::{CompletionRule, ModuleRef};
use crate::types::{Language, RuleKind, TemplateStatus, stored};

/// A module of a template (or, in a city's course, a local module: key `local:<n>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleView {
    /// Key, unique in its course.
    pub key: String,
    /// German title.
    pub title_de: String,
    /// English title.
    pub title_en: String,
    /// Learning goals (German).
    pub goals_de: String,
    /// Duration in minutes.
    pub minutes: i32,
    /// Mandatory for the "all mandatory modules" rule.
    pub mandatory: bool,
    /// A city's own module.
    pub local: bool,
}

/// One version of a catalogue template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateView {
    /// Id (of this version).
    pub id: Uuid,
    /// Key shared by all versions (`mietfuehrerschein`).
    pub key: String,
    /// Version, from 1.
    pub version: i32,
    /// German title.
    pub title_de: String,
    /// English title.
    pub title_en: String,
    /// Summary (German).
    pub summary_de: String,
    /// Languages the material is offered in.
    pub languages: Vec<String>,
    /// The completion rule.
    pub rule: CompletionRule,
    /// Published, submitted or rejected.
    pub status: TemplateStatus,
    /// Submitted by the caller's own city.
    pub own_submission: bool,
    /// The operator's note on a review.
    pub review_note: Option<String>,
    /// The city that submitted it — filled on the operator path only.
    pub submitted_by_city: Option<String>,
    /// Modules in order.
    pub modules: Vec<ModuleView>,
}

impl TemplateView {
    /// The modules as the completion rule sees them.
    #[must_use]
    pub fn module_refs(&self) -> Vec<ModuleRef> {
        self.modules
            .iter()
            .map(|m| ModuleRef {
                key: m.key.clone(),
                mandatory: m.mandatory,
            })
            .collect()
    }
}

/// A module to publish.
#[derive(Clone, Debug)]
pub struct NewModule {
    /// Key (`heating_airing`): lower case letters, digits, `_`.
    pub key: String,
    /// German title.
    pub title_de: Text,
    /// English title.
    pub title_en: Text,
    /// Learning goals (German).
    pub goals_de: Text,
    /// Minutes (15–600).
    pub minutes: i32,
    /// Mandatory.
    pub mandatory: bool,
}

/// A template to publish (a new key, or the next version of one).
#[derive(Clone, Debug)]
pub struct NewTemplate {
    /// Key (`mietfuehrerschein`).
    pub key: String,
    /// German title.
    pub title_de: Text,
    /// English title.
    pub title_en: Text,
    /// Summary (German).
    pub summary_de: Text,
    /// Languages offered (at least one).
    pub languages: Vec<Language>,
    /// The completion rule.
    pub rule: CompletionRule,
    /// Modules (1–30).
    pub modules: Vec<NewModule>,
}

/// Parses a catalogue key: 2–60 of `a-z 0-9 _ -`, starting with a letter.
///
/// # Errors
/// `BAD_USER_INPUT` on `field`.
pub fn parse_key(field: impl Into<Cow<'static, str>>, raw: &str) -> Result<String> {
    let k = raw.trim();
    let ok = (2..=60).contains(&k.len())
        && k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-'));
    if ok {
        Ok(k.to_owned())
    } else {
        Err(Error::bad_input(
            field,
            "2 to 60 lower-case letters, digits, _ or -, starting with a letter",
        ))
    }
}

fn check_rule(rule: &CompletionRule, modules: usize) -> Result<()> {
    if rule.min_attendance_percent > 100 {
        return Err(Error::bad_input(
            "input.minAttendancePercent",
            "must be between 0 and 100",
        ));
    }
    if rule.kind == RuleKind::NOfM && (rule.min_modules == 0 || rule.min_modules as usize > modules)
    {
        return Err(Error::bad_input(
            "input.minModules",
            "must be between 1 and the number of modules",
        ));
    }
    Ok(())
}

impl NewTemplate {
    fn check(&self) -> Result<()> {
        if self.modules.is_empty() || self.modules.len() > 30 {
            return Err(Error::bad_input("input.modules", "name 1 to 30 modules"));
        }
        if self.languages.is_empty() {
            return Err(Error::bad_input(
                "input.languages",
                "name at least one language",
            ));
        }
        let mut keys = std::collections::HashSet::new();
        for (i, m) in self.modules.iter().enumerate() {
            if !keys.insert(m.key.as_str()) {
                return Err(Error::bad_input(
                    format!("input.modules.{i}.key"),
                    "is used twice",
                ));
            }
            if !(15..=600).contains(&m.minutes) {
                return Err(Error::bad_input(
                    format!("input.modules.{i}.minutes"),
                    "must be between 15 and 600",
                ));
            }
        }
        if self.rule.kind == RuleKind::AllMandatory && !self.modules.iter().any(|m| m.mandatory) {
            return Err(Error::bad_input(
                "input.modules",
                "the rule \"all mandatory modules\" needs at least one mandatory module",
            ));
        }
        check_rule(&self.rule, self.modules.len())
    }
}

pub(crate) fn rule_of(t: &course_template::Model) -> Result<CompletionRule> {
    Ok(CompletionRule {
        kind: stored(&t.rule_kind, RuleKind::from_code)?,
        min_modules: u32::try_from(t.rule_min_modules.unwrap_or(0)).unwrap_or(0),
        min_attendance_percent: u32::try_from(t.min_attendance_percent).unwrap_or(100),
    })
}

fn view(
    t: &course_template::Model,
    modules: Vec<ModuleView>,
    tenant: Option<Uuid>,
) -> Result<TemplateView> {
    Ok(TemplateView {
        id: t.id,
        key: t.key.clone(),
        version: t.version,
        title_de: t.title_de.clone(),
        title_en: t.title_en.clone(),
        summary_de: t.summary_de.clone(),
        languages: t
            .languages
            .split(',')
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        rule: rule_of(t)?,
        status: stored(&t.status, TemplateStatus::from_code)?,
        own_submission: tenant.is_some() && t.submitted_by == tenant,
        review_note: t.review_note.clone(),
        submitted_by_city: None,
        modules,
    })
}

fn module_view(m: &template_module::Model) -> ModuleView {
    ModuleView {
        key: m.key.clone(),
        title_de: m.title_de.clone(),
        title_en: m.title_en.clone(),
        goals_de: m.goals_de.clone(),
        minutes: m.minutes,
        mandatory: m.mandatory,
        local: false,
    }
}

/// The templates among `ids` with their modules (two statements), for any
/// connection (a tenant transaction sees what its RLS policy lets it see).
pub(crate) async fn templates<C: ConnectionTrait>(
    conn: &C,
    ids: &[Uuid],
    tenant: Option<Uuid>,
) -> Result<HashMap<Uuid, TemplateView>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = course_template::Entity::global_find()
        .filter(course_template::Column::Id.is_in(ids.iter().copied()))
        .all(conn)
        .await?;
    let mut modules = modules_of(conn, ids).await?;
    rows.iter()
        .map(|t| {
            Ok((
                t.id,
                view(t, modules.remove(&t.id).unwrap_or_default(), tenant)?,
            ))
        })
        .collect()
}

async fn modules_of<C: ConnectionTrait>(
    conn: &C,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<ModuleView>>> {
    let mut out: HashMap<Uuid, Vec<ModuleView>> = HashMap::new();
    for m in template_module::Entity::global_find()
        .filter(template_module::Column::TemplateId.is_in(ids.iter().copied()))
        .order_by_asc(template_module::Column::Position)
        .all(conn)
        .await?
    {
        out.entry(m.template_id).or_default().push(module_view(&m));
    }
    Ok(out)
}

/// A city's local modules as modules of its course (`local:<position>`).
pub(crate) fn local_view(m: &local_module::Model) -> ModuleView {
    ModuleView {
        key: format!("local:{}", m.position),
        title_de: m.title.clone(),
        title_en: m.title.clone(),
        goals_de: m.goals.clone(),
        minutes: m.minutes,
        mandatory: m.mandatory,
        local: true,
    }
}

async fn insert_template<C: ConnectionTrait>(
    conn: &C,
    new: &NewTemplate,
    version: i32,
    status: TemplateStatus,
    submitted_by: Option<Uuid>,
) -> Result<course_template::Model> {
    let now = Utc::now();
    let row = course_template::Entity::global_insert(
        conn,
        course_template::ActiveModel {
            id: Set(Uuid::now_v7()),
            key: Set(new.key.clone()),
            version: Set(version),
            title_de: Set(new.title_de.as_str().to_owned()),
            title_en: Set(new.title_en.as_str().to_owned()),
            summary_de: Set(new.summary_de.as_str().to_owned()),
            languages: Set(new
                .languages
                .iter()
                .map(Language::as_str)
                .collect::<Vec<_>>()
                .join(",")),
            rule_kind: Set(new.rule.kind.code().to_owned()),
            rule_min_modules: Set((new.rule.kind == RuleKind::NOfM)
                .then(|| i32::try_from(new.rule.min_modules).unwrap_or(i32::MAX))),
            min_attendance_percent: Set(
                i32::try_from(new.rule.min_attendance_percent).unwrap_or(100)
            ),
            status: Set(status.code().to_owned()),
            submitted_by: Set(submitted_by),
            review_note: Set(None),
            published_at: Set((status == TemplateStatus::Published).then_some(now)),
            created_at: Set(now),
        },
    )
    .await?;
    for (i, m) in new.modules.iter().enumerate() {
        template_module::Entity::global_insert(
            conn,
            template_module::ActiveModel {
                template_id: Set(row.id),
                position: Set(i32::try_from(i).unwrap_or(i32::MAX) + 1),
                key: Set(m.key.clone()),
                title_de: Set(m.title_de.as_str().to_owned()),
                title_en: Set(m.title_en.as_str().to_owned()),
                goals_de: Set(m.goals_de.as_str().to_owned()),
                minutes: Set(m.minutes),
                mandatory: Set(m.mandatory),
            },
        )
        .await?;
    }
    Ok(row)
}

async fn next_version<C: ConnectionTrait>(conn: &C, key: &str) -> Result<i32> {
    Ok(course_template::Entity::global_find()
        .filter(course_template::Column::Key.eq(key))
        .order_by_desc(course_template::Column::Version)
        .one(conn)
        .await?
        .map_or(1, |t| t.version + 1))
}

/// Publishes `new` on the operator path (a transaction without a tenant).
pub(crate) async fn publish<C: ConnectionTrait>(
    conn: &C,
    new: &NewTemplate,
) -> Result<course_template::Model> {
    new.check()?;
    let version = next_version(conn, &new.key).await?;
    insert_template(conn, new, version, TemplateStatus::Published, None).await
}

impl Learning {
    /// The catalogue: every published version, newest first per key, with modules;
    /// a city also sees its own submissions, an operator every submission. Three
    /// statements.
    pub async fn catalogue(&self, ctx: &Ctx) -> Result<Vec<TemplateView>> {
        if require_operator(ctx).is_ok() {
            let tx = self.db.begin_global().await?;
            let rows = course_template::Entity::global_find()
                .order_by_asc(course_template::Column::Key)
                .order_by_desc(course_template::Column::Version)
                .all(&tx)
                .await?;
            let submitters: Vec<Option<Uuid>> = rows.iter().map(|t| t.submitted_by).collect();
            let cities: Vec<Uuid> = submitters.iter().flatten().copied().collect();
            let names = wohnweg_identity::directory::city_names(&tx, &cities).await?;
            let mut views = list(&tx, rows, None).await?;
            for (v, id) in views.iter_mut().zip(submitters) {
                v.submitted_by_city = id.and_then(|c| names.get(&c).cloned());
            }
            return Ok(views);
        }
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let tenant = access.tenant.uuid();
        let rows = course_template::Entity::global_find()
            .filter(
                sea_orm::Condition::any()
                    .add(course_template::Column::Status.eq(TemplateStatus::Published.code()))
                    .add(course_template::Column::SubmittedBy.eq(tenant)),
            )
            .order_by_asc(course_template::Column::Key)
            .order_by_desc(course_template::Column::Version)
            .all(tx.conn())
            .await?;
        list(tx.conn(), rows, Some(tenant)).await
    }

    /// Publishes a template (platform operators): a new key is version 1, a known key
    /// its next version; versions already adopted stay as they are.
    pub async fn publish_template(&self, ctx: &Ctx, new: NewTemplate) -> Result<TemplateView> {
        require_operator(ctx)?;
        let tx = self.db.begin_global().await?;
        let row = publish(&tx, &new).await?;
        audit::append_platform(
            &tx,
            ctx,
            &AuditEntry::new(
                "course_template",
                row.id,
                "publish",
                &["key", "version", "modules"],
            ),
        )
        .await?;
        let view = templates(&tx, &[row.id], None).await?.remove(&row.id);
        tx.commit().await?;
        view.ok_or(Error::NotFound {
            entity: "course template",
        })
    }

    /// Submits the city's course — its catalogue version with the local modules added
    /// — to the catalogue under `key` (city coordinators). Only the city and the
    /// operators see it until an operator reviews it.
    pub async fn submit_course(
        &self,
        ctx: &Ctx,
        course_id: Uuid,
        key: String,
        summary_de: Text,
    ) -> Result<TemplateView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let course = crate::courses::find_course(&tx, course_id).await?;
        let base = crate::courses::course_template(&tx, &course).await?;
        let locals = crate::courses::local_modules(&tx, &[course.id]).await?;
        let stored_text = |t: &str, max: usize| Text::parse("input", t, max, true);
        let mut modules = Vec::new();
        let local = locals.get(&course.id).into_iter().flatten();
        for m in base.modules.iter().chain(local) {
            let key = if m.local {
                format!(
                    "{}_{}",
                    key.replace('-', "_"),
                    m.key.trim_start_matches("local:")
                )
            } else {
                m.key.clone()
            };
            modules.push(NewModule {
                key,
                title_de: stored_text(&m.title_de, 200)?,
                title_en: stored_text(&m.title_en, 200)?,
                goals_de: stored_text(&m.goals_de, 4000)?,
                minutes: m.minutes,
                mandatory: m.mandatory,
            });
        }
        let new = NewTemplate {
            key,
            title_de: stored_text(&course.title, 200)?,
            title_en: stored_text(&base.title_en, 200)?,
            summary_de,
            languages: base
                .languages
                .iter()
                .filter_map(|l| Language::parse("languages", l).ok())
                .collect(),
            rule: base.rule,
            modules,
        };
        new.check()?;
        let version = next_version(tx.conn(), &new.key).await?;
        let row = insert_template(
            tx.conn(),
            &new,
            version,
            TemplateStatus::Submitted,
            Some(access.tenant.uuid()),
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("course", course.id, "submit_to_catalogue", &["key"]),
        )
        .await?;
        let view = templates(tx.conn(), &[row.id], Some(access.tenant.uuid()))
            .await?
            .remove(&row.id);
        tx.commit().await?;
        view.ok_or(Error::NotFound {
            entity: "course template",
        })
    }

    /// Reviews a city's submission (platform operators): publish it, or reject it with
    /// a note.
    pub async fn review_submission(
        &self,
        ctx: &Ctx,
        id: Uuid,
        publish: bool,
        note: Option<Text>,
    ) -> Result<TemplateView> {
        require_operator(ctx)?;
        let tx = self.db.begin_global().await?;
        let status = if publish {
            TemplateStatus::Published
        } else {
            TemplateStatus::Rejected
        };
        let done = course_template::Entity::global_update_many()
            .col_expr(course_template::Column::Status, Expr::value(status.code()))
            .col_expr(
                course_template::Column::ReviewNote,
                Expr::value(note.map(Text::into_string)),
            )
            .col_expr(
                course_template::Column::PublishedAt,
                Expr::value(publish.then(Utc::now)),
            )
            .filter(course_template::Column::Id.eq(id))
            .filter(course_template::Column::Status.eq(TemplateStatus::Submitted.code()))
            .exec(&tx)
            .await?;
        if done.rows_affected != 1 {
            return Err(Error::NotFound {
                entity: "submission",
            });
        }
        audit::append_platform(
            &tx,
            ctx,
            &AuditEntry::new(
                "course_template",
                id,
                if publish { "publish" } else { "reject" },
                &["status", "review_note"],
            ),
        )
        .await?;
        let view = templates(&tx, &[id], None).await?.remove(&id);
        tx.commit().await?;
        view.ok_or(Error::NotFound {
            entity: "course template",
        })
    }
}

async fn list<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<course_template::Model>,
    tenant: Option<Uuid>,
) -> Result<Vec<TemplateView>> {
    let ids: Vec<Uuid> = rows.iter().map(|t| t.id).collect();
    let mut modules = if ids.is_empty() {
        HashMap::new()
    } else {
        modules_of(conn, &ids).await?
    };
    rows.iter()
        .map(|t| view(t, modules.remove(&t.id).unwrap_or_default(), tenant))
        .collect()
}

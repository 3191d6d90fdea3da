//! GraphQL surface of the tenant audit log: reading it and verifying its hash chain
//! (city admins only, through the tenant-administration handle).

use async_graphql::connection::Connection;
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use wohnweg_kernel::Error;
use wohnweg_kernel::audit::AuditFilter;
use wohnweg_kernel::page::PageRequest;

use super::{Counted, connection, counted, identity, parse_id, request_ctx};
use crate::error::GqlResultExt;

/// One audit entry: who did what to which record, never with values.
#[derive(SimpleObject)]
pub struct AuditEntry {
    /// Position in the city's chain, from 1.
    pub seq: i64,
    /// Id.
    pub id: ID,
    /// When.
    pub at: DateTime<Utc>,
    /// Acting user.
    pub actor_user_id: ID,
    /// Their organisation.
    pub actor_organisation_id: Option<ID>,
    /// Kind of record, e.g. `user`.
    pub entity: String,
    /// The record's id.
    pub entity_id: ID,
    /// What was done, e.g. `invite`.
    pub action: String,
    /// Names of the fields written.
    pub fields: Vec<String>,
    /// Why, where the operation asks.
    pub purpose: Option<String>,
}

/// The result of checking the chain.
#[derive(SimpleObject)]
pub struct AuditChainReport {
    /// Whether every link holds.
    pub intact: bool,
    /// Entries checked before the first broken link (all of them when intact).
    pub entries: i64,
    /// Sequence number of the first entry that does not fit.
    pub first_broken_seq: Option<i64>,
    /// Its id (null when the tail of the chain is missing).
    pub first_broken_entry_id: Option<ID>,
}

/// Audit queries.
#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The city's audit log, newest first (city admins), optionally filtered.
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        entity: Option<String>,
        entity_id: Option<ID>,
        user_id: Option<ID>,
    ) -> async_graphql::Result<Connection<String, AuditEntry, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.tenant_admin(&rctx).gql()?;
        let page = PageRequest::parse(first, None)
            .gql()?
            .counting(counted(ctx));
        let before = after
            .as_deref()
            .map(|c| {
                c.parse::<i64>()
                    .map_err(|_| Error::bad_input("after", "is not a valid cursor"))
            })
            .transpose()
            .gql()?;
        let filter = AuditFilter {
            entity,
            entity_id: entity_id
                .as_ref()
                .map(|id| parse_id::<uuid::Uuid>("entityId", id))
                .transpose()
                .gql()?,
            actor: user_id
                .as_ref()
                .map(|id| parse_id::<uuid::Uuid>("userId", id))
                .transpose()
                .gql()?,
        };
        let page = admin.audit_log(&filter, page, before).await.gql()?;
        Ok(connection(
            page,
            before.is_some(),
            |e| e.seq.to_string(),
            |e| AuditEntry {
                seq: e.seq,
                id: ID(e.id.to_string()),
                at: e.at,
                actor_user_id: ID(e.actor_user.to_string()),
                actor_organisation_id: e.actor_organisation.map(|o| ID(o.to_string())),
                entity: e.entity,
                entity_id: ID(e.entity_id.to_string()),
                action: e.action,
                fields: e
                    .fields
                    .split(',')
                    .filter(|f| !f.is_empty())
                    .map(str::to_owned)
                    .collect(),
                purpose: e.purpose,
            },
        ))
    }

    /// Checks the city's audit hash chain and names the first broken link (city
    /// admins).
    async fn verify_audit_chain(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<AuditChainReport> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.tenant_admin(&rctx).gql()?;
        let report = admin.verify_audit_chain().await.gql()?;
        Ok(AuditChainReport {
            intact: report.first_broken.is_none(),
            entries: i64::try_from(report.entries).unwrap_or(i64::MAX),
            first_broken_seq: report.first_broken.map(|(seq, _)| seq),
            first_broken_entry_id: report
                .first_broken
                .and_then(|(_, id)| id)
                .map(|id| ID(id.to_string())),
        })
    }
}

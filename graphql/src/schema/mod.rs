//! The GraphQL schema: one `MergedObject` per root, composed from one module per
//! service. Resolvers only parse arguments, call a service and map the result.

pub mod admin;
pub mod audit;
pub mod caseload;
pub mod casework;
pub mod coaching;
mod coercion;
mod extensions;
pub use extensions::execute;
pub mod guarantees;
pub mod housing;
pub mod identity;
pub mod insights;
pub mod learning;
pub mod matching;
pub mod moves;
pub mod node;
pub mod programmes;
pub mod scalars;
pub mod scheduled;

use async_graphql::{Context, EmptySubscription, MergedObject, Schema};
use wohnweg_identity::Identity;
use wohnweg_kernel::Ctx;

use crate::auth::RequestAuth;
use crate::config::{Config, Environment};
use crate::error::GqlResultExt;

/// The query root.
#[derive(MergedObject, Default)]
pub struct Query(
    identity::IdentityQuery,
    node::NodeQuery,
    admin::AdminQuery,
    audit::AuditQuery,
    casework::CaseworkQuery,
    caseload::CaseloadQuery,
    housing::HousingQuery,
    matching::MatchingQuery,
    matching::MatchQuery,
    guarantees::GuaranteeQuery,
    moves::SegregationQuery,
    moves::MovesQuery,
    scheduled::ScheduledQuery,
    learning::LearningQuery,
    programmes::ProgrammesQuery,
    programmes::ReportQuery,
    insights::InsightsQuery,
);

/// The mutation root.
#[derive(MergedObject, Default)]
pub struct Mutation(
    identity::IdentityMutation,
    admin::AdminMutation,
    casework::CaseworkMutation,
    caseload::CaseloadMutation,
    coaching::CoachingMutation,
    housing::HousingMutation,
    matching::MatchMutation,
    guarantees::GuaranteeMutation,
    moves::SegregationMutation,
    moves::MovesMutation,
    scheduled::ScheduledMutation,
    learning::LearningMutation,
    programmes::ProgrammesMutation,
    programmes::ReportMutation,
    insights::InsightsMutation,
);

/// The schema type.
pub type WohnwegSchema = Schema<Query, Mutation, EmptySubscription>;

/// The services resolvers call, shared by every request.
#[derive(Clone, Debug)]
pub struct Services {
    /// Identity.
    pub identity: Identity,
    /// Casework.
    pub casework: wohnweg_casework::Casework,
    /// Housing.
    pub housing: wohnweg_housing::Housing,
    /// Courses and certificates.
    pub learning: wohnweg_learning::Learning,
    /// Carrier programmes: funding, positions, targets.
    pub programmes: wohnweg_programmes::Programmes,
    /// Cross-city measures under disclosure control.
    pub insights: wohnweg_insights::Insights,
}

impl Services {
    /// Every service on `db`, wired together: housing's and learning's parts of a
    /// household's record join casework's exports, erasures and transitions.
    #[must_use]
    pub fn new(
        identity: Identity,
        db: &wohnweg_kernel::Db,
        learning: wohnweg_learning::Learning,
    ) -> Self {
        Self {
            identity,
            casework: casework_service(db),
            housing: wohnweg_housing::Housing::new(db.clone()),
            learning,
            programmes: wohnweg_programmes::Programmes::new(db.clone()),
            insights: wohnweg_insights::Insights::new(
                db.clone(),
                wohnweg_insights::disclosure::MIN_THRESHOLD,
            ),
        }
    }
}

/// Casework with every other service's part of a household registered — the one way
/// the gateway, the seed and the jobs construct it.
#[must_use]
pub fn casework_service(db: &wohnweg_kernel::Db) -> wohnweg_casework::Casework {
    wohnweg_casework::Casework::new(db.clone())
        .with_part(std::sync::Arc::new(wohnweg_housing::HousingPart))
        .with_part(std::sync::Arc::new(wohnweg_learning::LearningPart))
}

/// The depth limit of a document that only introspects (`__schema`, `__type`,
/// `__typename` at its root). graphql-js's `getIntrospectionQuery()`, which GraphiQL,
/// Apollo and graphql-codegen send, nests `ofType` nine levels under
/// `__schema { types { fields { args { type … } } } }`: 15 deep, past the limit for
/// data. Introspection reads the schema's registry, never the database, so the deeper
/// limit costs nothing a client could multiply.
pub const INTROSPECTION_DEPTH: usize = 24;

/// The schema a request runs on: the one with the configured limits, and where
/// introspection is on (outside production), the same schema with the
/// [`INTROSPECTION_DEPTH`] limit for documents that only introspect.
#[derive(Clone)]
pub struct Schemas {
    /// Every request that reads or writes data.
    pub main: WohnwegSchema,
    /// Introspection-only documents; `None` where introspection is off.
    pub introspection: Option<WohnwegSchema>,
}

fn schema_with(services: Services, config: &Config, max_depth: usize) -> WohnwegSchema {
    let limits = &config.limits;
    let mut builder = Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .data(services)
        .limit_depth(max_depth)
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(max_depth.saturating_mul(2).max(16))
        .limit_directives(16);
    if config.env == Environment::Production {
        builder = builder.disable_introspection().disable_suggestions();
    }
    builder.finish()
}

/// Builds the schemas with the configured limits.
pub fn build(services: Services, config: &Config) -> Schemas {
    let introspection = (config.env != Environment::Production).then(|| {
        schema_with(
            services.clone(),
            config,
            INTROSPECTION_DEPTH.max(config.limits.max_depth),
        )
    });
    Schemas {
        main: schema_with(services, config, config.limits.max_depth),
        introspection,
    }
}

/// The SDL of the schema (for `wohnweg schema`).
#[must_use]
pub fn sdl() -> String {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .finish()
        .sdl()
}

/// The request context of the signed-in principal, or `UNAUTHENTICATED`.
pub(crate) async fn request_ctx(ctx: &Context<'_>) -> async_graphql::Result<Ctx> {
    let services = ctx.data::<Services>()?;
    match ctx.data_opt::<std::sync::Arc<RequestAuth>>() {
        Some(auth) => auth.ctx(&services.identity).await.gql(),
        None => Err(wohnweg_kernel::Error::Unauthenticated).gql(),
    }
}

/// Parses an id argument into a typed id, or `BAD_USER_INPUT` naming the field.
pub(crate) fn parse_id<T: std::str::FromStr>(
    field: &'static str,
    id: &async_graphql::ID,
) -> Result<T, wohnweg_kernel::Error> {
    id.parse::<T>()
        .map_err(|_| wohnweg_kernel::Error::bad_input(field, "is not a valid id"))
}

/// Parses an id argument into a UUID, or `BAD_USER_INPUT` naming the field.
pub(crate) fn uuid(
    field: &'static str,
    id: &async_graphql::ID,
) -> Result<uuid::Uuid, wohnweg_kernel::Error> {
    parse_id::<uuid::Uuid>(field, id)
}

/// A GraphQL enum mirroring a service's coded enum (`remote`), with optional
/// explicit value names.
macro_rules! gql_enum {
    ($(#[$m:meta])* $name:ident => $remote:literal, $gname:literal { $($variant:ident $(= $vname:literal)?),+ $(,)? }) => {
        $(#[$m])*
        #[derive(async_graphql::Enum, Copy, Clone, Eq, PartialEq, Debug)]
        #[graphql(remote = $remote, name = $gname)]
        pub enum $name { $(#[allow(missing_docs)] $(#[graphql(name = $vname)])? $variant),+ }
    };
}
pub(crate) use gql_enum;

/// The identity service from the schema data.
pub(crate) fn identity<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Identity> {
    Ok(&ctx.data::<Services>()?.identity)
}

/// What every connection reports besides its edges.
#[derive(async_graphql::SimpleObject, Clone, Copy, Debug)]
pub struct ConnectionCount {
    /// How many items match the filters within the caller's reach, across all pages
    /// (one extra statement, made only when this field is selected).
    pub total_count: i64,
}

/// A connection's node type with its [`ConnectionCount`]: `Connection<String, N, Counted>`
/// reads as "a counted connection of N".
pub(crate) type Counted = ConnectionCount;

/// Whether the connection being resolved selects `totalCount`.
pub(crate) fn counted(ctx: &Context<'_>) -> bool {
    ctx.look_ahead().field("totalCount").exists()
}

/// A Relay connection from a page of items.
pub(crate) fn connection<V, N>(
    page: wohnweg_kernel::page::Page<V>,
    had_cursor: bool,
    cursor: impl Fn(&V) -> String,
    node: impl Fn(V) -> N,
) -> async_graphql::connection::Connection<String, N, ConnectionCount>
where
    N: async_graphql::OutputType,
{
    let total = ConnectionCount {
        total_count: page
            .total
            .map_or(0, |t| i64::try_from(t).unwrap_or(i64::MAX)),
    };
    let mut conn = async_graphql::connection::Connection::with_additional_fields(
        had_cursor,
        page.has_next,
        total,
    );
    conn.edges.extend(page.items.into_iter().map(|v| {
        let c = cursor(&v);
        async_graphql::connection::Edge::new(c, node(v))
    }));
    conn
}

#[cfg(test)]
mod sdl_file {
    /// The console's types are generated from `graphql/schema.graphql`: it must be the
    /// schema this code serves.
    #[test]
    fn the_committed_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == super::sdl(),
            "graphql/schema.graphql is stale: run `cargo run -q -- schema > graphql/schema.graphql`, \
             then `npm run build` in graphql/console"
        );
    }
}

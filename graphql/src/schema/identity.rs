//! GraphQL surface of the identity service: `viewer`.

use async_graphql::{Context, Enum, ID, Object};
use wohnweg_identity::{OrganisationView, TenantView};
use wohnweg_kernel::Ctx;

use super::{Services, request_ctx};
use crate::error::GqlResultExt;

/// A role, by its stable code.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "wohnweg_kernel::Role", name = "Role")]
pub enum RoleCode {
    /// Platform operator.
    PlatformOperator,
    /// City administrator.
    CityAdmin,
    /// City caseworker.
    CityCaseworker,
    /// City coordinator.
    CityCoordinator,
    /// Carrier administrator.
    CarrierAdmin,
    /// Carrier caseworker.
    CarrierCaseworker,
    /// State programme officer.
    StateOfficer,
}

/// Department or carrier.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(
    remote = "wohnweg_identity::OrganisationKind",
    name = "OrganisationKind"
)]
pub enum OrganisationKindCode {
    /// A department of the city.
    CityDepartment,
    /// A carrier (Träger).
    Carrier,
}

/// Identity queries.
#[derive(Default)]
pub struct IdentityQuery;

#[Object]
impl IdentityQuery {
    /// The signed-in user. `UNAUTHENTICATED` without a valid token.
    async fn viewer(&self, ctx: &Context<'_>) -> async_graphql::Result<Viewer> {
        Ok(Viewer::new(request_ctx(ctx).await?))
    }
}

/// The signed-in user. Name and language come from one read of the user's record,
/// made once however many of its fields a request selects.
pub struct Viewer {
    ctx: Ctx,
    profile: tokio::sync::OnceCell<wohnweg_identity::Profile>,
}

impl Viewer {
    fn new(ctx: Ctx) -> Self {
        Self {
            ctx,
            profile: tokio::sync::OnceCell::new(),
        }
    }

    async fn profile(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<&wohnweg_identity::Profile> {
        let services = ctx.data::<Services>()?;
        self.profile
            .get_or_try_init(|| async { services.identity.profile(&self.ctx).await.gql() })
            .await
    }
}

#[Object]
impl Viewer {
    /// User id.
    async fn id(&self) -> ID {
        ID(self.ctx.principal().user_id.to_string())
    }

    /// The console language the user chose (`de` or `en`), kept with the user so it
    /// follows them to another browser; null until they choose (the console then
    /// shows German).
    async fn language(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(self.profile(ctx).await?.language.clone())
    }

    /// Name to show.
    async fn display_name(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(self.profile(ctx).await?.display_name.clone())
    }

    /// Current roles.
    async fn roles(&self) -> Vec<RoleCode> {
        self.ctx
            .principal()
            .roles
            .iter()
            .map(|r| RoleCode::from(*r))
            .collect()
    }

    /// The user's tenant; null for platform operators and state officers.
    async fn tenant(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Tenant>> {
        if self.ctx.principal().tenant.is_none() {
            return Ok(None);
        }
        let services = ctx.data::<Services>()?;
        let t = services.identity.own_tenant(&self.ctx).await.gql()?;
        Ok(Some(Tenant::from(t)))
    }

    /// The user's organisation; null for platform users.
    async fn organisation(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organisation>> {
        let services = ctx.data::<Services>()?;
        let o = services.identity.own_organisation(&self.ctx).await.gql()?;
        Ok(o.map(Organisation::from))
    }
}

/// A municipality.
#[derive(async_graphql::SimpleObject)]
pub struct Tenant {
    /// Id.
    pub id: ID,
    /// URL slug, e.g. `koeln`.
    pub slug: String,
    /// Name, e.g. `Köln`.
    pub name: String,
    /// Federal state code, e.g. `NW`.
    pub state: String,
    /// Default UI locale (`de` or `en`).
    pub default_locale: String,
    /// Whether its users may sign in.
    pub active: bool,
    /// Version, for optimistic concurrency.
    pub version: i32,
}

impl From<TenantView> for Tenant {
    fn from(t: TenantView) -> Self {
        Self {
            id: ID(t.id.to_string()),
            slug: t.slug,
            name: t.name,
            state: t.state,
            default_locale: t.default_locale,
            active: t.active,
            version: t.version,
        }
    }
}

/// A city department or carrier.
#[derive(async_graphql::SimpleObject)]
pub struct Organisation {
    /// Id.
    pub id: ID,
    /// Slug, unique within the tenant.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Department or carrier.
    pub kind: OrganisationKindCode,
    /// Contact details.
    pub contact: Option<String>,
    /// Version, for optimistic concurrency.
    pub version: i32,
}

impl From<OrganisationView> for Organisation {
    fn from(o: OrganisationView) -> Self {
        Self {
            id: ID(o.id.to_string()),
            slug: o.slug,
            name: o.name,
            kind: o.kind.into(),
            contact: o.contact,
            version: o.version,
        }
    }
}

/// The signed-in user's own settings.
#[derive(Default)]
pub struct IdentityMutation;

#[Object]
impl IdentityMutation {
    /// Keeps the console language the signed-in user chose (`de` or `en`) with the
    /// user, so that it follows them to another browser. Only one's own.
    async fn set_my_language(
        &self,
        ctx: &Context<'_>,
        language: String,
    ) -> async_graphql::Result<Viewer> {
        let rctx = request_ctx(ctx).await?;
        let language = wohnweg_identity::Locale::parse("language", &language).gql()?;
        let services = ctx.data::<Services>()?;
        services
            .identity
            .set_language(&rctx, language)
            .await
            .gql()?;
        Ok(Viewer::new(rctx))
    }
}

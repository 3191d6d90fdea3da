//! GraphQL surface of administration. Every resolver: principal → narrowed handle
//! (`FORBIDDEN` without the role) → parse input into domain types (`BAD_USER_INPUT`)
//! → call → map. See `wohnweg_identity::admin` for the permission model.

use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use wohnweg_identity::{
    Contact, DisplayName, Email, FederalState, FirstAdmin, Locale, NewOrganisation, NewTenant,
    NewUser, PlatformUserView, Slug, UserView,
};
use wohnweg_kernel::page::PageRequest;
use wohnweg_kernel::{Error, OrganisationId, Role, TenantId, UserId};

use super::identity::{Organisation, OrganisationKindCode, RoleCode, Tenant};
use super::{Counted, connection, counted, identity, parse_id, request_ctx};
use crate::error::{GqlResultExt, under_input};

/// A staff user, as administrators see it.
#[derive(SimpleObject)]
pub struct User {
    /// Id.
    pub id: ID,
    /// Name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
    /// Organisation id.
    pub organisation_id: ID,
    /// Current roles.
    pub roles: Vec<RoleCode>,
    /// Whether the user may sign in.
    pub active: bool,
    /// Version, for optimistic concurrency.
    pub version: i32,
}

impl From<UserView> for User {
    fn from(u: UserView) -> Self {
        Self {
            id: ID(u.id.to_string()),
            display_name: u.display_name,
            email: u.email,
            organisation_id: ID(u.organisation.to_string()),
            roles: u.roles.into_iter().map(RoleCode::from).collect(),
            active: u.active,
            version: u.version,
        }
    }
}

/// A platform user (operator or state officer).
#[derive(SimpleObject)]
pub struct PlatformUser {
    /// Id.
    pub id: ID,
    /// Name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
    /// Role.
    pub role: RoleCode,
}

impl From<PlatformUserView> for PlatformUser {
    fn from(u: PlatformUserView) -> Self {
        Self {
            id: ID(u.id.to_string()),
            display_name: u.display_name,
            email: u.email,
            role: u.role.into(),
        }
    }
}

/// A new tenant.
#[derive(InputObject)]
pub struct CreateTenantInput {
    /// URL slug: a–z, 0–9, inner hyphens.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Federal state code, e.g. `NW`.
    pub state: String,
    /// Default UI locale, `de` (default) or `en`.
    pub default_locale: Option<String>,
    /// The city's first department and administrator, created with it.
    pub first_admin: Option<FirstAdminInput>,
}

/// The first department and administrator of a new city.
#[derive(InputObject)]
pub struct FirstAdminInput {
    /// Department slug, e.g. `stadt`.
    pub department_slug: String,
    /// Department name.
    pub department_name: String,
    /// The administrator's name.
    pub display_name: String,
    /// Their e-mail, as known to the city's identity provider.
    pub email: String,
}

/// A new platform user.
#[derive(InputObject)]
pub struct CreatePlatformUserInput {
    /// Name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
    /// `STATE_OFFICER` or `PLATFORM_OPERATOR`.
    pub role: RoleCode,
}

/// A new organisation.
#[derive(InputObject)]
pub struct CreateOrganisationInput {
    /// Slug, unique in the tenant.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Department or carrier.
    pub kind: OrganisationKindCode,
    /// Contact details.
    pub contact: Option<String>,
}

/// A user to invite.
#[derive(InputObject)]
pub struct InviteUserInput {
    /// Their organisation.
    pub organisation_id: ID,
    /// Name.
    pub display_name: String,
    /// E-mail, unique in the tenant.
    pub email: String,
    /// Roles.
    pub roles: Vec<RoleCode>,
}

/// Administration queries.
#[derive(Default)]
pub struct AdminQuery;

#[Object]
impl AdminQuery {
    /// All tenants (platform operators).
    async fn tenants(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Tenant, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.platform_admin(&rctx).gql()?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let items = admin.tenants(page).await.gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |t| t.id.to_string(),
            Tenant::from,
        ))
    }

    /// Organisations of the tenant (city admins), or the own one (carrier admins).
    async fn organisations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Organisation, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.tenant_admin(&rctx).gql()?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let items = admin.organisations(page).await.gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |o| o.id.to_string(),
            Organisation::from,
        ))
    }

    /// Users of the tenant (city admins) or of the own organisation (carrier admins).
    async fn users(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        organisation_id: Option<ID>,
    ) -> async_graphql::Result<Connection<String, User, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.tenant_admin(&rctx).gql()?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let org = organisation_id
            .as_ref()
            .map(|id| parse_id::<OrganisationId>("organisationId", id))
            .transpose()
            .gql()?;
        let items = admin.users(page, org).await.gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |u| u.id.to_string(),
            User::from,
        ))
    }
}

/// Administration mutations.
#[derive(Default)]
pub struct AdminMutation;

#[Object]
impl AdminMutation {
    /// Creates a tenant (platform operators).
    async fn create_tenant(
        &self,
        ctx: &Context<'_>,
        input: CreateTenantInput,
    ) -> async_graphql::Result<Tenant> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.platform_admin(&rctx).gql()?;
        let new = (|| -> Result<NewTenant, Error> {
            Ok(NewTenant {
                slug: Slug::parse("slug", &input.slug)?,
                name: DisplayName::parse("name", &input.name)?,
                state: FederalState::parse("state", &input.state)?,
                default_locale: input
                    .default_locale
                    .as_deref()
                    .map(|l| Locale::parse("defaultLocale", l))
                    .transpose()?
                    .unwrap_or(Locale::De),
                first_admin: input
                    .first_admin
                    .as_ref()
                    .map(|f| -> Result<FirstAdmin, Error> {
                        Ok(FirstAdmin {
                            department_slug: Slug::parse(
                                "firstAdmin.departmentSlug",
                                &f.department_slug,
                            )?,
                            department_name: DisplayName::parse(
                                "firstAdmin.departmentName",
                                &f.department_name,
                            )?,
                            display_name: DisplayName::parse(
                                "firstAdmin.displayName",
                                &f.display_name,
                            )?,
                            email: Email::parse("firstAdmin.email", &f.email)?,
                        })
                    })
                    .transpose()?,
            })
        })()
        .map_err(under_input)
        .gql()?;
        Ok(admin
            .create_tenant(&new)
            .await
            .map_err(under_input)
            .gql()?
            .into())
    }

    /// Deactivates a tenant: its users can no longer sign in; nothing is deleted.
    async fn deactivate_tenant(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> async_graphql::Result<Tenant> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.platform_admin(&rctx).gql()?;
        let id = parse_id::<TenantId>("id", &id).gql()?;
        Ok(admin.deactivate_tenant(id, version).await.gql()?.into())
    }

    /// Creates a platform user: a state officer or an operator (platform operators).
    async fn create_platform_user(
        &self,
        ctx: &Context<'_>,
        input: CreatePlatformUserInput,
    ) -> async_graphql::Result<PlatformUser> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.platform_admin(&rctx).gql()?;
        let name = DisplayName::parse("displayName", &input.display_name)
            .map_err(under_input)
            .gql()?;
        let email = Email::parse("email", &input.email)
            .map_err(under_input)
            .gql()?;
        Ok(admin
            .create_platform_user(&name, &email, Role::from(input.role))
            .await
            .map_err(under_input)
            .gql()?
            .into())
    }

    /// Creates an organisation: a city department or a carrier (city admins).
    async fn create_organisation(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganisationInput,
    ) -> async_graphql::Result<Organisation> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.tenant_admin(&rctx).gql()?;
        let new = (|| -> Result<NewOrganisation, Error> {
            Ok(NewOrganisation {
                slug: Slug::parse("slug", &input.slug)?,
                name: DisplayName::parse("name", &input.name)?,
                kind: input.kind.into(),
                contact: input
                    .contact
                    .as_deref()
                    .map(|c| Contact::parse("contact", c))
                    .transpose()?,
            })
        })()
        .map_err(under_input)
        .gql()?;
        Ok(admin
            .create_organisation(&new)
            .await
            .map_err(under_input)
            .gql()?
            .into())
    }

    /// Invites a user into an organisation with roles (city or carrier admins).
    async fn invite_user(
        &self,
        ctx: &Context<'_>,
        input: InviteUserInput,
    ) -> async_graphql::Result<User> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.tenant_admin(&rctx).gql()?;
        let new = (|| -> Result<NewUser, Error> {
            Ok(NewUser {
                organisation: parse_id("organisationId", &input.organisation_id)?,
                display_name: DisplayName::parse("displayName", &input.display_name)?,
                email: Email::parse("email", &input.email)?,
                roles: input.roles.iter().map(|r| Role::from(*r)).collect(),
            })
        })()
        .map_err(under_input)
        .gql()?;
        Ok(admin
            .invite_user(&new)
            .await
            .map_err(under_input)
            .gql()?
            .into())
    }

    /// Deactivates a user; they lose access on their next request.
    async fn deactivate_user(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> async_graphql::Result<User> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.tenant_admin(&rctx).gql()?;
        let id = parse_id::<UserId>("id", &id).gql()?;
        Ok(admin.deactivate_user(id, version).await.gql()?.into())
    }

    /// Grants a role.
    async fn grant_role(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        role: RoleCode,
    ) -> async_graphql::Result<User> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.tenant_admin(&rctx).gql()?;
        let id = parse_id::<UserId>("userId", &user_id).gql()?;
        Ok(admin.grant_role(id, role.into()).await.gql()?.into())
    }

    /// Revokes a role; effective on the user's next request.
    async fn revoke_role(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        role: RoleCode,
    ) -> async_graphql::Result<User> {
        let rctx = request_ctx(ctx).await?;
        let admin = identity(ctx)?.tenant_admin(&rctx).gql()?;
        let id = parse_id::<UserId>("userId", &user_id).gql()?;
        Ok(admin.revoke_role(id, role.into()).await.gql()?.into())
    }
}

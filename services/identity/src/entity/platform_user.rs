use sea_orm::entity::prelude::*;

/// A platform operator or state officer: no tenant. Reference table.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "platform_users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    /// The console language the user chose (`de`, `en`); `None` until they choose.
    pub language: Option<String>,
    /// The platform's OpenID provider (`iss`) of the identity linked at the first
    /// sign-in.
    pub oidc_issuer: Option<String>,
    /// That identity's subject (`sub`).
    pub oidc_subject: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl wohnweg_kernel::scoped::ReferenceTable for Entity {}

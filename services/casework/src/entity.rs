//! sea-orm entities of the casework tables. Private to the crate: other crates see
//! views and domain types only.

pub mod household {
    use sea_orm::entity::prelude::*;

    /// A household: the unit of a case.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "households")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub reference: String,
        pub primary_contact: Option<Uuid>,
        pub languages: String,
        pub notes: Option<String>,
        pub accommodation: Option<String>,
        pub state: String,
        pub state_since: Date,
        pub carrier_org: Option<Uuid>,
        pub carrier_caseworker: Option<Uuid>,
        pub readiness: Option<String>,
        pub readiness_on: Option<Date>,
        pub member_count: i32,
        pub search_text: String,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub erased_at: Option<DateTimeUtc>,
        pub tenancy_coaching: bool,
        pub wbs_until: Option<Date>,
        pub needs_step_free: bool,
        pub preferred_districts: String,
        pub city_caseworker: Option<Uuid>,
        pub expected_members: i32,
        pub expected_on: Option<Date>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod person {
    use sea_orm::entity::prelude::*;

    /// A member of a household.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "persons")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub given_name: String,
        pub family_name: String,
        pub date_of_birth: Option<Date>,
        pub relation: String,
        pub nationality: Option<String>,
        pub residence: String,
        pub permit_expires_on: Option<Date>,
        pub benefit: String,
        pub benefit_changes_on: Option<Date>,
        pub language_level: String,
        pub occupation: String,
        pub version: i32,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod transition {
    use sea_orm::entity::prelude::*;

    /// One step of a case's workflow history.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "case_transitions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub from_state: Option<String>,
        pub to_state: String,
        pub reason: String,
        pub effective_on: Date,
        pub at: DateTimeUtc,
        pub actor: Uuid,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod readiness {
    use sea_orm::entity::prelude::*;

    /// A dated housing-readiness assessment.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "readiness_assessments")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub assessed_on: Date,
        pub assessor: Uuid,
        pub rent_payment: String,
        pub household_management: String,
        pub neighbourhood: String,
        pub tenancy_language: String,
        pub id_document: bool,
        pub income_proof: bool,
        pub schufa: bool,
        pub overall: String,
        pub notes: Option<String>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod consent {
    use sea_orm::entity::prelude::*;

    /// A consent given by a household, possibly withdrawn.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "consents")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub scope: String,
        pub given_on: Date,
        pub withdrawn_on: Option<Date>,
        pub note: Option<String>,
        pub recorded_by: Uuid,
        pub version: i32,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod assignment {
    use sea_orm::entity::prelude::*;

    /// A carrier's assignment to a household, or a proposed transfer.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "carrier_assignments")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub organisation_id: Uuid,
        pub caseworker_id: Option<Uuid>,
        pub status: String,
        pub reason: Option<String>,
        pub decision_reason: Option<String>,
        pub proposed_by: Uuid,
        pub proposed_at: DateTimeUtc,
        pub decided_by: Option<Uuid>,
        pub decided_at: Option<DateTimeUtc>,
        pub ended_at: Option<DateTimeUtc>,
        pub version: i32,
        pub reject_code: Option<String>,
        pub rejected_by: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod counselling {
    use sea_orm::entity::prelude::*;

    /// A counselling session (Einzelfallberatung).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "counselling_sessions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub held_on: Date,
        pub participants: String,
        pub topics: String,
        pub barriers: String,
        pub notes: Option<String>,
        pub next_steps: Option<String>,
        pub recorded_by: Uuid,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod goal {
    use sea_orm::entity::prelude::*;

    /// A goal of a household's plan.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "goals")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub title: String,
        pub created_by: Uuid,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod goal_step {
    use sea_orm::entity::prelude::*;

    /// A concrete step towards a goal.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "goal_steps")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub goal_id: Uuid,
        pub household_id: Uuid,
        pub description: String,
        pub owner: String,
        pub due_on: Date,
        pub done_on: Option<Date>,
        pub version: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod settings {
    use sea_orm::entity::prelude::*;

    /// A tenant's casework settings (one row per tenant).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "casework_settings")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub aftercare_months: String,
        pub retention_years: i32,
        pub version: i32,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod visibility {
    use sea_orm::entity::prelude::*;

    /// Whether an organisation's caseworkers see only their own cases.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "case_visibility")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub organisation_id: Uuid,
        pub own_cases_only: bool,
        pub version: i32,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod followup {
    use sea_orm::entity::prelude::*;

    /// A scheduled aftercare follow-up and its outcome.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "aftercare_followups")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub due_on: Date,
        pub months: i32,
        pub outcome: Option<String>,
        pub risk: Option<String>,
        pub notes: Option<String>,
        pub recorded_on: Option<Date>,
        pub recorded_by: Option<Uuid>,
        pub version: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

pub mod coaching {
    use sea_orm::entity::prelude::*;

    /// A period of tenancy coaching (*Wohnungscoaching*).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "tenancy_coachings")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub provider_org: Option<Uuid>,
        pub coach: Option<Uuid>,
        pub reasons: String,
        pub started_on: Date,
        pub ended_on: Option<Date>,
        pub outcome: Option<String>,
        pub created_by: Uuid,
        pub created_at: DateTimeUtc,
        pub version: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

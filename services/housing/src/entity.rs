//! sea-orm entities of the housing tables; private to the crate.

pub mod accommodation {
    use sea_orm::entity::prelude::*;

    /// A shelter or city-rented flat.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "accommodations")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub name: String,
        pub kind: String,
        pub street: String,
        pub postal_code: String,
        pub district: String,
        pub capacity: i32,
        pub active: bool,
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

pub mod occupancy {
    use sea_orm::entity::prelude::*;

    /// Which household lives in which accommodation since when.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "occupancies")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub accommodation_id: Uuid,
        pub household_id: Uuid,
        pub places: i32,
        pub since: Date,
        pub until_on: Option<Date>,
        pub over_capacity_reason: Option<String>,
        pub end_reason: Option<String>,
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

pub mod landlord {
    use sea_orm::entity::prelude::*;

    /// A private landlord or a housing company.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "landlords")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub kind: String,
        pub name: String,
        pub contact: Option<String>,
        pub partner_status: String,
        pub annual_quota: Option<i32>,
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

pub mod rent_cap {
    use sea_orm::entity::prelude::*;

    /// A rent cap for one household size over a validity period.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "rent_caps")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_size: i32,
        pub max_rent_cents: i32,
        pub max_space_tenths: Option<i32>,
        pub valid_from: Date,
        pub valid_until: Option<Date>,
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

pub mod offer {
    use sea_orm::entity::prelude::*;

    /// A flat a landlord offers.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "offers")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub landlord_id: Uuid,
        pub street: String,
        pub postal_code: String,
        pub district: String,
        pub rooms_tenths: i32,
        pub space_tenths: i32,
        pub cold_rent_cents: i32,
        pub service_cents: i32,
        pub heating_cents: i32,
        pub deposit_cents: i32,
        pub available_from: Date,
        pub wbs_required: bool,
        pub step_free: bool,
        pub lift: bool,
        pub floor: i32,
        pub max_persons: Option<i32>,
        pub pets_allowed: Option<bool>,
        pub notes: Option<String>,
        pub status: String,
        pub status_on: Date,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub channel: Option<String>,
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

pub mod matched {
    use sea_orm::entity::prelude::*;

    /// A match between an offer and a household.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "matches")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub offer_id: Uuid,
        pub household_id: Uuid,
        pub status: String,
        pub score_tenths: i32,
        pub viewing_on: Option<Date>,
        pub decline_reason: Option<String>,
        pub decline_text: Option<String>,
        pub lease_signed_on: Option<Date>,
        pub move_in_on: Option<Date>,
        pub proposed_by: Uuid,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub declined_by: Option<String>,
        pub override_rules: Option<String>,
        pub override_reason: Option<String>,
        pub benefit_office: Option<String>,
        pub benefit_office_on: Option<Date>,
        pub benefit_office_reason: Option<String>,
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

pub mod guarantee {
    use sea_orm::entity::prelude::*;

    /// A guarantee request and its decision.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "guarantees")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub kind: String,
        pub amount_cents: i32,
        pub justification: String,
        pub budget_year: i32,
        pub status: String,
        pub requested_by: Uuid,
        pub decided_by: Option<Uuid>,
        pub decided_on: Option<Date>,
        pub decision_reason: Option<String>,
        pub instalment_cents: Option<i32>,
        pub instalments: Option<i32>,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub offer_id: Option<Uuid>,
        pub match_id: Option<Uuid>,
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

pub mod budget {
    use sea_orm::entity::prelude::*;

    /// The annual budget for one kind of guarantee.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "guarantee_budgets")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub budget_year: i32,
        pub kind: String,
        pub amount_cents: i32,
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

pub mod repayment {
    use sea_orm::entity::prelude::*;

    /// A repayment received on a deposit loan.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "repayments")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub guarantee_id: Uuid,
        pub received_on: Date,
        pub amount_cents: i32,
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

pub mod district_stock {
    use sea_orm::entity::prelude::*;

    /// Dwellings in one district of the city.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "district_stock")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub district: String,
        pub dwellings: i32,
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

pub mod placement {
    use sea_orm::entity::prelude::*;

    /// One move-out into a home of the household's own, however it came about.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "placements")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub source: String,
        pub match_id: Option<Uuid>,
        pub accommodation_id: Option<Uuid>,
        pub landlord_id: Option<Uuid>,
        pub landlord_kind: String,
        pub district: String,
        pub rooms_tenths: i32,
        pub space_tenths: i32,
        pub gross_rent_cents: i32,
        pub move_in_on: Date,
        pub recorded_at: DateTimeUtc,
        pub actor: Uuid,
        pub returned_on: Option<Date>,
        pub return_reason: Option<String>,
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

pub mod scheduled_move {
    use sea_orm::entity::prelude::*;

    /// A lease signed ahead of the move-in: the move takes effect on `move_in_on`.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "scheduled_moves")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub household_id: Uuid,
        pub match_id: Uuid,
        pub signed_on: Date,
        pub move_in_on: Date,
        pub status: String,
        pub cancel_reason: Option<String>,
        pub placement_id: Option<Uuid>,
        pub created_by: Uuid,
        pub created_at: DateTimeUtc,
        pub decided_at: Option<DateTimeUtc>,
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

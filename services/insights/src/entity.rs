//! The insights tables: reference tables (no `tenant_id`; see migration 029).

macro_rules! reference {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}

        impl wohnweg_kernel::scoped::ReferenceTable for Entity {}
    };
}

pub mod programme {
    use sea_orm::entity::prelude::*;

    /// A state programme (e.g. NRW's KIM).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "state_programmes")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub name: String,
        pub created_at: DateTimeUtc,
    }

    reference!();
}

pub mod programme_city {
    use sea_orm::entity::prelude::*;

    /// A city a state programme covers.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "state_programme_cities")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub programme_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub city_id: Uuid,
    }

    reference!();
}

pub mod officer {
    use sea_orm::entity::prelude::*;

    /// The programme a state officer belongs to.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "state_programme_officers")]
    pub struct Model {
        pub programme_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: Uuid,
    }

    reference!();
}

pub mod share {
    use sea_orm::entity::prelude::*;

    /// Whether a city shares a measure with an audience (`peers`, or a programme's id).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "insight_shares")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub city_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub measure: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub audience: String,
        pub shared: bool,
        pub changed_by: Uuid,
        pub changed_at: DateTimeUtc,
    }

    reference!();
}

pub mod cell {
    use sea_orm::entity::prelude::*;

    /// One measure of one city in one quarter: its true count, cell key and value.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "insight_cells")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub city_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub quarter: Date,
        #[sea_orm(primary_key, auto_increment = false)]
        pub measure: String,
        pub records: i64,
        pub cell_key: i64,
        pub value: i64,
        pub median: Option<i32>,
        pub p75: Option<i32>,
        pub computed_at: DateTimeUtc,
    }

    reference!();
}

pub mod refresh {
    use sea_orm::entity::prelude::*;

    /// When a city's cells were last counted, and how far its audit chain was then.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "insight_refreshes")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub city_id: Uuid,
        pub audit_seq: i64,
        pub refreshed_at: DateTimeUtc,
    }

    reference!();
}

//! sea-orm entities of the learning tables; private to the crate. The two catalogue
//! tables are [`ReferenceTable`](wohnweg_kernel::scoped::ReferenceTable)s (no tenant);
//! every other table is tenant-scoped.

pub mod course_template {
    use sea_orm::entity::prelude::*;

    /// A course template of the shared catalogue (one version).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_templates")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub key: String,
        pub version: i32,
        pub title_de: String,
        pub title_en: String,
        pub summary_de: String,
        pub languages: String,
        pub rule_kind: String,
        pub rule_min_modules: Option<i32>,
        pub min_attendance_percent: i32,
        pub status: String,
        pub submitted_by: Option<Uuid>,
        pub review_note: Option<String>,
        pub published_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::ReferenceTable for Entity {}
}

pub mod template_module {
    use sea_orm::entity::prelude::*;

    /// A module of a catalogue template.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_template_modules")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub template_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub position: i32,
        pub key: String,
        pub title_de: String,
        pub title_en: String,
        pub goals_de: String,
        pub minutes: i32,
        pub mandatory: bool,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl wohnweg_kernel::scoped::ReferenceTable for Entity {}
}

pub mod course {
    use sea_orm::entity::prelude::*;

    /// A city's adoption of a catalogue course.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "courses")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub template_id: Uuid,
        pub title: String,
        pub adopted_by_org: Option<Uuid>,
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

pub mod local_module {
    use sea_orm::entity::prelude::*;

    /// A city's own module of a course.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_local_modules")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub course_id: Uuid,
        pub position: i32,
        pub title: String,
        pub goals: String,
        pub minutes: i32,
        pub mandatory: bool,
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

pub mod run {
    use sea_orm::entity::prelude::*;

    /// A course run: a series of sessions in one language.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_runs")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub course_id: Uuid,
        pub template_id: Uuid,
        pub language: String,
        pub interpreter_language: Option<String>,
        pub trainer: String,
        pub place: String,
        pub district: String,
        pub capacity: i32,
        pub delivering_org: Option<Uuid>,
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

pub mod session {
    use sea_orm::entity::prelude::*;

    /// One session of a run.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_sessions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub run_id: Uuid,
        pub position: i32,
        pub on_date: Date,
        pub starts_at: String,
        pub place: String,
        pub modules: String,
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

pub mod enrolment {
    use sea_orm::entity::prelude::*;

    /// A participant of a run.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_enrolments")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub run_id: Uuid,
        pub person_id: Option<Uuid>,
        pub household_id: Option<Uuid>,
        pub printed_name: String,
        pub language: String,
        pub status: String,
        pub drop_reason: Option<String>,
        pub dropped_after: Option<i32>,
        pub completed_on: Option<Date>,
        pub enrolled_by: Uuid,
        pub enrolled_at: DateTimeUtc,
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

pub mod attendance {
    use sea_orm::entity::prelude::*;

    /// Whether a participant attended a session.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_attendance")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub enrolment_id: Uuid,
        pub session_id: Uuid,
        pub present: bool,
        pub absence_reason: Option<String>,
        pub recorded_by: Uuid,
        pub recorded_at: DateTimeUtc,
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

pub mod signing_key {
    use sea_orm::entity::prelude::*;

    /// A city's Ed25519 signing key; the private half sealed.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "signing_keys")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub public_key: String,
        pub sealed_private_key: String,
        pub created_at: DateTimeUtc,
        pub retired_at: Option<DateTimeUtc>,
        pub revoked_from: Option<DateTimeUtc>,
        pub revoke_reason: Option<String>,
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

pub mod certificate {
    use sea_orm::entity::prelude::*;

    /// An issued certificate.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certificates")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub enrolment_id: Uuid,
        pub number: String,
        pub status_index: i32,
        pub key_id: Uuid,
        pub issued_on: Date,
        pub credential: String,
        pub issued_by: Uuid,
        pub revoked_at: Option<DateTimeUtc>,
        pub revoke_reason: Option<String>,
        pub replaced_by: Option<Uuid>,
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

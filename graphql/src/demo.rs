//! Demo data: three cities, their departments, Köln's carriers, and a few users per
//! role. Every person here is invented. Seeding is idempotent: what exists is kept.

use wohnweg_identity::{
    DisplayName, Email, FederalState, NewUser, OrganisationKind, Provisioning, Slug,
};
use wohnweg_kernel::{Cache, Db, Error, OrganisationId, Role, TenantId};

/// The e-mail domain of every demo user (a reserved `.example` name): the demo
/// sign-in page offers these users and no others.
pub const DEMO_EMAIL_DOMAIN: &str = "demo.wohnweg.example";

struct DemoOrg {
    slug: &'static str,
    name: &'static str,
    kind: OrganisationKind,
    users: &'static [(&'static str, &'static str, &'static [Role])],
}

struct DemoCity {
    slug: &'static str,
    name: &'static str,
    orgs: &'static [DemoOrg],
}

const CITY_STAFF_BG: &[(&str, &str, &[Role])] = &[
    ("Mara Beispiel", "mara.beispiel", &[Role::CityAdmin]),
    ("Jonas Muster", "jonas.muster", &[Role::CityCaseworker]),
    ("Lea Probe", "lea.probe", &[Role::CityCaseworker]),
    ("Tarek Vorlage", "tarek.vorlage", &[Role::CityCoordinator]),
];
const CITY_STAFF_K: &[(&str, &str, &[Role])] = &[
    ("Greta Testfeld", "greta.testfeld", &[Role::CityAdmin]),
    ("Emil Fallweg", "emil.fallweg", &[Role::CityCaseworker]),
    ("Selin Umzug", "selin.umzug", &[Role::CityCaseworker]),
    ("Ole Leitstelle", "ole.leitstelle", &[Role::CityCoordinator]),
];
const CITY_STAFF_SG: &[(&str, &str, &[Role])] = &[
    ("Ida Klingenfeld", "ida.klingenfeld", &[Role::CityAdmin]),
    (
        "Noah Schwertweg",
        "noah.schwertweg",
        &[Role::CityCaseworker],
    ),
    ("Rana Werkstatt", "rana.werkstatt", &[Role::CityCoordinator]),
];
const CARITAS: &[(&str, &str, &[Role])] = &[
    ("Clara Hilfreich", "clara.hilfreich", &[Role::CarrierAdmin]),
    (
        "Milan Wegweiser",
        "milan.wegweiser",
        &[Role::CarrierCaseworker],
    ),
];
const DRK: &[(&str, &str, &[Role])] = &[
    ("Dora Rotkreuz", "dora.rotkreuz", &[Role::CarrierAdmin]),
    ("Kian Beistand", "kian.beistand", &[Role::CarrierCaseworker]),
];
const FLUECHTLINGSRAT: &[(&str, &str, &[Role])] = &[
    ("Frieda Ratgeber", "frieda.ratgeber", &[Role::CarrierAdmin]),
    (
        "Yusuf Brückenbau",
        "yusuf.brueckenbau",
        &[Role::CarrierCaseworker],
    ),
];

const CITIES: &[DemoCity] = &[
    DemoCity {
        slug: "bergisch-gladbach",
        name: "Bergisch Gladbach",
        orgs: &[DemoOrg {
            slug: "stadt",
            name: "Stadt Bergisch Gladbach – KIM-Team Wohnen",
            kind: OrganisationKind::CityDepartment,
            users: CITY_STAFF_BG,
        }],
    },
    DemoCity {
        slug: "koeln",
        name: "Köln",
        orgs: &[
            DemoOrg {
                slug: "stadt",
                name: "Stadt Köln – Amt für Wohnungswesen",
                kind: OrganisationKind::CityDepartment,
                users: CITY_STAFF_K,
            },
            DemoOrg {
                slug: "caritas",
                name: "Caritasverband für die Stadt Köln",
                kind: OrganisationKind::Carrier,
                users: CARITAS,
            },
            DemoOrg {
                slug: "drk",
                name: "Deutsches Rotes Kreuz Köln",
                kind: OrganisationKind::Carrier,
                users: DRK,
            },
            DemoOrg {
                slug: "fluechtlingsrat",
                name: "Kölner Flüchtlingsrat",
                kind: OrganisationKind::Carrier,
                users: FLUECHTLINGSRAT,
            },
        ],
    },
    DemoCity {
        slug: "solingen",
        name: "Solingen",
        orgs: &[DemoOrg {
            slug: "stadt",
            name: "Stadt Solingen – Zuwanderung und Wohnen",
            kind: OrganisationKind::CityDepartment,
            users: CITY_STAFF_SG,
        }],
    },
];

const PLATFORM_USERS: &[(&str, &str, Role)] = &[
    ("Paula Plattform", "paula.plattform", Role::PlatformOperator),
    (
        "Stefan Landesblick",
        "stefan.landesblick",
        Role::StateOfficer,
    ),
];

fn ignore_conflict<T>(r: Result<T, Error>) -> Result<Option<T>, Error> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(Error::Conflict { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

fn internal(e: Error) -> anyhow::Error {
    anyhow::anyhow!("demo seed failed: {}", e.public_message())
}

/// Seeds the demo data where it is missing.
pub async fn seed(db: &Db, cache: &Cache) -> anyhow::Result<()> {
    let p = Provisioning::new(db.clone(), cache.clone());
    for city in CITIES {
        let slug = Slug::parse("slug", city.slug).map_err(internal)?;
        let tenant: TenantId = match p.tenant_by_slug(&slug).await.map_err(internal)? {
            Some(t) => t.id,
            None => p
                .create_tenant(
                    &slug,
                    &DisplayName::parse("name", city.name).map_err(internal)?,
                    FederalState::NW,
                )
                .await
                .map_err(internal)?,
        };
        for org in city.orgs {
            let org_slug = Slug::parse("slug", org.slug).map_err(internal)?;
            let org_id: OrganisationId = match p
                .organisation_by_slug(tenant, &org_slug)
                .await
                .map_err(internal)?
            {
                Some(o) => o.id,
                None => p
                    .create_organisation(
                        tenant,
                        &org_slug,
                        &DisplayName::parse("name", org.name).map_err(internal)?,
                        org.kind,
                    )
                    .await
                    .map_err(internal)?,
            };
            for (name, mailbox, roles) in org.users {
                let email = format!("{mailbox}@{}.{DEMO_EMAIL_DOMAIN}", city.slug);
                let new = NewUser {
                    organisation: org_id,
                    display_name: DisplayName::parse("name", name).map_err(internal)?,
                    email: Email::parse("email", &email).map_err(internal)?,
                    roles: roles.to_vec(),
                };
                ignore_conflict(p.create_user(tenant, &new).await).map_err(internal)?;
            }
        }
    }
    for (name, mailbox, role) in PLATFORM_USERS {
        let email = format!("{mailbox}@platform.{DEMO_EMAIL_DOMAIN}");
        ignore_conflict(
            p.create_platform_user(
                &DisplayName::parse("name", name).map_err(internal)?,
                &Email::parse("email", &email).map_err(internal)?,
                *role,
            )
            .await,
        )
        .map_err(internal)?;
    }
    Ok(())
}

/// Seeds only into a database without any tenant.
pub async fn seed_if_empty(db: &Db, cache: &Cache) -> anyhow::Result<()> {
    let p = Provisioning::new(db.clone(), cache.clone());
    if p.has_tenants().await.map_err(internal)? {
        return Ok(());
    }
    tracing::info!("seeding demo data into an empty database");
    seed(db, cache).await
}

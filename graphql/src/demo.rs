//! Demo data: three cities, their departments, Köln's carriers, a few users per role,
//! and a dozen households per city in varied states. Every person here is invented. Seeding is idempotent: what exists is kept.

use chrono::NaiveDate;
use wohnweg_casework::types::{
    Barrier, BenefitFramework, CaseState, ConsentScope, FollowUpOutcome, LanguageLevel, Languages,
    Nationality, Occupation, Rating, ReadinessLevel, Reference, Relation, ResidenceStatus,
    StepOwner, TenancyRisk, Text, Topic,
};
use wohnweg_casework::{
    FollowUpInput, HouseholdFilter, HouseholdPatch, NewAssessment, NewConsent, NewHousehold,
    NewSession, NewStep, PersonInput, Want,
};
use wohnweg_housing::types::{
    AccommodationKind, GuaranteeKind, LandlordKind, OfferChannel, PartnerStatus,
};
use wohnweg_housing::{
    AccommodationFilter, Housing, LandlordInput, NewAccommodation, NewRentCap, OfferInput,
};
use wohnweg_identity::{
    DirectoryEntry, DisplayName, Email, FederalState, NewUser, OrganisationKind, Provisioning, Slug,
};
use wohnweg_kernel::page::PageRequest;
use wohnweg_kernel::{
    Cache, Ctx, Db, Error, OrganisationId, Principal, PrincipalKind, Role, TenantId,
};

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
const CITY_STAFF_HA: &[(&str, &str, &[Role])] = &[
    ("Paul Lenneweg", "paul.lenneweg", &[Role::CityCaseworker]),
    ("Hanna Volme", "hanna.volme", &[Role::CityCoordinator]),
];
const CITY_STAFF_W: &[(&str, &str, &[Role])] = &[
    ("Tim Wupperweg", "tim.wupperweg", &[Role::CityCaseworker]),
    ("Wanda Schwebe", "wanda.schwebe", &[Role::CityCoordinator]),
];
const CITY_STAFF_MH: &[(&str, &str, &[Role])] = &[
    ("Ben Brückenweg", "ben.brueckenweg", &[Role::CityCaseworker]),
    ("Mira Ruhrblick", "mira.ruhrblick", &[Role::CityCoordinator]),
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
    DemoCity {
        slug: "hagen",
        name: "Hagen",
        orgs: &[DemoOrg {
            slug: "stadt",
            name: "Stadt Hagen – Fachbereich Integration, Zuwanderung und Wohnen",
            kind: OrganisationKind::CityDepartment,
            users: CITY_STAFF_HA,
        }],
    },
    DemoCity {
        slug: "wuppertal",
        name: "Wuppertal",
        orgs: &[DemoOrg {
            slug: "stadt",
            name: "Stadt Wuppertal – Ressort Zuwanderung und Integration",
            kind: OrganisationKind::CityDepartment,
            users: CITY_STAFF_W,
        }],
    },
    DemoCity {
        slug: "muelheim-an-der-ruhr",
        name: "Mülheim an der Ruhr",
        orgs: &[DemoOrg {
            slug: "stadt",
            name: "Stadt Mülheim an der Ruhr – Kommunales Integrationszentrum",
            kind: OrganisationKind::CityDepartment,
            users: CITY_STAFF_MH,
        }],
    },
];

/// Each demo city's invented past (`wohnweg_casework::demo`): households over the
/// last eighteen months and how fast they moved (per cent of the middle pace).
const PAST: &[(&str, u32, u32)] = &[
    ("bergisch-gladbach", 90, 100),
    ("koeln", 160, 130),
    ("solingen", 70, 80),
    ("hagen", 80, 110),
    ("wuppertal", 120, 90),
    ("muelheim-an-der-ruhr", 60, 100),
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
pub async fn seed(
    db: &Db,
    cache: &Cache,
    learning: &wohnweg_learning::Learning,
) -> anyhow::Result<()> {
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
    seed_households(db, cache).await.map_err(internal)?;
    seed_housing(db, cache).await.map_err(internal)?;
    seed_learning(db, cache, learning).await.map_err(internal)?;
    seed_programmes(db, cache).await.map_err(internal)?;
    seed_past(db, cache).await.map_err(internal)?;
    seed_insights(db, cache).await.map_err(internal)?;
    Ok(())
}

/// Every demo city's invented past, entered by one of its caseworkers as an import.
async fn seed_past(db: &Db, cache: &Cache) -> Result<(), Error> {
    let p = Provisioning::new(db.clone(), cache.clone());
    let casework = crate::schema::casework_service(db);
    let housing = wohnweg_housing::Housing::new(db.clone());
    let people = p.directory(DEMO_EMAIL_DOMAIN).await?;
    let today = chrono::Utc::now().date_naive();
    for (seed, (slug, households, pace)) in (1..).zip(PAST) {
        let Some(city) = p.tenant_by_slug(&Slug::parse("slug", slug)?).await? else {
            continue;
        };
        let Some(staff) = people
            .iter()
            .find(|e| e.tenant == city.id && e.roles.contains(&Role::CityCaseworker))
        else {
            continue;
        };
        let ctx = demo_ctx(staff);
        let spec = wohnweg_casework::demo::PastSpec {
            households: *households,
            pace: *pace,
            seed,
        };
        let moves = casework.demo_past(&ctx, spec, today).await?;
        housing.demo_past_moves(&ctx, &moves).await?;
    }
    Ok(())
}

/// The NRW state programme covering the demo cities, its officer, the opt-ins of Köln,
/// Bergisch Gladbach, Hagen and Wuppertal (Solingen and Mülheim an der Ruhr share
/// nothing), and every city's measures counted
/// (`wohnweg_insights::demo`).
async fn seed_insights(db: &Db, cache: &Cache) -> Result<(), Error> {
    let p = Provisioning::new(db.clone(), cache.clone());
    let platform = p.platform_directory(DEMO_EMAIL_DOMAIN).await?;
    let (Some(operator), Some(officer)) = (
        platform
            .iter()
            .find(|(_, _, r)| *r == Role::PlatformOperator),
        platform.iter().find(|(_, _, r)| *r == Role::StateOfficer),
    ) else {
        return Ok(());
    };
    let operator = Ctx::new(Principal {
        user_id: operator.0,
        kind: PrincipalKind::PlatformUser,
        tenant: None,
        organisation: None,
        roles: std::collections::BTreeSet::from([Role::PlatformOperator]),
    });
    let people = p.directory(DEMO_EMAIL_DOMAIN).await?;
    let mut sharing = Vec::new();
    // Hagen shares with the programme only; Solingen and Mülheim an der Ruhr nothing.
    for (slug, with_peers) in [
        ("koeln", true),
        ("bergisch-gladbach", true),
        ("hagen", false),
        ("wuppertal", true),
    ] {
        let Some(city) = p.tenant_by_slug(&Slug::parse("slug", slug)?).await? else {
            continue;
        };
        if let Some(coordinator) = people
            .iter()
            .find(|e| e.tenant == city.id && e.roles.contains(&Role::CityCoordinator))
        {
            sharing.push((demo_ctx(coordinator), with_peers));
        }
    }
    let slugs: Vec<&str> = CITIES.iter().map(|c| c.slug).collect();
    wohnweg_insights::demo::seed(
        &wohnweg_insights::Insights::new(db.clone(), wohnweg_insights::disclosure::MIN_THRESHOLD),
        &operator,
        officer.0,
        &slugs,
        &sharing,
        &p.tenant_ids().await?,
        chrono::Utc::now().date_naive(),
    )
    .await
}

/// Köln's three carrier programmes and the city's coordination
/// (`wohnweg_programmes::demo`), entered by Köln's coordinator.
async fn seed_programmes(db: &Db, cache: &Cache) -> Result<(), Error> {
    use wohnweg_programmes::demo::DemoCarrier;
    let p = Provisioning::new(db.clone(), cache.clone());
    let Some(koeln) = p.tenant_by_slug(&Slug::parse("slug", "koeln")?).await? else {
        return Ok(());
    };
    let people = p.directory(DEMO_EMAIL_DOMAIN).await?;
    let Some(coordinator) = people
        .iter()
        .find(|e| e.tenant == koeln.id && e.roles.contains(&Role::CityCoordinator))
    else {
        return Ok(());
    };
    let org = |slug: &'static str| {
        let p = &p;
        async move {
            Ok::<_, Error>(
                p.organisation_by_slug(koeln.id, &Slug::parse("slug", slug)?)
                    .await?
                    .map(|o| o.id),
            )
        }
    };
    let (Some(department), Some(caritas), Some(drk), Some(rat)) = (
        org("stadt").await?,
        org("caritas").await?,
        org("drk").await?,
        org("fluechtlingsrat").await?,
    ) else {
        return Ok(());
    };
    let carrier = |organisation, short, fixed_term, kim_ends_soon, vacancy| DemoCarrier {
        organisation,
        short,
        fixed_term,
        kim_ends_soon,
        vacancy,
    };
    wohnweg_programmes::demo::seed(
        &wohnweg_programmes::Programmes::new(db.clone()),
        &demo_ctx(coordinator),
        department,
        &[
            carrier(caritas, "Caritas", 2, false, false),
            carrier(drk, "DRK", 1, true, true),
            carrier(rat, "Kölner Flüchtlingsrat", 1, false, false),
        ],
    )
    .await
}

/// The catalogue's *Mietführerschein* (operator path), and Bergisch Gladbach's first
/// run with two of its households' members (`wohnweg_learning::demo`).
async fn seed_learning(
    db: &Db,
    cache: &Cache,
    learning: &wohnweg_learning::Learning,
) -> Result<(), Error> {
    learning.ensure_standard_catalogue().await?;
    let p = Provisioning::new(db.clone(), cache.clone());
    let casework = crate::schema::casework_service(db);
    let Some(bg) = p
        .tenant_by_slug(&Slug::parse("slug", "bergisch-gladbach")?)
        .await?
    else {
        return Ok(());
    };
    let people = p.directory(DEMO_EMAIL_DOMAIN).await?;
    let Some(staff) = people
        .iter()
        .find(|e| e.tenant == bg.id && e.roles.contains(&Role::CityCaseworker))
    else {
        return Ok(());
    };
    let ctx = demo_ctx(staff);
    let households = casework
        .households(
            &ctx,
            &HouseholdFilter::default(),
            PageRequest {
                first: 3,
                after: None,
                count: false,
            },
            Want {
                members: true,
                ..Want::default()
            },
            None,
        )
        .await?;
    let members: Vec<uuid::Uuid> = households
        .items
        .iter()
        .filter_map(|h| h.members.as_ref()?.first().map(|m| m.id))
        .take(2)
        .collect();
    wohnweg_learning::demo::seed(learning, &ctx, &members).await
}

/// Seeds only into a database without any tenant.
pub async fn seed_if_empty(
    db: &Db,
    cache: &Cache,
    learning: &wohnweg_learning::Learning,
) -> anyhow::Result<()> {
    let p = Provisioning::new(db.clone(), cache.clone());
    if p.has_tenants().await.map_err(internal)? {
        return Ok(());
    }
    tracing::info!("seeding demo data into an empty database");
    seed(db, cache, learning).await
}

/// Invented households: `(family name, given name of the head, further members,
/// languages)`. Names carry umlauts and transliterations on purpose, so the search can
/// be tried (`Müller`/`Mueller`, `Yılmaz`/`Yilmaz`).
const FAMILIES: &[(&str, &str, usize, &[&str])] = &[
    ("Al-Hassan", "Amal", 3, &["ar"]),
    ("Haidari", "Farid", 1, &["fa", "ps"]),
    ("Yılmaz", "Elif", 2, &["tr", "ku"]),
    ("Kovalenko", "Olena", 1, &["uk", "ru"]),
    ("Tesfaye", "Mekdes", 0, &["ti", "am"]),
    ("Rahimi", "Zahra", 4, &["fa"]),
    ("Osman", "Abdi", 2, &["so"]),
    ("Schewtschenko", "Iryna", 0, &["uk"]),
    ("Nasser", "Yousef", 3, &["ar"]),
    ("Müller-Ahmadi", "Leyla", 1, &["de", "fa"]),
    ("Özdemir", "Mehmet", 2, &["tr"]),
    ("Mueller", "Daniel", 0, &["de", "ro"]),
];

/// The path each demo household has walked, by its index (varied states).
fn demo_path(i: usize) -> &'static [CaseState] {
    use CaseState::{
        Active, Aftercare, Closed, ContactLost, MovedOut, OfferInProgress, Paused, Searching,
    };
    const PATHS: [&[CaseState]; 12] = [
        &[],
        &[Active],
        &[Active, Searching],
        &[Active, Searching, OfferInProgress],
        &[Active, Searching],
        &[Active, Paused],
        &[Active, Searching, OfferInProgress, MovedOut],
        &[Active, Searching, OfferInProgress, MovedOut, Aftercare],
        &[Active, ContactLost],
        &[
            Active,
            Searching,
            OfferInProgress,
            MovedOut,
            Aftercare,
            Closed,
        ],
        &[Active],
        &[Active, Searching],
    ];
    PATHS[i % PATHS.len()]
}

fn demo_person(
    given: &str,
    family: &str,
    relation: Relation,
    i: usize,
) -> Result<PersonInput, Error> {
    let residence = [
        ResidenceStatus::RecognisedRefugee,
        ResidenceStatus::SubsidiaryProtection,
        ResidenceStatus::TemporaryProtection,
        ResidenceStatus::Toleration,
        ResidenceStatus::AsylumPending,
    ][i % 5];
    let benefit = match residence {
        ResidenceStatus::AsylumPending | ResidenceStatus::Toleration => BenefitFramework::Asylblg,
        _ => BenefitFramework::Sgb2,
    };
    let today = chrono::Utc::now().date_naive();
    let months = |n: usize| chrono::Months::new(u32::try_from(n).unwrap_or(0));
    Ok(PersonInput {
        given_name: Text::parse("givenName", given, 100, false)?,
        family_name: Text::parse("familyName", family, 100, false)?,
        date_of_birth: match relation {
            Relation::Child => today.checked_sub_months(months(12 * (3 + i % 12))),
            _ => today.checked_sub_months(months(12 * (28 + i % 20))),
        },
        relation,
        nationality: Some(Nationality::parse(
            "nationality",
            ["SY", "AF", "TR", "UA", "ER"][i % 5],
        )?),
        residence,
        // Every fifth person's permit runs out within the worklist's 90 days.
        permit_expires_on: if i % 5 == 1 {
            today.checked_add_days(chrono::Days::new(60))
        } else {
            today.checked_add_months(months(6 + 3 * (i % 8)))
        },
        benefit,
        // Half of those on AsylbLG switch to SGB II within three weeks: the rent moves
        // onto the tenant (Solingen's known risk).
        benefit_changes_on: match (benefit, i % 2) {
            (BenefitFramework::Asylblg, 0) => today.checked_add_days(chrono::Days::new(21)),
            (BenefitFramework::Asylblg, _) => today.checked_add_months(months(4)),
            _ => None,
        },
        language_level: [
            LanguageLevel::A1,
            LanguageLevel::A2,
            LanguageLevel::B1,
            LanguageLevel::A0,
        ][i % 4],
        occupation: match relation {
            Relation::Child => Occupation::School,
            _ => [
                Occupation::Course,
                Occupation::Employed,
                Occupation::Unemployed,
                Occupation::Training,
            ][i % 4],
        },
    })
}

/// The request context of a demo user, as if they had signed in.
fn demo_ctx(e: &DirectoryEntry) -> Ctx {
    Ctx::new(Principal {
        user_id: e.user,
        kind: PrincipalKind::TenantUser,
        tenant: Some(e.tenant),
        organisation: Some(e.organisation),
        roles: e.roles.clone(),
    })
}

/// Seeds a dozen households per city through the casework service (so they are
/// validated and audited like any other), in varied states; in Köln some are assigned
/// to carriers and one transfer is pending. Skips a city that has households.
async fn seed_households(db: &Db, cache: &Cache) -> Result<(), Error> {
    let p = Provisioning::new(db.clone(), cache.clone());
    let casework = crate::schema::casework_service(db);
    let housing = wohnweg_housing::Housing::new(db.clone());
    let people = p.directory(DEMO_EMAIL_DOMAIN).await?;
    let mut tenants: Vec<TenantId> = people.iter().map(|e| e.tenant).collect();
    tenants.dedup();
    for (city_no, tenant) in tenants.into_iter().enumerate() {
        let in_city: Vec<&DirectoryEntry> = people.iter().filter(|e| e.tenant == tenant).collect();
        let Some(staff) = in_city
            .iter()
            .find(|e| e.roles.contains(&Role::CityCaseworker))
        else {
            continue;
        };
        let ctx = demo_ctx(staff);
        let existing = casework
            .households(
                &ctx,
                &HouseholdFilter::default(),
                PageRequest {
                    first: 1,
                    after: None,
                    count: false,
                },
                Want::default(),
                None,
            )
            .await?;
        if !existing.items.is_empty() {
            continue;
        }
        let carriers: Vec<&&DirectoryEntry> = in_city
            .iter()
            .filter(|e| e.roles.contains(&Role::CarrierCaseworker))
            .collect();
        let prefix = ["BGL", "K", "SG"].get(city_no).copied().unwrap_or("D");
        for (i, (family, given, extra, languages)) in FAMILIES.iter().enumerate() {
            let n = city_no * FAMILIES.len() + i;
            let mut members = vec![demo_person(given, family, Relation::Head, n)?];
            for k in 0..*extra {
                let (name, relation) = match k {
                    0 if *extra > 1 => ("Samira", Relation::Partner),
                    _ => (["Nour", "Adam", "Lina", "Jonas"][k % 4], Relation::Child),
                };
                members.push(demo_person(name, family, relation, n + k + 1)?);
            }
            let id = casework
                .create_household(
                    &ctx,
                    NewHousehold {
                        reference: Reference::parse(
                            "reference",
                            &format!("{prefix}-2026-{:04}", i + 1),
                        )?,
                        languages: Languages::parse(
                            "languages",
                            &languages
                                .iter()
                                .map(|l| (*l).to_owned())
                                .collect::<Vec<_>>(),
                        )?,
                        notes: None,
                        accommodation: Some(Text::parse(
                            "accommodation",
                            [
                                "Übergangsheim Nord",
                                "Angemietete Wohnung Hauptstraße",
                                "Notunterkunft Sporthalle",
                            ][i % 3],
                            200,
                            false,
                        )?),
                        members,
                        primary_contact: 0,
                    },
                )
                .await?;
            let path = demo_path(n);
            if !path.is_empty() {
                let today = chrono::Utc::now().date_naive();
                let overall = if path.contains(&CaseState::Searching) {
                    ReadinessLevel::ReadyWithSupport
                } else {
                    ReadinessLevel::NotReady
                };
                casework
                    .record_readiness(
                        &ctx,
                        id,
                        NewAssessment {
                            assessed_on: today,
                            rent_payment: Rating::Met,
                            household_management: Rating::Partly,
                            neighbourhood: Rating::Met,
                            tenancy_language: if overall == ReadinessLevel::NotReady {
                                Rating::NotMet
                            } else {
                                Rating::Partly
                            },
                            id_document: true,
                            income_proof: overall != ReadinessLevel::NotReady,
                            schufa: false,
                            overall,
                            notes: None,
                        },
                    )
                    .await?;
                casework
                    .record_counselling(
                        &ctx,
                        id,
                        NewSession {
                            held_on: today,
                            participants: Text::parse(
                                "participants",
                                "Haushaltsvorstand, Fallbearbeitung",
                                500,
                                false,
                            )?,
                            topics: vec![Topic::FlatSearch, Topic::Documents],
                            barriers: vec![
                                [Barrier::Debts, Barrier::Language, Barrier::FearOfCosts][n % 3],
                            ],
                            notes: None,
                            next_steps: Some(Text::parse(
                                "nextSteps",
                                "SCHUFA-Auskunft beantragen",
                                500,
                                false,
                            )?),
                        },
                    )
                    .await?;
                casework
                    .add_goal(
                        &ctx,
                        id,
                        Text::parse("title", "Unterlagen für die Wohnungssuche", 200, false)?,
                        vec![
                            NewStep {
                                description: Text::parse(
                                    "description",
                                    "Einkommensnachweis besorgen",
                                    500,
                                    false,
                                )?,
                                owner: StepOwner::Household,
                                due_on: today
                                    .checked_add_days(chrono::Days::new(14))
                                    .unwrap_or(today),
                            },
                            // Every third case has a step a week overdue.
                            NewStep {
                                description: Text::parse(
                                    "description",
                                    "Mietschuldenfreiheitsbescheinigung anfordern",
                                    500,
                                    false,
                                )?,
                                owner: StepOwner::Caseworker,
                                due_on: if n.is_multiple_of(3) {
                                    today
                                        .checked_sub_days(chrono::Days::new(7))
                                        .unwrap_or(today)
                                } else {
                                    today
                                        .checked_add_days(chrono::Days::new(30))
                                        .unwrap_or(today)
                                },
                            },
                        ],
                    )
                    .await?;
            }
            // In cities with carriers, every other active case goes to one of them.
            let carrier = (!carriers.is_empty() && i % 2 == 1 && !path.is_empty())
                .then(|| carriers[i % carriers.len()]);
            if let Some(cw) = carrier {
                casework
                    .record_consent(
                        &ctx,
                        id,
                        NewConsent {
                            scope: ConsentScope::ShareWithCarrier,
                            given_on: chrono::Utc::now().date_naive(),
                            note: None,
                        },
                    )
                    .await?;
                let v = casework
                    .household(&ctx, id, Want::default(), None)
                    .await?
                    .version;
                casework
                    .assign_carrier(&ctx, id, v, cw.organisation, Some(cw.user))
                    .await?;
            }
            for to in path {
                if *to == CaseState::MovedOut {
                    // Only a move moves a case out: the demo's households found their
                    // flats themselves (frees no place: they are not in the register yet).
                    housing
                        .record_self_found_move(
                            &ctx,
                            id,
                            wohnweg_housing::FlatFacts {
                                district: Text::parse(
                                    "district",
                                    ["Innenstadt", "Kalk", "Ohligs"][city_no % 3],
                                    100,
                                    false,
                                )?,
                                landlord_kind: wohnweg_housing::types::LandlordKind::Private,
                                rooms_tenths: 20 + 10 * i32::try_from(extra % 3).unwrap_or(0),
                                space_tenths: 450 + 150 * i32::try_from(extra % 3).unwrap_or(0),
                                gross_rent_cents: 52_000
                                    + 9_000 * i32::try_from(extra % 3).unwrap_or(0),
                            },
                            chrono::Utc::now().date_naive(),
                        )
                        .await?;
                    continue;
                }
                let h = casework.household(&ctx, id, Want::default(), None).await?;
                casework
                    .transition(
                        &ctx,
                        id,
                        h.version,
                        *to,
                        Text::parse("reason", "Demo-Verlauf", 500, false)?,
                        chrono::Utc::now().date_naive(),
                    )
                    .await?;
            }
            // The household in aftercare was found at risk at its first follow-up
            // (recorded early): tenancy coaching opens.
            if path.last() == Some(&CaseState::Aftercare) {
                let h = casework
                    .household(
                        &ctx,
                        id,
                        Want {
                            aftercare: true,
                            ..Want::default()
                        },
                        None,
                    )
                    .await?;
                if let Some(f) = h.followups.unwrap_or_default().first() {
                    casework
                        .record_follow_up(
                            &ctx,
                            f.id,
                            f.version,
                            FollowUpInput {
                                outcome: FollowUpOutcome::AtRisk,
                                risk: Some(TenancyRisk::Arrears),
                                notes: None,
                                recorded_on: chrono::Utc::now().date_naive(),
                            },
                        )
                        .await?;
                }
            }
            // One pending transfer, for the receiving carrier's inbox.
            if i == 1 && carriers.len() > 1 {
                let to = carriers[(i + 1) % carriers.len()];
                casework
                    .propose_transfer(
                        &ctx,
                        id,
                        to.organisation,
                        Text::parse(
                            "reason",
                            "Umzug in den Stadtteil des anderen Trägers",
                            500,
                            false,
                        )?,
                    )
                    .await?;
            }
        }
    }
    Ok(())
}

/// Per city (by slug): rent caps for 1–6 persons in cents, districts, landlords
/// (`name`, kind, quota) and offers (`district`, rooms in tenths, m² in tenths, cold
/// rent and service charges in cents, landlord index).
struct DemoHousing {
    slug: &'static str,
    caps: [i32; 6],
    districts: [&'static str; 3],
    landlords: &'static [(&'static str, LandlordKind, Option<i32>)],
    offers: &'static [(&'static str, i32, i32, i32, i32, usize)],
}

/// How the demo's offers reached the city, in turn.
const DEMO_CHANNELS: &[OfferChannel] = &[
    OfferChannel::PartnerCompany,
    OfferChannel::LandlordDirect,
    OfferChannel::PartnerCompany,
    OfferChannel::Carrier,
    OfferChannel::Listing,
];

const HOUSING: &[DemoHousing] = &[
    DemoHousing {
        slug: "bergisch-gladbach",
        caps: [45600, 55200, 65400, 76200, 87000, 97800],
        districts: ["Gronau", "Refrath", "Bensberg"],
        landlords: &[
            (
                "Rheinisch-Bergische Siedlungsgesellschaft",
                LandlordKind::HousingCompany,
                Some(20),
            ),
            ("Familie Beispielhaus", LandlordKind::Private, None),
        ],
        offers: &[
            ("Gronau", 20, 540, 39000, 9000, 0),
            ("Refrath", 30, 720, 50000, 11000, 0),
            ("Bensberg", 10, 380, 33000, 7000, 1),
        ],
    },
    DemoHousing {
        slug: "koeln",
        caps: [52100, 63400, 75200, 87400, 99500, 111500],
        districts: ["Kalk", "Chorweiler", "Porz"],
        landlords: &[
            ("GAG Immobilien AG", LandlordKind::HousingCompany, Some(100)),
            (
                "Wohnungsgenossenschaft Am Vorgebirgspark",
                LandlordKind::Cooperative,
                Some(12),
            ),
            ("Herr Vermieter-Muster", LandlordKind::Private, None),
        ],
        offers: &[
            ("Kalk", 20, 560, 44000, 11000, 0),
            ("Kalk", 30, 740, 56000, 13000, 0),
            ("Chorweiler", 35, 860, 62000, 16000, 0),
            ("Porz", 25, 650, 48000, 12000, 0),
            ("Porz", 10, 390, 36000, 8000, 1),
            ("Chorweiler", 40, 960, 69000, 18000, 2),
        ],
    },
    DemoHousing {
        slug: "solingen",
        caps: [42000, 50900, 60300, 70200, 80100, 90000],
        districts: ["Ohligs", "Wald", "Höhscheid"],
        landlords: &[(
            "Spar- und Bauverein Solingen",
            LandlordKind::Cooperative,
            Some(15),
        )],
        offers: &[
            ("Ohligs", 20, 520, 36000, 9000, 0),
            ("Wald", 30, 700, 45000, 11000, 0),
        ],
    },
];

fn tenant_slug(tenants: &[(TenantId, &'static str)], id: TenantId) -> Option<&'static str> {
    tenants.iter().find(|(t, _)| *t == id).map(|(_, s)| *s)
}

/// Seeds housing per city (skipped where accommodations exist): rent caps,
/// accommodations with the demo households living there, landlords (with quotas),
/// open offers, landlord consents and district preferences for the households
/// looking for a flat, and guarantee budgets — through the services, audited.
async fn seed_housing(db: &Db, cache: &Cache) -> Result<(), Error> {
    let p = Provisioning::new(db.clone(), cache.clone());
    let housing = Housing::new(db.clone());
    let casework = crate::schema::casework_service(db);
    let people = p.directory(DEMO_EMAIL_DOMAIN).await?;
    let mut tenants = Vec::new();
    for city in HOUSING {
        if let Some(t) = p.tenant_by_slug(&Slug::parse("slug", city.slug)?).await? {
            tenants.push((t.id, city.slug));
        }
    }
    let today = chrono::Utc::now().date_naive();
    let year = chrono::Datelike::year(&today);
    for city in HOUSING {
        let Some(coord) = people.iter().find(|e| {
            e.roles.contains(&Role::CityCoordinator)
                && tenant_slug(&tenants, e.tenant) == Some(city.slug)
        }) else {
            continue;
        };
        let ctx = demo_ctx(coord);
        let existing = housing
            .accommodations(
                &ctx,
                &AccommodationFilter::default(),
                PageRequest {
                    first: 1,
                    after: None,
                    count: false,
                },
            )
            .await?;
        if !existing.items.is_empty() {
            continue;
        }
        let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
        for (i, cap) in city.caps.iter().enumerate() {
            let size = i32::try_from(i + 1).unwrap_or(1);
            housing
                .add_rent_cap(
                    &ctx,
                    NewRentCap {
                        household_size: size,
                        max_rent_cents: *cap,
                        max_space_tenths: Some(350 + 150 * size),
                        valid_from: from,
                        valid_until: None,
                    },
                )
                .await?;
        }
        let mut places = Vec::new();
        for (k, (name, kind, capacity)) in [
            ("Übergangsheim", AccommodationKind::Shelter, 80),
            ("Angemietete Wohnung", AccommodationKind::CityRentedFlat, 6),
            ("Notunterkunft", AccommodationKind::Emergency, 30),
            (
                "Angemietete Wohnung am Markt",
                AccommodationKind::CityRentedFlat,
                6,
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let district = city.districts[k % 3];
            let a = housing
                .create_accommodation(
                    &ctx,
                    NewAccommodation {
                        name: Text::parse("name", &format!("{name} {district}"), 200, false)?,
                        kind,
                        street: Text::parse(
                            "street",
                            &format!("{district}er Straße {}", 10 + k),
                            200,
                            false,
                        )?,
                        postal_code: "50000".to_owned(),
                        district: Text::parse("district", district, 100, false)?,
                        capacity,
                    },
                )
                .await?;
            places.push(a.id);
        }
        // The demo households live in the register's places until they move out.
        let households = casework
            .households(
                &ctx,
                &HouseholdFilter::default(),
                PageRequest {
                    first: 100,
                    after: None,
                    count: false,
                },
                Want::default(),
                None,
            )
            .await?;
        let mut in_flats: Vec<uuid::Uuid> = Vec::new();
        for (i, h) in households.items.iter().enumerate() {
            use CaseState::{Active, ContactLost, Intake, OfferInProgress, Paused, Searching};
            if matches!(
                h.state,
                Intake | Active | Searching | OfferInProgress | Paused | ContactLost
            ) {
                // The first two small active households live in the city-rented
                // flats: one takes over its lease below, the other is left for a
                // caseworker to do so.
                let place = if h.state == Active && h.size <= 3 && in_flats.len() < 2 {
                    let flat = [places[1], places[3]][in_flats.len()];
                    in_flats.push(h.id);
                    flat
                } else if h.size > 4 {
                    places[0]
                } else {
                    places[i % 2 * 2]
                };
                housing
                    .move_in(&ctx, h.id, place, today, false, None)
                    .await?;
            }
            if h.state == Searching {
                casework
                    .record_consent(
                        &ctx,
                        h.id,
                        NewConsent {
                            scope: ConsentScope::ShareWithLandlords,
                            given_on: today,
                            note: None,
                        },
                    )
                    .await?;
                casework
                    .update_household(
                        &ctx,
                        h.id,
                        h.version,
                        HouseholdPatch {
                            preferred_districts: Some(vec![city.districts[i % 3].to_owned()]),
                            ..HouseholdPatch::default()
                        },
                    )
                    .await?;
            }
        }
        // Every way out, done once per city: a lease takeover of the second flat, and a
        // household that moved out and came back to the shelter.
        if let Some(h) = in_flats.get(1) {
            housing
                .take_over_lease(
                    &ctx,
                    *h,
                    wohnweg_housing::LeaseTerms {
                        landlord_kind: LandlordKind::HousingCompany,
                        rooms_tenths: 30,
                        space_tenths: 680,
                        gross_rent_cents: 61_000,
                    },
                    today,
                )
                .await?;
        }
        if let Some(h) = households
            .items
            .iter()
            .find(|h| h.state == CaseState::MovedOut)
        {
            housing
                .record_return(
                    &ctx,
                    h.id,
                    places[0],
                    today,
                    wohnweg_housing::types::ReturnReason::RentArrears,
                    None,
                )
                .await?;
        }
        let mut landlords = Vec::new();
        for (name, kind, quota) in city.landlords {
            let l = housing
                .create_landlord(
                    &ctx,
                    LandlordInput {
                        kind: *kind,
                        name: Text::parse("name", name, 200, false)?,
                        contact: Some(Text::parse(
                            "contact",
                            "Vermietung, Tel. 0221 000000",
                            500,
                            false,
                        )?),
                        partner_status: PartnerStatus::Partner,
                        annual_quota: *quota,
                    },
                )
                .await?;
            landlords.push(l.id);
        }
        let mut offers = Vec::new();
        let mut deposits = Vec::new();
        for (n, (district, rooms, space, cold, service, landlord)) in city.offers.iter().enumerate()
        {
            let offer = housing
                .create_offer(
                    &ctx,
                    OfferInput {
                        landlord_id: landlords[*landlord % landlords.len()],
                        street: Text::parse(
                            "street",
                            &format!("Angebotsweg {}", n + 1),
                            200,
                            false,
                        )?,
                        postal_code: "51103".to_owned(),
                        district: Text::parse("district", district, 100, false)?,
                        rooms_tenths: *rooms,
                        space_tenths: *space,
                        cold_rent_cents: *cold,
                        service_cents: *service,
                        heating_cents: 7000,
                        deposit_cents: cold * 3,
                        available_from: today,
                        wbs_required: n % 4 == 3,
                        step_free: n % 3 == 0,
                        lift: n % 2 == 0,
                        floor: i32::try_from(n % 4).unwrap_or(0),
                        max_persons: None,
                        pets_allowed: None,
                        notes: None,
                        channel: Some(DEMO_CHANNELS[n % DEMO_CHANNELS.len()]),
                    },
                )
                .await?;
            offers.push(offer.id);
            deposits.push(cold * 3);
        }
        // A lease signed ahead: a searching household that fits an offer moves in three
        // weeks from now (a scheduled move).
        // (From the end of both lists, so the households and offers the other demo
        // walks use stay free.)
        'signed: for h in households
            .items
            .iter()
            .rev()
            .filter(|h| h.state == CaseState::Searching)
        {
            for o in offers.iter().rev() {
                if let Ok(m) = housing.propose_match(&ctx, *o, h.id).await {
                    let m = housing.landlord_accepts(&ctx, m.id, m.version).await?;
                    // The Jobcenter accepted the rent (SGB II households need it).
                    let m = housing
                        .record_benefit_office_decision(
                            &ctx,
                            m.id,
                            m.version,
                            wohnweg_housing::types::BenefitOfficeDecision::Accepted,
                            today,
                            None,
                        )
                        .await?;
                    let move_in = today
                        .checked_add_days(chrono::Days::new(21))
                        .unwrap_or(today);
                    housing
                        .sign_lease(&ctx, m.id, m.version, today, move_in)
                        .await?;
                    break 'signed;
                }
            }
        }
        for (kind, euros) in [
            (GuaranteeKind::Deposit, 50_000),
            (GuaranteeKind::RentAssumption, 20_000),
            (GuaranteeKind::SecurityGuarantee, 30_000),
            (GuaranteeKind::Release, 10_000),
        ] {
            housing.set_budget(&ctx, year, kind, euros * 100, 0).await?;
        }
        // A deposit loan for an offered flat, awaiting the coordinator's decision.
        if let (Some(h), Some(o), Some(deposit)) = (
            households
                .items
                .iter()
                .find(|h| h.state == CaseState::Searching),
            offers.first(),
            deposits.first(),
        ) {
            housing
                .request_guarantee(
                    &ctx,
                    h.id,
                    GuaranteeKind::Deposit,
                    *deposit,
                    Text::parse(
                        "justification",
                        "Kaution für die angebotene Wohnung",
                        1000,
                        false,
                    )?,
                    wohnweg_housing::guarantees::Secured::Offer(*o),
                )
                .await?;
        }
    }
    Ok(())
}

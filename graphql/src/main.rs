//! `wohnweg`: the Wohnweg server and its operator commands.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use wohnweg_gateway::cli::{TokenRequest, issue_dev_token, parse_ttl};
use wohnweg_gateway::{App, Config, app, demo, schema, telemetry};
use wohnweg_kernel::Role;

/// mimalloc, measured with the page benchmark (release, 20 000 households, the same
/// machine, back to back): the household page at concurrency 8 went from 352 to 449
/// requests per second and from 2.60 to 2.05 ms of gateway CPU per request (at 32:
/// 2.73 to 1.93 ms); the detail and the worklist stayed within noise. Compare again
/// with `cargo bench -p wohnweg-tests --bench pages --features system-allocator`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "wohnweg",
    version,
    about = "Wohnweg: move-out management for municipalities"
)]
struct Cli {
    /// Configuration file (TOML).
    #[arg(long, global = true, env = "WOHNWEG_CONFIG")]
    config: Option<PathBuf>,
    /// Demo mode: seed demo data into an empty database and enable development tokens.
    #[arg(long, global = true)]
    demo: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the GraphQL API (the default).
    Serve {
        /// Listen address [default: 127.0.0.1:8080, or WOHNWEG_LISTEN].
        #[arg(long)]
        listen: Option<SocketAddr>,
        /// Do not apply migrations at start.
        #[arg(long)]
        no_migrate: bool,
    },
    /// Apply migrations and exit.
    Migrate,
    /// Seed data.
    Seed {
        #[command(subcommand)]
        what: SeedWhat,
    },
    /// Apply each city's retention setting: erase closed cases past it, then exit.
    /// Schedule it daily (cron, Kubernetes CronJob).
    Retention,
    /// Make the scheduled moves due today take effect, then exit (the server also does
    /// this hourly).
    Moves,
    /// Recount the cross-city measures of every city whose records changed since the
    /// last count, then exit (the server also does this every
    /// `insights.refresh_seconds`).
    Insights,
    /// Print a development bearer token (only when development tokens are enabled).
    Token {
        /// Tenant slug, e.g. `koeln` (not for platform roles).
        #[arg(long)]
        tenant: Option<String>,
        /// Role code, e.g. `city_caseworker`.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// Organisation slug, e.g. `caritas`.
        #[arg(long)]
        org: Option<String>,
        /// The user's display name.
        #[arg(long)]
        user: Option<String>,
        /// Lifetime, e.g. `8h`.
        #[arg(long, default_value = "8h", value_parser = parse_ttl)]
        ttl: std::time::Duration,
    },
    /// Print the GraphQL schema (SDL); the repository keeps it in graphql/schema.graphql.
    Schema,
    /// Check a course certificate as the public page does: its city's signature and
    /// revocation list. FILE is the certificate PDF, the credential, its
    /// verification link, or JSON with a `credential` field. Exits 1 when it is not valid.
    Verify {
        /// The certificate.
        file: PathBuf,
        /// The city's keys.json from a file (offline); default: fetched from the city
        /// of this installation the certificate names.
        #[arg(long)]
        keys: Option<PathBuf>,
        /// The city's status list from a file (offline).
        #[arg(long)]
        status: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum SeedWhat {
    /// The demo cities, organisations and users (idempotent).
    Demo,
}

fn parse_role(raw: &str) -> Result<Role, String> {
    raw.parse().map_err(|_| {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        format!("unknown role; one of: {}", all.join(", "))
    })
}

/// Binds the listen address, or says why it cannot and what to do.
fn bind(addr: SocketAddr) -> anyhow::Result<tokio::net::TcpListener> {
    use std::io::ErrorKind;
    let listener = std::net::TcpListener::bind(addr).map_err(|e| {
        let why = match e.kind() {
            ErrorKind::AddrInUse => {
                "the address is in use (another Wohnweg, or another program, listens there)"
                    .to_owned()
            }
            ErrorKind::AddrNotAvailable => "this machine has no such address".to_owned(),
            ErrorKind::PermissionDenied => {
                "permission denied (ports below 1024 need privileges)".to_owned()
            }
            _ => e.to_string(),
        };
        anyhow::anyhow!(
            "cannot listen on {addr}: {why}. Stop the other program, or choose another \
             address with --listen or WOHNWEG_LISTEN (e.g. 127.0.0.1:8081)."
        )
    })?;
    listener.set_nonblocking(true)?;
    Ok(tokio::net::TcpListener::from_std(listener)?)
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wohnweg: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[allow(clippy::print_stdout)] // the CLI's output
async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut config = Config::load(cli.config.as_deref())?;
    if cli.demo {
        config.demo = Some(true);
        config.validate()?;
    }
    let command = cli.command.unwrap_or(Command::Serve {
        listen: None,
        no_migrate: false,
    });
    if let Command::Schema = command {
        print!("{}", schema::sdl());
        return Ok(());
    }
    if let Command::Verify { file, keys, status } = &command {
        let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        // A PDF is binary: keep its bytes as text losslessly enough to find the
        // attached credential (ASCII) in it.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let sources = wohnweg_gateway::cli::VerifySources {
            keys: keys.clone(),
            status: status.clone(),
        };
        let report =
            wohnweg_gateway::cli::verify_certificate(&text, &sources, &config.public_base())
                .await?;
        print!("{}", wohnweg_gateway::cli::render_report(&report));
        if report.outcome.is_err() {
            std::process::exit(1);
        }
        return Ok(());
    }
    let _telemetry = telemetry::init(&config.log)?;
    match command {
        Command::Serve { listen, no_migrate } => {
            if let Some(listen) = listen {
                config.listen = listen;
            }
            if no_migrate {
                config.database.migrate_on_start = false;
            }
            let listen = config.listen;
            let demo = config.demo_enabled();
            // The address first: a port in use is found before anything is created,
            // migrated or seeded.
            let listener = bind(listen)?;
            let app = App::build(config).await?;
            // Scheduled moves take effect on their date: checked at start and hourly.
            tokio::spawn(wohnweg_gateway::jobs::scheduled_moves_every(
                app.state.db.clone(),
                app.state.cache.clone(),
                std::time::Duration::from_secs(3600),
            ));
            // Cross-city measures follow each city's changes within the refresh interval.
            tokio::spawn(wohnweg_gateway::jobs::insights_every(
                app.state.db.clone(),
                app.state.cache.clone(),
                app.state.config.insights.min_count,
                std::time::Duration::from_secs(app.state.config.insights.refresh_seconds.max(1)),
            ));
            tracing::info!(
                address = %listener.local_addr()?,
                demo,
                "Wohnweg is listening; GraphQL at /graphql"
            );
            app.serve(listener, app::shutdown_signal()).await?;
        }
        Command::Migrate => {
            app::migrate(&config).await?;
            tracing::info!("migrations applied");
        }
        Command::Seed {
            what: SeedWhat::Demo,
        } => {
            app::migrate(&config).await?;
            let (db, cache) = app::connect(&config).await?;
            let learning = app::learning_service(&config, &db)?;
            demo::seed(&db, &cache, &learning).await?;
            tracing::info!("demo data seeded");
        }
        Command::Retention => {
            let (db, cache) = app::connect_existing(&config).await?;
            let erased = wohnweg_gateway::jobs::retention(&db, &cache).await?;
            tracing::info!(erased, "retention applied");
        }
        Command::Moves => {
            let (db, cache) = app::connect_existing(&config).await?;
            let applied = wohnweg_gateway::jobs::scheduled_moves(&db, &cache).await?;
            tracing::info!(applied, "scheduled moves applied");
        }
        Command::Insights => {
            let (db, cache) = app::connect_existing(&config).await?;
            let cities =
                wohnweg_gateway::jobs::insights(&db, &cache, config.insights.min_count).await?;
            tracing::info!(cities, "measures recounted");
        }
        Command::Token {
            tenant,
            role,
            org,
            user,
            ttl,
        } => {
            let (db, cache) = app::connect_existing(&config).await?;
            let token = issue_dev_token(
                &config,
                &db,
                &cache,
                &TokenRequest {
                    tenant,
                    role,
                    org,
                    user,
                    ttl,
                },
            )
            .await?;
            println!("{token}");
        }
        Command::Schema | Command::Verify { .. } => {}
    }
    Ok(())
}

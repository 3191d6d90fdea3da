//! Marks the build with `cfg(pg)` when `DATABASE_URL` is set, so PostgreSQL-only tests
//! are `#[ignore]`d — visibly, with their reason — on the embedded default instead of
//! returning early and counting as passed. Cargo rebuilds this crate when the variable
//! changes.
//!
//! Likewise `cfg(browser)` when Chromium is installed (`CHROME_PATH`, else
//! `/usr/bin/chromium`, Debian's package): the browser tests are ignored with their
//! reason without it. `.ci/run` installs it. The check reruns when `/usr/bin` changes
//! (a package installed) or the variable does.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(pg)");
    println!("cargo::rerun-if-env-changed=DATABASE_URL");
    if std::env::var("DATABASE_URL").is_ok_and(|v| !v.is_empty()) {
        println!("cargo::rustc-cfg=pg");
    }

    println!("cargo::rustc-check-cfg=cfg(browser)");
    println!("cargo::rerun-if-env-changed=CHROME_PATH");
    println!("cargo::rerun-if-changed=/usr/bin");
    let chromium = std::env::var("CHROME_PATH")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "/usr/bin/chromium".to_owned());
    if std::path::Path::new(&chromium).exists() {
        println!("cargo::rustc-cfg=browser");
    }
}

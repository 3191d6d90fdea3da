//! The `wohnweg` binary as a newcomer and an operator meet it: each bad situation at
//! start gives one message, printed once, saying what is wrong and what to do, and
//! leaves nothing behind; a running server logs one line per request, without colour
//! codes when standard error is not a terminal and never with the query text.
//!
//! These run the real binary (`CARGO_BIN_EXE_wohnweg`), which only this package's
//! integration tests can name; everything else lives in `tests/`. They need no
//! database server: the embedded default, or an address where nothing listens.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A fresh, empty folder for one test, removed when the test ends.
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir =
        std::env::temp_dir().join(format!("wohnweg-first-hour-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// The binary with a clean environment (no database or config from the caller's),
/// in `dir`.
fn wohnweg(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wohnweg"));
    cmd.current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("WOHNWEG_DATA_DIR", dir.join("data"))
        .stdin(Stdio::null());
    cmd
}

/// Runs a command that must fail, with a deadline.
fn fails(mut cmd: Command) -> String {
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let id = child.id();
    let waiter = std::thread::spawn(move || child.wait_with_output().unwrap());
    while !waiter.is_finished() {
        assert!(Instant::now() < deadline, "wohnweg (pid {id}) did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
    let out: Output = waiter.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !out.status.success(),
        "expected a failure, got success:\n{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "colour codes on a pipe:\n{stderr}"
    );
    stderr
}

/// `needle` occurs on exactly one line of `stderr`.
fn once(stderr: &str, needle: &str) {
    let n = stderr.lines().filter(|l| l.contains(needle)).count();
    assert_eq!(n, 1, "`{needle}` on {n} lines of:\n{stderr}");
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn a_port_in_use_is_named_before_anything_is_created() {
    let dir = scratch("port");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let mut cmd = wohnweg(&dir);
    cmd.args(["--demo", "serve", "--listen", &addr.to_string()]);
    let stderr = fails(cmd);
    once(
        &stderr,
        &format!("cannot listen on {addr}: the address is in use"),
    );
    once(&stderr, "WOHNWEG_LISTEN");
    assert!(!dir.join("data").exists(), "a data folder was created");
}

#[test]
fn a_data_folder_that_cannot_be_created_is_named() {
    let dir = scratch("datadir");
    // A file where the folder's parent should be: not even root can create it.
    std::fs::write(dir.join("occupied"), "a file").unwrap();
    let mut cmd = wohnweg(&dir);
    cmd.env("WOHNWEG_DATA_DIR", dir.join("occupied/data"))
        .args([
            "--demo",
            "serve",
            "--listen",
            &format!("127.0.0.1:{}", free_port()),
        ]);
    let stderr = fails(cmd);
    once(&stderr, "cannot open the SQLite database");
    once(&stderr, "WOHNWEG_DATA_DIR");
}

#[test]
fn a_database_url_where_nothing_listens_is_named_without_its_password() {
    let dir = scratch("dburl");
    let port = free_port();
    let mut cmd = wohnweg(&dir);
    cmd.env(
        "DATABASE_URL",
        format!("postgres://wohnweg_app:geheim-7421@127.0.0.1:{port}/wohnweg"),
    )
    .args(["serve", "--listen", &format!("127.0.0.1:{}", free_port())]);
    let stderr = fails(cmd);
    once(
        &stderr,
        &format!(
            "cannot reach the database at 127.0.0.1:{port} (database wohnweg, user wohnweg_app)"
        ),
    );
    once(&stderr, "DATABASE_URL");
    assert!(
        !stderr.contains("geheim-7421"),
        "the password was printed:\n{stderr}"
    );
    assert!(!dir.join("data").exists(), "a data folder was created");
}

#[test]
fn a_bad_setting_is_named_by_its_file_line_or_its_variable() {
    let dir = scratch("config");
    std::fs::write(
        dir.join("wohnweg.toml"),
        "env = \"development\"\n\n[limits]\nmax_depth = 10\nmax_dept = 11\n",
    )
    .unwrap();
    let mut cmd = wohnweg(&dir);
    cmd.args(["--config", "wohnweg.toml"]);
    let stderr = fails(cmd);
    once(
        &stderr,
        "wohnweg.toml line 5: `limits.max_dept` is not a setting",
    );

    let mut cmd = wohnweg(&dir);
    cmd.env("WOHNWEG_LIMITS__MAX_DEPTHH", "3");
    let stderr = fails(cmd);
    once(
        &stderr,
        "environment variable WOHNWEG_LIMITS__MAX_DEPTHH: `limits.max_depthh` is not a setting",
    );
    assert!(!stderr.contains(".rs:"), "a source location:\n{stderr}");

    let mut cmd = wohnweg(&dir);
    cmd.env("WOHNWEG_LIMITS__MAX_DEPTH", "deep");
    let stderr = fails(cmd);
    once(
        &stderr,
        "environment variable WOHNWEG_LIMITS__MAX_DEPTH: `limits.max_depth`",
    );
    assert!(!dir.join("data").exists(), "a data folder was created");
}

#[test]
fn a_token_before_the_first_run_says_to_start_the_server_and_creates_nothing() {
    let dir = scratch("token");
    let mut cmd = wohnweg(&dir);
    cmd.args([
        "--demo",
        "token",
        "--tenant",
        "koeln",
        "--role",
        "city_caseworker",
    ]);
    let stderr = fails(cmd);
    once(&stderr, "there is no database yet at");
    once(&stderr, "start the server once first");
    assert!(!dir.join("data").exists(), "a data folder was created");
}

/// Sends one HTTP/1.1 request and returns the status line.
fn request(port: u16, head: &str, body: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "{head}\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    answer.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn each_request_logs_one_line_with_route_status_duration_and_ids_and_never_the_query() {
    let dir = scratch("logs");
    let port = free_port();
    let mut child = wohnweg(&dir)
        .args(["--demo", "serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut log = Vec::new();
    loop {
        assert!(Instant::now() < deadline, "no start:\n{}", log.join("\n"));
        let line = lines.next().expect("stderr closed before start").unwrap();
        let listening = line.contains("Wohnweg is listening");
        log.push(line);
        if listening {
            break;
        }
    }
    let secret = "Marker-Geheimname-0815";
    let status = request(
        port,
        "POST /graphql HTTP/1.1\r\ntraceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        &format!(
            r#"{{"query":"query Q($n: String) {{ viewer {{ id }} __typename }} # {secret}","variables":{{"n":"{secret}"}}}}"#
        ),
    );
    assert!(status.contains("200"), "{status}");
    let status = request(port, "GET /health/livez HTTP/1.1", "");
    assert!(status.contains("200"), "{status}");
    // Let the lines arrive, then stop the server.
    std::thread::sleep(Duration::from_millis(500));
    child.kill().unwrap();
    child.wait().unwrap();
    log.extend(lines.map_while(Result::ok));
    let text = log.join("\n");
    assert!(!text.contains('\u{1b}'), "colour codes on a pipe:\n{text}");
    assert!(
        !text.contains(secret),
        "the query or its variables were logged:\n{text}"
    );
    let requests: Vec<&String> = log
        .iter()
        .filter(|l| l.contains(" request ") || l.ends_with(" request"))
        .collect();
    assert_eq!(requests.len(), 2, "one line per request:\n{text}");
    let graphql = requests
        .iter()
        .find(|l| l.contains("http.route=/graphql"))
        .unwrap_or_else(|| panic!("no line for /graphql:\n{text}"));
    for part in [
        "http.method=POST",
        "http.status=200",
        "duration_ms=",
        "request_id=",
        "trace_id=4bf92f3577b34da6a3ce929d0e0e4736",
    ] {
        assert!(graphql.contains(part), "{part} missing in: {graphql}");
    }
    let health = requests
        .iter()
        .find(|l| l.contains("http.route=/health/livez"))
        .unwrap_or_else(|| panic!("no line for /health/livez:\n{text}"));
    assert!(
        health.contains("http.method=GET") && health.contains("trace_id="),
        "{health}"
    );
}

//! The operation × {happy path, bad input, cross-tenant, carrier scope} matrix.
//!
//! `tests/COVERAGE.md` names, for every query and mutation of the schema, the test
//! that covers each kind — or says `n/a (why)`. This test reads the live schema (so a
//! new operation without a row fails it), reads that table and the integration
//! tests' sources, and checks each cell: the named test exists, is a `#[tokio::test]`,
//! and calls the operation itself — in its own body, a string constant it names, or a
//! call table (`fn calls_*`) it uses; for happy paths, setup helpers count too — and
//! carries the kind's mark: `BAD_USER_INPUT` or a named field for bad input, at least
//! two cities for cross-tenant, a carrier user and `NOT_FOUND`/`FORBIDDEN` for
//! carrier scope. Then it prints the matrix.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::json;
use wohnweg_tests::TestApp;

const KINDS: [&str; 4] = ["happy", "bad input", "cross-tenant", "carrier"];

/// One test function: its own text, and its text with helpers expanded.
struct TestFn {
    own: String,
    with_helpers: String,
}

/// Every `#[tokio::test]` of the integration binary, by `module::name`.
fn test_sources(dir: &Path) -> BTreeMap<String, TestFn> {
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    for path in files {
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        // Items shared with other test modules read like private ones here.
        let src = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\npub(crate) ", "\npub ")
            .replace("\npub const ", "\nconst ");
        // String constants: `const NAME: &str = …;`
        let mut consts = BTreeMap::new();
        let mut rest = src.as_str();
        while let Some(i) = rest.find("\nconst ") {
            let after = &rest[i + 7..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            let end = after.find(";\n").unwrap_or(after.len());
            if after[name.len()..].starts_with(": &str") {
                consts.insert(name.clone(), after[..end].to_owned());
            }
            rest = &after[end.min(after.len())..];
        }
        // Top-level functions, each up to its closing brace at column 0.
        let mut fns: Vec<(String, String, bool)> = Vec::new();
        let lines: Vec<&str> = src.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let l = lines[i];
            let name = ["async fn ", "fn ", "pub async fn ", "pub fn "]
                .iter()
                .find_map(|p| l.strip_prefix(p))
                .map(|r| {
                    r.chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect::<String>()
                });
            if let Some(name) = name {
                let mut j = i;
                while j > 0 && lines[j - 1].starts_with("#[") {
                    j -= 1;
                }
                let is_test = lines[j..i].iter().any(|a| a.starts_with("#[tokio::test"));
                let mut k = i;
                while k < lines.len() && lines[k] != "}" {
                    k += 1;
                }
                fns.push((name, lines[i..=k.min(lines.len() - 1)].join("\n"), is_test));
                i = k;
            }
            i += 1;
        }
        let helpers: Vec<&(String, String, bool)> = fns.iter().filter(|f| !f.2).collect();
        let expand = |text: &str, all_helpers: bool| -> String {
            let mut out = text.to_owned();
            for _ in 0..3 {
                for (name, body, _) in &helpers {
                    let wanted = all_helpers || name.starts_with("calls_");
                    if wanted && out.contains(&format!("{name}(")) && !out.contains(body.as_str()) {
                        out.push_str(body);
                    }
                }
            }
            for (name, value) in &consts {
                if contains_word(&out, name) {
                    out.push_str(value);
                }
            }
            out
        };
        for (name, body, is_test) in &fns {
            if *is_test {
                out.insert(
                    format!("{module}::{name}"),
                    TestFn {
                        own: expand(body, false),
                        with_helpers: expand(body, true),
                    },
                );
            }
        }
    }
    out
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// Whether `text` calls GraphQL operation `op` (`op(` or `op {`).
fn calls(text: &str, op: &str) -> bool {
    text.match_indices(op).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + op.len()..].trim_start().chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            && matches!(after, Some('(' | '{'))
    })
}

fn cities(text: &str) -> usize {
    [
        "app.tenant()",
        "city(&app)",
        "busy_city(&app",
        "world(&app",
        "setup(&app)",
        "tenant_with_slug(",
    ]
    .iter()
    .map(|p| text.matches(p).count())
    .sum()
}

/// What is wrong with `cell` for `op` and `kind`, if anything.
fn check(cell: &str, op: &str, kind: &str, tests: &BTreeMap<String, TestFn>) -> Option<String> {
    if let Some(reason) = cell.strip_prefix("n/a") {
        let reason = reason.trim();
        return (!(reason.starts_with('(') && reason.ends_with(')') && reason.len() > 4))
            .then(|| format!("{op} / {kind}: n/a needs a reason in parentheses"));
    }
    let Some(t) = tests.get(cell) else {
        return Some(format!("{op} / {kind}: no test {cell}"));
    };
    let text = if kind == "happy" {
        &t.with_helpers
    } else {
        &t.own
    };
    if !calls(text, op) {
        return Some(format!("{op} / {kind}: {cell} does not call {op}"));
    }
    let marked = match kind {
        "bad input" => t.own.contains("BAD_USER_INPUT") || t.own.contains("Some(\""),
        "cross-tenant" => cities(&t.own) >= 2,
        "carrier" => {
            let carrier_user = [
                "CarrierCaseworker",
                "CarrierAdmin",
                "carrier_cw",
                "cw.token",
                "b_cw",
                "b_admin",
                "carrier_admin",
                "other_cw",
            ]
            .iter()
            .any(|m| t.own.contains(m));
            carrier_user && (t.own.contains("NOT_FOUND") || t.own.contains("FORBIDDEN"))
        }
        _ => true,
    };
    (!marked).then(|| format!("{op} / {kind}: {cell} lacks the mark of a {kind} test"))
}

#[tokio::test]
async fn every_operation_has_a_happy_bad_input_cross_tenant_and_carrier_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let app = TestApp::spawn().await;
    let (_, body) = app
        .gql(
            None,
            "{ __schema { queryType { fields(includeDeprecated: true) { name } } mutationType { fields { name } } } }",
            json!({}),
        )
        .await;
    let mut ops = BTreeSet::new();
    for root_type in ["queryType", "mutationType"] {
        for f in body["data"]["__schema"][root_type]["fields"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
        {
            ops.insert(f["name"].as_str().unwrap().to_owned());
        }
    }
    assert!(ops.len() > 70, "{ops:?}");
    let table = std::fs::read_to_string(root.join("COVERAGE.md")).unwrap();
    let mut rows = BTreeMap::new();
    for line in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<String> = line
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_owned())
            .collect();
        assert_eq!(cells.len(), 5, "{line}");
        let op = cells[0].trim_matches('`').to_owned();
        assert!(
            rows.insert(op.clone(), cells[1..].to_vec()).is_none(),
            "{op} twice"
        );
    }
    let tests = test_sources(&root.join("tests/integration"));
    let mut problems = Vec::new();
    for op in &ops {
        let Some(cells) = rows.get(op) else {
            problems.push(format!("{op}: no row in tests/COVERAGE.md"));
            continue;
        };
        for (kind, cell) in KINDS.iter().zip(cells) {
            problems.extend(check(cell, op, kind, &tests));
        }
    }
    for op in rows.keys().filter(|op| !ops.contains(*op)) {
        problems.push(format!("{op}: in tests/COVERAGE.md but not in the schema"));
    }
    // The matrix, as a table.
    let mut matrix = format!(
        "| operation | {} |\n|---|---|---|---|---|\n",
        KINDS.join(" | ")
    );
    for op in &ops {
        let marks: Vec<&str> = rows.get(op).map_or(vec!["–"; 4], |cells| {
            cells
                .iter()
                .map(|c| if c.starts_with("n/a") { "n/a" } else { "✓" })
                .collect()
        });
        matrix.push_str(&format!("| {op} | {} |\n", marks.join(" | ")));
    }
    eprintln!("{matrix}");
    assert!(
        problems.is_empty(),
        "{} gaps in the coverage matrix:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

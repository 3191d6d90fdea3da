//! One guard for every text the API takes: control characters are refused before a
//! request runs, whatever the argument — a NUL byte would reach PostgreSQL as an error
//! (`INTERNAL`), and no other control character belongs in a name, a note or a
//! filter. Tab, line feed and carriage return stay allowed (multi-line notes); the
//! typed parsers at the edge (`Text`, `Reference`, …) still decide per field which of
//! those it takes.
//!
//! Checked: every string in the request's variables and every string literal in the
//! document's arguments (fragments included). A refusal is the usual
//! `BAD_USER_INPUT`, naming the variable or argument path, and nothing runs.

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Request, ServerError, Value};

/// Whether `c` may appear in any text the API takes.
fn allowed(c: char) -> bool {
    !c.is_control() || matches!(c, '\t' | '\n' | '\r')
}

fn bad_str(s: &str) -> bool {
    !s.chars().all(allowed)
}

/// The first path in `v` holding a string with a control character.
fn in_value(v: &Value, path: &str) -> Option<String> {
    match v {
        Value::String(s) if bad_str(s) => Some(path.to_owned()),
        Value::List(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| in_value(item, &format!("{path}.{i}"))),
        Value::Object(map) => map
            .iter()
            .find_map(|(k, item)| in_value(item, &format!("{path}.{k}"))),
        _ => None,
    }
}

fn in_selection(set: &SelectionSet) -> Option<String> {
    set.items.iter().find_map(|sel| match &sel.node {
        Selection::Field(f) => f
            .node
            .arguments
            .iter()
            .find_map(|(name, value)| {
                // Variables are checked on their own; here only the literals count.
                let literal = value
                    .node
                    .clone()
                    .into_const_with(|_| Ok::<_, std::convert::Infallible>(Value::Null))
                    .unwrap_or(Value::Null);
                in_value(&literal, name.node.as_str())
            })
            .or_else(|| in_selection(&f.node.selection_set.node)),
        Selection::InlineFragment(frag) => in_selection(&frag.node.selection_set.node),
        Selection::FragmentSpread(_) => None,
    })
}

fn in_document(doc: &ExecutableDocument) -> Option<String> {
    doc.operations
        .iter()
        .find_map(|(_, op)| in_selection(&op.node.selection_set.node))
        .or_else(|| {
            doc.fragments
                .values()
                .find_map(|f| in_selection(&f.node.selection_set.node))
        })
}

/// The refusal for `request`, if any of its texts holds a control character.
pub fn refusal(request: &mut Request) -> Option<async_graphql::Response> {
    let vars = Value::Object(
        request
            .variables
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    );
    let path = in_value(&vars, "")
        .map(|p| p.trim_start_matches('.').to_owned())
        .or_else(|| request.parsed_query().ok().and_then(in_document))?;
    let mut err = ServerError::new("must not contain control characters", None);
    let mut ext = async_graphql::ErrorExtensionValues::default();
    ext.set("code", "BAD_USER_INPUT");
    ext.set("field", path);
    err.extensions = Some(ext);
    Some(async_graphql::Response::from_errors(vec![err]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_and_other_controls_are_found_tabs_and_newlines_are_not() {
        let mut ok = Request::new("{ a(x: \"line\\nnext\\tcol\") { b } }").variables(
            async_graphql::Variables::from_json(serde_json::json!({ "n": "ä\r\n" })),
        );
        assert!(refusal(&mut ok).is_none());
        let mut var = Request::new("query($i: X) { a(i: $i) { b } }").variables(
            async_graphql::Variables::from_json(
                serde_json::json!({ "i": { "list": ["fine", "bad\u{0}"] } }),
            ),
        );
        let r = refusal(&mut var).unwrap();
        assert_eq!(
            r.errors[0].extensions.as_ref().unwrap().get("field"),
            Some(&Value::from("i.list.1"))
        );
        let mut lit = Request::new("{ a { b(filter: { search: \"x\\u0007\" }) } }");
        let r = refusal(&mut lit).unwrap();
        assert_eq!(
            r.errors[0].extensions.as_ref().unwrap().get("field"),
            Some(&Value::from("filter.search"))
        );
        let mut frag = Request::new("{ ...F } fragment F on Q { a(x: \"\\u0000\") { b } }");
        assert!(refusal(&mut frag).is_some());
    }
}

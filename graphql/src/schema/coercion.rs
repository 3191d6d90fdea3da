//! Where in an argument a malformed `Date` or `Decimal` sits, when validation could
//! not say.
//!
//! Validation finds a malformed value and names its path (see
//! [`super::scalars`]) — except when an argument's literal holds a variable the
//! request left out (`input: { amount: $a, matchId: $m }` without `m`): async-graphql
//! then skips the check, and the value fails later, while the field's arguments are
//! read, with a message that names only the input type. This finds the path for that
//! case from the document, the variables and the schema's own SDL, so every malformed
//! date or amount answers with the same `extensions.field`. It runs only for such an
//! error.

use std::collections::HashMap;
use std::sync::OnceLock;

use async_graphql::parser::types::{
    BaseType, DocumentOperations, ExecutableDocument, Field, OperationType, Selection,
    SelectionSet, Type, TypeKind, TypeSystemDefinition,
};
use async_graphql::{PathSegment, ScalarType, Value as ConstValue, Variables};

use super::scalars::{DATE, DECIMAL, Date, Decimal};

/// An object type's fields: each one's argument types and named result type.
type Fields = HashMap<String, (HashMap<String, Type>, String)>;

/// For each object type, its fields' argument types and named result type; for each
/// input object, its fields' types.
#[derive(Default)]
struct Types {
    objects: HashMap<String, Fields>,
    inputs: HashMap<String, HashMap<String, Type>>,
}

fn named(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(n) => n.as_str(),
        BaseType::List(inner) => named(inner),
    }
}

fn types() -> &'static Types {
    static TYPES: OnceLock<Types> = OnceLock::new();
    TYPES.get_or_init(|| {
        let mut t = Types::default();
        let Ok(doc) = async_graphql::parser::parse_schema(super::sdl()) else {
            return t;
        };
        for def in doc.definitions {
            let TypeSystemDefinition::Type(def) = def else {
                continue;
            };
            let def = def.node;
            let name = def.name.node.to_string();
            match def.kind {
                TypeKind::Object(o) => {
                    let fields = o
                        .fields
                        .into_iter()
                        .map(|f| {
                            let f = f.node;
                            let args = f
                                .arguments
                                .into_iter()
                                .map(|a| (a.node.name.node.to_string(), a.node.ty.node))
                                .collect();
                            (
                                f.name.node.to_string(),
                                (args, named(&f.ty.node).to_owned()),
                            )
                        })
                        .collect();
                    t.objects.insert(name, fields);
                }
                TypeKind::InputObject(i) => {
                    let fields = i
                        .fields
                        .into_iter()
                        .map(|f| (f.node.name.node.to_string(), f.node.ty.node))
                        .collect();
                    t.inputs.insert(name, fields);
                }
                _ => {}
            }
        }
        t
    })
}

/// The first malformed `scalar` (`Date` or `Decimal`) in `value` of type `ty`, as
/// its path from `at`.
fn malformed(
    types: &Types,
    ty: &Type,
    value: &ConstValue,
    at: String,
    scalar: &str,
) -> Option<String> {
    match (&ty.base, value) {
        (_, ConstValue::Null) => None,
        (BaseType::List(inner), ConstValue::List(items)) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| malformed(types, inner.as_ref(), v, format!("{at}.{i}"), scalar)),
        (BaseType::List(inner), v) => malformed(types, inner.as_ref(), v, at, scalar),
        (BaseType::Named(n), v) if n.as_str() == scalar => {
            let ok = match scalar {
                DATE => Date::is_valid(v),
                DECIMAL => Decimal::is_valid(v),
                _ => true,
            };
            (!ok).then_some(at)
        }
        (BaseType::Named(n), ConstValue::Object(fields)) => {
            let defs = types.inputs.get(n.as_str())?;
            fields.iter().find_map(|(k, v)| {
                let ty = defs.get(k.as_str())?;
                malformed(types, ty, v, format!("{at}.{k}"), scalar)
            })
        }
        _ => None,
    }
}

/// The field of `set` answering to `key` (its alias or name), through fragments.
fn find_field<'a>(
    doc: &'a ExecutableDocument,
    set: &'a SelectionSet,
    key: &str,
) -> Option<&'a Field> {
    set.items.iter().find_map(|sel| match &sel.node {
        Selection::Field(f) => {
            let k = f.node.alias.as_ref().unwrap_or(&f.node.name);
            (k.node.as_str() == key).then_some(&f.node)
        }
        Selection::InlineFragment(frag) => find_field(doc, &frag.node.selection_set.node, key),
        Selection::FragmentSpread(spread) => doc
            .fragments
            .get(&spread.node.fragment_name.node)
            .and_then(|f| find_field(doc, &f.node.selection_set.node, key)),
    })
}

/// The path of the malformed `scalar` among the arguments of the field at `path` in
/// the operation `wanted` (or the only one) of `doc`.
pub(crate) fn locate(
    doc: &ExecutableDocument,
    wanted: Option<&str>,
    variables: &Variables,
    path: &[PathSegment],
    scalar: &str,
) -> Option<String> {
    let types = types();
    let op = match (&doc.operations, wanted) {
        (DocumentOperations::Single(op), _) => &op.node,
        (DocumentOperations::Multiple(map), Some(w)) => {
            &map.iter().find(|(n, _)| n.as_str() == w)?.1.node
        }
        (DocumentOperations::Multiple(map), None) => &map.values().next()?.node,
    };
    let mut parent = match op.ty {
        OperationType::Query => "Query",
        OperationType::Mutation => "Mutation",
        OperationType::Subscription => return None,
    }
    .to_owned();
    let mut set = &op.selection_set.node;
    let mut field = None;
    for seg in path {
        let PathSegment::Field(key) = seg else {
            continue;
        };
        let f = find_field(doc, set, key)?;
        let (_, result) = types.objects.get(&parent)?.get(f.name.node.as_str())?;
        field = Some((f, parent.clone()));
        parent.clone_from(result);
        set = &f.selection_set.node;
    }
    let (field, owner) = field?;
    let args = &types.objects.get(&owner)?.get(field.name.node.as_str())?.0;
    field.arguments.iter().find_map(|(name, value)| {
        let ty = args.get(name.node.as_str())?;
        let value = value
            .node
            .clone()
            .into_const_with(|v| {
                Ok::<_, std::convert::Infallible>(
                    variables.get(&v).cloned().unwrap_or(ConstValue::Null),
                )
            })
            .ok()?;
        malformed(types, ty, &value, name.node.to_string(), scalar)
    })
}

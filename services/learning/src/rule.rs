//! The completion rule of a course, as a pure function: which modules a participant
//! covered (the modules of the sessions attended), whether that meets the rule (every
//! mandatory module, or at least N of the modules) and whether the attended share of
//! the sessions reaches the minimum.

use std::collections::BTreeSet;

use crate::types::RuleKind;

/// A course's completion rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompletionRule {
    /// Which modules count.
    pub kind: RuleKind,
    /// For [`RuleKind::NOfM`]: how many modules at least.
    pub min_modules: u32,
    /// The share of the run's sessions to attend, in percent (0–100).
    pub min_attendance_percent: u32,
}

/// A module of a run's course, by key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleRef {
    /// Key (`tenant_rights`; local modules `local:<n>`).
    pub key: String,
    /// Mandatory for [`RuleKind::AllMandatory`].
    pub mandatory: bool,
}

/// Where a participant stands against the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Sessions attended.
    pub attended: u32,
    /// Sessions of the run.
    pub sessions: u32,
    /// Modules covered by the sessions attended, in course order.
    pub covered: Vec<String>,
    /// Modules the rule still needs (mandatory ones not covered; for N of M, empty
    /// once N are covered).
    pub missing: Vec<String>,
    /// The rule is met.
    pub complete: bool,
}

impl CompletionRule {
    /// Evaluates the rule for a participant of a run whose sessions cover
    /// `session_modules` (one list per session, in order), who attended the sessions
    /// whose index is in `attended`.
    #[must_use]
    pub fn evaluate(
        &self,
        modules: &[ModuleRef],
        session_modules: &[Vec<String>],
        attended: &BTreeSet<usize>,
    ) -> Progress {
        let sessions = u32::try_from(session_modules.len()).unwrap_or(u32::MAX);
        let present: BTreeSet<&str> = session_modules
            .iter()
            .enumerate()
            .filter(|(i, _)| attended.contains(i))
            .flat_map(|(_, m)| m.iter().map(String::as_str))
            .collect();
        let attended_n = u32::try_from(
            attended
                .iter()
                .filter(|i| **i < session_modules.len())
                .count(),
        )
        .unwrap_or(u32::MAX);
        let covered: Vec<String> = modules
            .iter()
            .filter(|m| present.contains(m.key.as_str()))
            .map(|m| m.key.clone())
            .collect();
        let missing: Vec<String> = match self.kind {
            RuleKind::AllMandatory => modules
                .iter()
                .filter(|m| m.mandatory && !present.contains(m.key.as_str()))
                .map(|m| m.key.clone())
                .collect(),
            RuleKind::NOfM => {
                if covered.len() >= self.min_modules as usize {
                    Vec::new()
                } else {
                    modules
                        .iter()
                        .filter(|m| !present.contains(m.key.as_str()))
                        .map(|m| m.key.clone())
                        .collect()
                }
            }
        };
        let rule_met = match self.kind {
            RuleKind::AllMandatory => missing.is_empty(),
            RuleKind::NOfM => covered.len() >= self.min_modules as usize,
        };
        // Integer arithmetic: 2 of 3 sessions is 66.6 %, below a 67 % minimum.
        let share_met = sessions > 0
            && u64::from(attended_n) * 100
                >= u64::from(self.min_attendance_percent) * u64::from(sessions);
        Progress {
            attended: attended_n,
            sessions,
            covered,
            missing,
            complete: sessions > 0 && rule_met && share_met,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(key: &str, mandatory: bool) -> ModuleRef {
        ModuleRef {
            key: key.into(),
            mandatory,
        }
    }

    fn s(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| (*k).to_owned()).collect()
    }

    fn set(ix: &[usize]) -> BTreeSet<usize> {
        ix.iter().copied().collect()
    }

    const ALL: CompletionRule = CompletionRule {
        kind: RuleKind::AllMandatory,
        min_modules: 0,
        min_attendance_percent: 75,
    };

    #[test]
    fn all_mandatory_needs_every_mandatory_module_not_the_optional_ones() {
        let modules = [m("rights", true), m("heating", true), m("garden", false)];
        let sessions = [s(&["rights"]), s(&["heating"]), s(&["garden"]), s(&[])];
        let p = ALL.evaluate(&modules, &sessions, &set(&[0, 1, 3]));
        assert!(p.complete, "{p:?}");
        assert_eq!(p.covered, vec!["rights", "heating"]);
        let p = ALL.evaluate(&modules, &sessions, &set(&[0, 2, 3]));
        assert!(!p.complete);
        assert_eq!(p.missing, vec!["heating"]);
    }

    #[test]
    fn attendance_share_is_compared_without_rounding_up() {
        let rule = CompletionRule {
            min_attendance_percent: 67,
            ..ALL
        };
        let modules = [m("a", true)];
        let sessions = [s(&["a"]), s(&["a"]), s(&["a"])];
        // 2 of 3 = 66.67 % < 67 %.
        assert!(!rule.evaluate(&modules, &sessions, &set(&[0, 1])).complete);
        let rule = CompletionRule {
            min_attendance_percent: 66,
            ..ALL
        };
        assert!(rule.evaluate(&modules, &sessions, &set(&[0, 1])).complete);
        // Exactly the minimum passes.
        let rule = CompletionRule {
            min_attendance_percent: 100,
            ..ALL
        };
        assert!(
            rule.evaluate(&modules, &sessions, &set(&[0, 1, 2]))
                .complete
        );
        assert!(!rule.evaluate(&modules, &sessions, &set(&[0, 1])).complete);
    }

    #[test]
    fn n_of_m_counts_distinct_modules_covered() {
        let rule = CompletionRule {
            kind: RuleKind::NOfM,
            min_modules: 2,
            min_attendance_percent: 0,
        };
        let modules = [m("a", false), m("b", false), m("c", false)];
        // The same module twice is one module.
        let sessions = [s(&["a"]), s(&["a"]), s(&["b", "c"])];
        assert!(!rule.evaluate(&modules, &sessions, &set(&[0, 1])).complete);
        let p = rule.evaluate(&modules, &sessions, &set(&[2]));
        assert!(p.complete);
        assert!(p.missing.is_empty());
    }

    #[test]
    fn nothing_completes_a_run_without_sessions_or_with_unknown_indexes() {
        let modules = [m("a", false)];
        let rule = CompletionRule {
            min_attendance_percent: 0,
            ..ALL
        };
        assert!(!rule.evaluate(&modules, &[], &set(&[])).complete);
        // An index past the sessions is ignored, not counted.
        let sessions = [s(&["a"])];
        let p = rule.evaluate(&modules, &sessions, &set(&[5]));
        assert_eq!(p.attended, 0);
        // No mandatory module and 0 % minimum: one session held, none attended, passes.
        assert!(p.complete);
    }

    #[test]
    fn modules_a_session_names_but_the_course_lacks_do_not_count() {
        let rule = CompletionRule {
            kind: RuleKind::NOfM,
            min_modules: 1,
            min_attendance_percent: 0,
        };
        let modules = [m("a", false)];
        let sessions = [s(&["zzz"])];
        assert!(!rule.evaluate(&modules, &sessions, &set(&[0])).complete);
    }
}

//! The one integration-test binary. Every test starts the real gateway (see
//! `wohnweg-tests`) on the embedded default, or on PostgreSQL and Redis when
//! `DATABASE_URL` / `REDIS_URL` are set.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod admin;
mod audit;
mod auth;
mod benefit_office;
mod browser;
mod carriers;
mod caseload;
mod casework;
mod casework_care;
mod cli;
mod coaching;
mod course_evaluation;
mod coverage;
mod decisions;
mod guarantees;
mod health;
mod housing;
mod housing_contract;
mod http;
mod insights;
mod isolation;
mod language;
mod lasting;
mod learning;
mod limits;
mod login;
mod matching;
mod matching_props;
mod moves;
mod node;
mod programmes;
mod public_form;
mod register_props;
mod reunification;
mod rls;
mod scalars;
mod scheduled;
mod trusted;
mod ways_out;

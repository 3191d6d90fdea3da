//! sea-orm entities of the identity tables. Private to the crate: other crates reach
//! identity data only through the service API.

pub mod organisation;
pub mod platform_user;
pub mod role_grant;
pub mod tenant;
pub mod user;
pub mod user_identity;

//! The request context every tenant-scoped service method takes first.

use crate::error::{Error, Result};
use crate::ids::TenantId;
use crate::principal::Principal;

/// Who is asking, for this one request.
#[derive(Clone, Debug)]
pub struct Ctx {
    principal: Principal,
}

impl Ctx {
    /// The context of an authenticated principal.
    #[must_use]
    pub fn new(principal: Principal) -> Self {
        Self { principal }
    }

    /// The principal.
    #[must_use]
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The tenant this request is scoped to. Platform users have none and get
    /// `FORBIDDEN` from every tenant-scoped method.
    pub fn tenant(&self) -> Result<TenantId> {
        self.principal.tenant.ok_or(Error::Forbidden)
    }
}

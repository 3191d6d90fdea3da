//! Each city's signing key: generated on first use, the private half sealed at rest
//! with the key-encryption key from configuration (XChaCha20-Poly1305, the key's id
//! as associated data so a sealed key cannot be moved to another row), rotated on
//! request (the old public key stays published, retired), revoked with a date when
//! compromised (nothing it signed verifies after that; the city reissues).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD as B64};
use chacha20poly1305::aead::{Aead as _, KeyInit as _, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::Utc;
use ed25519_dalek::SigningKey;
use rand::RngCore as _;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Error, Result, TenantTx};

use crate::entity::signing_key;

/// The key-encryption key: 32 bytes, from configuration (base64). Never logged.
#[derive(Clone)]
pub struct Kek([u8; 32]);

impl std::fmt::Debug for Kek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Kek(…)")
    }
}

impl Kek {
    /// Parses 32 bytes in standard base64 (`openssl rand -base64 32`).
    ///
    /// # Errors
    /// Not base64, or not 32 bytes.
    pub fn parse(raw: &str) -> std::result::Result<Self, String> {
        let bytes = STANDARD
            .decode(raw.trim())
            .map_err(|_| "is not base64".to_owned())?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "must be 32 bytes (openssl rand -base64 32)".to_owned())?;
        Ok(Self(key))
    }

    /// A fresh random key, in the form [`Kek::parse`] reads.
    #[must_use]
    pub fn generate() -> String {
        let mut key = [0_u8; 32];
        rand::rng().fill_bytes(&mut key);
        STANDARD.encode(key)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new((&self.0).into())
    }

    /// Seals a private key: `base64url(nonce ‖ ciphertext)`.
    fn seal(&self, id: Uuid, key: &SigningKey) -> Result<String> {
        let mut nonce = [0_u8; 24];
        rand::rng().fill_bytes(&mut nonce);
        let sealed = self
            .cipher()
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: key.as_bytes(),
                    aad: id.as_bytes(),
                },
            )
            .map_err(|_| Error::internal(std::io::Error::other("sealing a signing key failed")))?;
        let mut out = nonce.to_vec();
        out.extend(sealed);
        Ok(B64.encode(out))
    }

    /// Opens a sealed private key; fails with another key-encryption key.
    fn open(&self, id: Uuid, sealed: &str) -> Result<SigningKey> {
        let broken = || {
            Error::internal(std::io::Error::other(
                "a signing key cannot be opened: is the key-encryption key the one it was sealed with?",
            ))
        };
        let bytes = B64.decode(sealed).map_err(|_| broken())?;
        if bytes.len() < 24 {
            return Err(broken());
        }
        let (nonce, ct) = bytes.split_at(24);
        let nonce: [u8; 24] = nonce.try_into().map_err(|_| broken())?;
        let plain = self
            .cipher()
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: ct,
                    aad: id.as_bytes(),
                },
            )
            .map_err(|_| broken())?;
        let secret: [u8; 32] = plain.try_into().map_err(|_| broken())?;
        Ok(SigningKey::from_bytes(&secret))
    }
}

/// The city's current signing key, created when it has none (first use).
pub(crate) async fn current(tx: &TenantTx, kek: &Kek) -> Result<(Uuid, SigningKey)> {
    let existing = tx
        .find::<signing_key::Entity>()
        .filter(signing_key::Column::RetiredAt.is_null())
        .filter(signing_key::Column::RevokedFrom.is_null())
        .order_by_desc(signing_key::Column::CreatedAt)
        .one(tx.conn())
        .await?;
    match existing {
        Some(k) => Ok((k.id, kek.open(k.id, &k.sealed_private_key)?)),
        None => create(tx, kek).await,
    }
}

/// Creates a new signing key for the transaction's city.
pub(crate) async fn create(tx: &TenantTx, kek: &Kek) -> Result<(Uuid, SigningKey)> {
    let mut secret = [0_u8; 32];
    rand::rng().fill_bytes(&mut secret);
    let key = SigningKey::from_bytes(&secret);
    let id = Uuid::now_v7();
    signing_key::Entity::secure_insert(
        tx,
        signing_key::ActiveModel {
            tenant_id: Set(Uuid::nil()),
            id: Set(id),
            public_key: Set(crate::credential::public_x(&key)),
            sealed_private_key: Set(kek.seal(id, &key)?),
            created_at: Set(Utc::now()),
            retired_at: Set(None),
            revoked_from: Set(None),
            revoke_reason: Set(None),
        },
    )
    .await?;
    Ok((id, key))
}

/// Every key of the transaction's city, oldest first.
pub(crate) async fn all(tx: &TenantTx) -> Result<Vec<signing_key::Model>> {
    Ok(tx
        .find::<signing_key::Entity>()
        .order_by_asc(signing_key::Column::CreatedAt)
        .all(tx.conn())
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_key_opens_only_with_its_kek_and_its_id() {
        let kek = Kek::parse(&Kek::generate()).unwrap();
        let key = SigningKey::from_bytes(&[7; 32]);
        let id = Uuid::now_v7();
        let sealed = kek.seal(id, &key).unwrap();
        assert!(!sealed.contains(&B64.encode(key.as_bytes())));
        assert_eq!(kek.open(id, &sealed).unwrap().as_bytes(), key.as_bytes());
        assert!(kek.open(Uuid::now_v7(), &sealed).is_err());
        let other = Kek::parse(&Kek::generate()).unwrap();
        assert!(other.open(id, &sealed).is_err());
        assert!(Kek::parse("c2hvcnQ=").is_err());
        assert!(Kek::parse("not base64!").is_err());
        assert_eq!(format!("{kek:?}"), "Kek(…)");
    }
}

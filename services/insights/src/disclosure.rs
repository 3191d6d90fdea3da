//! Disclosure control: the **cell-key method** (as in Germany's Census 2022 and the
//! Australian Bureau of Statistics' TableBuilder), plus a minimum publishable count.
//!
//! - Every household carries a fixed random **record key**: the low 32 bits of its id,
//!   which are random bits of a version 7 (or 4) UUID. It never changes and is never
//!   published.
//! - A cell's **cell key** is the sum of its records' keys mod 2³², read as a fraction
//!   of 2³² in `[0, 1)`. The same records give the same cell key, wherever the cell
//!   turns up.
//! - The fixed **perturbation table** [`PTABLE`] maps the cell key to a perturbation
//!   `d` added to the true count (a sum over the records, such as persons, moves by
//!   the same factor: `value × (count + d) / count`): `d ∈ {−3, …, +3}` with probabilities 0.5 %, 4.5 %,
//!   20 %, 50 %, 20 %, 4.5 %, 0.5 % over the key's range. Mean 0, variance 0.85,
//!   expected absolute error 0.61, never more than 3.
//! - Cells whose true count lies below the **minimum publishable count** (a platform
//!   setting, at least [`MIN_THRESHOLD`], default 3) are not published ("—"), and
//!   neither is anything counted on them (medians, shares). A published value is at
//!   least 1 (a count of 3 drawn −3 shows 1: a bias of +0.005 for that count only),
//!   so a non-empty cell never looks empty.
//! - A true zero is published as zero: an empty cell has no records to protect.
//!
//! Why it holds: the published value depends on the cell's records and value only, so
//! asking again — or through another measure that counts the same households — gives
//! the same answer (nothing to average away). Two overlapping selections differ by
//! their own two independent perturbations, so their difference guesses a small cell
//! right about a third of the time (Σ p(d)² ≈ 0.34); it is certain only when the two
//! perturbations fall at the very opposite ends of the table (about 1 in 10¹⁹ pairs —
//! the thin tails are there for this: a table cut off at ±3 would let 1 pair in
//! 40,000 be certain). The API
//! offers no overlapping selections beyond a measure's breakdown (fixed quarters, whole
//! cities, no carrier cells); the attack suite (`disclosure_tests.rs`) tries them
//! anyway and prints what it tried and what it found.

/// The smallest minimum publishable count the platform accepts.
pub const MIN_THRESHOLD: i64 = 3;

/// The perturbation table's core: from the middle of the key's range outwards, the
/// share of keys (in 2⁻³² units, per side) and its perturbation. Beyond the core,
/// the outermost [`TAIL`] keys on each side give ±3, ±4, … with the share halving at
/// each step, up to ±[`MAX_PERTURBATION`].
pub const PTABLE: [(u64, i64); 3] = [(per_mille(500), 0), (per_mille(200), 1), (per_mille(45), 2)];

/// The keys on each side beyond the core (0.5 % of the range).
pub const TAIL: u64 = per_mille(5);

/// The largest perturbation the table can give (at the very ends of the key's range).
pub const MAX_PERTURBATION: i64 = 27;

const fn per_mille(n: u64) -> u64 {
    (1 << 32) / 1000 * n
}

/// A record's fixed key: the low 32 bits of its id.
#[must_use]
pub fn record_key(id: uuid::Uuid) -> u32 {
    #[allow(clippy::cast_possible_truncation)] // the low 32 bits, on purpose
    let low = id.as_u128() as u32;
    low
}

/// A cell being counted: how many records, and their keys' sum mod 2³².
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The true count.
    pub count: i64,
    /// The cell key, in 2⁻³² units.
    pub key: u32,
}

impl Cell {
    /// Counts a record in.
    pub fn add(&mut self, record: u32) {
        self.count += 1;
        self.key = self.key.wrapping_add(record);
    }

    /// A cell of `records`.
    #[must_use]
    pub fn of(records: impl IntoIterator<Item = u32>) -> Self {
        let mut c = Self::default();
        for r in records {
            c.add(r);
        }
        c
    }
}

/// The perturbation the table gives a cell key.
#[must_use]
pub fn perturbation(key: u32) -> i64 {
    let k = u64::from(key);
    let half = 1u64 << 31;
    // Distance from the middle, and the side.
    let (sign, from_middle) = if k < half {
        (-1, half - 1 - k)
    } else {
        (1, k - half)
    };
    // The core's shares are of the whole range, half of each on either side.
    let core: [(u64, i64); 3] = [
        (PTABLE[0].0 / 2, PTABLE[0].1),
        (PTABLE[0].0 / 2 + PTABLE[1].0, PTABLE[1].1),
        (PTABLE[0].0 / 2 + PTABLE[1].0 + PTABLE[2].0, PTABLE[2].1),
    ];
    if let Some((_, d)) = core.iter().find(|(upper, _)| from_middle < *upper) {
        return sign * d;
    }
    // The tail: `x` keys from the end of the range; each halving nearer the end is one
    // more step.
    let x = half - 1 - from_middle;
    let steps = i64::from((TAIL / (x + 1)).max(1).ilog2());
    sign * (3 + steps).min(MAX_PERTURBATION)
}

/// What may be published of a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Published {
    /// The perturbed count.
    Value(i64),
    /// Below the minimum publishable count: shown as "—".
    Suppressed,
}

impl Published {
    /// The value, if published.
    #[must_use]
    pub fn value(self) -> Option<i64> {
        match self {
            Self::Value(v) => Some(v),
            Self::Suppressed => None,
        }
    }
}

/// Publishes `cell` counting `value` (the records' count, or something summed over
/// them such as persons; `cell.count` decides whether it may be shown) under
/// `threshold`: `value × (count + d) / count`, rounded half up — for a count itself,
/// `count + d`.
#[must_use]
pub fn publish(cell: Cell, value: i64, threshold: i64) -> Published {
    if cell.count == 0 {
        return Published::Value(0);
    }
    if cell.count < threshold.max(MIN_THRESHOLD) {
        return Published::Suppressed;
    }
    // The perturbation scales with what is counted per record (persons per household),
    // so a measure that counts the same households several times over carries the same
    // relative noise as the households themselves — nothing to average away.
    let perturbed = (cell.count + perturbation(cell.key)).max(1);
    let scaled = (i128::from(value) * i128::from(perturbed) * 2 + i128::from(cell.count))
        / (i128::from(cell.count) * 2);
    Published::Value(i64::try_from(scaled).unwrap_or(i64::MAX).max(1))
}

#[cfg(test)]
#[path = "disclosure_tests.rs"]
mod tests;

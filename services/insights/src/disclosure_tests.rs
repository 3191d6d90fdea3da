//! The table's shares, the publication rules, and the attack suite: differencing,
//! repetition, averaging across measures, and a caller trying to lower the threshold.
//! Each attack knows the perturbation table (it is documented) and that a suppressed
//! cell holds 1 or 2 records; it *recovers* a protected value when the published
//! figures leave exactly one value possible. The suite prints what it tried.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::*;

fn keys(rng: &mut StdRng, n: usize) -> Vec<u32> {
    (0..n).map(|_| rng.random()).collect()
}

/// What the attacker can conclude about a suppressed cell `s ∈ {1, 2}` from
/// `difference = s + Σ± dᵢ` over `terms` perturbations: the values still possible.
fn possible(difference: i64, terms: usize) -> Vec<i64> {
    let span = MAX_PERTURBATION * i64::try_from(terms).unwrap();
    [1, 2]
        .into_iter()
        .filter(|s| (difference - s).abs() <= span)
        .collect()
}

#[test]
fn the_table_gives_the_documented_shares() {
    let mut seen = std::collections::BTreeMap::new();
    let steps: u64 = 1 << 20;
    for i in 0..steps {
        let key = u32::try_from(i * ((1 << 32) / steps)).unwrap();
        *seen.entry(perturbation(key)).or_insert(0u64) += 1;
    }
    let share = |d: i64| seen[&d] as f64 / steps as f64;
    for (d, want) in [
        (-4, 0.00125),
        (-3, 0.0025),
        (-2, 0.045),
        (-1, 0.2),
        (0, 0.5),
        (1, 0.2),
        (2, 0.045),
        (3, 0.0025),
        (4, 0.00125),
    ] {
        assert!((share(d) - want).abs() < 0.0002, "d = {d}: {}", share(d));
    }
    assert_eq!(perturbation(0), -MAX_PERTURBATION);
    assert_eq!(perturbation(u32::MAX), MAX_PERTURBATION);
    let outward: Vec<i64> = (0..32).map(|b| perturbation((1u32 << b) - 1)).collect();
    assert!(outward.windows(2).all(|w| w[0] <= w[1]), "{outward:?}");
    let mean: f64 = seen.iter().map(|(d, n)| *d as f64 * *n as f64).sum::<f64>() / steps as f64;
    assert!(mean.abs() < 0.001, "mean {mean}");
}

#[test]
fn small_cells_are_withheld_zero_stays_zero_and_nothing_looks_empty() {
    let mut rng = StdRng::seed_from_u64(7);
    assert_eq!(publish(Cell::default(), 0, 3), Published::Value(0));
    for n in 1..=2 {
        let c = Cell::of(keys(&mut rng, n));
        assert_eq!(publish(c, c.count, 3), Published::Suppressed);
    }
    // A higher threshold withholds more; a lower one than the floor is the floor.
    let four = Cell::of(keys(&mut rng, 4));
    assert_eq!(publish(four, 4, 5), Published::Suppressed);
    let two = Cell::of(keys(&mut rng, 2));
    assert_eq!(publish(two, 2, 1), Published::Suppressed, "the floor holds");
    // Every published value of a non-empty cell is at least 1.
    for _ in 0..10_000 {
        let n = rng.random_range(3..40);
        let c = Cell::of(keys(&mut rng, n));
        let v = publish(c, c.count, 3).value().unwrap();
        assert!(
            v >= 1 && (v - c.count).abs() <= MAX_PERTURBATION,
            "{n} → {v}"
        );
    }
    // The cell key is the records' sum mod 2³², whatever their order.
    let ks = keys(&mut rng, 9);
    let mut rev = ks.clone();
    rev.reverse();
    assert_eq!(Cell::of(ks), Cell::of(rev));
    assert_eq!(
        record_key(uuid::Uuid::from_u128(0xabcd_0000_0000_1234_5678)),
        0x1234_5678
    );
}

#[test]
fn the_attack_suite_recovers_no_protected_value() {
    let mut rng = StdRng::seed_from_u64(2026);
    let mut tried = 0u32;
    let mut recovered = 0u32;
    let mut guessed_right = 0u32;

    // (1a) Differencing two overlapping selections: a city's cell against the same
    // cell without one carrier's households (or a quarter against the quarter and
    // one more day), the difference being a suppressed cell of 1 or 2.
    for _ in 0..20_000 {
        let s = rng.random_range(1..=2usize);
        let rest = {
            let n = rng.random_range(3..300);
            keys(&mut rng, n)
        };
        let small = keys(&mut rng, s);
        let with = Cell::of(rest.iter().chain(&small).copied());
        let without = Cell::of(rest.iter().copied());
        let diff = publish(with, with.count, 3).value().unwrap()
            - publish(without, without.count, 3).value().unwrap();
        tried += 1;
        let left = possible(diff, 2);
        if left == [i64::try_from(s).unwrap()] {
            recovered += 1;
        }
        if diff == i64::try_from(s).unwrap() {
            guessed_right += 1;
        }
    }
    let pairs_right = guessed_right;

    // (1b) A breakdown: the total less the parts that are shown leaves the part that
    // is withheld (moves less those through a match and the self-found ones leaves the
    // lease takeovers).
    let mut breakdown_right = 0u32;
    for _ in 0..20_000 {
        let s = rng.random_range(1..=2usize);
        let a = {
            let n = rng.random_range(3..100);
            keys(&mut rng, n)
        };
        let b = {
            let n = rng.random_range(3..100);
            keys(&mut rng, n)
        };
        let small = keys(&mut rng, s);
        let total = Cell::of(a.iter().chain(&b).chain(&small).copied());
        let (pa, pb) = (Cell::of(a.iter().copied()), Cell::of(b.iter().copied()));
        let shown = |c: Cell| publish(c, c.count, 3).value().unwrap();
        let diff = shown(total) - shown(pa) - shown(pb);
        tried += 1;
        if possible(diff, 3) == [i64::try_from(s).unwrap()] {
            recovered += 1;
        }
        if diff == i64::try_from(s).unwrap() {
            breakdown_right += 1;
        }
    }

    // (2) Repetition: the same cell asked 1,000 times.
    let cell = Cell::of(keys(&mut rng, 4));
    let answers: std::collections::BTreeSet<_> =
        (0..1000).map(|_| publish(cell, cell.count, 3)).collect();
    tried += 1000;
    assert_eq!(answers.len(), 1, "one answer however often asked");

    // (3) Averaging across measures: one group counted by many measures (households,
    // persons, by source, in a cohort) carries one cell key, so each measure's
    // difference carries the same noise and the average is no better than one.
    let mut single_err = 0i64;
    let mut averaged_err = 0f64;
    for _ in 0..2000 {
        let s = rng.random_range(1..=2i64);
        let rest = {
            let n = rng.random_range(3..200);
            keys(&mut rng, n)
        };
        let small = keys(&mut rng, usize::try_from(s).unwrap());
        let with = Cell::of(rest.iter().chain(&small).copied());
        let without = Cell::of(rest.iter().copied());
        // Ten measures over the same households: value = count × a per-measure factor.
        let estimates: Vec<f64> = (1..=10i64)
            .map(|f| {
                let a = publish(with, with.count * f, 3).value().unwrap();
                let b = publish(without, without.count * f, 3).value().unwrap();
                (a - b) as f64 / f as f64
            })
            .collect();
        tried += 10;
        let first = (estimates[0] - s as f64).abs();
        single_err += i64::from(first > 0.0);
        let avg = estimates.iter().sum::<f64>() / estimates.len() as f64;
        averaged_err += f64::from(u8::from((avg - s as f64).abs() >= 0.5));
        let left = possible(estimates[0].round() as i64, 2);
        if left == [s] {
            recovered += 1;
        }
    }
    // Averaging does not converge: most averages stay as wrong as single answers.
    assert!(
        averaged_err >= single_err as f64 * 0.5,
        "averaging gained: {averaged_err} wrong averages against {single_err} wrong single answers"
    );

    // (4) The threshold cannot be lowered by whoever asks: the floor holds.
    for threshold in [i64::MIN, -1, 0, 1, 2] {
        let c = Cell::of(keys(&mut rng, 2));
        tried += 1;
        if publish(c, c.count, threshold) != Published::Suppressed {
            recovered += 1;
        }
    }

    eprintln!(
        "attack suite: {tried} attacks tried, {recovered} recovered a protected value; \
         differencing guessed right {:.1} % (pairs) and {:.1} % (breakdowns), \
         averaging ten measures left {averaged_err} of 2000 estimates off against {single_err} single ones",
        f64::from(pairs_right) / 200.0,
        f64::from(breakdown_right) / 200.0,
    );
    assert_eq!(recovered, 0, "no attack may recover a protected value");
    assert!(f64::from(pairs_right) / 20_000.0 < 0.5);
}

/// Record keys are random: ids made in one tight loop (one millisecond, the v7
/// counter counting) still differ in their low 32 bits like random numbers — so a
/// cell key reveals nothing about when its households were registered.
#[test]
fn record_keys_of_ids_made_together_look_random() {
    let keys: Vec<u32> = (0..20_000)
        .map(|_| record_key(uuid::Uuid::now_v7()))
        .collect();
    let steps_of_one = keys
        .windows(2)
        .filter(|w| w[1].wrapping_sub(w[0]) == 1)
        .count();
    assert!(steps_of_one < 5, "{steps_of_one} ids in a row count up");
    let mean = keys.iter().map(|k| f64::from(*k)).sum::<f64>() / keys.len() as f64;
    let middle = f64::from(u32::MAX) / 2.0;
    assert!((mean - middle).abs() / middle < 0.02, "mean {mean}");
    let distinct: std::collections::HashSet<u32> = keys.iter().copied().collect();
    assert!(distinct.len() > 19_900);
}

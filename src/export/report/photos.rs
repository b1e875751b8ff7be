//! The photos a report shows: made printable, and every one left out named,
//! so that `report` and `validate` never drop a photo without a word.

use std::path::Path;

use crate::core::inspection::actions::{Action, MAX_PHOTO_BYTES, photo_paths};
use crate::core::inspection::{Inspection, is_image};
use crate::core::storage::evidence;

/// A photo the report leaves out: `path` as the record names it, on the
/// standard `standard`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub standard: String,
    pub path: String,
}

impl LeftOut {
    /// What happened, in `lang`.
    #[must_use]
    pub fn message(&self, lang: crate::core::model::Language) -> String {
        crate::core::i18n::fill(
            crate::core::i18n::messages(lang).photo_left_out,
            &[
                ("id", &self.standard),
                ("path", &self.path),
                ("max", &(MAX_PHOTO_BYTES / 1024 / 1024).to_string()),
            ],
        )
    }
}

/// Whether a photo's bytes can be printed (decoded, shrunk and embedded).
fn prints(bytes: &[u8]) -> bool {
    crate::core::storage::photos::for_print(bytes)
        .ok()
        .is_some_and(|b| crate::export::pdf::image::embed(&b).is_ok())
}

/// The photos (JPEG or PNG by name) of the record at `file` that a report
/// would leave out although they are in its folder: unreadable, over
/// [`MAX_PHOTO_BYTES`], truncated or not an image. A path that is missing or
/// leads out is an evidence finding already, and not repeated here.
#[must_use]
pub fn left_out(file: &Path, inspection: &Inspection, actions: &[Action]) -> Vec<LeftOut> {
    photo_paths(inspection, actions)
        .into_iter()
        .filter(|path| is_image(path) && evidence::locate(file, path).is_ok())
        .filter(|path| {
            evidence::read(file, path, MAX_PHOTO_BYTES)
                .ok()
                .is_none_or(|bytes| !prints(&bytes))
        })
        .map(|path| {
            let on_verdict = inspection
                .verdicts
                .iter()
                .find(|e| e.files().any(|f| *f == path))
                .map(|e| e.standard.clone());
            let standard = on_verdict.or_else(|| {
                actions
                    .iter()
                    .find(|a| a.fix_photos().any(|p| *p == path))
                    .map(|a| a.standard.clone())
            });
            LeftOut {
                standard: standard.unwrap_or_default(),
                path,
            }
        })
        .collect()
}

/// The photos ready to place in the PDF, by name: each one small enough to
/// print (see `core::storage::photos::for_print`), made on every core at
/// once, since a hundred photos to shrink take a while on one. Photos that
/// cannot be read are left out ([`left_out`] names them).
///
/// Decoding holds a photo's pixels in memory (4 bytes each), so the photos
/// decoded at once share [`DECODE_BUDGET`]: six photos declaring 20000 ×
/// 20000 took 4.7 GB when each core decoded one, and more cores took more.
pub(super) fn printable(
    photos: &[(String, Vec<u8>)],
) -> Vec<(String, crate::export::pdf::image::Embedded)> {
    let threads = crate::core::threads::available();
    let chunk = photos.len().div_ceil(threads).max(1);
    let budget = Budget::new(DECODE_BUDGET);
    let budget = &budget;
    std::thread::scope(|scope| {
        let workers: Vec<_> = photos
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .filter_map(|(name, bytes)| {
                            let _held = budget.take(decode_bytes(bytes));
                            let bytes = crate::core::storage::photos::for_print(bytes).ok()?;
                            crate::export::pdf::image::embed(&bytes)
                                .ok()
                                .map(|image| (name.clone(), image))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    })
}

/// The memory the photos decoded at once may take between them: 512 MB.
/// One photo larger than this (at most 12,000 px a side) is decoded alone.
pub(super) const DECODE_BUDGET: u64 = 512 * 1024 * 1024;

/// What decoding `bytes` holds in memory, from the size its header declares
/// (4 bytes a pixel); nothing for what is not an image (it is not decoded).
fn decode_bytes(bytes: &[u8]) -> u64 {
    image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_dimensions().ok())
        .map_or(0, |(w, h)| u64::from(w) * u64::from(h) * 4)
}

/// A share of memory that threads take from and give back: a taker waits
/// while what is taken would pass the total, except that one alone may take
/// more than the total (it would never be served otherwise).
pub(super) struct Budget {
    total: u64,
    taken: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
}

/// A share taken from a [`Budget`], given back when dropped.
pub(super) struct Held<'b> {
    budget: &'b Budget,
    amount: u64,
}

impl Budget {
    pub(super) fn new(total: u64) -> Self {
        Self {
            total,
            taken: std::sync::Mutex::new(0),
            freed: std::sync::Condvar::new(),
        }
    }

    /// Waits until `amount` fits, then takes it.
    pub(super) fn take(&self, amount: u64) -> Held<'_> {
        let mut taken = self
            .taken
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while *taken > 0 && *taken + amount > self.total {
            taken = self
                .freed
                .wait(taken)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        *taken += amount;
        Held {
            budget: self,
            amount,
        }
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        let mut taken = self
            .budget
            .taken
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *taken -= self.amount;
        self.budget.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[test]
    fn photos_decoded_at_once_never_take_more_than_the_budget_together() {
        let budget = Budget::new(100);
        let in_flight = AtomicU64::new(0);
        let most = AtomicU64::new(0);
        std::thread::scope(|scope| {
            for t in 0..8u64 {
                let (budget, in_flight, most) = (&budget, &in_flight, &most);
                scope.spawn(move || {
                    for k in 0..20u64 {
                        let amount = 10 + (t * 7 + k * 13) % 60;
                        let _held = budget.take(amount);
                        let now = in_flight.fetch_add(amount, Ordering::SeqCst) + amount;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::yield_now();
                        in_flight.fetch_sub(amount, Ordering::SeqCst);
                    }
                });
            }
        });
        assert!(most.load(Ordering::SeqCst) <= 100);
        // One larger than the whole budget is served alone, not forever refused.
        drop(budget.take(500));
    }

    #[test]
    fn a_photo_is_counted_by_the_pixels_its_header_declares() {
        let mut png = Vec::new();
        image::RgbImage::new(30, 20)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert_eq!(decode_bytes(&png), 30 * 20 * 4);
        assert_eq!(decode_bytes(b"not an image"), 0);
    }
}

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
pub(super) fn printable(
    photos: &[(String, Vec<u8>)],
) -> Vec<(String, crate::export::pdf::image::Embedded)> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk = photos.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = photos
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .filter_map(|(name, bytes)| {
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

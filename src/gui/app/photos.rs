//! Photos in the window: attaching them to a verdict on a thread of their
//! own (decoding a 12-megapixel photo takes longer than a frame), and
//! thumbnails as small textures, also made off the drawing thread.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::core::storage::photos;

/// The longest side of a thumbnail, in pixels.
pub const THUMB_SIDE: u32 = 160;

/// Photos being stored for a standard of the record: the results arrive here.
#[derive(Debug)]
pub struct Attaching {
    pub standard: String,
    pub rx: Receiver<Vec<Result<String, String>>>,
}

/// Stores `sources` beside `record` on a thread; returns where to wait for them.
#[must_use]
pub fn attach(record: &Path, standard: &str, sources: Vec<PathBuf>) -> Attaching {
    let (tx, rx) = channel();
    let record = record.to_owned();
    std::thread::spawn(move || {
        let results = sources
            .iter()
            .map(|source| photos::import(&record, source).map_err(|e| e.to_string()))
            .collect();
        let _ = tx.send(results);
    });
    Attaching {
        standard: standard.to_owned(),
        rx,
    }
}

/// Thumbnails by file, made on a thread and kept as textures.
pub struct Thumbs {
    ready: HashMap<PathBuf, egui::TextureHandle>,
    pending: HashSet<PathBuf>,
    failed: HashSet<PathBuf>,
    tx: Sender<(PathBuf, Option<egui::ColorImage>)>,
    rx: Receiver<(PathBuf, Option<egui::ColorImage>)>,
}

impl Default for Thumbs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            ready: HashMap::new(),
            pending: HashSet::new(),
            failed: HashSet::new(),
            tx,
            rx,
        }
    }
}

impl std::fmt::Debug for Thumbs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Thumbs")
            .field("ready", &self.ready.len())
            .field("pending", &self.pending.len())
            .finish_non_exhaustive()
    }
}

fn thumbnail(path: &Path) -> Option<egui::ColorImage> {
    let bytes = std::fs::read(path).ok()?;
    let image = image::load_from_memory(&bytes).ok()?;
    let small = photos::downscale(image, THUMB_SIDE).to_rgba8();
    let size = [small.width() as usize, small.height() as usize];
    Some(egui::ColorImage::from_rgba_unmultiplied(
        size,
        small.as_raw(),
    ))
}

impl Thumbs {
    /// The thumbnail of `path`, once made; asks for it the first time.
    pub fn get(&mut self, ctx: &egui::Context, path: &Path) -> Option<&egui::TextureHandle> {
        while let Ok((done, image)) = self.rx.try_recv() {
            self.pending.remove(&done);
            match image {
                Some(image) => {
                    let name = done.display().to_string();
                    let texture = ctx.load_texture(name, image, egui::TextureOptions::LINEAR);
                    self.ready.insert(done, texture);
                }
                None => {
                    self.failed.insert(done);
                }
            }
        }
        if !self.ready.contains_key(path)
            && !self.failed.contains(path)
            && self.pending.insert(path.to_owned())
        {
            let (tx, path, ctx) = (self.tx.clone(), path.to_owned(), ctx.clone());
            std::thread::spawn(move || {
                let image = thumbnail(&path);
                let _ = tx.send((path, image));
                ctx.request_repaint();
            });
        }
        self.ready.get(path)
    }
}

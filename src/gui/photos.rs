//! Photos in the window: attaching them to a verdict on a thread of their
//! own (decoding a 12-megapixel photo takes longer than a frame), and
//! thumbnails as small textures, also made off the drawing thread.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::core::storage::photos;

/// The longest side of a thumbnail, in pixels.
pub const THUMB_SIDE: u32 = 160;

/// Photos being stored for a standard of the record, or for an action's
/// completion: the results arrive here.
#[derive(Debug)]
pub struct Attaching {
    /// The standard's or the action's ID.
    pub to: String,
    pub rx: Receiver<Vec<Result<String, String>>>,
}

/// Stores `sources` in the photos folder beside `file` (a record or an
/// actions file) on a thread; returns where to wait for them.
#[must_use]
pub fn attach(file: &Path, to: &str, sources: Vec<PathBuf>) -> Attaching {
    let (tx, rx) = channel();
    let file = file.to_owned();
    std::thread::spawn(move || {
        let results = sources
            .iter()
            .map(|source| photos::import(&file, source).map_err(|e| e.to_string()))
            .collect();
        let _ = tx.send(results);
    });
    Attaching {
        to: to.to_owned(),
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

/// Where a thumbnail's photo is: named by a document (a record or an
/// actions file) and read only inside its folder, or built into the program
/// (the embedded sample's photos).
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    Beside(&'a Path, &'a str),
    Embedded(&'a str, &'static [u8]),
}

impl Source<'_> {
    fn key(&self) -> PathBuf {
        match self {
            Self::Beside(document, name) => {
                crate::core::storage::evidence::folder_of(document).join(name)
            }
            Self::Embedded(name, _) => Path::new("embedded:").join(name),
        }
    }
}

/// What a thread needs to read the photo.
enum Bytes {
    Beside(PathBuf, String),
    Embedded(&'static [u8]),
}

fn thumbnail(bytes: &Bytes) -> Option<egui::ColorImage> {
    let bytes = match bytes {
        Bytes::Embedded(bytes) => bytes.to_vec(),
        // Through the evidence rules: never a file outside the folder.
        Bytes::Beside(document, name) => {
            crate::core::storage::evidence::read(document, name, photos::MAX_SOURCE_BYTES).ok()?
        }
    };
    let image = image::load_from_memory(&bytes).ok()?;
    let small = photos::downscale(image, THUMB_SIDE).to_rgba8();
    let size = [small.width() as usize, small.height() as usize];
    Some(egui::ColorImage::from_rgba_unmultiplied(
        size,
        small.as_raw(),
    ))
}

impl Thumbs {
    /// The thumbnail of `source`, once made; asks for it the first time.
    pub fn get(&mut self, ctx: &egui::Context, source: Source<'_>) -> Option<&egui::TextureHandle> {
        let key = source.key();
        let path = key.as_path();
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
            let read = match source {
                Source::Embedded(_, bytes) => Bytes::Embedded(bytes),
                Source::Beside(document, name) => {
                    Bytes::Beside(document.to_owned(), name.to_owned())
                }
            };
            let (tx, path, ctx) = (self.tx.clone(), path.to_owned(), ctx.clone());
            std::thread::spawn(move || {
                let image = thumbnail(&read);
                let _ = tx.send((path, image));
                // A frame to show it, scheduled (1 ms) rather than at once: the
                // window wakes all the same, and a test harness stepping to a
                // still window is not held up by thumbnails arriving late.
                ctx.request_repaint_after(std::time::Duration::from_millis(1));
            });
        }
        self.ready.get(path)
    }

    /// Whether `source` could not be read as a photo.
    #[must_use]
    pub fn failed(&self, source: Source<'_>) -> bool {
        self.failed.contains(&source.key())
    }
}

//! The window's views, one per file. A view draws the part of the document it
//! is given, keeps its own state (the tree its filter, inspect mode its form
//! and session, results what they gathered, the actions board its files and
//! filters), and returns what it wants done as [`Command`]s (and dialogs
//! their [`Reply`]s) in its [`Cx`]: the app runs them after the frame. No
//! view writes the set or holds the whole app (a running inspection and the
//! board save their own record and actions files, through
//! `core::storage`); views know [`crate::gui::state`], never `app`.

pub mod actions;
pub mod chain;
pub mod dialogs;
pub mod editor;
pub mod findings;
pub mod inspect;
pub mod menu;
pub mod quadrant;
pub mod results;
pub mod revisions;
pub mod rewrite;
pub mod status;
pub mod survey;
pub mod tree;
pub mod wizard;

use crate::core::i18n::{InspectTexts, Texts, Words};
use crate::core::model::Language;
use crate::gui::state::{Command, Queued, Reply};

/// What every view is given besides its part of the document: the interface
/// language and the outbox for the commands and replies it wants run.
pub struct Cx<'a> {
    pub lang: Language,
    out: &'a mut Vec<Queued>,
}

impl<'a> Cx<'a> {
    #[must_use]
    pub fn new(lang: Language, out: &'a mut Vec<Queued>) -> Self {
        Self { lang, out }
    }

    /// Asks for `command` to run after the frame.
    pub fn run(&mut self, command: Command) {
        self.out.push(Queued::Command(command));
    }

    /// Gives a dialog's answer, run after the frame.
    pub fn answer(&mut self, reply: Reply) {
        self.out.push(Queued::Reply(reply));
    }

    /// A button that says `command`'s label and runs it when clicked.
    pub fn button(&mut self, ui: &mut egui::Ui, command: Command) {
        self.button_enabled(ui, true, command);
    }

    /// [`Cx::button`], greyed out unless `enabled`.
    pub fn button_enabled(&mut self, ui: &mut egui::Ui, enabled: bool, command: Command) {
        let label = command.label(self.words()).unwrap_or_default();
        if ui.add_enabled(enabled, egui::Button::new(label)).clicked() {
            self.run(command);
        }
    }

    #[must_use]
    pub fn words(&self) -> &'static Words {
        crate::core::i18n::words(self.lang)
    }

    #[must_use]
    pub fn texts(&self) -> &'static Texts {
        crate::core::i18n::texts(self.lang)
    }

    #[must_use]
    pub fn inspect_texts(&self) -> &'static InspectTexts {
        crate::core::i18n::inspect_texts(self.lang)
    }
}

/// Makes everything `ui` adds from here on touch-sized: buttons, radio
/// buttons, checkboxes, drop-downs and fields at least
/// [`inspect::TOUCH`] high, for what an auditor touches on a tablet (the
/// platforms' guidelines ask 48 px). The one way every view does it.
pub fn touch_sized(ui: &mut egui::Ui) {
    ui.spacing_mut().interact_size.y = inspect::TOUCH;
}

/// A checkbox for each of the four ways of checking a standard, kept in
/// their `Monitoring::ALL` order: the editor and the wizard both ask it.
pub fn monitoring_checkboxes(
    ui: &mut egui::Ui,
    monitoring: &mut Vec<crate::core::model::Monitoring>,
    lang: Language,
) {
    for method in crate::core::model::Monitoring::ALL {
        let mut on = monitoring.contains(&method);
        if ui.checkbox(&mut on, method.label(lang)).changed() {
            if on {
                monitoring.push(method);
                monitoring.sort();
            } else {
                monitoring.retain(|m| *m != method);
            }
        }
    }
}

/// Shows `photos` as thumbnails at most `height` points tall, each with its
/// name on hover and an empty frame while it is made. They are named by the
/// document at `beside` (a record or an actions file), or are the embedded
/// sample's when it is `None`.
pub fn thumbnails(
    ui: &mut egui::Ui,
    thumbs: &mut crate::gui::photos::Thumbs,
    beside: Option<&std::path::Path>,
    photos: &[String],
    height: f32,
) {
    use crate::gui::photos::Source;
    for photo in photos {
        let source = match beside {
            Some(document) => Source::Beside(document, photo),
            None => match crate::core::inspection::sample_photo(photo) {
                Some(bytes) => Source::Embedded(photo, bytes),
                None => continue,
            },
        };
        let texture = thumbs
            .get(ui.ctx(), source)
            .map(|t| (t.id(), t.size_vec2()));
        match texture {
            Some((id, size)) => {
                let scale = (height / size.y).min(1.0);
                ui.add(egui::Image::new((id, size * scale)))
                    .on_hover_text(photo);
            }
            None if thumbs.failed(source) => {
                // Missing or not a photo: its name, struck through.
                ui.label(egui::RichText::new(photo.as_str()).weak().strikethrough());
            }
            None => {
                // Room for the thumbnail while its thread makes it (the
                // thread asks for a frame when done): no spinner that would
                // keep the window drawing.
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(height, height), egui::Sense::hover());
                ui.painter()
                    .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
                response.on_hover_text(photo);
            }
        }
    }
}

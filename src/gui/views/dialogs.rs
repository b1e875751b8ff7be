//! Modal dialogs: unsaved changes, typed paths, errors, the method, shortcuts, about.

use std::path::PathBuf;

use crate::gui::state::{BINDINGS, Command, ExportChoice, JobKind, Modal, Purpose, Reply, Scope};
use crate::gui::views::Cx;

/// Draws the open `modal`, if any; `waiting_for_chooser` shows that a native
/// file dialog is open, `job` what is being written on its thread.
pub fn show(
    ctx: &egui::Context,
    cx: &mut Cx,
    modal_slot: &mut Option<Modal>,
    waiting_for_chooser: bool,
    job: Option<JobKind>,
) {
    let t = cx.texts();
    if waiting_for_chooser {
        egui::Modal::new(egui::Id::unique("servstd-chooser")).show(ctx, |ui| {
            super::touch_sized(ui);
            ui.label(t.waiting_for_chooser);
            if ui.button(t.type_path_instead).clicked() {
                cx.answer(Reply::TypePathInstead);
            }
        });
    }
    let Some(modal) = modal_slot.clone() else {
        return;
    };
    let mut close = false;
    let response = egui::Modal::new(egui::Id::unique("servstd-modal")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        // Every dialog is answered on a tablet too: its buttons, radio
        // buttons, checkboxes, drop-downs and fields are touch-sized.
        super::touch_sized(ui);
        match modal {
            Modal::Unsaved(then) => {
                ui.heading(t.unsaved_title);
                ui.label(t.unsaved_body);
                ui.horizontal(|ui| {
                    if ui.button(t.save).clicked() {
                        cx.answer(Reply::SaveThen(Box::new(then.clone())));
                        return;
                    }
                    if ui.button(t.discard).clicked() {
                        cx.answer(Reply::ContinueWith(Box::new(then.clone())));
                        return;
                    }
                    if ui.button(t.cancel).clicked() {
                        cx.answer(Reply::CancelQuit);
                        close = true;
                    }
                });
            }
            Modal::Path {
                purpose,
                mut text,
                note,
            } => {
                let heading = ui.heading(t.path_title);
                if let Some(note) = &note {
                    ui.label(note);
                }
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(500.0))
                    .labelled_by(heading.id);
                // The field is what the dialog is for: type at once.
                if ui.memory(|m| m.focused().is_none()) {
                    edit.request_focus();
                }
                // Enter in the field confirms. egui reports the focus the
                // field lost to Enter only the frame after, when the key is
                // no longer pressed: ask whether it had it as Enter came.
                let enter = (edit.has_focus() || edit.lost_focus())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter));
                *modal_slot = Some(Modal::Path {
                    purpose,
                    text: text.clone(),
                    note,
                });
                ui.horizontal(|ui| {
                    if (ui.button(t.ok).clicked() || enter) && !text.trim().is_empty() {
                        cx.answer(Reply::PathChosen(purpose, PathBuf::from(text.trim())));
                    }
                    if ui.button(t.cancel).clicked() {
                        close = true;
                    }
                });
            }
            Modal::Resume(records) => {
                let it = cx.inspect_texts();
                ui.heading(it.in_progress);
                if records.is_empty() {
                    ui.label(it.no_records_beside);
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for (path, line) in &records {
                            let button = egui::Button::new(line);
                            if ui.add(button).clicked() {
                                cx.answer(Reply::PathChosen(
                                    Purpose::ResumeInspection,
                                    path.clone(),
                                ));
                            }
                        }
                    });
                ui.horizontal(|ui| {
                    if ui.button(it.other_record).clicked() {
                        cx.run(Command::ResumeOther);
                    }
                    if ui.button(t.cancel).clicked() {
                        close = true;
                    }
                });
            }
            Modal::Error { title, body } => {
                ui.heading(title);
                ui.label(body);
                if ui.button(t.ok).clicked() {
                    close = true;
                }
            }
            Modal::ChangedOnDisk => {
                ui.label(t.changed_on_disk);
                ui.horizontal(|ui| {
                    if ui.button(t.overwrite).clicked() {
                        cx.answer(Reply::SaveOverChanged);
                    }
                    if ui.button(t.cancel).clicked() {
                        close = true;
                    }
                });
            }
            Modal::Recover(found) => {
                ui.heading(t.recovery_title);
                let origin = found
                    .origin
                    .as_ref()
                    .map_or_else(|| found.set.title.clone(), |p| p.display().to_string());
                ui.label(format!("{} ({}): {origin}", t.recovery_body, found.written));
                ui.horizontal(|ui| {
                    if ui.button(t.restore).clicked() {
                        cx.answer(Reply::Restore(found.clone()));
                    }
                    if ui.button(t.discard).clicked() {
                        cx.answer(Reply::DiscardRecovery);
                    }
                });
            }
            Modal::Export(mut choice) => {
                use crate::export::{Format, Layout, Paper};
                ui.heading(t.export.trim_end_matches('…'));
                // The choices scroll when the window is too short for them
                // all at touch size (1024 × 768 with role cards); where to
                // write and the Export button stay in view below them.
                let most = (ui.ctx().content_rect().height() - 330.0).max(160.0);
                egui::ScrollArea::vertical()
                    .max_height(most)
                    .show(ui, |ui| {
                        let mut format = choice.format;
                        format_choice(ui, t.format, &mut format);
                        if format != choice.format {
                            choice.set_kind(format, choice.layout);
                        }
                        if choice.format == Format::Pdf {
                            ui.horizontal_wrapped(|ui| {
                                ui.label(t.layout);
                                let layouts = [
                                    Layout::Checklist,
                                    Layout::Cards,
                                    Layout::Manual,
                                    Layout::RoleCards,
                                    Layout::Signoff,
                                ];
                                for (layout, name) in layouts.into_iter().zip(t.layouts) {
                                    if ui.radio(choice.layout == layout, name).clicked() {
                                        choice.set_kind(choice.format, layout);
                                    }
                                }
                            });
                            if choice.layout == Layout::Checklist {
                                ui.checkbox(&mut choice.fillable, t.fillable_form)
                                    .on_hover_text(t.fillable_form_tip);
                            }
                            ui.horizontal(|ui| {
                                ui.label(t.paper);
                                for (paper, name) in
                                    [(Paper::A4, "A4"), (Paper::Letter, t.us_letter)]
                                {
                                    if ui.radio(choice.paper == paper, name).clicked() {
                                        choice.paper = paper;
                                        choice.pages = None;
                                    }
                                }
                            });
                            ui.horizontal(|ui| {
                                if ui.button(t.count_pages).clicked() {
                                    cx.answer(Reply::CountPages(choice.clone()));
                                }
                                if let Some(n) = choice.pages {
                                    ui.label(format!("{n} {}", t.pages));
                                }
                            });
                        }
                        scope_rows(ui, t, &mut choice);
                    });
                if choice.vague > 0 {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        crate::core::i18n::fill(
                            t.vague_in_export,
                            &[("count", &choice.vague.to_string())],
                        ),
                    );
                }
                let asked = write_rows(
                    ui,
                    WriteLabels {
                        path: t.export_path,
                        open_after: cx.inspect_texts().open_after,
                        write: t.export.trim_end_matches('…'),
                        cancel: t.cancel,
                    },
                    &mut choice.path,
                    &mut choice.open_after,
                    choice.result.as_deref(),
                );
                if write_now(ui, job, JobKind::Export, asked, t.writing) {
                    choice.result = None;
                    cx.answer(Reply::WriteExport(choice.clone()));
                }
                *modal_slot = (asked != Some(Asked::Cancel)).then_some(Modal::Export(choice));
            }
            Modal::Report(mut choice) => {
                let it = cx.inspect_texts();
                ui.heading(it.report.trim_end_matches('…'));
                let mut format = choice.format;
                format_choice(ui, t.format, &mut format);
                if format != choice.format {
                    if let Some(stem) = choice.path.strip_suffix(choice.format.extension()) {
                        choice.path = format!("{stem}{}", format.extension());
                    }
                    choice.format = format;
                }
                let asked = write_rows(
                    ui,
                    WriteLabels {
                        path: it.path,
                        open_after: it.open_after,
                        write: it.report.trim_end_matches('…'),
                        cancel: t.cancel,
                    },
                    &mut choice.path,
                    &mut choice.open_after,
                    choice.result.as_deref(),
                );
                if write_now(ui, job, JobKind::Report, asked, t.writing) {
                    choice.result = None;
                    cx.answer(Reply::WriteReport(choice.clone()));
                }
                *modal_slot = (asked != Some(Asked::Cancel)).then_some(Modal::Report(choice));
            }
            Modal::Confirm {
                title,
                body,
                yes,
                no,
                then,
            } => {
                ui.heading(title);
                ui.label(body);
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    let no_button = ui.button(no);
                    if ui.button(yes).clicked() {
                        cx.answer(*then);
                        close = true;
                    }
                    if no_button.clicked() {
                        close = true;
                    }
                    // The safe answer has the focus: Enter does not destroy.
                    if ui.memory(|m| m.focused().is_none()) {
                        no_button.request_focus();
                    }
                });
            }
            Modal::Approve(choice) => {
                *modal_slot = super::revisions::approve(ui, cx, choice);
            }
            Modal::Compare(comparison) => {
                close = !super::revisions::compare(ui, cx, &comparison);
            }
            Modal::Method => {
                ui.heading(t.the_method);
                egui::ScrollArea::vertical()
                    .max_height(480.0)
                    .show(ui, |ui| {
                        for (head, body) in t.method_body {
                            ui.strong(*head);
                            ui.label(*body);
                            ui.add_space(6.0);
                        }
                    });
                if ui.button(t.close).clicked() {
                    close = true;
                }
            }
            Modal::Shortcuts => {
                ui.heading(t.shortcuts);
                shortcut_table(ui, cx.lang);
                if ui.button(t.close).clicked() {
                    close = true;
                }
            }
            Modal::About => {
                ui.heading(format!("servstd {}", env!("CARGO_PKG_VERSION")));
                ui.label(t.about_body);
                if ui.button(t.close).clicked() {
                    close = true;
                }
            }
        }
    });
    if close || response.should_close() {
        *modal_slot = None;
    }
}

/// Radio buttons for PDF, CSV and XLSX; choosing another format changes the
/// extension of the path typed so far.
fn format_choice(ui: &mut egui::Ui, label: &str, format: &mut crate::export::Format) {
    use crate::export::Format;
    ui.horizontal(|ui| {
        ui.label(label);
        for (f, name) in [
            (Format::Pdf, "PDF"),
            (Format::Csv, "CSV"),
            (Format::Xlsx, "XLSX"),
        ] {
            if ui.radio(*format == f, name).clicked() {
                *format = f;
            }
        }
    });
}

/// What the buttons at the end of a writing dialog asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asked {
    Write,
    Cancel,
}

#[derive(Clone, Copy)]
struct WriteLabels<'a> {
    path: &'a str,
    open_after: &'a str,
    write: &'a str,
    cancel: &'a str,
}

/// The end of a dialog that writes a file: where to, "open after", why the
/// last attempt failed, and the write (enabled with a path) and cancel buttons.
fn write_rows(
    ui: &mut egui::Ui,
    labels: WriteLabels<'_>,
    path: &mut String,
    open_after: &mut bool,
    failed: Option<&str>,
) -> Option<Asked> {
    let label = ui.label(labels.path);
    ui.add(egui::TextEdit::singleline(path).desired_width(500.0))
        .labelled_by(label.id);
    ui.checkbox(open_after, labels.open_after);
    if let Some(failed) = failed {
        ui.label(failed);
    }
    ui.horizontal(|ui| {
        let mut asked = None;
        if ui
            .add_enabled(!path.trim().is_empty(), egui::Button::new(labels.write))
            .clicked()
        {
            asked = Some(Asked::Write);
        }
        if ui.button(labels.cancel).clicked() {
            asked = Some(Asked::Cancel);
        }
        asked
    })
    .inner
}

/// Help › Keyboard shortcuts, generated from the one registry of bindings.
fn shortcut_table(ui: &mut egui::Ui, lang: crate::core::model::Language) {
    let words = crate::core::i18n::words(lang);
    let rows = |ui: &mut egui::Ui, inspecting: bool| {
        for binding in BINDINGS
            .iter()
            .filter(|b| (b.scope == Scope::Inspecting) == inspecting)
        {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|k| ui.ctx().format_shortcut(k))
                .collect();
            ui.monospace(keys.join(" / "));
            ui.label(binding.command.tooltip(words).unwrap_or_default());
            ui.end_row();
        }
    };
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .show(ui, |ui| rows(ui, false));
    ui.add_space(6.0);
    ui.strong(words.inspect.keys_title);
    egui::Grid::new("inspect-keys")
        .num_columns(2)
        .show(ui, |ui| rows(ui, true));
}

/// Whether to start writing now: the user asked and nothing of this kind is
/// being written; while it is, a spinner says so.
fn write_now(
    ui: &mut egui::Ui,
    job: Option<JobKind>,
    kind: JobKind,
    asked: Option<Asked>,
    writing: &str,
) -> bool {
    if job == Some(kind) {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(writing);
        });
        return false;
    }
    asked == Some(Asked::Write)
}

/// The export's scope, as the command line's `--contact-point`, `--role`,
/// `--lang` and `--since`: one contact point or all, one role or all (role
/// cards and sign-off sheets), the labels' language, an earlier revision.
fn scope_rows(ui: &mut egui::Ui, t: &crate::core::i18n::Texts, choice: &mut ExportChoice) {
    use crate::export::Layout;
    let before = (
        choice.contact_point.clone(),
        choice.role.clone(),
        choice.language,
    );
    egui::Grid::new("export-scope")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label(t.export_contact_point);
            let shown = choice
                .offered_contact_points
                .iter()
                .find(|(id, _)| Some(id) == choice.contact_point.as_ref())
                .map_or(t.export_all.to_owned(), |(id, name)| format!("{id} {name}"));
            egui::ComboBox::from_id_salt("export-contact-point")
                .selected_text(shown)
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut choice.contact_point, None, t.export_all);
                    for (id, name) in &choice.offered_contact_points {
                        ui.selectable_value(
                            &mut choice.contact_point,
                            Some(id.clone()),
                            format!("{id} {name}"),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            if matches!(choice.layout, Layout::RoleCards | Layout::Signoff) {
                let l = ui.label(t.export_role);
                egui::ComboBox::from_id_salt("export-role")
                    .selected_text(
                        choice
                            .role
                            .clone()
                            .unwrap_or_else(|| t.export_all.to_owned()),
                    )
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut choice.role, None, t.export_all);
                        for role in &choice.offered_roles {
                            ui.selectable_value(&mut choice.role, Some(role.clone()), role);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
            }
            let l = ui.label(t.export_language);
            egui::ComboBox::from_id_salt("export-language")
                .selected_text(
                    choice
                        .language
                        .map_or(t.export_set_language, |l| l.native_name()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut choice.language, None, t.export_set_language);
                    for lang in crate::core::model::Language::ALL {
                        ui.selectable_value(&mut choice.language, Some(lang), lang.native_name());
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            if matches!(
                choice.layout,
                Layout::Manual | Layout::RoleCards | Layout::Signoff
            ) {
                let l = ui.label(t.export_since);
                ui.add(
                    egui::TextEdit::singleline(&mut choice.since)
                        .hint_text(t.export_since_hint)
                        .desired_width(360.0),
                )
                .labelled_by(l.id);
                ui.end_row();
            }
        });
    // A different scope prints different pages: count again when asked.
    if before
        != (
            choice.contact_point.clone(),
            choice.role.clone(),
            choice.language,
        )
    {
        choice.pages = None;
    }
}

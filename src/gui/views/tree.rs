//! The journey as a tree: contact points → steps → key factors → standards,
//! in order, with counts, a marker where there are findings, a filter and a
//! context menu. Alt+Up/Down moves the selected item.

use std::collections::HashSet;

use egui::collapsing_header::CollapsingState;

use crate::core::i18n::Texts;
use crate::core::model::ItemPath;
use crate::gui::state::{Command, Document};
use crate::gui::views::Cx;

/// IDs of items that have findings themselves or below them; a hint (the
/// specific and customer-based rules) is advice and marks nothing.
fn flagged(doc: &mut Document) -> HashSet<String> {
    let today = crate::core::dates::today();
    let ids: Vec<String> = doc
        .findings(today)
        .iter()
        .filter(|f| f.severity != crate::core::check::Severity::Hint)
        .filter_map(|f| f.item.clone())
        .collect();
    let set = doc.set();
    let mut out = HashSet::new();
    for id in ids {
        let mut at = set.locate(&id);
        while let Some(path) = at {
            if let Some(id) = set.id_at(path) {
                out.insert(id.to_owned());
            }
            at = path.parent();
        }
    }
    out
}

fn matches(filter: &str, text: &str) -> bool {
    filter.is_empty() || text.to_lowercase().contains(&filter.to_lowercase())
}

/// The tree's own state: its filter, and whether the filter takes the focus.
#[derive(Default)]
pub struct TreeView {
    pub filter: String,
    /// Ctrl+F: move the keyboard focus to the filter next frame.
    pub focus_filter: bool,
}

impl TreeView {
    /// Draws the journey of `doc`; `selected` is the ID of the selected item.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut Cx,
        doc: &mut Document,
        selected: Option<&str>,
    ) {
        let t = cx.texts();
        let flags = flagged(doc);
        let set = doc.set();
        let selected_path = selected.and_then(|id| set.locate(id));
        egui::Panel::left("journey")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ui.heading(t.journey);
                });
                ui.horizontal(|ui| {
                    let label = ui.label(t.filter);
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.filter)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus_filter) {
                        response.request_focus();
                    }
                });
                ui.horizontal(|ui| {
                    if ui
                        .selectable_label(selected.is_none(), t.set_details)
                        .clicked()
                    {
                        cx.run(Command::SelectSet);
                    }
                    if ui.button(format!("＋ {}", t.add_contact_point)).clicked() {
                        cx.run(Command::AddContactPoint);
                    }
                });
                ui.separator();
                let filter = self.filter.trim().to_owned();
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        draw_rows(ui, cx, set, &filter, &flags, selected, selected_path);
                    });
            });
    }
}

/// The rows of the tree; they queue commands, run once the frame is drawn.
fn draw_rows(
    ui: &mut egui::Ui,
    out: &mut Cx,
    set: &crate::core::model::StandardsSet,
    filter: &str,
    flags: &HashSet<String>,
    selected: Option<&str>,
    selected_path: Option<ItemPath>,
) {
    let mut cx = Rows {
        t: out.texts(),
        selected,
        selected_path,
        commands: Vec::new(),
    };
    let mut shown = 0;
    for (c, cp) in set.contact_points.iter().enumerate() {
        let standards_below = |st: &crate::core::model::Step| {
            st.factors.iter().map(|f| f.standards.len()).sum::<usize>()
        };
        let cp_visible = matches(filter, &cp.name)
            || cp.steps.iter().any(|st| {
                matches(filter, &st.name)
                    || st.factors.iter().any(|f| {
                        matches(filter, &f.name)
                            || f.standards.iter().any(|s| matches(filter, &s.text))
                    })
            });
        if !cp_visible {
            continue;
        }
        shown += 1;
        let count: usize = cp.steps.iter().map(standards_below).sum();
        let label = row_label(
            &format!("{}. {}", c + 1, cp.name),
            count,
            flags.contains(&cp.id),
        );
        node(
            &mut cx,
            ui,
            &cp.id,
            ItemPath::ContactPoint(c),
            label,
            !filter.is_empty(),
            |cx, ui| {
                for (s, st) in cp.steps.iter().enumerate() {
                    let label = row_label(&st.name, standards_below(st), flags.contains(&st.id));
                    node(
                        cx,
                        ui,
                        &st.id,
                        ItemPath::Step(c, s),
                        label,
                        !filter.is_empty(),
                        |cx, ui| {
                            for (f, factor) in st.factors.iter().enumerate() {
                                let label = row_label(
                                    &factor.name,
                                    factor.standards.len(),
                                    flags.contains(&factor.id),
                                );
                                node(
                                    cx,
                                    ui,
                                    &factor.id,
                                    ItemPath::Factor(c, s, f),
                                    label,
                                    !filter.is_empty(),
                                    |cx, ui| {
                                        for (i, standard) in factor.standards.iter().enumerate() {
                                            if !matches(filter, &standard.text)
                                                && !matches(filter, &factor.name)
                                            {
                                                continue;
                                            }
                                            let marker = if flags.contains(&standard.id) {
                                                "▲ "
                                            } else {
                                                "• "
                                            };
                                            let text = format!(
                                                "{marker}{}",
                                                crate::core::text::shorten(&standard.text, 60)
                                            );
                                            let mut response = ui.selectable_label(
                                                cx.selected == Some(standard.id.as_str()),
                                                text,
                                            );
                                            // Cut to a line in the tree, whole on
                                            // hover, as a desktop user expects.
                                            if standard.text.chars().count() > 60 {
                                                response = response.on_hover_text(&standard.text);
                                            }
                                            handle_row(
                                                cx,
                                                &response,
                                                &standard.id,
                                                ItemPath::Standard(c, s, f, i),
                                            );
                                        }
                                    },
                                );
                            }
                        },
                    );
                }
            },
        );
    }
    if shown == 0 && !filter.is_empty() {
        ui.weak(crate::core::i18n::fill(
            out.texts().no_match,
            &[("filter", filter)],
        ));
    }
    for command in cx.commands {
        out.run(command);
    }
}

fn row_label(name: &str, count: usize, flagged: bool) -> String {
    let name = if name.trim().is_empty() { "…" } else { name };
    format!("{}{name} ({count})", if flagged { "▲ " } else { "" })
}

/// What the rows of the tree read and the commands they queue while drawing.
struct Rows<'a> {
    t: &'static Texts,
    selected: Option<&'a str>,
    selected_path: Option<ItemPath>,
    commands: Vec<Command>,
}

fn node<'a>(
    cx: &mut Rows<'a>,
    ui: &mut egui::Ui,
    id: &str,
    path: ItemPath,
    label: String,
    force_open: bool,
    body: impl FnOnce(&mut Rows<'a>, &mut egui::Ui),
) {
    let state_id = ui.make_persistent_id(("tree", id));
    let mut state = CollapsingState::load_with_default_open(
        ui.ctx(),
        state_id,
        matches!(path, ItemPath::ContactPoint(_)),
    );
    // Keep the selection visible: open every ancestor of the selected item.
    if force_open || cx.selected_path.is_some_and(|sel| is_ancestor(path, sel)) {
        state.set_open(true);
    }
    let selected = cx.selected == Some(id);
    let header = state.show_header(ui, |ui| ui.selectable_label(selected, label));
    let (_, header_row, _) = header.body(|ui| body(cx, ui));
    handle_row(cx, &header_row.inner, id, path);
}

fn is_ancestor(candidate: ItemPath, of: ItemPath) -> bool {
    let mut at = of.parent();
    while let Some(p) = at {
        if p == candidate {
            return true;
        }
        at = p.parent();
    }
    false
}

/// What is carried while an item is dragged in the tree: its ID.
#[derive(Clone, Debug)]
struct Dragged(String);

fn handle_row(cx: &mut Rows<'_>, response: &egui::Response, id: &str, path: ItemPath) {
    let t = cx.t;
    let response = &response.interact(egui::Sense::drag());
    if response.clicked() {
        cx.commands.push(Command::Select(id.to_owned()));
    }
    response.dnd_set_drag_payload(Dragged(id.to_owned()));
    if let Some(dragged) = response.dnd_hover_payload::<Dragged>()
        && dragged.0 != id
    {
        // Show where the item will land: a line across the row it is over.
        let rect = response.rect;
        let stroke = egui::Stroke::new(2.0, egui::Color32::from_rgb(0x3a, 0x8e, 0xe6));
        response
            .ctx
            .debug_painter()
            .hline(rect.x_range(), rect.bottom(), stroke);
        response.clone().on_hover_text(t.dropped_here);
    }
    if let Some(dragged) = response.dnd_release_payload::<Dragged>()
        && dragged.0 != id
    {
        cx.commands
            .push(Command::MoveOnto(dragged.0.clone(), id.to_owned()));
    }
    response.context_menu(|ui| {
        cx.commands.push(Command::Select(id.to_owned()));
        let add = match path {
            ItemPath::ContactPoint(_) => Some(t.add_step),
            ItemPath::Step(..) => Some(t.add_factor),
            ItemPath::Factor(..) | ItemPath::Standard(..) => Some(t.add_standard),
        };
        for (label, command) in [
            (add.unwrap_or(t.add_standard), Command::AddChild),
            (t.duplicate, Command::Duplicate),
            (t.move_up, Command::MoveUp),
            (t.move_down, Command::MoveDown),
            (t.delete, Command::Delete),
        ] {
            if ui.button(label).clicked() {
                cx.commands.push(command);
                ui.close();
            }
        }
    });
}

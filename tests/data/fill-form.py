"""Fills a fillable servstd checklist with pypdf, as tests/fillable.rs asks.

    python3 fill-form.py IN.pdf OUT.pdf MODE ANSWERS.json

ANSWERS is {"fields": {"site": "…", …}, "verdicts": {"S-1": "Pass", …},
"notes": {"S-1": "…"}}. MODE "pypdf" fills as pypdf does (the group's /V
and each button's /AS); "preview" as Apple Preview does (the buttons' /AS
only, the group's /V left out).
"""

import json
import logging
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject


def main():
    # pypdf warns that Helvetica has no Chinese; the value is stored right,
    # which is what the import reads.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    source, target, mode, answers_file = sys.argv[1:5]
    with open(answers_file, encoding="utf-8") as f:
        answers = json.load(f)
    writer = PdfWriter(clone_from=PdfReader(source))
    texts = dict(answers.get("fields", {}))
    for standard, note in answers.get("notes", {}).items():
        texts["note:" + standard.replace(".", "~")] = note
    verdicts = {
        standard.replace(".", "~"): "/" + state
        for standard, state in answers.get("verdicts", {}).items()
    }
    for page in writer.pages:
        if mode == "pypdf":
            writer.update_page_form_field_values(
                page, {**texts, **verdicts}, auto_regenerate=False
            )
        else:
            writer.update_page_form_field_values(page, texts, auto_regenerate=False)
            for annot in page.get("/Annots", []):
                widget = annot.get_object()
                parent = widget.get("/Parent")
                if parent is None:
                    continue
                group = parent.get_object()
                name = group.get("/T")
                if name not in verdicts:
                    continue
                if "/V" in group:
                    del group[NameObject("/V")]
                states = [s for s in widget["/AP"]["/N"].keys() if s != "/Off"]
                on = verdicts[name] in states
                widget[NameObject("/AS")] = NameObject(verdicts[name] if on else "/Off")
    writer.set_need_appearances_writer(True)
    with open(target, "wb") as f:
        writer.write(f)


if __name__ == "__main__":
    main()

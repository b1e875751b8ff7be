#!/usr/bin/env python3
"""Builds the bundled CJK fonts: Noto Sans CJK SC subset to what servstd users write.

Coverage: every GB2312 character (simplified Chinese), every Big5 level-1
character (common traditional Chinese), Latin-1 and general punctuation,
CJK symbols and punctuation, full-width forms, the few symbols the app
draws (tick, cross, arrows, degree, bullet), and every character of the
program's own words and sample sets (src/ and standards/), so that no word
servstd says falls outside the font (回饋, for one, is Big5 level 2).

The same subset is made of the Traditional Chinese (TC) faces, which PDFs
in traditional Chinese embed.

Needs Debian's fonts-noto-cjk and fonttools (python3-fonttools or pip install
fonttools). Run from this folder:  python3 subset.py [sc|tc]  (both by default)
"""
import pathlib
import subprocess
import sys

REGULAR = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
# In the .ttc collection face 2 is Simplified Chinese and face 3 Traditional
# Chinese (Taiwan): the same characters, with Taiwan's glyph forms and its
# punctuation centred in the em square. PDFs in zh-TW embed the TC faces.
FACES = {
    "sc": {"NotoSansCJKsc-Regular.otf": (REGULAR, 2), "NotoSansCJKsc-Bold.otf": (BOLD, 2)},
    "tc": {"NotoSansCJKtc-Regular.otf": (REGULAR, 3), "NotoSansCJKtc-Bold.otf": (BOLD, 3)},
}


def gb2312():
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                yield bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                pass


def big5_level1():
    for code in range(0xA140, 0xC67F):
        hi, lo = code >> 8, code & 0xFF
        if not (0x40 <= lo <= 0x7E or 0xA1 <= lo <= 0xFE):
            continue
        try:
            yield bytes([hi, lo]).decode("big5")
        except UnicodeDecodeError:
            pass


def ranges():
    chars = set(gb2312()) | set(big5_level1())
    chars |= {chr(c) for c in range(0x20, 0x250)}  # Latin, Latin-1, Latin Extended-A/B
    chars |= {chr(c) for c in range(0x2000, 0x2070)}  # general punctuation
    chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK symbols and punctuation
    chars |= {chr(c) for c in range(0xFF00, 0xFFF0)}  # full-width forms
    chars |= set("✓✔✗✘☐☑☒→←↑↓▸▾•·°℃№…—–×÷±≤≥")
    chars |= own_characters()
    return sorted(chars)


def own_characters():
    """Han characters of the program's texts and samples."""
    root = pathlib.Path(__file__).resolve().parents[2]
    found = set()
    for folder, pattern in (("src", "**/*.rs"), ("standards", "*.ron")):
        for path in (root / folder).glob(pattern):
            if path.name == "script.rs":
                continue  # lists of characters to detect, not to draw
            found |= {c for c in path.read_text(encoding="utf-8") if 0x3400 <= ord(c) <= 0x9FFF}
    return found


def main():
    chars = ranges()
    text = "".join(chars)
    with open("subset-chars.txt", "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{len(chars)} characters", file=sys.stderr)
    chosen = sys.argv[1:] or list(FACES)
    for out, (src, face) in [item for name in chosen for item in FACES[name].items()]:
        subprocess.run(
            [
                sys.executable, "-m", "fontTools.subset", src, f"--font-number={face}",
                "--text-file=subset-chars.txt",
                f"--output-file={out}", "--layout-features=*", "--no-hinting", "--desubroutinize",
                "--name-IDs=*", "--name-legacy", "--name-languages=*",
            ],
            check=True,
        )
        print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()

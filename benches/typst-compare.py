# Times one Typst compile (the PyPI wheel, `pip install typst`) of the same
# text as servstd's manual: a fresh process per run, so no cache from an
# earlier compile helps; the interpreter's start and the import are not counted.
# usage: python3 benches/typst-compare.py FILE.typ FONT_DIR OUT.pdf
import sys, time, typst
src, fonts, out = sys.argv[1:4]
t0 = time.perf_counter()
typst.compile(src, output=out, font_paths=[fonts], ignore_system_fonts=True)
print(f"{time.perf_counter() - t0:.4f}")

# The manual's text (from servstd's CSV export) as one Typst document in the
# same font, A4, with a page per contact point and the two appendices.
# Used by benches/typst-compare.sh.
import csv, sys

def esc(s):
    # Typst markup: escape what would start markup or code.
    for ch in '\\#*_`$<>@[]~/=-+':
        s = s.replace(ch, '\\' + ch)
    return s

rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
o = ['#set page(paper: "a4", margin: 15mm, numbering: "1 / 1")',
     '#set text(font: "Noto Sans CJK SC", size: 9pt, lang: "zh")',
     '#set par(leading: 0.65em)',
     '#show heading.where(level: 1): it => { pagebreak(weak: true); text(15pt, fill: rgb("#1f7089"), it) }',
     '#text(22pt)[*Generated set · 服务标准手册*]', '', '修订版 1.0', '',
     '#outline()', '']
cur = (None, None, None)
for r in rows:
    if r['接触点编号'] != cur[0]:
        o.append('= ' + esc(r['接触点']))
    if r['步骤编号'] != cur[1]:
        o.append('== 步骤 · ' + esc(r['步骤']))
    if r['关键要素编号'] != cur[2]:
        o.append('*关键要素：' + esc(r['关键要素']) + '*\n')
    cur = (r['接触点编号'], r['步骤编号'], r['关键要素编号'])
    o.append('· ' + esc(r['标准编号']) + ' ［' + esc(r['类型']) + '］' + esc(r['标准']) + ' \\')
    o.append('#text(8pt, fill: gray)[目标值：' + esc(r['目标值'] + ' ' + r['单位']) + ' · 检查方式：'
             + esc(r['检查方式']) + ' · 负责岗位：' + esc(r['负责岗位']) + ']\n')
for title, key in [('附录：按类型', '类型'), ('附录：按负责岗位', '负责岗位')]:
    o.append('= ' + title)
    for k in sorted(set(r[key] for r in rows)):
        o.append('== ' + esc(k))
        for r in rows:
            if r[key] == k:
                o.append(esc(r['标准编号']) + ' ' + esc(r['标准']) + '\n')
open(sys.argv[2], 'w').write('\n'.join(o))

# The 2,000-standard manual's text as one HTML page in the same font, for Chromium.
# Used by benches/chromium-compare.sh.
import csv, html, sys
rows=list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
import os
root=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
font=root+'/assets/fonts/NotoSansCJKsc-Regular.otf'
bold=root+'/assets/fonts/NotoSansCJKsc-Bold.otf'
o=[f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Generated set · 服务标准手册</title><style>
@font-face{{font-family:N;src:url(file://{font});font-weight:400}}
@font-face{{font-family:N;src:url(file://{bold});font-weight:700}}
@page{{size:A4;margin:15mm}} body{{font-family:N;font-size:9pt;line-height:1.45}}
h1{{font-size:22pt}} h2{{font-size:15pt;color:#1f7089;page-break-before:always}} h3{{font-size:11pt}} .m{{color:#666;font-size:8pt}}
</style></head><body><h1>Generated set of 2000 standards · 服务标准手册</h1><p>修订版 1.0</p><h2>目录</h2><ol>"""]
cps=[]
for r in rows:
    if r['接触点编号'] not in cps: cps.append(r['接触点编号'])
names={r['接触点编号']:r['接触点'] for r in rows}
for c in cps: o.append(f"<li>{html.escape(names[c])}</li>")
o.append("</ol>")
cur=(None,None,None)
for r in rows:
    if r['接触点编号']!=cur[0]: o.append(f"<h2>{html.escape(r['接触点'])}</h2>")
    if r['步骤编号']!=cur[1]: o.append(f"<h3>步骤 · {html.escape(r['步骤'])}</h3>")
    if r['关键要素编号']!=cur[2]: o.append(f"<p><b>关键要素：{html.escape(r['关键要素'])}</b></p>")
    cur=(r['接触点编号'],r['步骤编号'],r['关键要素编号'])
    o.append(f"<p>· {r['标准编号']} ［{html.escape(r['类型'])}］{html.escape(r['标准'])}<br><span class=m>目标值：{r['目标值']} {html.escape(r['单位'])} · 检查方式：{html.escape(r['检查方式'])} · 负责岗位：{html.escape(r['负责岗位'])}</span></p>")
for title,key in [("附录：按类型","类型"),("附录：按负责岗位","负责岗位")]:
    o.append(f"<h2>{title}</h2>")
    for k in sorted(set(r[key] for r in rows)):
        o.append(f"<h3>{html.escape(k)}</h3>")
        for r in rows:
            if r[key]==k: o.append(f"<p>{r['标准编号']} {html.escape(r['标准'])}</p>")
o.append("</body></html>")
open(sys.argv[2],'w').write("\n".join(o))

"""Build zh-hrc-older-persons.docx: a Chinese draft as Word prints it (masthead table, superscript
footnote markers). Run from this folder."""

from docx import Document

doc = Document()
table = doc.add_table(rows=2, cols=2)
table.cell(0, 0).text = "联 合 国"
table.cell(0, 1).text = "A/HRC/62/L.11"
table.cell(1, 0).text = "大    会"
table.cell(1, 1).text = "Distr.: Limited\n2026年7月7日\n中文\n原件：英文"
for line in ["人权理事会", "第六十二届会议", "2026年6月15日至7月10日", "议程项目 3", "阿根廷、葡萄牙：决议草案"]:
    doc.add_paragraph(line)
doc.add_paragraph("62/... 老年人享有所有人权")
doc.add_paragraph("人权理事会，")
preamble = doc.add_paragraph("回顾大会关于老龄问题的各项决议，")
preamble.add_run("1").font.superscript = True
operative = ["决定将老年人享有所有人权问题独立专家的任务延长三年；",
             "请独立专家向人权理事会第六十五届会议提交一份关于老年人与数字技术的专题报告；",
             "决定在第六十四届会议期间举行一次关于老年人权利的半天小组讨论会，并提供国际手语传译；",
             "请联合国人权事务高级专员办事处编写小组讨论会的摘要报告，提交理事会第六十六届会议；",
             "请秘书长和联合国人权事务高级专员向独立专家提供履行任务所需的一切人力、技术和财政协助；",
             "鼓励各国向独立专家提交资料。"]
for i, text in enumerate(operative, 1):
    doc.add_paragraph(f"{i}.\t{text}")
doc.add_paragraph("__________________")
note = doc.add_paragraph()
note.add_run("1").font.superscript = True
note.add_run(" 见大会第 65/182 号决议。")
doc.save("zh-hrc-older-persons.docx")

"""Build the .docx and .md versions of hrc-deaf-persons.txt as a budget officer receives them."""
import re
from docx import Document
from docx.shared import Pt

src = open("hrc-deaf-persons.txt", encoding="utf-8").read()
body = src.split("The Human Rights Council,", 1)[1].split("_______________")[0]
paras = [p.strip() for p in body.split("\n\n") if p.strip()]
notes = ["General Assembly resolution 61/106, annex I.", "A/HRC/58/54."]

doc = Document()
t = doc.add_table(rows=2, cols=2)
t.cell(0, 0).text = "United Nations"
t.cell(0, 1).text = "A/HRC/60/L.21"
t.cell(1, 0).text = "General Assembly"
t.cell(1, 1).text = "Distr.: Limited\n3 October 2025\nOriginal: English"
for line in ["Human Rights Council", "Sixtieth session", "8 September–8 October 2025", "Agenda item 3",
             "Promotion and protection of all human rights, civil, political, economic, social and cultural rights, including the right to development",
             "Argentina, Finland, Kenya, New Zealand, Portugal: draft resolution"]:
    doc.add_paragraph(line)
h = doc.add_paragraph()
h.add_run("60/...\tRights of deaf persons and the use of sign languages").bold = True
p = doc.add_paragraph()
p.add_run("The Human Rights Council").italic = True
p.add_run(",")
md = ["**United Nations** A/HRC/60/L.21", "", "**General Assembly**", "Human Rights Council", "Sixtieth session",
      "Agenda item 3", "", "Argentina, Finland, Kenya, New Zealand, Portugal: draft resolution", "",
      "## 60/... Rights of deaf persons and the use of sign languages", "", "*The Human Rights Council*,", ""]
for text in paras:
    m = re.match(r"^(\d+)\.\s+((?:Also |Further )?\S+(?: note)?)(.*)$", text, re.S)
    par = doc.add_paragraph()
    if m:
        num, verb, rest = m.groups()
        par.add_run(f"{num}.\t")
        first, rest2 = (verb, rest)
    else:
        num = None
        words = text.split(" ", 1)
        first, rest2 = words[0], " " + words[1]
        if first == "Recalling" and rest2.startswith(" also"):
            first, rest2 = "Recalling also", rest2[5:]
    par.add_run(first).italic = True
    # footnote markers as superscript runs
    pieces = re.split(r"(?<=[,;a-z)])([12])(?=[, ;]|$)", rest2)
    mdtext = ""
    for i, piece in enumerate(pieces):
        if i % 2:
            r = par.add_run(piece)
            r.font.superscript = True
            mdtext += f"[^{piece}]"
        else:
            par.add_run(piece)
            mdtext += piece
    md.append((f"{num}. " if num else "") + f"*{first}*" + mdtext)
    md.append("")
doc.add_paragraph("_______________")
for i, n in enumerate(notes, 1):
    fp = doc.add_paragraph()
    r = fp.add_run(str(i))
    r.font.superscript = True
    fp.add_run(" " + n).font.size = Pt(9)
    md.append(f"[^{i}]: {n}")
doc.save("hrc-deaf-persons.docx")
open("hrc-deaf-persons.md", "w", encoding="utf-8").write("\n".join(md) + "\n")

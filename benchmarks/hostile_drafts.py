"""Hostile drafts through `pbi draft`, each in its own process (3 GB address space, 60 s).

    python benchmarks/hostile_drafts.py 100000        # every body at about 100 KB
    python benchmarks/hostile_drafts.py 19500 zh_fw   # one body, under the paragraph limit
    python benchmarks/hostile_drafts.py 975000 long_paragraphs long_paragraphs_zh   # 49 paragraphs of 19,900 characters

``long_paragraphs`` (and ``_zh``) is N characters of plausible request clauses, in paragraphs of
19,900 characters (just under the limit of 20,000), sentences of 1 to 256 clauses (``_no_stop``: each
paragraph one sentence); ``one_sentence`` is one paragraph of 19,900 characters (or N, if smaller) with
no full stop or semicolon, its clauses naming every word the trigger rules look for, out of order;
``past_the_stop`` (and ``_zh``) one sentence of a rule's first pieces, many times, and its last piece
after the full stop.

A case is handled when it exits 0, or 2 with one line on stderr, within 5 s; prints each case's
exit code, time and refusal, then the count and the slowest case.
"""

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
only = sys.argv[2:]
H = "Draft resolution\n\nThe General Assembly,\n\n"
HZ = "决议草案\n\n大会，\n\n"
PARA = 19_900  # characters of one long paragraph (a paragraph over 20,000 is refused)
CLAUSES = ["requests the Secretary-General to convene a meeting of experts of five days in Vienna",
           "invites Member States and other donors to contribute extrabudgetary resources for that purpose",
           "decides that the expenses of the participation of the least developed countries shall be met",
           "also requests the Office to provide technical assistance, within existing resources",
           "encourages the regional commissions to disseminate the report in all official languages",
           "calls upon the Department to establish a trust fund for the travel of delegates",
           "requests a report not exceeding 10,700 words on the implementation of the present resolution",
           "decides to hold two sessions of the working group of three days each in 2027 and 2028",
           "endorses the recommendations contained in the annex to the present resolution",
           "takes note with appreciation of the work of the United Nations Office on Drugs and Crime"]
CLAUSES_ZH = ["请秘书长在维也纳召开为期五天的专家会议", "邀请会员国和其他捐助方为此提供预算外资源",
              "决定最不发达国家参与的费用应由信托基金支付", "又请该办公室在现有资源范围内提供技术援助",
              "鼓励各区域委员会以所有正式语文分发报告", "吁请该部设立信托基金支付代表的旅费",
              "请提交一份不超过10,700字的关于本决议执行情况的报告", "决定于2027年和2028年举行工作组两届会议，每届三天",
              "核可本决议附件所载建议", "赞赏地注意到联合国毒品和犯罪问题办公室的工作"]


def sentence(clauses: list[str], comma: str, stops: tuple[str, ...], size: int, seed: int) -> str:
    """About ``size`` characters of clauses joined by commas, with a full stop or a semicolon after
    every 1, 2, 4 … 256 (by ``seed``; none if ``stops`` is empty)."""
    out: list[str] = []
    length, i = 0, seed
    while length < size - 200:
        clause = clauses[i % len(clauses)]
        stop = stops[i % len(stops)] if stops and i % 2 ** (seed % 9) == 0 else comma
        out.append(clause + stop)
        length += len(clause) + len(stop)
        i += 1
    return "".join(out).rstrip(comma + " ;；")


def paragraphs(clauses: list[str], comma: str, stops: tuple[str, ...], total: int) -> str:
    """``total`` characters of numbered paragraphs of PARA characters each."""
    out: list[str] = []
    number = 1
    while sum(len(p) for p in out) < total - 400:
        out.append(f"{number}. " + sentence(clauses, comma, stops, min(PARA, total - sum(len(p) for p in out)), number))
        number += 1
    return "\n\n".join(out) + "\n"


bodies = {
 "long_paragraphs": H + paragraphs(CLAUSES, ", ", (". ", "; "), N),
 "long_paragraphs_zh": HZ + paragraphs(CLAUSES_ZH, "，", ("。", "；"), N),
 "long_paragraphs_no_stop": H + paragraphs(CLAUSES, ", ", (), N),
 "one_sentence": H + "1. " + sentence(CLAUSES[::-1], ", ", (), min(N, PARA), 0).replace(".", "") + "\n",
 # a phrase's pieces all there, many times in one sentence, the last one behind the full stop
 "past_the_stop": H + "1. " + "Requests the Secretary-General to submit, " * (min(N, PARA) // 45) + ". A report.\n",
 "past_the_stop_zh": HZ + "1. " + "请秘书长提交，" * (min(N, PARA) // 8) + "。报告。\n",

 "date_digits": "1" * N + " May 2026\n\n" + H + "1. Requests a report.\n",
 "date_line_digits": H + "1. Requests a report.\n" + "1" * N + "\n",
 "spaces_cjk": HZ + "1. 请秘书长" + " " * N + "提交报告。\n",
 "nl_cjk": HZ + "1. 请秘书长提交报告。" + "\n" * N,
 "ellipsis": H + "1. Requests " + "..." * (N // 3) + "\n",
 "nbsp_num": H + "1. Requests a report not exceeding " + "10\u00a0" * (N // 3) + "700 words.\n",
 "zws_num": H + "1. Requests a report not exceeding 1\u200b0\u200b700 words.\n" + "1\u200b" * (N // 2),
 "huge_num": H + "1. Requests a report not exceeding " + "9" * 4000 + " words, annually for " + "9" * 4000 + " years.\n",
 "neg_num": H + "1. Requests a report not exceeding -10700 words, annually for -3 years, for 10000 years.\n",
 "years": H + "1. Decides to convene in 0 and 9999 and 2027-1999 a meeting.\n",
 "annually10000": H + "1. Requests a report annually for ten thousand years and annually for 10000 years.\n",
 "subitems": H + "1. Decides:\n" + "".join(f"({i}) to hold a meeting;\n" for i in range(N // 20)),
 "nested": H + "1. Decides:\n" + "(a) (i) (A) " * (N // 12) + "\n",
 "one_para": H + "1. Requests " + "the Secretary-General to convene a meeting of experts of 5 days annually for three years, " * (N // 90) + "\n",
 "zh_len": HZ + "1. 请秘书长提交一份不超过" + "一千" * (N // 2) + "字的报告。\n",
 "zh_fw": HZ + "1. 请秘书长提交一份不超过" + "１" * N + "字的报告。\n",
 "zh_spaced": HZ + "1. 请秘书长提交一份不超过" + "10 " * (N // 3) + "700字的报告。\n",
 "zh_dates": HZ + "1. 决定于二〇二七年" + "一" * N + "月举行会议。\n",
 "rtl": H + "1. Requests a report not exceeding \u202e10700\u202c words.\n" + "\u200f" * N,
 "ctrl": H + "1. Requests a report\x07\x1b[31m not exceeding 10700 words.\x00\n",
 "page_footers": H + "".join(f"{i}. Requests a report.\nPage {i}\n25-{i:05d}\n" for i in range(1, N // 40)),
 "participants": H + "1. Decides to fund the participation of " + "one hundred and " * (N // 16) + "five experts.\n",
 "decides_chap": H + "1. Decides:\n" * (N // 12),
 "draft_title": "Draft resolution: " + "X" * N + "\n\n" + "The General Assembly,\n\n1. Requests a report.\n",
 "session": H.replace("Draft resolution", "Commission on " + "Narcotic Drugs " * (N // 15) + "\nSixty-ninth session\nDraft resolution") + "1. Requests a report.\n",
 "date_words": "Vienna, " + "18 and " * (N // 7) + "May 2026\n\n" + H + "1. Requests a report.\n",
 "mixed": H + "1. Requests " + "报告 report ١٢٣ ١٠٧٠٠ words " * (N // 25) + "\n",
}
worst = (0.0, "")
bad = 0
n = 0
for name, text in bodies.items():
    if only and name not in only:
        continue
    d = Path(tempfile.mkdtemp())
    f = d / "d.txt"
    f.write_text(text, encoding="utf-8")
    t = time.perf_counter()
    try:
        p = subprocess.run(["pbi", "draft", str(f), "-o", str(d / "s.yaml")], capture_output=True, text=True, timeout=60,
                           preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (3_000_000_000, 3_000_000_000)))
        rc, err = p.returncode, p.stderr
    except subprocess.TimeoutExpired:
        rc, err = "TIMEOUT", ""
    dt = time.perf_counter() - t
    n += 1
    if dt > worst[0]:
        worst = (dt, name)
    ok = rc == 0 or (rc == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err)
    if not ok or dt > 5:
        bad += 1
    print(f"{'ok  ' if ok and dt <= 5 else 'FAIL'} {name:18} rc={rc} {dt:6.2f}s {err.strip()[-200:]!r}", flush=True)
print(f"{n} cases, {bad} bad; worst {worst[0]:.2f}s {worst[1]}")

"""Quantities stated beside an amount: pages, languages, days, meetings, grade, funding, year…

:func:`extract` reads one stretch of normalised text (Chinese or English, or both) and returns a
plain ``dict``.  Keys (present only when the text states them):

========================  =====================================================================
``pages``                 int, or ``(low, high)`` for "从 600 页到 900 页" / "600 to 900 pages"
``pages_all``             list of every page figure when there are several documents
``per_meeting``           True when documents are "per meeting" (每次…会议 / per session)
``languages``             int (六种语文 / six official languages → 6)
``language_names``        list of English language names given (英文、法文 → English, French)
``other_languages``       True for "其他三种正式语文" / "the other three languages"
``days``                  int (为期五天 / five-day); ``half_day`` True for 半天 / half-day
``weeks``                 int, meetings counted in weeks (one week of meetings / 为期一周)
``meetings``              int, the counted meetings/sessions (三次…会议 → 3)
``workshops``             int, counted workshops/seminars
``events``                list of ``{"count", "kind"}`` for every counted meeting or workshop
``participants``          int (30 人参加 / 30 participants)
``work_months``           int (三个工作月 / three work-months)
``grade``                 str, e.g. ``"P-3"``
``staff``                 int (一名…专家)
``new_posts``             int, new posts of the grade stated ("one new P-4 post", "一个P-4职等新员额")
``new_posts_all``         list of ``{"count", "grade"}`` when new posts of several grades are costed together
``continuing``            True: the new posts are priced at full cost, in a year after their first ("at full cost",
                          "按全额费用计算"), without the vacancy factor
``gatherings``            list of ``{"count", "days", "participants", "kind"}`` when several
                          meetings of participants are costed together
``interpreted_all``       list of ``{"count", "days", "meetings", "languages"}`` when several
                          meetings with interpretation are costed together
``staff_all``             list of ``{"count", "grade", "work_months"}`` when several posts are costed
``consultants``           int (一名顾问 / one consultant)
``consultants_all``       list of ``{"work_months", "count", "location"}`` when several consultants
                          of different lengths are costed together
``copies``                int (800 份 / 800 copies)
``pages_location``        str, the duty station a document counted in pages is processed in, when its clause names one
``trips_all``             list of {trips, travellers, dsa_days, location}: several trips in one amount
``dsa_only``              {persons, days, location}: subsistence allowance without travel
``documents``             int, documents of the same length (两份…文件 / two 16-page documents)
``document_sets``         int, when the pages or words stated are the total of the documents ("four
                          documents totalling 34,000 words": 1; "three sets of two documents, each set
                          totalling 40 pages", "三套…篇幅共为 40 页": 3): the length is priced that many
                          times, not once per document
``location``              str, e.g. ``"Vienna"``
``interpretation``        bool (配备…口译 → True, 不配备口译 → False)
``interpretation_languages``  int, the languages of interpretation (配备六种语文口译)
``languages_all``         each document's own languages, where its clause states them
``translation``, ``printing``, ``distribution``, ``travel``, ``advisory_services``,
``conference_services``, ``report``, ``documentation``, ``background_document``   bool flags
========================  =====================================================================
"""

from __future__ import annotations

import re
from typing import Any

from pbi.model.vocabulary import duty_stations, grade_readings

from .text import to_int

__all__ = ["MEETING_SERVICES", "extract", "processed_in", "find_funding", "find_years", "find_biennium", "find_ops", "find_section",
           "find_section_run", "find_sections", "no_section_at", "section_before", "section_before_at",
           "staff_assessment", "stations_named", "KINDS", "COUNTABLE"]

#: an integer, possibly grouped as the United Nations prints it: 1,200 or 1 200 (a space between
#: groups of three digits, as in its Chinese, French and Spanish texts: "8 500字", "8 500 mots")
_GROUPED = r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?![\d,])"
_ZN = rf"({_GROUPED}|\d+|[一二两三四五六七八九十百]+)"
_EW = (r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+|thirteen|fourteen|sixteen|seventeen|eighteen|nineteen|"
       r"a|an|one|single|two|three|four|five|six|seven|"
       r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)")
_DN = rf"({_GROUPED}|\d+)"  # an integer, possibly grouped: 1,200, 1 200
_NOT_ORD = r"(?<!第)(?<!第 )(?<![\d.])(?<!\d,)"

#: flags describing the kind of work costed (used to decide whether two items are the same)
KINDS = ("translation", "printing", "distribution", "interpretation", "travel",
         "advisory_services", "conference_services", "report", "documentation")
#: keys whose presence makes an item specific enough to compare with another
COUNTABLE = ("pages", "meetings", "workshops", "work_months", "copies", "participants", "words")

# ----------------------------------------------------------------------------- patterns

_PAGES_RANGE = (
    re.compile(rf"(?:从\s*)?{_NOT_ORD}{_DN}\s*页?\s*(?:到|至|-|~)\s*{_DN}\s*页"),
    re.compile(rf"(?:from\s+)?(?<![\d.])(?<!\d,){_DN}\s*(?:pages?\s*)?(?:to|-)\s*{_DN}"
               r"[\s-]*pages?\b",
               re.I),
)
_PAGES = (
    re.compile(rf"{_NOT_ORD}{_DN}\s*页"),
    re.compile(rf"(?<![\d.])(?<!\d,){_DN}\s*pages?\b", re.I),
    # "11 100-page reports": the length is the number joined to "-page", never grouped by a space
    re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)-pages?\b", re.I),
)
#: a document's length in words ("a document of 8,500 words", "8,500 字")
_WORDS = (
    re.compile(rf"{_NOT_ORD}{_DN}\s*字(?!数)"),
    re.compile(rf"(?<![\d.])(?<!\d,){_DN}[\s-]*words?\b", re.I),
)
_LANGS = (
    re.compile(rf"(其他|其余)?\s*(?:联合国)?\s*{_ZN}\s*种\s*(?:联合国)?\s*(?:正式)?\s*语(?:文|言)"),
    re.compile(rf"\b(other|remaining)?\s*{_EW}\s+(?:of\s+the\s+)?(?:United\s+Nations\s+)?"
               r"(?:official\s+)?languages?\b", re.I),
)
_ALL_LANGS = re.compile(r"(?:所有|全部)\s*(?:联合国)?\s*(?:正式)?\s*语文|\ball\s+(?:six\s+)?"
                        r"(?:of\s+the\s+)?(?:United\s+Nations\s+)?official\s+languages\b", re.I)
_LANG_NAMES = (("阿拉伯文", "Arabic"), ("中文", "Chinese"), ("英文", "English"), ("法文", "French"),
               ("俄文", "Russian"), ("西班牙文", "Spanish"))
_LANG_NAMES_EN = re.compile(r"\b(Arabic|Chinese|English|French|Russian|Spanish)\b")
_DAYS = (
    re.compile(rf"{_NOT_ORD}{_ZN}\s*(?:个)?\s*(?:工作)?天(?!\s*每日生活津贴)"),  # not a trip's allowance
    re.compile(rf"\b{_EW}[\s-]+(?:working[\s-]+)?days?\b(?!\s+of\s+subsistence)", re.I),  # not a trip's allowance
)
_HALF_DAY = re.compile(r"半天|half[\s-]day", re.I)
_EVENTS_ZH = re.compile(
    rf"{_NOT_ORD}{_ZN}\s*次([^,;。:()]{{0,60}}?)(会议|协商|讲习班|研讨会|培训班)")
_EVENTS_EN = re.compile(  # a year is no count ("held in Geneva in 2026 as two meetings")
    rf"(?<!section )(?<!paragraph )\b(?!(?:19|20)\d\d\b){_EW}\s+"
    rf"((?:(?!(?:of|on|for|to|in|with|and|the|by|at|from|as)\b)[\w-]+\s+){{0,4}}?)"
    r"(meetings?|sessions?|workshops?|seminars?|consultations?)\b"  # not "section 28 на meeting services"
    r"((?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:networks?|focal\s+points?)\b)?)", re.I)
_OF_MEETINGS = re.compile(rf"\s+of\s+{_EW}\s+meetings\b", re.I)
_ONE_MEETING_ZH = re.compile(rf"为期\s*{_ZN}\s*天的[^,;。]{{0,15}}?会议(?!服务)|专家组(?:协商)?会议")
_PARTICIPANTS = (
    re.compile(rf"{_NOT_ORD}{_ZN}\s*(?:人|名)\s*(?:参加|出席|与会|参与者|与会者|学员)"),
    re.compile(rf"\b{_EW}\s+participants?\b", re.I),  # "of 1 participant": the singular too
)
_WORK_MONTHS = (
    re.compile(rf"{_NOT_ORD}{_ZN}\s*个?\s*(?:工作月|人月)"),
    re.compile(rf"\b{_EW}[\s-]+(?:work|person|staff)[\s-]+months?\b", re.I),
)
_G = r"(?:P|D|G|L|NO)-\d(?!\d)|GS\s*\((?:Other|Principal)\s+level\)|GS-(?:OL|PL)\b|GS\b(?!-)"
_GRADE = re.compile(rf"(?<![A-Za-z])({_G})")
#: a post's length beside its grade: "at the P-3 level for six months", "P-4职等人员，为期6个月"
_GRADE_MONTHS = (re.compile(rf"\bfor\s+(?:a\s+period\s+of\s+)?{_EW}\s+months?\b", re.I),
                 re.compile(rf"为期\s*{_ZN}\s*个月"))
#: new posts, costed at the first-year rates of the table's vacancy factor: "one new P-4 post", "the
#: new D-1 post", "the establishment of one P-3 post", "一个P-4职等新员额" (the count, when stated, in group 1)
_NEW_POSTS = (re.compile(rf"(?:\b{_EW}\s+)?\bnew\s+(?:[\w()-]+\s+){{0,5}}?posts?\b", re.I),
              re.compile(rf"\bestablish(?:ment\s+of|ing)\s+(?:{_EW}\s+)?(?:[\w()-]+\s+){{0,5}}?posts?\b", re.I),
              re.compile(rf"(?:{_ZN}\s*个)?[^,;。，]{{0,20}}?新员额"))
#: new posts in a year after their first, at full cost: "one new post at the P-3 level, at full cost", "（按全额费用计算）"
_FULL_COST = re.compile(r"\bat full cost\b|按全额费用计算", re.I)
#: the count of new posts before a grade: "two new posts in the General Service category", "两个"
_POST_COUNTS = (re.compile(rf"\b{_EW}\s+(?:new\s+)?posts?\b", re.I), re.compile(rf"{_ZN}\s*个"))
#: a count right before a grade: "one P-4 post", "1 P-4 and 1 GS (Other level)"
_COUNT_BEFORE = re.compile(rf"\b{_EW}\s+(?:new\s+)?$", re.I)


def _posts_by_grade(text: str) -> list[dict[str, Any]]:
    """Each grade named in ``text`` with the count of posts stated before it (after the grade before):
    "one new post at the P-4 level and two new posts in the General Service (Other level) category"."""
    out: list[dict[str, Any]] = []
    prev = 0
    for g in _GRADE.finditer(text):
        seg = text[prev:g.start()]
        tail = _COUNT_BEFORE.search(seg)
        counts = [m for rx in _POST_COUNTS for m in rx.finditer(seg)]
        last = max(counts, key=lambda m: m.start()) if counts else None
        count = to_int(tail.group(1)) if tail else (to_int(last.group(1)) if last else None)
        out.append({"count": count or 1, "grade": g.group(1)})
        prev = g.end()
    return out


#: work-months that are a consultant's ("three work-months of consultancy", "顾问")
_CONSULTANCY = re.compile(r"\bconsultan(?:cy|ts?)\b|顾问", re.I)
#: meetings counted in weeks: "one week of meetings", "a session of two weeks", "为期一周"
_WEEKS = (re.compile(rf"\b{_EW}[\s-]+weeks?\b(?:['’]s)?(?=\s+(?:of\s+meetings|duration|session)|"
                     r"[^.;]{0,40}\bmeetings\b)", re.I),
          re.compile(rf"为期\s*{_ZN}\s*(?:周|个星期)"))
_STAFF_ZH = re.compile(rf"{_ZN}\s*名[^,;。()]{{0,12}}?(?:专家|干事|工作人员)")
_STAFF_ITEMS = (
    re.compile(rf"为\s*{_ZN}\s*名[^()]{{0,30}}?\(({_G})\)\s*工作\s*{_ZN}\s*个?\s*工作月"),
    re.compile(rf"\b{_EW}[\s-]+(?:work|person|staff)[\s-]+months?\s+of\s+{_EW}\s+[^()]{{0,40}}?"
               rf"\(({_G})\)", re.I),
)
_GATHERINGS = (
    re.compile(rf"(?:举行|举办)\s*{_ZN}\s*次([^。]{{0,12}}?)为期\s*{_ZN}\s*天、\s*{_DN}\s*人参加的([^,;。、]{{0,20}})"),
    re.compile(rf"\b{_EW}\s+{_EW}-day\s+([^,;.]{{0,60}}?)\bof\s+{_DN}\s+participants?\b", re.I),
)
_INTERPRETED = (
    re.compile(rf"(?:{_ZN}\s*次)?\s*(?:为期\s*{_ZN}\s*天[的、，]?|{_DN}\s*次)\s*配备\s*{_ZN}\s*种\s*语文\s*口译"),
    re.compile(rf"(?<![\d,])\b(\d{{1,3}}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
               rf"(?:{_EW}-day\s+)?(?:(?!(?:for|to|in|with|and|by|at|from)\b)[\w-]+\s+){{0,4}}?"
               rf"(?:of\s+{_DN}\s+meetings\s+)?(?:in\s+(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+){{0,2}}\s+)?"  # in New York
               rf"(?:{_EW}-day\s+)?with\s+interpretation\s+in\s+{_EW}\s+languages?\b",
               re.I),
)
#: meetings counted as meetings, with no length in days ("3 meetings with interpretation in six languages")
_PLAIN_MEETINGS = re.compile(r"^\S+\s+meetings?\s+(?:in\s+(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+){0,2}\s+)?"
                             r"with\s+interpretation\b", re.I)
#: trips of staff, experts or members, with days of subsistence allowance each
_TRIPS = re.compile(rf"\b{_EW}\s+trips?\s+of\s+(?:the\s+)?(staff|experts|members|representatives|participants|"
                    r"a\s+staff\s+member|an\s+expert|a\s+member|a\s+representative|a\s+participant)\b"
                    rf"(?:\s+to\s+(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*){{0,3}})?"  # a place: capitalised words
                    rf"(?:\s+with\s+{_EW}\s+days?\s+of\s+subsistence\s+allowance)?", re.I)
#: the one traveller of a single trip ("one trip of a staff member") → who travels
_ONE_TRAVELLER = {"a staff member": "staff", "an expert": "experts", "a member": "members",
                  "a representative": "representatives", "a participant": "participants"}
#: the same in Chinese: "专家前往日内瓦的差旅三次（每次三天每日生活津贴）"
_TRIPS_ZH = re.compile(rf"(专家|工作人员|成员|代表|与会者)(?:前往[^的（(，。]{{1,10}})?的差旅\s*{_ZN}\s*次"
                       rf"(?:[（(]每次\s*{_ZN}\s*天每日生活津贴[）)])?")
#: the trips of one mandate holder: "two trips of the Special Rapporteur to Geneva, each with daily
#: subsistence allowance for five days" (experts on mission), "特别报告员赴日内瓦两次，每次…五天的每日生活津贴"
_TRIPS_OF_ONE = (re.compile(rf"\b{_EW}\s+trips?\s+of\s+the\s+(?:[\w-]+\s+){{0,2}}?(?:rapporteur|expert|envoy|"
                            r"chair(?:person)?|president)\b", re.I),
                 re.compile(rf"(?:特别报告员|独立专家|报告员|特使|主席)(?:赴|前往)[^，。；、,;]{{1,10}}?{_ZN}\s*次"
                            rf"(?:[^。；;]{{0,12}}?{_ZN}\s*天的?每日生活津贴)?"))
#: travel as statements word it: "travel of five panellists to Geneva, with daily subsistence
#: allowance for three days" (the travellers' number is the trips')
_TRAVEL_OF = re.compile(rf"\btravel\s+(?:costs?\s+)?of\s+(?:the\s+)?{_EW}\s+((?:[\w-]+\s+){{0,2}}?)"
                        r"(experts?|panellists?|panelists?|speakers?|members?|participants?|representatives?|"
                        r"staff|rapporteurs?|commissioners?)\b", re.I)
_DSA_DAYS = re.compile(rf"\b(?:daily\s+)?subsistence\s+allowance\s+(?:for|of)\s+{_EW}\s+days?\b|"
                       rf"\b{_EW}\s+days?\s+of\s+(?:daily\s+)?subsistence\s+allowance\b", re.I)
#: subsistence alone, for persons already where they meet: "daily subsistence allowance (only) for
#: the four special rapporteurs for three days", "subsistence allowance for three experts for four days"
_DSA_ONLY = re.compile(rf"\b(?:daily\s+)?subsistence\s+allowance\s+(?:only\s*)?,?\s*(?:\([^()]{{0,20}}\)\s*)?,?\s*"
                       rf"for\s+(?:the\s+)?{_EW}\s+((?:[\w-]+\s+){{0,2}}?)(?:experts?|panellists?|panelists?|"
                       rf"speakers?|members?|participants?|representatives?|staff|rapporteurs?|commissioners?)\b"
                       rf"(?:\s+(?!for\b)\w+){{0,4}}?\s+for\s+{_EW}\s+days?\b", re.I)
_TRAVEL_ZH = re.compile(rf"{_ZN}\s*名([^,;。，；]{{0,8}}?)(专家|小组成员|成员|代表|与会者|工作人员|报告员)"
                        rf"[^,;。]{{0,12}}?(?:旅费|差旅)(?:[^。;]{{0,8}}?{_ZN}\s*天的?每日生活津贴)?")
#: "五名专家每年赴日内瓦出席会议，领取五天的每日生活津贴": the travellers, where they go, their days
_TRAVEL_TO_ZH = re.compile(rf"{_ZN}\s*名([^,;。，；]{{0,8}}?)(专家|小组成员|成员|代表|与会者|工作人员|报告员)"
                           rf"[^,;。，；]{{0,6}}?(?:赴|前往)[^，。；,;]{{1,16}}"
                           rf"(?:[，,]\s*(?:每人)?领取\s*{_ZN}\s*天的?每日生活津贴)?")
_TRAVELLER_WORDS = {"panellist": "experts", "panelist": "experts", "speaker": "experts", "rapporteur": "experts",
                    "commissioner": "members", "expert": "experts", "member": "members",
                    "participant": "participants", "representative": "representatives", "staff": "staff",
                    "小组成员": "experts", "报告员": "experts"}
_TRAVELLERS_ZH = {"专家": "experts", "工作人员": "staff", "成员": "members", "代表": "representatives", "与会者": "participants"}
_CONSULTANT_MONTHS = (
    re.compile(rf"\b{_EW}[\s-]+work[\s-]+months?\s+of\s+(a|an|one|\w+)\s+consultants?\b", re.I),
    re.compile(rf"顾问\s*各?\s*{_ZN}\s*个\s*工作月"),  # 聘用一名顾问三个工作月, 两名顾问各三个工作月
)
#: one consultant of several, in Chinese: (count,) months
_CONSULTANT_EACH_ZH = re.compile(rf"(?:{_ZN}\s*名\s*)?顾问\s*各?\s*{_ZN}\s*个\s*工作月")
_STAFF_EN = re.compile(rf"\bwork[\s-]+months?\s+of\s+{_EW}\b", re.I)
_CONSULTANTS = (
    re.compile(rf"{_ZN}\s*名\s*顾问"),
    re.compile(rf"\b{_EW}\s+consultants?\b", re.I),
)
_DOCUMENTS = (
    # "两份…文件", not the copies of something else before it: "(…, 2 份)以及一份…的文件"
    re.compile(rf"{_NOT_ORD}{_ZN}\s*份(?:[^,;。、()份]|(?<=\d),(?=\d)){{0,30}}?(?:文件|报告|出版物)"),
    # "three pre-session documents", "two thematic reports" (not "one of the reports")
    re.compile(rf"\b{_EW}\s+(?:\d[\d,]*-(?:page|word)\s+)?(?:(?!(?:of|the|and|or|in)\b)[\w-]+\s+){{0,2}}?"
               r"(?:documents|reports|publications)\b", re.I),
)
#: the length stated is the documents' total, not each one's: "four documents totalling 34,000 words",
#: "60 pages in all", "篇幅共为 34,000 字" (the other languages' words are rewritten to these first)
_IN_ALL = re.compile(r"\btotall?ing\s+\d[\d,]*(?:\s+to\s+\d[\d,]*)?[\s-]*(?:words?|pages?)\b|"
                     r"\b(?:words?|pages?)\s+in\s+all\b|篇幅共|共(?:为|计)?\s*\d[\d,]*\s*(?:字|页)", re.I)
#: identical sets of documents, each of the total length stated: "three sets of two documents", "三套"
_SETS = (
    re.compile(rf"{_NOT_ORD}{_ZN}\s*套"),
    re.compile(rf"\b{_EW}\s+sets\s+of\b", re.I),
)


def _document_count(clause: str) -> int:
    """What the length stated in ``clause`` is priced times: its documents ("two documents of 1,000
    words"), or, when the length is their total, the sets of them ("three sets of two documents, each
    set totalling 40 pages": 3; "four documents totalling 34,000 words": 1)."""
    if _IN_ALL.search(clause):
        return next((v for rx in _SETS for v in [_first_int(rx, clause)] if v), 1)
    return next((v for rx in _DOCUMENTS for v in [_first_int(rx, clause)] if v), 1)


_COPIES = (
    re.compile(rf"(?<![\d.])(?<!\d,){_DN}\s*份(?=\s*(?:[),;。、]|$))"),
    re.compile(rf"(?<![\d.])(?<!\d,){_DN}\s+copies\b", re.I),
)
#: duty stations (model/vocabulary.yaml): the Chinese name of each, and the English names
_LOCATIONS = tuple((names["zh"], station) for station, names in duty_stations().items() if "zh" in names)
_LOCATIONS_EN = re.compile(r"\b(" + "|".join(re.escape(s) for s in duty_stations()) + r")\b")
#: where a document is processed ("processed in Vienna", "在维也纳处理"): the document's own station
_PROCESSED = re.compile(r"\bprocessed\s+in\s+(?:" + "|".join(re.escape(s) for s in duty_stations()) + r")\b|"
                        r"在(?:" + "|".join(re.escape(zh) for zh, _ in _LOCATIONS) + r")(?:以[^,;。]{0,12}?)?处理")
_NO_INTERP = re.compile(r"(?:不|没有|无|未)\s*(?:配备|提供)?\s*(?:任何)?\s*口译|"
                        r"\b(?:without|no)\s+(?:simultaneous\s+)?interpretation\b", re.I)
_INTERP_LANGS = (
    re.compile(rf"(?:配备|提供)\s*{_ZN}\s*种\s*(?:正式)?\s*语文\s*(?:的)?\s*口译"),
    re.compile(rf"\binterpretation\s+(?:services\s+)?in\s+{_EW}\s+(?:official\s+)?languages?\b", re.I),
)
_INTERP = re.compile(r"口译|\binterpretation\b", re.I)
_PER_MEETING = re.compile(r"每次[^,;。]{0,20}?会议|\bper\s+(?:meeting|session)\b|\beach\s+"
                          r"(?:meeting|session)\b", re.I)
_FLAGS = {
    "translation": re.compile(r"翻译|笔译|\btranslat", re.I),
    "printing": re.compile(r"印制|印刷|\bprint", re.I),
    "distribution": re.compile(r"分发|\bdistribut|\bdissemina", re.I),
    "travel": re.compile(r"差旅|旅费|\btravel", re.I),
    "advisory_services": re.compile(r"咨询服务|\badvisory\s+services|\bconsultanc", re.I),
    "conference_services": re.compile(r"会议服务|\b(?:conference|meeting)\s+servic", re.I),
    "report": re.compile(r"报告|\breport\b", re.I),
    "documentation": re.compile(r"文件|\bdocument", re.I),
    "background_document": re.compile(r"背景文件|\bbackground\s+(?:document|paper)", re.I),
    # what a meeting is priced with besides interpretation (the cost table's meeting services)
    "summary_records": re.compile(r"简要记录|\bsummary\s+records?\b", re.I),
    "verbatim_records": re.compile(r"逐字记录|\bverbatim\s+records?\b", re.I),
    "webcasting": re.compile(r"网播|\bwebcast", re.I),
    "sound": re.compile(r"音响|\bsound\s+(?:technicians?|engineers?|services)\b", re.I),
    "it_support": re.compile(r"信息技术支[持助]|\bIT\s+support\b", re.I),
}
#: the meeting services of :data:`_FLAGS` a meeting may be priced with apart from interpretation
MEETING_SERVICES = ("summary_records", "verbatim_records", "webcasting", "sound", "it_support")


def _dsa_after(text: str, end: int) -> str | None:
    """The days of subsistence allowance stated in the clause right after a trip ("three trips of
    experts to Vienna, with daily subsistence allowance for four days")."""
    dsa = _DSA_DAYS.match(text, end, min(len(text), end + 90)) or _DSA_DAYS.search(text, end, min(len(text), end + 90))
    if dsa is None or re.search(r"[;.]|\$\d", text[end:dsa.start()]):
        return None
    return dsa.group(1) or dsa.group(2)


def _first_int(rx: re.Pattern[str], text: str, group: int = 1) -> int | None:
    for m in rx.finditer(text):
        v = to_int(m.group(group))
        if v is not None:
            return v
    return None


def _pages(text: str, q: dict[str, Any]) -> None:
    found: list[tuple[int, int | tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for rx in _PAGES_RANGE:
        for m in rx.finditer(text):
            lo, hi = to_int(m.group(1)), to_int(m.group(2))
            if lo is not None and hi is not None and lo < hi:
                found.append((m.start(), (lo, hi)))
                taken.append(m.span())
    for rx in _PAGES:
        for m in rx.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            v = to_int(m.group(1))
            if v:
                found.append((m.start(), v))
    if not found:
        return
    found.sort(key=lambda x: x[0])
    q["pages"] = found[0][1]
    station = _own_location(text, found[0][0])
    if station:  # "a 26-page report processed in Geneva": priced at that station's rates
        q["pages_location"] = station
    if len(found) == 1:
        own1: dict[str, Any] = {}
        _languages(_clause_around(text, 0, found[0][0], len(text)), own1)
        if own1.get("languages"):
            q["languages_all"] = [own1["languages"]]
    if len(found) > 1:
        q["pages_all"] = [v for _, v in found]
        # each document's languages, when stated in its own stretch of text
        langs: list[int | None] = []
        counts: list[int] = []
        kinds: list[str] = []
        for k, (pos, _) in enumerate(found):
            end = found[k + 1][0] if k + 1 < len(found) else len(text)
            start = found[k - 1][0] + 1 if k else 0
            own: dict[str, Any] = {}
            clause = _clause_around(text, start, pos, end)
            _languages(clause, own)
            langs.append(own.get("languages"))
            counts.append(_document_count(clause))
            translated = bool(_FLAGS["translation"].search(clause))
            kinds.append("tool_translation" if translated and _FLAGS["distribution"].search(clause)
                         else "publication" if translated or _FLAGS["printing"].search(clause)
                         else "documentation")
        if any(v is not None for v in langs):
            q["languages_all"] = langs
        if any(c > 1 for c in counts):
            q["documents_all"] = counts
        if len(set(kinds)) > 1:
            q["kinds_all"] = kinds
    if _PER_MEETING.search(text):
        q["per_meeting"] = True


_CUT = re.compile(r"[;；、]|[,，](?!\d{3}(?!\d))|\band\b|和|及")


def _clause_around(text: str, start: int, pos: int, end: int) -> str:
    """The clause of ``text`` around ``pos``, within ``start``..``end``; a position inside
    parentheses ("the guide (100 pages, six languages)") takes the whole parenthesis and what
    it follows."""
    opened = text.rfind("(", start, pos)
    if opened >= 0 and text.find(")", opened, pos) < 0:
        close = text.find(")", pos, end)
        cuts = [m.end() for m in re.finditer(r"[;；、,，)]", text[start:opened])]
        head = max(start + (cuts[-1] if cuts else 0), opened - 40)
        if close < 0 and end < len(text):  # the next figure is in the same parenthesis: up to its clause
            tail = [m.start() for m in _CUT.finditer(text, pos, end)]
            return text[head:tail[-1] if tail else end]
        return text[head:close + 1 if close >= 0 else end]
    cuts = [m.end() for m in _CUT.finditer(text, start, pos)]
    a = cuts[-1] if cuts else start
    m = _CUT.search(text, pos, end)
    b = m.start() if m else end
    return text[a:b]


def _mentions(text: str, station: str) -> int:
    """How many times ``text`` names a duty station (in English or Chinese)."""
    zh = next((z for z, en in _LOCATIONS if en == station), None)
    return len(re.findall(rf"\b{re.escape(station)}\b", text)) + (text.count(zh) if zh else 0)


def _item_clause(text: str, pos: int) -> str:
    """The item of a list around ``pos``: from the cut before it to the cut after it, within the
    parenthesis that holds it."""
    a = max(text.rfind("(", 0, pos), text.rfind("（", 0, pos), 0)
    ends = [i for i in (text.find(")", pos), text.find("）", pos)) if i >= 0]
    b = min(ends) if ends else len(text)
    cuts = [m.end() for m in _CUT.finditer(text, a, pos)]
    after = _CUT.search(text, pos, b)
    return text[cuts[-1] if cuts else a:after.start() if after else b]


def stations_named(text: str) -> set[str]:
    """The duty stations ``text`` names (in English or Chinese)."""
    return {m.group(1) for m in _LOCATIONS_EN.finditer(text)} | {en for zh, en in _LOCATIONS if zh in text}


def processed_in(text: str) -> str | None:
    """The one duty station ``text`` says documents are processed in ("在日内瓦以六种正式语文处理")."""
    found = {station for m in _PROCESSED.finditer(text) for zh, station in _LOCATIONS if zh in m.group(0)}
    found |= {m.group(1) for p in _PROCESSED.finditer(text) for m in [_LOCATIONS_EN.search(p.group(0))] if m}
    return found.pop() if len(found) == 1 else None


def _own_location(text: str, pos: int) -> str | None:
    """The duty station named in the clause around ``pos`` (an item's own: "… (P-3) in New York")."""
    clause = _clause_around(text, 0, pos, len(text))
    opened = clause.find("(")
    if opened > 0:  # "… in Nairobi and documentation (2,804 words)": not before the item's own clause
        cuts = [m.end() for m in _CUT.finditer(clause, 0, opened)]
        clause = clause[cuts[-1]:] if cuts else clause
    for zh, en in _LOCATIONS:
        if zh in clause:
            return en
    m = _LOCATIONS_EN.search(clause)
    return m.group(1) if m else None


def _languages(text: str, q: dict[str, Any]) -> None:
    names = [en for zh, en in _LANG_NAMES if zh in text]
    names += [m.group(1) for m in _LANG_NAMES_EN.finditer(text) if m.group(1) not in names]
    for rx in _LANGS:
        m = rx.search(text)
        if m:
            v = to_int(m.group(2))
            if v:
                q["languages"] = v
                if m.group(1):
                    q["other_languages"] = True
                break
    if "languages" not in q and _ALL_LANGS.search(text):
        q["languages"] = 6
    if names:
        q["language_names"] = names
        q.setdefault("languages", len(names))


def _events(text: str, q: dict[str, Any]) -> None:
    events: list[dict[str, Any]] = []
    for m in _EVENTS_ZH.finditer(text):
        n = to_int(m.group(1))
        if n:
            kind = (m.group(2) + m.group(3)).strip()
            events.append({"count": n, "kind": kind,
                           "workshop": m.group(3) in ("讲习班", "研讨会", "培训班")})
    skip_to = -1
    for m in _EVENTS_EN.finditer(text):
        if m.start() < skip_to:
            continue
        n = to_int(m.group(1))
        inner = _OF_MEETINGS.match(text, m.end())
        if n and inner and to_int(inner.group(1)):
            # "two sessions of 4 meetings": the meetings are counted, each session's
            events.append({"count": n * (to_int(inner.group(1)) or 1), "kind": "meetings", "workshop": False})
            skip_to = inner.end()
            continue
        if n:
            kind = (m.group(2) + m.group(3) + m.group(4)).strip()
            events.append({"count": n, "kind": kind,
                           "workshop": m.group(3).lower().startswith(("workshop", "seminar"))})
    meetings = sum(e["count"] for e in events if not e["workshop"])
    workshops = sum(e["count"] for e in events if e["workshop"])
    if not events and _ONE_MEETING_ZH.search(text):
        meetings = 1
    if meetings:
        q["meetings"] = meetings
    if workshops:
        q["workshops"] = workshops
    if len(events) > 1:
        q["events"] = [{"count": e["count"], "kind": e["kind"]} for e in events]


def extract(text: str) -> dict[str, Any]:
    """The quantities stated in ``text`` (one sentence or clause, normalised)."""
    q: dict[str, Any] = {}
    for name, grade in grade_readings():  # "一般事务（其他职等）", "ОО (ПР)" …: the grade a note names
        text = text.replace(name, grade)
    text = re.sub(r"\bhalf a day\b", "half-day", text, flags=re.I)  # "lasting half a day": not "a day"
    _pages(text, q)
    _languages(text, q)
    for rx in _DAYS:
        v = _first_int(rx, text)
        if v:
            q["days"] = v
            break
    if _HALF_DAY.search(text):
        q["half_day"] = True
    _events(text, q)
    hits = [(m.start(), v) for rx in _WORDS for m in rx.finditer(text) for v in [to_int(m.group(1))] if v]
    if len(hits) > 1:  # several documents priced by the word in one amount
        q["words_all"] = [v for _, v in sorted(hits)]
    langs_words = []
    docs_words = []
    for pos, _ in sorted(hits):  # each document's own languages ("of 1,000 words in one language")
        own: dict[str, Any] = {}
        clause = _clause_around(text, 0, pos, len(text))
        if sum(1 for rx in _WORDS for _ in rx.finditer(clause)) > 1:
            clause = _item_clause(text, pos)  # several in one parenthesis: "两份…1,000 字的文件，另有一份…"
        _languages(clause, own)
        langs_words.append(own.get("languages"))
        docs_words.append(_document_count(clause))
    if any(langs_words):
        q["words_languages"] = langs_words
    if len(hits) > 1 and any(n > 1 for n in docs_words):
        q["words_documents"] = docs_words  # "two documents of 1,000 words and a document of 2,000 words"
    if hits:  # where the (first) document is processed, in its own clause, else where the text says
        q["words_location"] = _own_location(text, sorted(hits)[0][0]) or processed_in(text)
    for key, rxs in (("participants", _PARTICIPANTS), ("work_months", _WORK_MONTHS), ("words", _WORDS),
                     ("consultants", _CONSULTANTS), ("copies", _COPIES), ("documents", _DOCUMENTS)):
        for rx in rxs:
            v = _first_int(rx, text)
            if v:
                q[key] = v
                break
    if q.get("documents") and _IN_ALL.search(text):  # "four documents totalling 34,000 words"
        q["document_sets"] = _document_count(text)
    m = _GRADE.search(text)
    if m:
        q["grade"] = m.group(1)
        posts = next((p for rx in _NEW_POSTS for p in rx.finditer(text)), None)
        if posts:  # "one new P-4 post": a new post, priced at first-year cost
            q["new_posts"] = to_int(posts.group(1)) or 1 if posts.group(1) else 1
            grades = _posts_by_grade(text)
            if len({g["grade"] for g in grades}) > 1:  # "one new P-4 post and one new GS (Other level) post"
                q["new_posts_all"] = grades
            if _FULL_COST.search(text) and "vacancy" not in text.lower() and "空缺率" not in text:
                q["continuing"] = True
        if "work_months" not in q:  # "general temporary assistance at the P-3 level for six months"
            months = _first_int(_GRADE_MONTHS[0], text) or _first_int(_GRADE_MONTHS[1], text)
            if months:
                q["work_months"] = months
    elif q.get("work_months") and _CONSULTANCY.search(text) and "consultant_months" not in q:
        q["consultant_months"] = q["work_months"]  # "three work-months of consultancy"
    weeks = next((v for rx in _WEEKS for v in [_first_int(rx, text)] if v), None)
    if weeks and "days" not in q:
        q["weeks"] = weeks
    staff_all = []
    for m in _STAFF_ITEMS[0].finditer(text):
        staff_all.append({"count": to_int(m.group(1)), "grade": m.group(2), "work_months": to_int(m.group(3))})
    for m in _STAFF_ITEMS[1].finditer(text):
        staff_all.append({"count": to_int(m.group(2)), "grade": m.group(3), "work_months": to_int(m.group(1))})
    if len(staff_all) > 1:
        q["staff_all"] = staff_all
    elif staff_all:  # one staff item: its own work-months, not a consultant's beside it
        q["staff_months"] = staff_all[0]["work_months"]
    m = _STAFF_ITEMS[1].search(text)
    if m:
        q["staff_location"] = _own_location(text, m.end())
    # trips: "three trips of experts to Geneva with five days of subsistence allowance each",
    # "专家前往日内瓦的差旅三次（每次三天每日生活津贴）"; several in one amount are each kept
    found = [(m.start(), to_int(m.group(1)), _ONE_TRAVELLER.get(" ".join(m.group(2).lower().split()), m.group(2).lower()),
              m.group(3) or _dsa_after(text, m.end()))
             for m in _TRIPS.finditer(text)]
    found += [(m.start(), to_int(m.group(1)), "experts", _dsa_after(text, m.end())) for m in _TRIPS_OF_ONE[0].finditer(text)]
    found += [(m.start(), to_int(m.group(1)), "experts", m.group(2)) for m in _TRIPS_OF_ONE[1].finditer(text)]
    found += [(m.start(), to_int(m.group(2)), _TRAVELLERS_ZH[m.group(1)], m.group(3)) for m in _TRIPS_ZH.finditer(text)]
    if not found:
        for m in _TRAVEL_OF.finditer(text):
            who = m.group(3).lower().rstrip("s") if m.group(3).lower() != "staff" else "staff"
            dsa = _DSA_DAYS.search(text, m.end())
            found.append((m.start(), to_int(m.group(1)), _TRAVELLER_WORDS.get(who, "experts"),
                          (dsa.group(1) or dsa.group(2)) if dsa else None))
        seen_zh = set()
        for m in (*_TRAVEL_ZH.finditer(text), *_TRAVEL_TO_ZH.finditer(text)):
            if m.start() in seen_zh:  # one traveller read by both wordings: once
                continue
            seen_zh.add(m.start())
            who = _TRAVELLER_WORDS.get(m.group(3)) or _TRAVELLERS_ZH.get(m.group(3), "experts")
            found.append((m.start(), to_int(m.group(1)), who, m.group(4)))
    trips: list[dict[str, Any]] = [
        {"trips": n, "travellers": who, "dsa_days": to_int(dsa) if dsa else None, "location": _own_location(text, at)}
        for at, n, who, dsa in sorted(found, key=lambda f: f[0]) if n]
    if trips:
        first = trips[0]
        q["trips_location"], q["trips"], q["travellers"] = first["location"], first["trips"], first["travellers"]
        if first["dsa_days"]:
            q["dsa_days"] = first["dsa_days"]
    if len(trips) > 1:  # trips of experts to Geneva and of staff to New York, in one amount
        q["trips_all"] = trips
    m = _DSA_ONLY.search(text) if not trips else None
    if m and to_int(m.group(1)) and to_int(m.group(3)):
        # "daily subsistence allowance for the four special rapporteurs for three days": travellers
        # already at the duty station, paid subsistence and no fare
        q["dsa_only"] = {"persons": to_int(m.group(1)), "days": to_int(m.group(3)),
                         "location": _own_location(text, m.end())}
    m = next((found for rx in _CONSULTANT_MONTHS for found in [rx.search(text)] if found), None)
    if m and to_int(m.group(1)):
        q["consultant_months"] = to_int(m.group(1))
        q["consultant_location"] = _own_location(text, m.end())
    # consultants of different lengths in one amount ("six work-months of a consultant and three
    # work-months of a consultant"): each with its own months, count and duty station
    each = [(c.start(), to_int(c.group(1)), to_int(c.group(2)), c.end()) for c in _CONSULTANT_MONTHS[0].finditer(text)]
    each += [(c.start(), to_int(c.group(2)), to_int(c.group(1)) if c.group(1) else 1, c.end())
             for c in _CONSULTANT_EACH_ZH.finditer(text)]  # 聘用一名顾问六个工作月
    consultants = [{"work_months": months, "count": count or 1, "location": _own_location(text, end)}
                   for _, months, count, end in sorted(each)]
    if len(consultants) > 1 and all(c["work_months"] for c in consultants):
        q["consultants_all"] = consultants
    gatherings = []
    for m in _GATHERINGS[0].finditer(text):
        gatherings.append({"count": to_int(m.group(1)), "days": to_int(m.group(3)),
                           "participants": to_int(m.group(4)), "kind": m.group(2) + m.group(5)})
    for m in _GATHERINGS[1].finditer(text):
        gatherings.append({"count": to_int(m.group(1)), "days": to_int(m.group(2)),
                           "participants": to_int(m.group(4)), "kind": m.group(3)})
    if len(gatherings) > 1 or (gatherings and _INTERP.search(text) and not _NO_INTERP.search(text)):
        q["gatherings"] = gatherings
    interpreted: list[dict[str, Any]] = []
    for m in _INTERPRETED[0].finditer(text):
        interpreted.append({"count": to_int(m.group(1)) if m.group(1) else 1, "days": to_int(m.group(2))
                            if m.group(2) else None, "meetings": to_int(m.group(3)) if m.group(3) else None,
                            "languages": to_int(m.group(4)), "location": _own_location(text, m.start())})
    for m in _INTERPRETED[1].finditer(text):
        day = m.group(2) or m.group(4)  # "one one-day meeting", or "one meeting one-day" (Arabic order)
        days = to_int(day) if day else None
        total = to_int(m.group(3)) if m.group(3) else None
        count = to_int(m.group(1)) or 1
        if days is None and total is None and _PLAIN_MEETINGS.search(m.group(0)):
            count, total = 1, count  # "3 meetings with interpretation": meetings, not days of them
        interpreted.append({"count": count, "days": days, "meetings": total, "languages": to_int(m.group(5)),
                            "location": _own_location(text, m.end() - 1)})
    if len(interpreted) > 1 or (interpreted and gatherings):
        q["interpreted_all"] = interpreted
    v = _first_int(_STAFF_ZH, text) or _first_int(_STAFF_EN, text)
    if v:
        q["staff"] = v
    # the duty station of the claim: not one that only says where a document is processed
    placed = _PROCESSED.sub("", text)
    for zh, en in _LOCATIONS:
        if zh in placed:
            q["location"] = en
            break
    else:
        m = _LOCATIONS_EN.search(placed)
        if m:
            q["location"] = m.group(1)
    if q.get("location") and _mentions(placed, q["location"]) == 1 and q["location"] in {
            q.get(k) for k in ("staff_location", "trips_location", "consultant_location")}:
        del q["location"]  # named once, in one item's own clause ("… (P-2) in Vienna"): that item's
    m = _INTERP_LANGS[0].search(text) or _INTERP_LANGS[1].search(text)
    if m and to_int(m.group(1)):
        q["interpretation_languages"] = to_int(m.group(1))
    if _NO_INTERP.search(text):
        q["interpretation"] = False
    elif _INTERP.search(text):
        q["interpretation"] = True
    for key, rx in _FLAGS.items():
        if rx.search(text):
            q[key] = True
    if q.get("background_document"):
        q["documentation"] = True
    return q


# ----------------------------------------------------------------------------- funding, years

_FUNDING = (
    ("contingency_fund", re.compile(r"应急基金|\bcontingency\s+fund", re.I)),
    ("existing_resources", re.compile(r"现有资源|\b(?:within|from)\s+(?:the\s+)?existing\s+"
                                      r"(?:resources|capacity)|\babsorbed\b", re.I)),
    # programme support costs are charged on extrabudgetary money only: "$78,700, inclusive of
    # programme support costs"
    ("extrabudgetary", re.compile(r"预算外资源|预算外资金|\bextrabudgetary|(?:含|包括)方案支助费用|"
                                  r"\b(?:inclusive\s+of|including)\s+programme\s+support\s+costs?\b", re.I)),
    ("voluntary", re.compile(r"自愿捐款|自愿捐助|\bvoluntary\s+contributions?", re.I)),
    ("regular_budget", re.compile(r"经常预算|第\s*2\s*编|\bregular\s+budget|\bsections?\s+\d{1,2}[A-Z]?\b|"
                                  r"\bpart\s+2\b", re.I)),
    ("budget_process", re.compile(r"既定预算程序|预算程序|\bbudget(?:ary)?\s+(?:process|procedures?)|"
                                  r"\bproposed\s+programme\s+budget\s+for\b|列入[^,;。]{0,16}拟议方案预算", re.I)),
)
#: a budget section names where an amount is, not how it is funded: a source named in the same
#: clause wins ("$50,600 under section 16 would represent a charge against the contingency fund")
_SECTION_ONLY = re.compile(r"^(?:sections?\s+\d{1,2}[A-Z]?)$", re.I)


def find_funding(text: str, anchor: int | None = None) -> str | None:
    """The funding source named in ``text``; with ``anchor``, the mention nearest to it.

    Mentions in the same clause as the anchor (no ``,``/``;`` in between) are preferred, and a
    source named outright over a bare budget section ("under section 16").
    """
    hits: list[tuple[int, int, str]] = []
    for name, rx in _FUNDING:
        for m in rx.finditer(text):
            weak = 1 if _SECTION_ONLY.match(m.group(0)) else 0
            if anchor is None:
                hits.append((weak, m.start(), name))
                continue
            a, b = sorted((m.end() if m.end() <= anchor else m.start(), anchor))
            between = text[a:b]
            other_clause = 1 if re.search(r"[,;。:]", between) else 0
            hits.append((abs(b - a), other_clause * 2 + weak, name))
    if not hits:
        return None
    if anchor is None:
        return min(hits)[2]
    best = min(hits, key=lambda h: (h[1], h[0]))
    named = [h for h in hits if not h[1] % 2]
    if best[1] % 2 and named and not any(h[2] == "regular_budget" for h in named):
        # "$24,500 under section 2, …, would be absorbed within existing resources": the section says
        # where the amount is; how it is funded is the source the rest of its clause names
        return min(named, key=lambda h: (h[1], h[0]))[2]
    return best[2]


_YEAR = re.compile(r"(?<![\d/.\-])((?:19|20)\d{2})(?![\d/\-])\s*年(?!\s*\d+\s*月)")
_YEAR_EN = re.compile(r"\b(?:in|for|during|of|from)\s+(20\d{2})\b(?![\-/])", re.I)
#: "the standard costs for 2026": the year of the rates an estimate is based on, not of its activities
_RATES_OF = re.compile(r"\b(?:costs|rates|scales?)\s*$", re.I)
_BIENNIUM = re.compile(r"(20\d{2})\s*-\s*(20\d{2})\s*(?:年)?\s*(?:两年期|biennium)|"
                       r"biennium\s+(20\d{2})\s*-\s*(20\d{2})", re.I)


def find_years(text: str) -> list[int]:
    """Single calendar years stated in ``text`` ("2011 年", "in 2012"), not biennia or dates."""
    years: list[int] = []
    for m in _YEAR.finditer(text):
        years.append(int(m.group(1)))
    for m in _YEAR_EN.finditer(text):
        if not _RATES_OF.search(text, max(0, m.start() - 40), m.start()):
            years.append(int(m.group(1)))
    return years


def find_biennium(text: str) -> str | None:
    """The last biennium named in ``text`` ("2012-2013 两年期" → ``"2012-2013"``)."""
    found = None
    for m in _BIENNIUM.finditer(text):
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        found = f"{a}-{b}"
    return found


# ----------------------------------------------------------------------------- operative paras

# Linear time: digits are matched possessively (a run of digits is never split two ways) and a list
# has at most 40 items, so a start costs at most 40 steps however long the text or the digit run.
_OP_ZH = re.compile(r"(?:第\s*)?((?:\d++|\([a-z]\))(?:\s*+(?:\([a-z]\)|、|,|和|及|与|\d++)){0,40}?)\s*"
                    r"(?:执行段|分段)")
_OP_LIST_EN = r"(\d++(?:\s*\([a-z]\)){0,4}(?:\s*(?:,|and|to)\s*\d++(?:\s*\([a-z]\)){0,4}){0,40})"
_OP_EN = (
    re.compile(rf"\boperative\s+paragraphs?\s+{_OP_LIST_EN}", re.I),
    re.compile(rf"\bparagraphs?\s+{_OP_LIST_EN}\s+of\s+(?:the\s+)?(?:revised\s+)?draft", re.I),
    re.compile(r"\b(?:sub)?paragraphs?\s+(\([a-z]\))\s+of\s+the\s+annex", re.I),
)
_OP_TOKEN = re.compile(r"\d+(?:\s*\([a-z]\))*|\([a-z]\)")


def _op_tokens(region: str) -> list[str]:
    out: list[str] = []
    head = ""
    for t in _OP_TOKEN.findall(region):
        t = re.sub(r"\s+", "", t)
        if t[0].isdigit():
            head = re.match(r"\d+", t).group(0)  # type: ignore[union-attr]
            out.append(t)
        else:
            out.append(head + t)
    return out


def find_ops(text: str) -> list[str]:
    """Operative paragraphs named first in ``text``: "第 1(b)执行段" → ``["1(b)"]``,
    "第 3、9 和 10 执行段" → ``["3", "9", "10"]``, "(f)执行段" → ``["(f)"]``."""
    return find_ops_at(text)[0]


def find_ops_at(text: str) -> tuple[list[str], int]:
    """:func:`find_ops` and where the words naming them end in ``text`` (-1 if nowhere): the same
    paragraphs are named first in every prefix of ``text`` at least that long."""
    m = _OP_ZH.search(text)
    if m:
        return _op_tokens(m.group(1)), m.end()
    hits = [m for rx in _OP_EN for m in [rx.search(text)] if m]
    if hits:
        first = min(hits, key=lambda m: m.start())
        return _op_tokens(first.group(1)), first.end()
    return [], -1


# ----------------------------------------------------------------------------- budget sections

_SECTION = (
    re.compile(r"第\s*(\d{1,2}[A-Z]?)\s*[款编]"),  # 第16编: a section as the COP 5 notes number it
    re.compile(r"\b(income\s+)?sections?\s+(\d{1,2}(?:\.?[A-Z])?)\b", re.I),  # 29C, 27.D
)
#: just before an amount: "section 2, General Assembly … conference management ($", "section 32: $"
_SECTION_PAREN = re.compile(r"\b(income\s+)?sections?\s+(\d{1,2}(?:\.?[A-Z])?)\b[^\d$():;]{0,120}[(:]\s*$", re.I)
_STAFF_ASSESSMENT = re.compile(r"工作人员薪金税|\bstaff\s+assessment\b|\bincome\s+section\s+1\b|"
                               r"\bsection\s+36\b", re.I)
_NET_OF = re.compile(r"(?:net\s+of|excluding|exclusive\s+of|before)\s+staff\s+assessment|"
                     r"(?:不含|扣除|未计)工作人员薪金税", re.I)


#: after "sections 2": the list goes on (", 24 and 29D", " et 8", "و8")
_SECTION_LIST_NEXT = re.compile(r"(?:\s*,\s*(?:(?:and|et|y|и)\s+)?|\s+(?:and|et|y|и)\s+|\s*و\s*)"
                                r"(\d{1,2}(?:\.?[A-Z])?)\b(?!\s*(?:%|per\s+cent|meetings?|pages?|days?|words?))",
                                re.I)
#: between two sections of one list: a conjunction, and the first one's name in parentheses or quotes
_SECTION_GAP = re.compile(r"^[\s,]*(?:and|et|y|и|和|及|以及|与|、)?[\s,]*(?:du|de\s+la|la|el|the)?\s*$", re.I)
_SECTION_NAME = re.compile(r"\([^()\d$]*\)|“[^”\d$]*”|«[^»\d$]*»|\"[^\"\d$]*\"")
#: the first section's name after a comma, as the United Nations writes a list: "section 2, General
#: Assembly and Economic and Social Council affairs and conference management, and section 10, …"
_SECTION_NAME_COMMA = re.compile(r"^\s*,\s+(?-i:[A-Z])[^,;.:$\d()]{2,150},\s+(?:and|et|y|и)\s+$", re.I)
#: an amount placed under no section yet, as the notes pbi writes say it in each language
_NO_SECTION = re.compile(r"\ba\s+section\s+to\s+be\s+stated\b|待定款次|\b(?:un|one)\s+chapitre\s+à\s+préciser\b|"
                         r"\b(?:una|one)\s+secci[oó]n\s+por\s+determinar\b|\bразделу,\s+который\s+будет\s+указан|"
                         r"باب\s+يحدد\s+لاحقا", re.I)


def _hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, section) of every budget section named in ``text``, in order; the numbers that
    continue a plural's list ("sections 2, 24 and 29D") each count."""
    hits = [(m.start(), m.end(), m.group(1)) for m in _SECTION[0].finditer(text)]
    for m in _SECTION[1].finditer(text):
        hits.append((m.start(), m.end(), _section_name(m)))
        if m.group(0).lower().startswith("sections"):
            pos = m.end()
            while (n := _SECTION_LIST_NEXT.match(text, pos)) is not None:
                hits.append((n.start(1), n.end(), n.group(1).replace(".", "")))
                pos = n.end()
    return sorted(hits)


def _section_name(m: re.Match[str]) -> str:
    return ("income " if m.group(1) else "") + m.group(2).replace(".", "")


def find_sections(text: str) -> list[str]:
    """Every budget section named in ``text``, in order: "under section 2 (…) and section 8 (…)" →
    ``["2", "8"]`` (income sections as ``"income 1"``)."""
    return [h[2] for h in _hits(text)]


def section_before(text: str) -> str | None:
    """The section an amount follows as its own: ``text`` ends "section 24, Human rights (" or
    "section 32:" just before it."""
    m = _SECTION_PAREN.search(text)
    return _section_name(m) if m else None


def _nearest(hits: list[tuple[int, int, str]], anchor: int | None) -> int:
    """The index of the hit an amount at ``anchor`` is stated under: the first after it, else the
    last (see :func:`find_section`)."""
    if anchor is None:
        return 0
    after = [i for i, h in enumerate(hits) if h[0] >= anchor]
    return after[0] if after else len(hits) - 1


def find_section(text: str, anchor: int | None = None) -> str | None:
    """The budget section named in ``text`` (nearest to ``anchor``): "section 2" → ``"2"``,
    "section 29C" → ``"29C"``, "income section 1" → ``"income 1"``, "第16款" (or "第16编") → ``"16"``."""
    run = find_section_run(text, anchor)
    return run[0] if run else None


def find_section_run(text: str, anchor: int | None = None) -> list[str]:
    """See :func:`find_section_run_at`."""
    return find_section_run_at(text, anchor)[0]


def find_section_run_at(text: str, anchor: int | None = None) -> tuple[list[str], int | None]:
    """Every section of the one list an amount at ``anchor`` is stated under: "under section 2 (…)
    and section 8 (…)", "sections 2 and 29D", "第2款和第8款" → all of them; a section just before the
    amount ("section 24, Human rights ($") alone; [] when ``text`` names none. With where in
    ``text`` the list starts."""
    hits = _hits(text)
    if not hits:
        return [], None
    if anchor is not None:
        before = section_before_at(text[:anchor])  # "section 2 ($118,600)"
        if before:
            return [before[0]], before[1]
    i = _nearest(hits, anchor)
    lo = hi = i
    while lo > 0 and _joined(text, hits[lo - 1], hits[lo], anchor):
        lo -= 1
    while hi + 1 < len(hits) and _joined(text, hits[hi], hits[hi + 1], anchor):
        hi += 1
    return list(dict.fromkeys(h[2] for h in hits[lo:hi + 1])), hits[lo][0]


def _joined(text: str, a: tuple[int, int, str], b: tuple[int, int, str], anchor: int | None) -> bool:
    """Sections ``a`` and ``b`` are one list: only a conjunction (and ``a``'s name) between them, and
    not the amount itself."""
    if anchor is not None and a[1] <= anchor < b[0]:
        return False
    gap = text[a[1]:b[0]]
    return bool(_SECTION_GAP.match(_SECTION_NAME.sub("", gap)) or _SECTION_NAME_COMMA.match(gap))


def no_section_at(text: str) -> int | None:
    """Where ``text`` places an amount under a section still to be stated, if it does."""
    m = _NO_SECTION.search(text)
    return m.start() if m else None


def section_before_at(text: str) -> tuple[str, int] | None:
    """:func:`section_before`, with where in ``text`` the section is named."""
    m = _SECTION_PAREN.search(text)
    return (_section_name(m), m.start()) if m else None


def staff_assessment(text: str) -> bool:
    """True when ``text`` states an amount of staff assessment or its offset under income
    section 1 (not an amount "net of staff assessment")."""
    return bool(_STAFF_ASSESSMENT.search(text)) and not _NET_OF.search(text)

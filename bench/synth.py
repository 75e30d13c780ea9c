"""A synthetic workspace: N seeds of about 5 KB, two cited passages per seed, one compact audience."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

WORDS = ("analysts report that the programme expanded production capacity across several facilities while "
         "officials described new testing regimes and regional partners expressed concern about supply chains "
         "and the pace of modernisation in the coming year according to documents reviewed").split()

PROFILE = """\
template: executive.xml.j2
formats: [docx, pdf]
max_pages: 1
sections: [bluf, judgments, figures]
limits: {judgments: 4, figures: 3}
"""


def _paragraph(rng: random.Random, seed_no: int, para_no: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(60, 90))]
    words.insert(5, f"unit{seed_no}x{para_no}")  # makes every paragraph unique
    return " ".join(words).capitalize() + "."


def make_workspace(root: Path, seeds: int, seed_bytes: int = 5000) -> Path:
    rng = random.Random(seeds)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "digest.yaml").write_text(PROFILE, encoding="utf-8")
    catalogue = ["sources:"]
    judgments = ["judgments:"]
    firsts: list[str] = []
    lasts: list[str] = []
    for n in range(seeds):
        paragraphs: list[str] = []
        while sum(len(p) + 2 for p in paragraphs) < seed_bytes:
            paragraphs.append(_paragraph(rng, n, len(paragraphs)))
        (root / "seeds" / f"s{n:05d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        catalogue.append(f"  - {{id: s{n}, file: s{n:05d}.txt, originator: Outlet {n % 97}, title: Report {n}, "
                         f"published: '2025-09', accessed: '2026-11-20', kind: report, descriptor: Synthetic.}}")
        firsts.append(" ".join(paragraphs[0].split()[3:12]))
        lasts.append(" ".join(paragraphs[-1].split()[3:12]))
    for n in range(seeds):  # each judgment: one passage of its seed, one of the next (another originator)
        other = (n + 1) % seeds
        judgments.append(f"  - id: j{n}\n    statement: Synthetic judgment {n}.\n    confidence: moderate\n"
                         f"    priority: {1 + n % 9}\n    evidence:\n"
                         f"      - {{source: s{n}, passage: \"{firsts[n]}\"}}\n"
                         f"      - {{source: s{other}, passage: \"{lasts[other]}\"}}\n")
    (root / "seeds" / "sources.yaml").write_text("\n".join(catalogue) + "\n", encoding="utf-8")
    head = ("brief:\n  title: Synthetic brief\n  subject: Scale test\n  as_of: '2025-09-19'\n"
            "  bluf: A synthetic workspace for measuring briefgen at scale.\n")
    (root / "seeds" / "summary.yaml").write_text(head + "\n".join(judgments), encoding="utf-8")
    return root


# lang -> (speaker, quote): a quotation in each script the PDF draws; the seed holds each as a paragraph
SCRIPT_QUOTES = {
    "ar": ("المتحدث باسم الخارجية", "قال المتحدث إن الصادرات ارتفعت بنسبة 12.5% في عام 2024 وفقاً لتقرير OPEC "
           "Annual Report، وإن السياسة لم تتغير على الإطلاق."),
    "fa": ("سخنگوی وزارت", "گزارش سالانه نشان می‌دهد که صادرات نفت ایران در سال ۱۴۰۲ افزایش یافت."),
    "he": ("דובר המשרד", "הדובר אמר כי היצוא עלה ב-12% בשנת 2024, לפי דוח IMF השנתי."),
    "zh-Hans": ("外交部发言人", "中方坚决反对美方泛化国家安全概念，滥用出口管制措施。"),
    "zh-Hant": ("外交部發言人", "中方堅決反對美方泛化國家安全概念，濫用出口管制措施。"),
    "ja": ("官房長官", "日本政府は、輸出管理を強化すると発表した。"),
    "ko": ("외교부 대변인", "한국 정부는 수출 통제를 강화한다고 밝혔다."),
    "hi": ("विदेश मंत्रालय के प्रवक्ता", "प्रवक्ता ने कहा कि निर्यात में वृद्धि हुई है और क्षेत्रीय सहयोग जारी रहेगा।"),
    "bn": ("মুখপাত্র", "মুখপাত্র বলেছেন যে এই বছর রপ্তানি বৃদ্ধি পেয়েছে।"),
    "ta": ("செய்தித் தொடர்பாளர்", "இந்த ஆண்டு ஏற்றுமதி அதிகரித்துள்ளது என்று அவர் கூறினார்."),
    "th": ("โฆษก", "โฆษกกล่าวว่าการส่งออกเพิ่มขึ้นในปีนี้"),
    "km": ("អ្នកនាំពាក្យ", "អ្នកនាំពាក្យបាននិយាយថាការនាំចេញបានកើនឡើងនៅឆ្នាំនេះ។"),
    "am": ("ቃል አቀባይ", "ቃል አቀባዩ የወጪ ንግድ በዚህ ዓመት ጨምሯል ብለዋል።"),
    "el": ("Εκπρόσωπος", "Οι εξαγωγές αυξήθηκαν κατά 12% το 2024."),
    "ru": ("Представитель", "Экспорт вырос на 12% в 2024 году."),
}


def make_scripts_workspace(root: Path, quotes: list[tuple[str, str, str]] | None = None) -> Path:
    """A workspace quoting one statement per script (each with its `lang`), for the analyst brief; or the
    `quotes` given, as (lang, speaker, text), in that order."""
    given = quotes is not None
    quotes = quotes or [(lang, who, text) for lang, (who, text) in SCRIPT_QUOTES.items()]
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    lines = [t for _, _, t in quotes] + ([SCRIPT_QUOTES["ru"][1]] if given else [])  # the judgment's passage
    (seeds / "world.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = {"id": "world", "file": "world.txt", "originator": "Ministry", "title": "Statements",
              "short_title": "Statements", "published": "2025-09", "information_date": "2025-09-18",
              "accessed": "2026-12-03", "url": None, "kind": "statement", "descriptor": "Official statements."}
    summary = {"brief": {"title": "Statements in every script", "subject": "Quotes", "as_of": "2026-12-03",
                         "bluf": "Officials spoke in their own languages."},
               "judgments": [{"id": "kj", "statement": "Exports rose.", "confidence": "moderate", "priority": 1,
                              "evidence": [{"source": "world", "passage": SCRIPT_QUOTES["ru"][1]}]}],
               "quotes": [{"id": f"q-{i}-{lang.lower()}" if given else f"q-{lang.lower()}",
                           "text": text, "speaker": who, "context": "Press briefing.",
                           "lang": lang, "priority": 1, "evidence": [{"source": "world", "passage": text}]}
                          for i, (lang, who, text) in enumerate(quotes)]}
    (seeds / "sources.yaml").write_text(yaml.safe_dump({"sources": [source]}, allow_unicode=True), "utf-8")
    (seeds / "summary.yaml").write_text(yaml.safe_dump(summary, allow_unicode=True, sort_keys=False), "utf-8")
    return root

"""The shipped briefs' content in the other tools' inputs: Markdown (pandoc), HTML (WeasyPrint) and a docxtpl
context, each made from briefgen's own document model, so every tool is given the same words.

Every audience is composed exactly as `build` composes it (selection, templates, the page fit); what the other
tools cannot draw is given in their own terms: a chart becomes a table of its bars, a box a titled block.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefgen.document.nodes import (
    Banner,
    Block,
    Box,
    BulletList,
    Chart,
    Document,
    Heading,
    Inlines,
    Link,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Span,
    Table,
)


@dataclass
class Notes:
    """Footnotes numbered by first citation, one per key, as every briefgen writer numbers them."""

    numbers: dict[str, int]
    texts: list[Note]

    def number(self, note: Note) -> int:
        if note.key not in self.numbers:
            self.numbers[note.key] = len(self.numbers) + 1
            self.texts.append(note)
        return self.numbers[note.key]


def documents(ws_root: Path) -> dict[str, Document]:
    """Each audience's document as `build` composes it (fitted to its page limit)."""
    from briefgen.render.assets import theme_for
    from briefgen.render.audiences import audience_names
    from briefgen.render.compose import compose_fitted
    from briefgen.render.profiles import load_profile
    from briefgen.verify.check import run_check
    from briefgen.workspace import Workspace
    from briefgen.writers.pdf.writer import measure

    ws = Workspace.at(ws_root)
    checked = run_check(ws)
    found = {}
    for name in audience_names(ws):
        profile = load_profile(ws, name)
        found[name] = compose_fitted(checked, name, profile, theme_for(ws, profile), measure).document
    return found


# ---------------------------------------------------------------- Markdown (pandoc's input)

def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_{}[]<>#|$^~" else c for c in text).replace("\n", " ")


def _md_inlines(run: Inlines, notes: Notes) -> str:
    out = []
    for part in run:
        if isinstance(part, Span):
            text = _md_escape(part.text)
            out.append(f"**{text}**" if part.bold and text.strip() else f"*{text}*" if part.italic and text.strip()
                       else text)
        elif isinstance(part, Link):
            out.append(f"[{_md_escape(part.text)}]({part.url})")
        elif isinstance(part, NoteRef):
            out.append(f"[^{notes.number(part.note)}]")
    return "".join(out)


def _md_block(block: Block, notes: Notes) -> list[str]:
    if isinstance(block, Banner):
        return [f"**{_md_escape(block.text)}**"]
    if isinstance(block, Heading):
        return [f"{'#' * max(1, block.level)} {_md_inlines(block.content, notes)}"]
    if isinstance(block, Paragraph):
        return [_md_inlines(block.content, notes)]
    if isinstance(block, Box):
        inner = [line for b in block.blocks for line in _md_block(b, notes)]
        return ["> **" + _md_escape(block.title) + "**", *("> " + line for line in inner)]
    if isinstance(block, BulletList):
        return ["\n".join(f"- {_md_inlines(item, notes)}" for item in block.items)]
    if isinstance(block, Table):
        head = "| " + " | ".join(_md_escape(c.title) for c in block.columns) + " |"
        rule = "|" + "|".join("---" for _ in block.columns) + "|"
        rows = ["| " + " | ".join(_md_inlines(cell, notes) for cell in row) + " |" for row in block.rows]
        return ["\n".join([head, rule, *rows])]
    if isinstance(block, Quote):
        attribution = _md_inlines(block.attribution, notes)
        return [f"> {_md_inlines(block.content, notes)}" + (f"\n>\n> — {attribution}" if attribution else "")]
    if isinstance(block, Chart):
        rows = [f"| {_md_escape(b.label)} | {_md_escape(b.text or f'{b.value:g}')} |" for b in block.bars]
        caption = _md_inlines(block.caption, notes)
        return [f"**{_md_escape(block.title)}** ({_md_escape(block.unit)})",
                "\n".join([f"| | {_md_escape(block.unit)} |", "|---|---|", *rows]), caption]
    raise TypeError(block)


def markdown(doc: Document) -> str:
    """The document as Pandoc Markdown: title block, sections, pipe tables and footnotes."""
    notes = Notes({}, [])
    body = [part for block in doc.blocks for part in _md_block(block, notes) if part]
    feet = [f"[^{i}]: {_md_inlines(n.content, Notes({}, []))}" for i, n in enumerate(notes.texts, 1)]
    head = [f"---\ntitle: \"{doc.meta.title}\"\nauthor: \"{doc.meta.author}\"\ndate: \"{doc.meta.date}\"\n"
            f"lang: {doc.meta.language}\n---"]
    return "\n\n".join(head + body + feet) + "\n"


# ---------------------------------------------------------------- HTML (WeasyPrint's input)

def _html_inlines(run: Inlines, notes: Notes) -> str:
    out = []
    for part in run:
        if isinstance(part, Span):
            text = html.escape(part.text)
            out.append(f"<b>{text}</b>" if part.bold else f"<i>{text}</i>" if part.italic else text)
        elif isinstance(part, Link):
            out.append(f'<a href="{html.escape(part.url)}">{html.escape(part.text)}</a>')
        elif isinstance(part, NoteRef):
            out.append(f"<sup>{notes.number(part.note)}</sup>")
    return "".join(out)


def _html_block(block: Block, notes: Notes) -> str:
    ins: Callable[[Inlines], str] = lambda run: _html_inlines(run, notes)  # noqa: E731
    if isinstance(block, Banner):
        return f'<p class="banner">{html.escape(block.text)}</p>'
    if isinstance(block, Heading):
        return f"<h{max(1, block.level)}>{ins(block.content)}</h{max(1, block.level)}>"
    if isinstance(block, Paragraph):
        return f'<p class="{block.style}">{ins(block.content)}</p>'
    if isinstance(block, Box):
        return f'<div class="box"><h3>{html.escape(block.title)}</h3>' + \
            "".join(_html_block(b, notes) for b in block.blocks) + "</div>"
    if isinstance(block, BulletList):
        return "<ul>" + "".join(f"<li>{ins(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Table):
        head = "".join(f"<th>{html.escape(c.title)}</th>" for c in block.columns)
        rows = "".join("<tr>" + "".join(f"<td>{ins(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
        return f"<table><tr>{head}</tr>{rows}</table>"
    if isinstance(block, Quote):
        return f"<blockquote>{ins(block.content)}<footer>{ins(block.attribution)}</footer></blockquote>"
    if isinstance(block, Chart):
        rows = "".join(f"<tr><td>{html.escape(b.label)}</td><td>{html.escape(b.text or f'{b.value:g}')}</td></tr>"
                       for b in block.bars)
        return (f"<h3>{html.escape(block.title)} ({html.escape(block.unit)})</h3><table>{rows}</table>"
                f"<p class=\"small\">{ins(block.caption)}</p>")
    raise TypeError(block)


CSS = ("@page{size:A4;margin:16mm 18mm 14mm 18mm;@bottom-right{content:'Page ' counter(page) ' of ' counter(pages)}}"
       "body{font-family:Caladea,serif;font-size:10pt}h1,h2,h3{font-family:Carlito,sans-serif;color:#1F3A5F}"
       ".banner{color:#7A1F1F;font-weight:bold;text-align:center}.box{border:1px solid #1F3A5F;padding:4pt}"
       "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2pt}.small,.notes{font-size:8pt}")


def html_page(doc: Document) -> str:
    notes = Notes({}, [])
    body = "".join(_html_block(block, notes) for block in doc.blocks)
    feet = "".join(f"<li>{_html_inlines(n.content, Notes({}, []))}</li>" for n in notes.texts)
    return (f'<!DOCTYPE html><html lang="{doc.meta.language}"><head><meta charset="utf-8">'
            f"<title>{html.escape(doc.meta.title)}</title><style>{CSS}</style></head><body>{body}"
            f'<ol class="notes">{feet}</ol></body></html>')


# ---------------------------------------------------------------- docxtpl's context

def _plain(run: Inlines, notes: Notes) -> str:
    return "".join(p.text if isinstance(p, Span | Link) else f"[{notes.number(p.note)}]" for p in run)


def _plain_blocks(block: Block, notes: Notes) -> list[dict[str, object]]:
    if isinstance(block, Heading):
        return [{"heading": True, "text": _plain(block.content, notes)}]
    if isinstance(block, Banner):
        return [{"heading": False, "text": block.text}]
    if isinstance(block, Paragraph):
        return [{"heading": False, "text": _plain(block.content, notes)}]
    if isinstance(block, Box):
        return [{"heading": True, "text": block.title}] + [x for b in block.blocks for x in _plain_blocks(b, notes)]
    if isinstance(block, BulletList):
        return [{"heading": False, "text": "• " + _plain(item, notes)} for item in block.items]
    if isinstance(block, Table):
        return [{"heading": False, "text": " | ".join(_plain(cell, notes) for cell in row)} for row in block.rows]
    if isinstance(block, Quote):
        return [{"heading": False, "text": f"“{_plain(block.content, notes)}” — {_plain(block.attribution, notes)}"}]
    if isinstance(block, Chart):
        return [{"heading": True, "text": block.title}] + [
            {"heading": False, "text": f"{b.label}: {b.text or f'{b.value:g}'}"} for b in block.bars]
    raise TypeError(block)


def docxtpl_context(doc: Document) -> dict[str, object]:
    notes = Notes({}, [])
    blocks = [x for block in doc.blocks for x in _plain_blocks(block, notes)]
    return {"title": doc.meta.title, "blocks": blocks,
            "notes": [f"{i}. {_plain(n.content, Notes({}, []))}" for i, n in enumerate(notes.texts, 1)]}

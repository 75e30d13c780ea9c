"""Write the HTML extraction corpus: each article of articles.py saved as a page of a different kind of site.

Run `python tests/corpus/make_pages.py` to regenerate tests/corpus/html/ (the pages are committed, so the tests
never need this script). Each layout returns the page and the clutter blocks a reader does not count as article:
navigation, cookie banners, newsletter boxes, related links, comments, footers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from pathlib import Path

from articles import ARTICLES

HERE = Path(__file__).parent
Layout = Callable[[str, list[str]], tuple[str, list[str]]]


def is_heading(text: str) -> bool:
    return not text.endswith((".", "\u201d", '"'))


def body(paragraphs: list[str], para: str = "p", heading: str = "h2") -> str:
    out = []
    for text in paragraphs:
        tag = heading if is_heading(text) else para
        out.append(f"<{tag}>{escape(text, quote=False)}</{tag}>")
    return "\n".join(out)


def items(texts: list[str], link: bool = True) -> str:
    inner = (f'<li><a href="/{i}">{escape(t)}</a></li>' if link else f"<li>{escape(t)}</li>"
             for i, t in enumerate(texts))
    return "<ul>" + "".join(inner) + "</ul>"


def page(head_title: str, inner: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(head_title)}</title>'
            '<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>'
            '<style>.nav{display:flex}</style></head>\n<body>\n' + inner + '\n</body></html>\n')


def news_site(title: str, paras: list[str]) -> tuple[str, list[str]]:
    nav = ["World", "Business", "Technology", "Opinion", "Sport"]
    cookie = "We use cookies to improve your experience and to show you relevant advertising. Accept all cookies?"
    related = ["Chip makers brace for a slower year", "Five things to know about export licences",
               "Opinion: the trade war nobody wanted"]
    news = "Get our morning briefing in your inbox every weekday. Sign up now."
    foot = "\u00a9 2026 The Daily Ledger. All rights reserved. Terms of use. Privacy policy."
    inner = (f'<div class="cookie-banner"><p>{cookie}</p><button>Accept</button></div>\n'
             f'<header><nav class="nav">{items(nav)}</nav></header>\n'
             f'<main><article><h1>{escape(title)}</h1><p class="byline">By Dana Whitfield</p>'
             f'<time datetime="2026-03-04">4 March 2026</time>\n{body(paras)}</article>\n'
             f'<aside class="related"><h3>Related stories</h3>{items(related)}</aside>\n'
             f'<section class="newsletter"><p>{news}</p><form><input type="email"></form></section></main>\n'
             f'<footer><p>{foot}</p></footer>')
    return page(title, inner), [*nav, cookie, "Related stories", *related, news, foot]


def blog(title: str, paras: list[str]) -> tuple[str, list[str]]:
    widgets = ["Recent posts", "Archives", "March 2026", "February 2026"]
    comments = ["Great write-up, thanks for putting this together!",
                "I think you are underestimating how fast the rules will change. We saw the same thing in 2019.",
                "Does anyone have a link to the original document?"]
    extra = ["3 thoughts on this post", "Leave a Reply", "Your email address will not be published."]
    inner = (f'<div id="page"><div class="site-header"><a href="/">Notes from the Coast</a>{items(widgets[:1])}</div>'
             f'<div id="content"><div class="post"><h1 class="entry-title">{escape(title)}</h1>'
             f'<div class="entry-meta">Posted on March 5, 2026 by admin</div><div class="entry-content">'
             f'{body(paras)}</div></div>\n<div id="comments"><h2>{extra[0]}</h2><ol class="comment-list">'
             + "".join(f'<li class="comment"><div class="comment-author">reader{i}</div><p>{escape(c)}</p></li>'
                       for i, c in enumerate(comments))
             + f'</ol><div id="respond"><h3>{extra[1]}</h3><p>{extra[2]}</p></div></div></div>'
             f'<div id="sidebar"><h2>{widgets[1]}</h2>{items(widgets[2:])}</div></div>')
    return page(title, inner), [*widgets, *comments, *extra]


def wire(title: str, paras: list[str]) -> tuple[str, list[str]]:
    crumbs = ["Home", "Markets", "Commodities"]
    sign = "Reporting by Omar Haddad; Editing by Clare Lind"
    trust = "Our Standards: The Trust Principles."
    more = ["Oil steadies as traders weigh supply risks", "Shipping insurers raise war-risk premiums"]
    inner = (f'<nav aria-label="breadcrumb">{items(crumbs)}</nav><div class="article-wrapper">'
             f'<h1 data-testid="Heading">{escape(title)}</h1><div class="article-body">'
             + "".join(f'<div data-testid="paragraph-{i}" class="text__paragraph">{escape(p)}</div>'
                       if not is_heading(p) else f"<h2>{escape(p)}</h2>" for i, p in enumerate(paras))
             + f'<p class="sign-off">{sign}</p></div><p class="trust">{trust}</p></div>'
             f'<div class="read-next"><h2>Read Next</h2>{items(more)}</div>')
    return page(title, inner), [*crumbs, sign, trust, "Read Next", *more]


def think_tank(title: str, paras: list[str]) -> tuple[str, list[str]]:
    menu = ["Research", "Experts", "Events", "About us", "Donate"]
    share = "Share this analysis"
    foot = ["1775 Harbour Street, Suite 400", "Contact us", "Media enquiries"]
    inner = (f'<div class="top-menu">{items(menu)}</div><div class="container"><div class="row">'
             f'<div class="col-md-8"><div class="title-block"><h1>{escape(title)}</h1></div>'
             f'<div class="share">{share}</div><div class="body-text">'
             + "".join(f'<div class="para">{escape(p)}</div>' if not is_heading(p)
                       else f'<h3 class="sub">{escape(p)}</h3>' for p in paras)
             + f'</div></div></div></div><div class="site-footer">{items(foot, link=False)}</div>')
    return page(title, inner), [*menu, share, *foot]


def gov_release(title: str, paras: list[str]) -> tuple[str, list[str]]:
    left = ["Press releases", "Speeches", "Publications", "Contact the ministry"]
    contact = "For media enquiries contact the press office on +44 20 7946 0000."
    updated = "Page last updated: 6 March 2026"
    inner = (f'<table width="100%"><tr><td class="leftnav" width="200">{items(left)}</td><td class="main">'
             f'<h1>{escape(title)}</h1><p><b>Press release</b></p>{body(paras)}'
             f'<hr><p class="contact">{contact}</p></td></tr></table><div class="updated">{updated}</div>')
    return page(title, inner), [*left, "Press release", contact, updated]


def magazine(title: str, paras: list[str]) -> tuple[str, list[str]]:
    ad = "Advertisement"
    most = ["Most read", "The quiet return of the railway", "Why insurers fear the sea", "A city without water"]
    caption = "Workers at the site last week. Photograph: Lena Ortiz"
    half = len(paras) // 2
    inner = (f'<header class="masthead"><a class="logo" href="/">The Quarterly Review</a></header>'
             f'<article><header><h1>{escape(title)}</h1><p class="standfirst-author">Words by Tom Reyes</p></header>'
             f'<figure><img src="a.jpg" alt=""><figcaption>{caption}</figcaption></figure>'
             f'<div class="article-body">{body(paras[:half])}<div class="ad-slot"><span>{ad}</span></div>'
             f'{body(paras[half:])}</div></article>'
             f'<aside class="most-read"><h2>{most[0]}</h2><ol>'
             + "".join(f'<li><a href="/m{i}">{escape(t)}</a></li>' for i, t in enumerate(most[1:])) + '</ol></aside>')
    return page(title, inner), ["The Quarterly Review", "Words by Tom Reyes", caption, ad, *most]


def platform(title: str, paras: list[str]) -> tuple[str, list[str]]:
    top = ["Sign in", "Get started"]
    more = "More from Priya Natarajan"
    recs = ["How we measured it", "Notes on a field trip"]
    inner = (f'<div class="topbar">{items(top)}</div><div role="main"><section><div class="story">'
             f'<h1>{escape(title)}</h1><div class="author-line"><div>Priya Natarajan</div>'
             f'<div>7 min read</div></div>' + "".join(f"<section>{body([p])}</section>" for p in paras)
             + f'</div></section><div class="claps">412 claps</div><div class="more"><h2>{more}</h2>'
             f'{items(recs)}</div></div>')
    return page(title, inner), [*top, "Priya Natarajan", "7 min read", "412 claps", more, *recs]


def local_paper(title: str, paras: list[str]) -> tuple[str, list[str]]:
    cookie = ("This site uses cookies. By continuing to browse the site you are agreeing to our use of cookies. "
              "Find out more.")
    weather = "Today: 14\u00b0C, light rain"
    paywall = "You have read 3 of your 5 free articles this month. Subscribe for unlimited access."
    tags = ["Local news", "Council", "Water"]
    inner = (f'<div class="weather">{weather}</div><div id="main-nav">{items(["News", "Sport", "Whats on"])}</div>'
             f'<div class="story-body"><h1>{escape(title)}</h1>{body(paras)}'
             f'<div class="tags">{items(tags)}</div></div><div class="paywall-note"><p>{paywall}</p></div>'
             f'<div id="cookie-consent" class="fixed-bottom"><p>{cookie}</p><a href="#">OK</a></div>')
    return page(title, inner), [weather, "News", "Sport", "Whats on", *tags, paywall, cookie]


def agency(title: str, paras: list[str]) -> tuple[str, list[str]]:
    skip = "Skip to main content"
    official = "An official website of the national government"
    comments = ["Comments (2)", "Thanks for the warning, updated my router tonight.",
                "Which models are affected? The advisory should list them."]
    feedback = "Was this page helpful? Yes No"
    inner = (f'<a class="skip" href="#main">{skip}</a><div class="gov-banner">{official}</div>'
             f'<nav>{items(["Alerts", "Advisories", "Resources"])}</nav><main id="main"><article>'
             f'<h1>{escape(title)}</h1><div class="field-body">{body(paras)}</div></article>'
             f'<div class="comments"><h4>{comments[0]}</h4>'
             + "".join(f'<div class="comment-body"><p>{escape(c)}</p></div>' for c in comments[1:])
             + f'</div><div class="feedback">{feedback}</div></main>')
    return page(title, inner), [skip, official, "Alerts", "Advisories", "Resources", *comments, feedback]


def old_cms(title: str, paras: list[str]) -> tuple[str, list[str]]:
    links = ["Home", "Archive", "Contact"]
    printer = "Printer-friendly version"
    foot = "Copyright Coastal Broadcasting Corporation. Webmaster: web@example.org"
    text = "<br><br>\n".join(escape(p) if not is_heading(p) else f"<b>{escape(p)}</b>" for p in paras)
    inner = (f'<center>{" | ".join(f"<a href=/{x}>{x}</a>" for x in links)}</center>'
             f'<table><tr><td><font size="5"><b>{escape(title)}</b></font><br><br>\n<font size="2">{text}'
             f'</font><br><br><a href="?print=1">{printer}</a></td></tr></table><p><small>{foot}</small></p>')
    return page(title, inner), [" | ".join(links), printer, foot]


def news_live(title: str, paras: list[str]) -> tuple[str, list[str]]:
    alert = "Breaking: markets close sharply lower"
    nav = ["Top stories", "Video", "Podcasts"]
    share = ["Share on Facebook", "Share on X", "Copy link"]
    related = "You might also like"
    recs = ["Inside the control room", "The mission, explained in charts"]
    inner = (f'<div class="alert-bar"><a href="/b">{alert}</a></div><header>{items(nav)}</header>'
             f'<div class="layout"><div class="main-col"><h1>{escape(title)}</h1>'
             f'<div class="share-tools">{items(share)}</div><div class="story">{body(paras)}</div>'
             f'<div class="related"><h2>{related}</h2>{items(recs)}</div></div></div>')
    return page(title, inner), [alert, *nav, *share, related, *recs]


LAYOUTS: dict[str, Layout] = {
    "gulf-chips": news_site, "drone-budget": blog, "port-strike": wire, "grain-corridor": think_tank,
    "clinic-data": gov_release, "satellite-launch": magazine, "water-tariff": local_paper,
    "election-count": platform, "rail-link": old_cms, "fishing-quota": news_live, "cyber-advisory": agency,
}


def main() -> None:
    truth = {}
    for name, (title, paras) in ARTICLES.items():
        html, clutter = LAYOUTS[name](title, paras)
        (HERE / "html" / f"{name}.html").write_text(html, encoding="utf-8")
        truth[name] = {"layout": LAYOUTS[name].__name__, "title": title, "article": paras, "clutter": clutter}
    (HERE / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

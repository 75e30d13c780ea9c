"""E-mail seeds (.eml, Outlook's .msg): read as a mail client shows the message. The HTML body is checked against
w3m's rendering of the same part, the plain body against RFC 3676's rules; the messages are written by Python's
email package as a mailer writes them, and by hand where a mailer's quirk is the point. Hostile messages are
refused, or read, in bounded time."""

from __future__ import annotations

import base64
import email.policy
import subprocess
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefgen.sources.formats import extract, format_of
from tests.helpers import run
from tests.seedcases import analyst_notes, tied
from tests.tools import require

HTML = ("<html><head><meta charset='windows-1252'></head><body><div>Dear analyst,</div>"
        "<p>The drone unit reported 412 sorties in the <b>northern</b> sector, during the autumn exercise "
        "according to the “source”.</p><ul><li>First item</li><li>Second item</li></ul>"
        "<blockquote>On Monday Ann wrote: the sorties began at dawn.</blockquote><p>Regards,<br>Jörg</p>"
        "</body></html>")
PLAIN = "Dear analyst,\n\nThe drone unit reported 412 sorties in the northern sector.\n"


def read(raw: bytes, name: str = "memo.eml") -> list[str]:
    fmt = format_of(name)
    assert fmt is not None
    return list(extract(fmt, raw).paragraphs)


def mail(**headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = headers.get("sender", "Jörg Müller <jm@example.org>")
    message["To"] = "Jane Doe <jane@example.org>"
    message["Date"] = headers.get("date", "Mon, 07 Dec 2026 00:30:00 +0900")
    message["Subject"] = headers.get("subject", "Drone sightings – north")
    return message


def w3m(html: str) -> list[str]:
    """w3m's rendering of an HTML body, one line a block (no wrapping), blank lines dropped."""
    done = subprocess.run([require("w3m"), "-dump", "-T", "text/html", "-cols", "10000", "-I", "UTF-8", "-O",
                           "UTF-8"], input=html.encode("utf-8"), capture_output=True, check=True, timeout=60)
    return [" ".join(line.split()) for line in done.stdout.decode("utf-8").splitlines() if line.strip()]


def test_the_html_alternative_reads_as_a_client_draws_it_after_the_header_lines() -> None:
    message = mail()
    message.set_content(PLAIN)
    message.add_alternative(HTML, subtype="html")
    found = read(message.as_bytes(policy=email.policy.SMTP))
    assert found[:4] == ["From: Jörg Müller <jm@example.org>", "Date: Mon, 07 Dec 2026 00:30:00 +0900",
                         "Subject: Drone sightings – north", "To: Jane Doe <jane@example.org>"]
    drawn = [line.lstrip("• ").strip() for line in w3m(HTML)]
    assert [text.lstrip("• ") for text in found[4:]] == [line for line in drawn if line]
    assert not any("412 sorties in the northern sector." in text for text in found)  # the plain alternative


# HTML bodies in the markup Outlook (Word's HTML: conditional comments, <o:p>, a list bullet in a downlevel-revealed
# section, the quoted header block) and Gmail (a <div> a line, the quote's attribution and <blockquote>) write
CLIENT_HTML = {
    "outlook": ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><hea'
        'd><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Mic'
        'rosoft Word 15 (filtered medium)"><style><!--\np.MsoNormal, li.MsoNormal {margin:0cm;font-size:11.0pt'
        ';font-family:"Calibri",sans-serif;}\nspan.EmailStyle17 {mso-style-type:personal-compose;}\n@page WordS'
        'ection1 {size:612.0pt 792.0pt;}\ndiv.WordSection1 {page:WordSection1;}\n--></style><!--[if gte mso 9]>'
        '<xml>\n<o:shapedefaults v:ext="edit" spidmax="1026" />\n</xml><![endif]--></head><body lang=EN-US link'
        '="#0563C1" vlink="#954F72" style=\'word-wrap:break-word\'><div class=WordSection1><p class=MsoNormal>H'
        'i team,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>The drone unit repo'
        "rted 412 sorties in the northern sector.<o:p></o:p></p><p class=MsoListParagraph style='text-indent:"
        "-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='"
        'mso-list:Ignore\'>·<span style=\'font:7.0pt "Times New Roman"\'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nb'
        'sp; </span></span></span><![endif]>First point<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p'
        "><p class=MsoNormal>Best,<o:p></o:p></p><p class=MsoNormal>Jane<o:p></o:p></p><div><div style='borde"
        "r:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>From:</b> Ann"
        ' Lee &lt;ann@example.org&gt; <br><b>Sent:</b> Monday, December 7, 2026 9:15 AM<br><b>To:</b> Jane Do'
        'e &lt;jane@example.org&gt;<br><b>Subject:</b> Sorties<o:p></o:p></p></div></div><p class=MsoNormal><'
        'o:p>&nbsp;</o:p></p><p class=MsoNormal>Original text here.<o:p></o:p></p></div></body></html>'),
    "gmail": ('<div dir="ltr">Hi Jane,<div><br></div><div>The drone unit reported <b>412 sorties</b> in the norther'
        'n sector.</div><div><br></div><div>Thanks,</div><div>Ann</div></div><br><div class="gmail_quote"><di'
        'v dir="ltr" class="gmail_attr">On Mon, Dec 7, 2026 at 9:15 AM Jane Doe &lt;<a href="mailto:jane@exam'
        'ple.org">jane@example.org</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px '
        '0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr">Can you confir'
        'm the count?</div></blockquote></div>'),
}


@pytest.mark.parametrize("client", sorted(CLIENT_HTML))
def test_html_bodies_as_clients_write_them_read_as_w3m_draws_them(client: str) -> None:
    message = mail()
    message.set_content("The plain alternative.\n")
    message.add_alternative(CLIENT_HTML[client], subtype="html")
    assert read(message.as_bytes())[4:] == w3m(CLIENT_HTML[client])


def test_plain_text_lines_join_into_paragraphs_quotes_by_level_signature_read() -> None:
    message = mail()
    body = ("Dear analyst,\n\nThe drone unit reported 412 sorties in the northern sector during\nthe autumn "
            "exercise, according to the source.\n\nOn Monday Ann wrote:\n> The sorties began at dawn\n> and ended "
            "at dusk.\n>> Earlier: the base was quiet\n>> all week.\n> Back to one level.\n\n-- \nJörg Müller\n"
            "Analyst, Northern Desk\n")
    message.set_content(body)
    found = read(message.as_bytes())
    assert found[4:] == [
        "Dear analyst,",
        "The drone unit reported 412 sorties in the northern sector during the autumn exercise, according to the "
        "source.", "On Monday Ann wrote:", "The sorties began at dawn and ended at dusk.",
        "Earlier: the base was quiet all week.", "Back to one level.", "Jörg Müller Analyst, Northern Desk"]


def test_format_flowed_soft_breaks_stuffing_and_delsp() -> None:
    """RFC 3676: a line ending in a space continues on the next; DelSp=yes drops that space; a stuffed space
    before a line starting with a space or "From" is removed; quote depth is the count of ">"."""
    head = ("From: a@example.org\nSubject: flowed\nDate: Mon, 07 Dec 2026 09:00:00 +0000\nMIME-Version: 1.0\n"
            "Content-Transfer-Encoding: 8bit\n")
    flowed = head + "Content-Type: text/plain; charset=utf-8; format=flowed\n\n" + (
        "The drone unit reported 412 \nsorties in the \n From the north \nsector.\n>> Quoted soft \n>> line.\n"
        "> Level one.\n")
    assert read(flowed.encode("utf-8"))[3:] == [
        "The drone unit reported 412 sorties in the From the north sector.", "Quoted soft line.", "Level one."]
    delsp = head + "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n\n" + (
        "無人機が飛 \nんだ。Long compound word: Drohnen \nangriff.\n")
    assert read(delsp.encode("utf-8"))[3:] == ["無人機が飛んだ。Long compound word: Drohnenangriff."]


def test_mixed_related_attachments_and_a_forwarded_message() -> None:
    """A mixed message's inline bodies in order, an alternative's HTML inside a related part (its root), an
    attachment not read but named, and a forwarded message read after the body with its own header lines."""
    inner = mail(sender="Ann Lee <ann@example.org>", subject="Original report", date="Sun, 06 Dec 2026 10:00:00 "
                 "+0000")
    inner.set_content("Forwarded body: the sorties began at dawn.\n")
    outer = mail()
    outer.set_content("See the report below.\n")
    outer.add_alternative("<p>See the <i>report</i> below.</p><img src='cid:logo'>", subtype="html")
    outer.get_payload()[1].add_related(b"\x89PNG\r\n\x1a\n", "image", "png", cid="<logo>")
    outer.add_attachment(b"%PDF-1.4 secret text never read", maintype="application", subtype="pdf",
                         filename="Lagebericht März.pdf")
    outer.add_attachment("Attached text, not shown inline.", filename="notes.txt")
    outer.add_attachment(inner)
    outer.add_attachment("A second inline body.", disposition="inline")
    found = read(outer.as_bytes())
    assert found[4:] == ["See the report below.", "A second inline body.", "From: Ann Lee <ann@example.org>",
                         "Date: Sun, 06 Dec 2026 10:00:00 +0000", "Subject: Original report",
                         "To: Jane Doe <jane@example.org>", "Forwarded body: the sorties began at dawn."]
    from briefgen.sources.formats.emldoc import properties

    assert properties(outer.as_bytes())["attachments"] == "Lagebericht März.pdf; notes.txt"


def test_a_forwarded_message_encoded_in_base64_reads_decoded() -> None:
    inner = b"From: Ann <ann@example.org>\nSubject: Inner\n\nInner body text.\n"
    raw = (b"From: a@example.org\nSubject: outer\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n"
           b"--B\nContent-Type: text/plain\n\nOuter body.\n--B\nContent-Type: message/rfc822\n"
           b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(inner) + b"--B--\n")
    assert read(raw)[2:] == ["Outer body.", "From: Ann <ann@example.org>", "Subject: Inner", "Inner body text."]


MESSAGES = {
    # charset, transfer encoding, and the bytes of a body as some mailer wrote it
    "iso-2022-jp": ("Content-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit",
                    "無人機が北部で飛行した。".encode("iso2022_jp"), "無人機が北部で飛行した。"),
    "koi8-r base64": ("Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: base64",
                      base64.encodebytes("Беспилотники летали ночью.".encode("koi8_r")),
                      "Беспилотники летали ночью."),
    "utf-7": ("Content-Type: text/plain; charset=utf-7", "Drohnenangriff – Überblick".encode("utf-7"),
              "Drohnenangriff – Überblick"),
    "latin-1 is windows-1252": ("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: "
                                "quoted-printable", b"=93Quoted=94 =96 caf=E9 soft=\n broken",
                                "“Quoted” – café soft broken"),
    "unknown label": ("Content-Type: text/plain; charset=x-unknown-thing\nContent-Transfer-Encoding: 8bit",
                      "Café naïve.".encode(), "Café naïve."),
    "mislabelled ascii": ("Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 8bit",
                          "Müller’s note.".encode(), "Müller’s note."),
    "mislabelled utf-8": ("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit",
                          "Les drones ont survolé la région côtière pendant la nuit, écrit-il.".encode("cp1252"),
                          "Les drones ont survolé la région côtière pendant la nuit, écrit-il."),
    "no content type": ("", b"Plain ASCII body.", "Plain ASCII body."),
    "rfc 2231 charset": ("Content-Type: text/plain; charset*=utf-8''utf-8\nContent-Transfer-Encoding: 8bit",
                         "Grüße.".encode(), "Grüße."),
    "utf-16 base64": ("Content-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: base64",
                      base64.encodebytes("Дроны, 無人機.".encode("utf-16")), "Дроны, 無人機."),
    "utf-8 with a byte order mark": ("Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit",
                                     "\ufeff<p>Grüße.</p>".encode(), "Grüße."),
    "not a codec": ("Content-Type: text/plain; charset=rot13", b"Gur fbegvrf.", "Gur fbegvrf."),
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_bodies_decode_in_every_charset_and_transfer_encoding(name: str) -> None:
    headers, body, expected = MESSAGES[name]
    raw = b"From: a@example.org\nSubject: s\nMIME-Version: 1.0\n" + headers.encode("ascii") + \
        (b"\n" if headers else b"") + b"\n" + body + b"\n"
    assert read(raw)[2:] == [expected]


def test_encoded_words_split_inside_a_character_and_raw_utf8_headers() -> None:
    """A Subject's UTF-8 split by a mailer into two B words inside one character's bytes (and a Q word on the
    next folded line) reads whole; a header of raw UTF-8 (RFC 6532) reads as UTF-8."""
    data = "Angriff – 🚀 Bericht".encode()
    cut = data.index("🚀".encode()) + 2
    b64 = base64.b64encode
    subject = (f"=?UTF-8?B?{b64(data[:cut]).decode()}?=\n =?UTF-8?B?{b64(data[cut:]).decode()}?=\n"
               " =?utf-8?q?_n=C3=B6rdlich?=")
    raw = (f"From: =?iso-8859-1?q?J=F6rg?= <jm@example.org>\nSubject: {subject}\n\nBody.\n").encode("ascii")
    assert read(raw)[:2] == ["From: Jörg <jm@example.org>", "Subject: Angriff – 🚀 Bericht nördlich"]
    assert read("From: Zoë <z@example.org>\nSubject: Grüße\n\nBody.\n".encode())[:2] == [
        "From: Zoë <z@example.org>", "Subject: Grüße"]
    # saved by an editor with a byte order mark, or by Thunderbird's mbox with its "From - " line first
    assert read("\ufeffFrom: Zoë <z@example.org>\n\nBody.\n".encode()) == ["From: Zoë <z@example.org>", "Body."]
    assert read(b"From - Mon Dec  7 09:00:00 2026\nFrom: z@example.org\n\nBody.\n") == ["From: z@example.org", "Body."]


def test_seeds_add_fills_title_originator_and_date_and_names_attachments(workspace: Path, tmp_path: Path) -> None:
    message = mail()
    message.set_content(PLAIN)
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="annex.pdf")
    (tmp_path / "memo.eml").write_bytes(message.as_bytes())
    result = run(workspace, "seeds", "add", str(tmp_path / "memo.eml"))
    assert result.exit_code == 0, result.output
    assert "note: its attachments are not read: annex.pdf; save each from the message" in result.output
    catalogue = (workspace / "seeds/sources.yaml").read_text(encoding="utf-8")
    assert 'title: "Drone sightings – north"' in catalogue and 'originator: "Jörg Müller"' in catalogue
    assert 'published: "2026-12-07"' in catalogue  # the sender's day (+0900): 6 December in UTC
    assert "its attachments are not read: annex.pdf" in catalogue


def _added(workspace: Path, path: Path, source: str, passage: str) -> None:
    """Add a seed, tie a judgment to `passage`, check and build; the brief cites it at the paragraph shown."""

    assert run(workspace, "seeds", "add", str(path)).exit_code == 0
    catalogue = workspace / "seeds/sources.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("kind: null", "kind: memo").replace(
        "descriptor: null", "descriptor: A memo the test wrote.").replace("marking: null", "marking: TLP:CLEAR"),
        encoding="utf-8")
    shown = run(workspace, "seeds", "show", source, "--grep", passage[:20])
    line = next(line for line in shown.output.splitlines() if passage in line)
    paragraph = int(line.split("¶")[1].split()[0])
    assert [c["paragraph"] for c in tied(workspace, {source: passage}, "The memo supports this judgment.")[
        f"kj-{source}"]] == [paragraph]
    assert f"¶{paragraph} (seed file seeds/{path.name})" in analyst_notes(workspace)


def test_an_added_eml_is_cited_at_the_paragraph_a_client_shows(workspace: Path, tmp_path: Path) -> None:
    message = mail(subject="Sortie memo")
    message.set_content("The drone unit reported 412 sorties in the northern sector during\nthe autumn exercise, "
                        "said the source.\n")
    (tmp_path / "memo.eml").write_bytes(message.as_bytes())
    _added(workspace, tmp_path / "memo.eml", "sortie-memo", "412 sorties in the northern sector during the autumn")


def test_an_added_msg_is_cited_at_the_paragraph_outlook_shows(workspace: Path, tmp_path: Path) -> None:
    from tests.outlook import TIME, filetime, message

    raw = message({0x0037: "Outlook memo", 0x0C1A: "Jane Doe", 0x5D01: "jane@example.org",
                   0x1000: "The drone unit reported 412 sorties in the northern sector during\r\nthe autumn "
                           "exercise.\r\n"}, fixed={0x0039: (TIME, filetime("2026-12-07T08:15:00+00:00"))})
    (tmp_path / "outlook.msg").write_bytes(raw)
    _added(workspace, tmp_path / "outlook.msg", "outlook-memo", "412 sorties in the northern sector during the")

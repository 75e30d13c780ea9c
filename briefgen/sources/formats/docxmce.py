"""Which of an mc:AlternateContent's offers Word reads (Markup Compatibility, ECMA-376 Part 3): the first
mc:Choice whose Requires names only namespaces it understands, else the mc:Fallback. Word writes a drawing or a
text box both ways, the newer markup as the choice and a VML copy as the fallback, so one copy is read, never
both; a choice requiring a namespace no Word version defines (another producer's extension) is passed over for
the next, and the fallback is read when no choice is taken, as LibreOffice reads them. A namespace of Microsoft's
or of the standard's, of whatever version, counts as understood: the Word that wrote it reads it."""

from __future__ import annotations

from typing import Any

from briefgen.sources.formats.docxstyles import MC

ALTERNATE, CHOICE, FALLBACK = f"{MC}AlternateContent", f"{MC}Choice", f"{MC}Fallback"
_WORDS = ("http://schemas.microsoft.com/office/", "http://schemas.openxmlformats.org/", "http://purl.oclc.org/ooxml/",
          "urn:schemas-microsoft-com:")


def understood(choice: Any) -> bool:
    """Whether Word takes this mc:Choice (its other conditions aside): no prefix its Requires names is declared
    for a namespace other than Word's own (one declared for none, a producer's slip, is given the benefit of the
    doubt: the choice is read, as it always was)."""
    names = choice.nsmap
    return all(names.get(prefix) is None or str(names[prefix]).startswith(_WORDS)
               for prefix in str(choice.get("Requires", "")).split())

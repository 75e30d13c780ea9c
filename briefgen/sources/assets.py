"""The files a profile points at besides its template: a logo image and a reference DOCX (sources/reference.py),
checked before use.

Both are embedded in or read into every brief, so each must live inside templates/ (no absolute path, no
`..`, no symbolic link out), be a regular file of modest size, and be what it claims: a logo a PNG or JPEG
whose pixel count is checked from its header before a single pixel is decoded, and which then decodes whole.
`build` calls these before it writes anything; `check` may too."""

from __future__ import annotations

import io
import os
from pathlib import Path

from briefgen.document.nodes import LOGO_HINT
from briefgen.errors import Unplaced
from briefgen.safeio import LINK_HINT, FileTooLarge, first_link, inside, os_problem, read_regular

MB = 1024 * 1024
MAX_LOGO_BYTES = 10 * MB
MAX_LOGO_PIXELS = 25_000_000  # 5,000 × 5,000: far more than a header logo needs; ~100 MB once decoded
LOGO_FORMATS = ("PNG", "JPEG")


class AssetError(Unplaced):
    """Why a logo or reference document cannot be used, phrased for the user, with a hint; the profile that
    names the file places it at its key."""


def asset_path(templates: Path, name: str, what: str, hint: str) -> Path:
    """`templates/<name>`, refused when the name or a symbolic link on its way leads outside templates/."""
    path = templates / name
    if os.path.isabs(name) or ".." in Path(name).parts:
        raise AssetError(f"the {what} {name!r} is outside templates/", hint)
    if not inside(templates, path):
        link = os.path.relpath(first_link(templates, path), templates)
        raise AssetError(f"templates/{link} is a symbolic link that leaves templates/", LINK_HINT)
    return path


def read_asset(path: Path, limit: int, what: str, hint: str) -> bytes:
    try:
        return read_regular(path, limit)
    except FileNotFoundError:
        raise AssetError(f"{what} not found", hint) from None
    except FileTooLarge:
        raise AssetError(f"the {what} is larger than {limit // MB} MB", hint) from None
    except OSError as exc:
        problem = os_problem(exc)
        raise AssetError(f"cannot read the {what}: {problem.message}", problem.hint or hint) from None


def check_logo(templates: Path, name: str) -> Path:
    """The logo's path, once it is known to be a whole PNG or JPEG of sane size inside templates/."""
    path = asset_path(templates, name, "logo", LOGO_HINT)
    check_picture(read_asset(path, MAX_LOGO_BYTES, f"logo image {name!r}", LOGO_HINT), f"logo {name!r}")
    return path


def check_picture(raw: bytes, what: str, noun: str = "logo") -> None:
    """Refuse (AssetError) a picture that is not a whole PNG or JPEG of sane size: what both writers draw."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(raw), formats=LOGO_FORMATS) as image:  # reads the header only
            width, height = image.size
            if width * height > MAX_LOGO_PIXELS:
                raise _picture_bomb(noun)
            image.load()  # decodes it all: a truncated or damaged file fails here, not inside a writer
    except AssetError:
        raise
    except Image.DecompressionBombError:  # Pillow's own ceiling, checked from the header when it opens
        raise _picture_bomb(noun) from None
    except UnidentifiedImageError:
        raise AssetError(f"{what} is not a PNG or JPEG image",
                         LOGO_HINT + " (SVG and other formats: export a PNG)") from None
    except Exception as exc:  # Pillow raises many kinds for a damaged image
        raise AssetError(f"{what} is damaged: {exc}", LOGO_HINT + " (export this one again)") from None


def _picture_bomb(noun: str) -> AssetError:
    return AssetError(f"the {noun} has more than {MAX_LOGO_PIXELS:,} pixels (a decompression bomb?)",
                      f"scale the {noun} down to a few hundred pixels")

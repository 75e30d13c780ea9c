"""What reading a zip archive raises when the archive is damaged or locked: a seed's package (DOCX, ODT, PPTX,
XLSX, EPUB), a reference DOCX, a brief held for a redline.

A bad header, directory or checksum (BadZipFile), a cut or corrupt deflate stream (zlib.error, EOFError), a part
stating a compression method or zip version zipfile does not know (NotImplementedError: what a damaged entry
states), a part encrypted with a zip password (RuntimeError), an impossible offset or size (ValueError, OSError).
"""

from __future__ import annotations

import zipfile
import zlib

ZIP_DAMAGE: tuple[type[Exception], ...] = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                                           NotImplementedError, RuntimeError)


def zip_damage(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """ZIP_DAMAGE and the other errors a reader of the archive's parts raises (a part's XML not well formed…)."""
    return (*more, *ZIP_DAMAGE)


def mimetype(package: zipfile.ZipFile) -> bytes:
    """The package's `mimetype` entry (OpenDocument's, EPUB's: what kind of package it is), b"" without a short one."""
    try:
        info = package.getinfo("mimetype")
    except KeyError:
        return b""
    return package.read(info) if info.file_size <= 200 else b""

"""One writer per output format; each has the signature `write(doc, path, theme) -> WriteResult`."""

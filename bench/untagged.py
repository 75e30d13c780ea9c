"""`briefgen` with the PDFs' structure pass left out: the file reportlab serialised is written as it is, without
the structure tree, parent tree, XMP and object streams pikepdf adds (writers/pdf/structure.py). The marked
content stays on the pages and pikepdf is still imported, so the difference `make bench` reports against a normal
build is the structure pass itself; the import adds about 0.1 s more (README, Accessibility). Bench only."""

from briefgen.cli.main import main
from briefgen.writers.pdf import structure

structure.Finish.__call__ = lambda self, data, tagger: data  # type: ignore[method-assign]

if __name__ == "__main__":
    main()

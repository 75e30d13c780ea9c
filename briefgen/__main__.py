from __future__ import annotations

from briefgen.cli.start import main

main()

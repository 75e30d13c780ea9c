from __future__ import annotations

from briefgen.cli import main

main()

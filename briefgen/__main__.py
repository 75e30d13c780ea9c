from __future__ import annotations

from briefgen.cli.main import main

main()

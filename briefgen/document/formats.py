"""The formats a brief is written in, for every stage and the command line: here, not in document/nodes.py
(the document model, ~15 ms to import), so that a command that writes nothing (`check`, `status`) names them
without importing the model."""

from __future__ import annotations

from typing import Literal, get_args

Format = Literal["docx", "pdf"]
FORMATS: tuple[Format, ...] = get_args(Format)  # in the order they are written

"""The exit codes every command shares."""

from __future__ import annotations

#: 0 valid (or nothing found), 1 invalid (or something found), 2 a usage or input error
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

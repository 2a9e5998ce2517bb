#!/usr/bin/env python
"""Django's command-line entry point for the city web platform."""

import os
import sys
from pathlib import Path


def main() -> None:
    # The static publisher lives in build/publisher (see pyproject.toml for why).
    sys.path.insert(1, str(Path(__file__).resolve().parent / "build"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

"""``python -m tests.golden``: regenerate ``tests/golden/expected/`` (see ``__init__.py``)."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(root), str(root / "build")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from tests.golden import EXPECTED, write

    print(f"{write()} files written to {EXPECTED}")

"""A content app of the tests' own: a kind of page (bulletins on a bulletin board) that
nothing in ``build/`` or ``search/`` names, declared the way every content app declares
its kinds (``kinds.py``). Installed by the test settings only."""

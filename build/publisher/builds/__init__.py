"""The two builds that run the stages: a full one (``full``: export, render and release every
site) and an incremental one (``incremental``: re-export, plan, render and release only what a
change affects)."""

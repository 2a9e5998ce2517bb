"""Plan, the second stage: which outputs a change affects (``changes``, a pure function),
from the state the last build left (``state``, kept on disk by ``state_file``)."""

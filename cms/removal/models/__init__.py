"""The removal's own records, for every kind of personal data (``cms.core.personal_data``):
each removal's journal, the moments tasks were scheduled for, and the removals that could
not finish. Each is keyed by the kind's name and the item's id; none holds the data."""

from .journal import Deadline, Incident, Removal

__all__ = ["Deadline", "Incident", "Removal"]

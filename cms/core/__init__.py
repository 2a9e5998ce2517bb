"""Site declarations, per-site settings, groups and permissions shared by every content app."""

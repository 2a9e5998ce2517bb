"""Site home pages, section indexes and content (service) pages."""

"""News articles and press releases, with their listing pages."""

"""The removal of ended notices' personal data from every store: pages, revisions, logs,
search indexes, static files, feeds, sitemaps, media files and renditions.

Above the stores it acts on (the publisher, search, the content apps): the notices app
holds what a notice is and when its display period ends; this app brings every store to
"no personal data of expired notices", verifies it, and writes a receipt.
"""

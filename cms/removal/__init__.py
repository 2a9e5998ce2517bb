"""The removal of personal data whose lifetime has ended from every store: pages, revisions,
logs, search indexes, static files, feeds, sitemaps, media files, caches.

A service for any app (``services.py``): an app declares a kind of personal data
(``cms.core.personal_data``) and this app brings every store to "no data of any ended item",
proves it, writes a receipt and raises an incident when it cannot. Notices are the first
kind (``notices/``). Above the stores it acts on (the publisher, search, the content apps).
"""

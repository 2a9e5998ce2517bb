"""Search engines: the database by default; Elasticsearch when ``ELASTICSEARCH_URL`` is set.

``SEARCH_INDEX`` is the server index of the public pages (``search.server``), kept by the
publishing pipeline; ``WAGTAILSEARCH_BACKENDS`` is Wagtail's own index of the admin (drafts
included, which is why the two are separate). Both move to Elasticsearch together.
"""

import os

# The embedded engines. PostgreSQL's "simple" configuration neither stems nor drops words,
# as SQLite's FTS5 does not: the admin finds the same pages on either database.
DATABASE_SEARCH_INDEX = {"BACKEND": "search.server.database.DatabaseIndex"}
DATABASE_WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.safe_backend", "SEARCH_CONFIG": "simple"}
}

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "kaislahti")

if ELASTICSEARCH_URL:
    SEARCH_INDEX = {
        "BACKEND": "search.server.elasticsearch.ElasticsearchIndex",
        "URL": ELASTICSEARCH_URL,
        "INDEX": f"{ELASTICSEARCH_PREFIX}-pages",
        "REPLICAS": int(os.environ.get("ELASTICSEARCH_REPLICAS", "1")),
    }
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": f"{ELASTICSEARCH_PREFIX}-admin",
            "TIMEOUT": 10,
        }
    }
else:
    SEARCH_INDEX = DATABASE_SEARCH_INDEX
    WAGTAILSEARCH_BACKENDS = DATABASE_WAGTAILSEARCH_BACKENDS

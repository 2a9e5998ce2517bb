"""Search documents and index writers for the city's sites.

Pagefind bundles for the static sites and the server-side index (database by default,
Elasticsearch at scale) are written here by the publishing pipeline.
"""

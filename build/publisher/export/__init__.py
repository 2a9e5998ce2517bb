"""Export, the first stage: published Wagtail pages become plain records (``exporter``), the
only input of every later stage and of search. Here too: where pages are (``locations``),
their old addresses (``addresses``), images, rich text and blocks as public HTML, the links
every page shows (``site_links``), each site's indexes of its records (``siteindex``), and an
incremental build's re-export of only what changed (``reexport``)."""

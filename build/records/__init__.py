"""Records: what a published page is, as the static sites and the search indexes read it.

The contract between the content apps, which make records of their pages, and everything
downstream of the export (the publisher, the search indexes), which reads nothing else.
``contract`` types every field; ``kinds`` is the registry where each content app declares
its kinds of page through a Wagtail hook (``KINDS_HOOK``). This package imports no content
app, no publisher and no search code.
"""

from .contract import (
    HELSINKI,
    ArticleRecord,
    ContentRecord,
    EventRecord,
    HomeRecord,
    NoticeRecord,
    PageRecord,
    RecordError,
    conforms,
    iso,
)
from .kinds import (
    ARTICLE,
    EVENT,
    HOME,
    KINDS_HOOK,
    LISTING,
    NOTICE,
    PAGE,
    DemoTools,
    ExportTools,
    Kind,
    all_kinds,
    check,
    kind_for_model,
    kind_named,
    kinds_with,
    role_of,
    search_types,
)

__all__ = [
    "HELSINKI",
    "ARTICLE",
    "EVENT",
    "HOME",
    "KINDS_HOOK",
    "LISTING",
    "NOTICE",
    "PAGE",
    "ArticleRecord",
    "DemoTools",
    "ContentRecord",
    "EventRecord",
    "HomeRecord",
    "ExportTools",
    "Kind",
    "NoticeRecord",
    "PageRecord",
    "RecordError",
    "all_kinds",
    "check",
    "conforms",
    "iso",
    "kind_for_model",
    "kind_named",
    "kinds_with",
    "role_of",
    "search_types",
]

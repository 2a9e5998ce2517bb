"""A site's outputs, one module per kind of output. Each renders from records through what
it needs of the generator (``common.SiteOutputs``, which ``site_generator.CityGenerator``
provides: templates, contexts, the memo) and hands every file to ``emit`` with its owner,
the record whose change makes it out of date ("page:<id>") or the site as a whole ("site"):

- ``pages``: each record's own page, and what comes with it (an event's calendar file,
  the markers that keep a page holding personal data from crawlers);
- ``listings``: listings and their further pages, archives by year, months of events;
- ``feeds``: the Atom feeds of sections and of the site;
- ``calendars``: iCalendar files of events and of event sections;
- ``sitemap`` and ``api``: files of one part per record, which a worker re-encodes only
  for changed records;
- ``site_files``: the search page, 404 and 410 pages, old addresses, icons, robots.txt.
"""

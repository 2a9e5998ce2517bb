"""Render, the third stage: one Pelican run per site (``run``) whose generator
(``site_generator``) turns the records into every file of the site, one module per kind of
output (``outputs``); what a worker remembers to render less (``memo``, ``cards``,
``schedule``); the formats (``ical``, ``feeds``, ``jsonld``, ``head``, ``dates``, ``icons``),
the site parts (``parts``), the preview of a draft (``preview``) and the render processes of
a full build (``renderpool``)."""

"""Release, the fourth stage: every build writes a complete new folder (``folders``; an
incremental one starts from the live one, ``reuse``), switches it live in one step and then
tells who waits for it (``golive``); one build at a time (``lock``); what nginx needs to serve
the releases (``nginx``, ``address_files``)."""

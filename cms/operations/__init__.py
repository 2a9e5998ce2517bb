"""The CMS layer above the publisher and search: what works across them and the content
apps. The admin's publishing view and menu, the public read APIs, health checks, the
scheduler, the development server for the static sites, and the benchmarks."""

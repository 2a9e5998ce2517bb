"""The static publisher: plan, export, render and release the city's sites.

It is imported as ``publisher`` (``build/`` itself is not a package, so that PyPA's
``build`` tool is never shadowed). It knows nothing of HTTP requests.
"""

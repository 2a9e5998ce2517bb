"""How the platform starts Debian's Chromium headless, for the browser tests and the search
benchmark: no downloaded browser, and no background connections (this machine's network
refuses them, many at a time)."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Shared set-up for bin/run and bin/test (sourced, not run): system packages, the virtual
# environment and the Python dependencies. Safe to repeat: it only installs what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# bin/deploy makes its own, with a Python its service user may run.
VENV="${VENV:-$ROOT/.venv}"
export PYTHONDONTWRITEBYTECODE=1

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Install Debian packages that are not installed yet (runs apt-get update first, once).
apt_ensure() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing system packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A Python 3.11+ that can make virtual environments.
python_ensure() {
    PYTHON="${PYTHON:-python3}"
    if ! command -v "$PYTHON" >/dev/null 2>&1 \
        || ! "$PYTHON" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        apt_ensure python3 python3-venv python3-pip
        PYTHON=python3
    fi
}

venv_ensure() {
    python_ensure
    if [ ! -x "$VENV/bin/python" ]; then
        log "Creating the virtual environment in .venv"
        "$PYTHON" -m venv "$VENV"
    fi
    # Reinstall only when the dependency declaration changed, or the checkout did: the
    # install is editable, so a venv made from another folder (a deploy from a new clone, the
    # old one deleted) would still run the old folder's code.
    local stamp
    stamp="$VENV/.installed-$( (cat "$ROOT/pyproject.toml"; echo "$ROOT") | sha256sum | cut -c1-16)"
    if [ ! -f "$stamp" ]; then
        # PyICU compiles against the system's ICU.
        apt_ensure libicu-dev pkg-config g++
        log "Installing Python dependencies"
        "$VENV/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
        "$VENV/bin/python" -m pip install -q -e "$ROOT${VENV_EXTRAS-[dev]}" 2>&1 | grep -v "^WARNING: Location" || true
        "$VENV/bin/python" -c "import wagtail, pelican, django_tasks_db, gunicorn" \
            || { echo "Python dependencies failed to install" >&2; exit 1; }
        rm -f "$VENV"/.installed-*
        touch "$stamp"
    fi
    export PATH="$VENV/bin:$PATH"
}

# Compile the fi and sv message catalogues when a .po file is newer than its .mo.
messages_compile() {
    local stale=0
    for po in "$ROOT"/cms/locale/*/LC_MESSAGES/django.po; do
        [ "$po" -nt "${po%.po}.mo" ] && stale=1
    done
    [ "$stale" -eq 0 ] && return 0
    apt_ensure gettext
    log "Compiling translations"
    (cd "$ROOT/cms" && "$VENV/bin/python" "$ROOT/manage.py" compilemessages -v0)
}

# What the end-to-end tests use: Chromium, nginx, Varnish (a real frontend cache) and a
# Java runtime for the HTML checker.
test_tools_ensure() {
    apt_ensure chromium nginx varnish
    command -v java >/dev/null 2>&1 || apt_ensure default-jre-headless
    pa11y_ensure
}

# pa11y (npm), whose HTML_CodeSniffer the browser tests run in their pages (tests/a11y.py),
# and which `python -m tests.pa11y` runs as it is; Chromium is Debian's, not Puppeteer's.
pa11y_ensure() {
    local tools="$ROOT/var/test-tools"
    [ -f "$tools/node_modules/@pa11y/html_codesniffer/build/HTMLCS.js" ] && return
    command -v npm >/dev/null 2>&1 || apt_ensure nodejs npm
    log "Installing pa11y (npm) into var/test-tools"
    mkdir -p "$tools"
    PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$tools" --no-audit --no-fund -E pa11y@9.1.1 >/dev/null
}

# PostgreSQL for the database-dependent tests: installed and started if needed.
postgres_ensure() {
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        apt_ensure postgresql
    fi
    if ! pg_isready -q -h 127.0.0.1 -p 5432; then
        log "Starting PostgreSQL"
        local version
        version="$(ls /etc/postgresql | sort -V | tail -n1)"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start
        for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    fi
    pg_isready -h 127.0.0.1 -p 5432
}

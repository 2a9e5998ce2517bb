"""The deployment the production tests run (``test_production.py``): ``bin/deploy``'s
environment file and units, each unit started as it says (its user, folder, environment and
umask), behind the generated nginx (the ``deployment`` fixture)."""

from __future__ import annotations

import configparser
import http.client
import os
import secrets
import shlex
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cms.deploy.nginx import standalone
from cms.deploy.units import SERVICES
from tests.net import free_port
from tests.nginx import run_nginx, traversable

ROOT = Path(__file__).resolve().parents[2]
SERVICE_USER = "kaislahti"
CMS = "cms.localhost"
PASSWORD = secrets.token_urlsafe(16)


@dataclass
class Deployment:
    config: Path
    var: Path
    port: int
    http_port: int
    env: dict[str, str]
    nginx_dir: Path | None = None
    services: list[subprocess.Popen] = field(default_factory=list)

    def request(
        self,
        host: str,
        path: str,
        method: str = "GET",
        body: str = "",
        headers: dict[str, str] | None = None,
        source: str = "127.0.0.1",
    ) -> tuple[int, dict[str, str], bytes]:
        """One HTTPS request through nginx from the loopback address ``source``."""
        context = ssl.create_default_context(cafile=str(self.config / "tls.crt"))
        context.check_hostname = False  # connected by address; the Host header names it
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.port, timeout=10, context=context, source_address=(source, 0)
        )
        try:
            connection.request(method, path, body=body, headers={"Host": host, **(headers or {})})
            response = connection.getresponse()
            # A header sent twice is joined, as HTTP reads it ("a, b"): a test sees both.
            headers: dict[str, str] = {}
            for name, value in response.getheaders():
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
            return response.status, headers, response.read()
        finally:
            connection.close()

    def wait_for_cms(self, attempts: int = 100) -> None:
        """Until the CMS answers its health check through nginx (200, or 503 while a check
        fails); a request that times out is a CMS still starting on a loaded machine."""
        for _ in range(attempts):
            try:
                if self.request(CMS, "/health/")[0] in (200, 503):
                    return
            except OSError:
                pass
            time.sleep(0.2)

    def manage(self, *args: str) -> str:
        """``bin/manage``, as the README has an operator run it."""
        done = subprocess.run(
            [str(ROOT / "bin/manage"), *args],
            cwd=ROOT,
            env={**self.env, "DEPLOY_CONFIG_DIR": str(self.config)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout


def read_env(path: Path) -> dict[str, str]:
    env = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("=", 1)
            env[key] = shlex.split(value)[0] if value else ""
    return env


def start_unit(path: Path, logs: Path) -> subprocess.Popen:
    """The unit's ExecStart as systemd runs it: its user and group, folder, environment
    (EnvironmentFile, then Environment) and umask. Its output goes to ``logs`` (the journal's
    place)."""
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str
    unit.read(path)
    service = unit["Service"]
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    env.update(read_env(Path(service["EnvironmentFile"])))
    env.update(item.split("=", 1) for item in shlex.split(service["Environment"]))
    log = (logs / f"{path.stem}.log").open("ab")
    return subprocess.Popen(
        shlex.split(service["ExecStart"]),
        cwd=service["WorkingDirectory"],
        env=env,
        user=service["User"],
        group=service["Group"],
        umask=int(service["UMask"], 8),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def certificate(config: Path) -> None:
    """A self-signed certificate for the CMS and the sites, as tls.crt and tls.key."""
    hosts = [CMS] + [f"{key}.localhost" for key in ("city", "tourism", "business", "events")]
    names = "subjectAltName=" + ",".join(f"DNS:{host}" for host in hosts)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-subj", f"/CN={CMS}", "-addext", names]
        + ["-keyout", str(config / "tls.key"), "-out", str(config / "tls.crt")],
        check=True,
        capture_output=True,
    )


def deploy(config: Path, var: Path, port: int, http_port: int) -> dict[str, str]:
    """``bin/deploy`` with an environment file as the README's production section writes
    one (TLS, the sites and the CMS on ``port``); the services' environment, returned."""
    certificate(config)
    origin = f"https://{CMS}:{port}"
    (config / "env").write_text(
        "DJANGO_SETTINGS_MODULE=cms.settings.production\n"
        f"DJANGO_SECRET_KEY={secrets.token_urlsafe(40)}\n"
        f"CMS_HOST={CMS}\n"
        f"CITY_VAR_DIR={var}\n"
        f"DJANGO_ALLOWED_HOSTS={CMS}\n"
        f"DJANGO_CSRF_TRUSTED_ORIGINS={origin}\n"
        f"WAGTAILADMIN_BASE_URL={origin}\n"
        "WEB_CONCURRENCY=2\n"
        "RATELIMIT_REDIS_URL=redis://127.0.0.1:6379/0\n"
        f"RATELIMIT_KEY_PREFIX=test-{secrets.token_hex(4)}\n"
        f"NGINX_ARGS='--listen 127.0.0.1:{port} --certificate {config / 'tls.crt'} "
        f"--certificate-key {config / 'tls.key'} --http-listen 127.0.0.1:{http_port}'\n"
    )
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE"))}
    deployed = subprocess.run(
        [str(ROOT / "bin/deploy")],
        env={**base_env, "DEPLOY_CONFIG_DIR": str(config), "DEPLOY_NO_NGINX": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    return {**base_env, **read_env(config / "env")}


RENDITIONS = """
import io
from PIL import Image
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Site

data = io.BytesIO()
Image.new("RGB", (64, 32), "red").save(data, "JPEG")
model = get_image_model()
made = [
    model.objects.create(title=name, file=ImageFile(io.BytesIO(data.getvalue()), name=name))
    for name in ("tori.jpg", "embargo.jpg")
]
home = Site.objects.get(is_default_site=True).root_page.specific
home.hero_image, home.hero_alt = made[0], "Tori"
home.save_revision().publish()
print(" ".join(image.get_rendition("fill-80x40").url for image in made))
"""


@pytest.fixture(scope="module", name="deployment")
def deployment_fixture(tmp_path_factory) -> Iterator[Deployment]:
    work = tmp_path_factory.mktemp("production")
    traversable(work)
    config, var = work / "etc", work / "var"
    config.mkdir()
    port, http_port = free_port(), free_port()
    env = deploy(config, var, port, http_port)
    deployment = Deployment(config=config, var=var, port=port, http_port=http_port, env=env)
    deployment.env["DJANGO_SUPERUSER_PASSWORD"] = PASSWORD
    deployment.manage("createsuperuser", "--no-input", "--username", "ops", "--email", "o@x.fi")

    # The long-running services (nginx's reload is a oneshot the test runs itself).
    units = [config / "systemd" / f"{service.name}.service" for service in SERVICES]
    services = [start_unit(path, work) for path in units]
    nginx_dir = work / "nginx"
    nginx_dir.mkdir()
    try:
        with run_nginx(standalone(nginx_dir, config / "nginx.conf"), port):
            deployment.nginx_dir = nginx_dir
            deployment.services = services
            deployment.wait_for_cms()
            yield deployment
    finally:
        for service in services:
            service.terminate()
        for service in services:
            service.wait(timeout=90)

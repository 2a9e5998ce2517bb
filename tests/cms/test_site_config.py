"""Parsing and validating sites/*.toml: every problem names the file, the key and what is wrong."""

import json
import shutil
from pathlib import Path

import pytest

from django.conf import settings

from cms.core.site_config import SiteConfigError, load_site_configs, parse_site_file

VALID = """\
key = "{key}"
hostname = "{key}.localhost"
theme = "{key}"
audience = "residents"
languages = ["fi", "sv", "en"]
{extra}
[name]
fi = "Nimi"
sv = "Namn"
en = "Name"
"""


def write(folder: Path, key: str, text: str | None = None, extra: str = "") -> Path:
    path = folder / f"{key}.toml"
    path.write_text(text if text is not None else VALID.format(key=key, extra=extra), "utf-8")
    return path


def test_the_shipped_site_files_are_valid():
    configs = load_site_configs()
    assert [c.key for c in configs] == ["city", "business", "climate", "events", "tourism"]
    city = configs[0]
    assert city.is_default and city.hostname == "city.localhost"
    assert city.languages == ("fi", "sv", "en")
    assert set(city.syndicates) == {"tourism", "business", "events", "climate"}
    assert all(set(item.label) == {"fi", "sv", "en"} for c in configs for item in c.navigation)


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ('key = "x"\nhostname = ', "(syntax)", "Invalid"),
        (VALID.format(key="demo", extra='colour = "red"'), "colour", "unknown key"),
        (VALID.format(key="other", extra=""), "key", "must match the file name"),
        (VALID.format(key="demo", extra="port = 99999"), "port", "1 to 65535"),
        (VALID.format(key="demo", extra="port = true"), "port", "1 to 65535"),
        (VALID.format(key="demo", extra="").replace("residents", "aliens"), "audience", "one of"),
        (
            VALID.format(key="demo", extra="").replace('en = "Name"', ""),
            "name.en",
            "missing or empty translation",
        ),
        (
            VALID.format(key="demo", extra="").replace('["fi", "sv", "en"]', '["sv", "fi"]'),
            "languages",
            "must start with 'fi'",
        ),
        (
            VALID.format(key="demo", extra="").replace('["fi", "sv", "en"]', '["fi", "de"]'),
            "languages",
            "'de' is not one of",
        ),
        (
            VALID.format(key="demo", extra="").replace("demo.localhost", "bad host!"),
            "hostname",
            "not a valid host name",
        ),
        (
            VALID.format(key="demo", extra="").replace('sv = "Namn"', 'sv = ""'),
            "name.sv",
            "missing or empty translation",
        ),
        (
            VALID.format(key="demo", extra="") + '[[navigation]]\npage = "Bad Slug"\n'
            'label = { fi = "A", sv = "B", en = "C" }\n',
            "navigation[0].page",
            "slug path",
        ),
        (
            VALID.format(key="demo", extra="") + '[[navigation]]\npage = "palvelut"\n'
            'label = { fi = "A", en = "C" }\n',
            "navigation[0].label.sv",
            "missing or empty translation",
        ),
        (
            VALID.format(key="demo", extra="") + '[[navigation]]\nurl = "http://x.example"\n'
            'label = { fi = "A", sv = "B", en = "C" }\n',
            "navigation[0].url",
            "https://",
        ),
        (
            VALID.format(key="demo", extra='syndicates = ["demo"]'),
            "syndicates",
            "cannot syndicate from itself",
        ),
        *(
            (
                VALID.format(key="demo", extra=f"[contact]\nfeedback_url = {json.dumps(url)}\n"),
                "contact.feedback_url",
                problem,
            )
            for url, problem in [
                ("javascript:alert(document.cookie)", "must be an address"),
                ("JavaScript:alert(1)", "must be an address"),
                ("java\tscript:alert(1)", "must be an address"),
                ("data:text/html,<script>alert(1)</script>", "must be an address"),
                ("//palaute.example", "must be an address"),
                ("https://", "must name a host"),
                ("https://[", "must be an address"),
                ("mailto:", "must say whom"),
            ]
        ),
        (
            VALID.format(
                key="demo",
                extra='[[navigation]]\nurl = "javascript:void(0)"\n'
                'label = { fi = "A", sv = "B", en = "C" }\n',
            ),
            "navigation[0].url",
            "must be an address",
        ),
        (  # a valid code, written with U+2010 and a zero-width space, in a footer label
            VALID.format(
                key="demo",
                extra='[[navigation]]\nurl = "https://x.example/"\n'
                'label = { fi = "A 131052\u2010308\u200bT", sv = "B", en = "C" }\n',
            ),
            "navigation[0].label.fi",
            "personal identity code",
        ),
    ],
)
def test_malformed_file_names_file_key_and_problem(tmp_path, text, key, problem):
    path = write(tmp_path, "demo", text)
    with pytest.raises(SiteConfigError) as caught:
        parse_site_file(path)
    error = caught.value
    assert error.path == str(path)
    assert error.key == key
    assert problem in error.problem
    assert str(error).startswith(f"{path}: {key}: ")


def test_non_utf8_file_is_reported(tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(b'key = "demo"\nname = "\xff"\n')
    with pytest.raises(SiteConfigError, match="not UTF-8"):
        parse_site_file(path)


def test_cross_file_checks(tmp_path):
    write(tmp_path, "one", extra="default = true")
    write(tmp_path, "two", extra='syndicates = ["three"]')
    with pytest.raises(SiteConfigError) as caught:
        load_site_configs(tmp_path)
    assert caught.value.key == "syndicates" and "no site file for 'three'" in str(caught.value)

    write(
        tmp_path, "two", VALID.format(key="two", extra="").replace("two.localhost", "one.localhost")
    )
    with pytest.raises(SiteConfigError, match="already used by one.toml"):
        load_site_configs(tmp_path)

    write(tmp_path, "two", extra="default = true")
    with pytest.raises(SiteConfigError, match="exactly one site must be the default"):
        load_site_configs(tmp_path)


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(SiteConfigError, match="holds no"):
        load_site_configs(tmp_path)


def test_shipped_files_copy_cleanly(tmp_path):
    # Guards the fixture used by the sync tests: a copy of sites/ parses the same.
    shutil.copytree(settings.SITES_DIR, tmp_path / "sites")
    assert len(load_site_configs(tmp_path / "sites")) == 5

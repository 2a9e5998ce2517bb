"""Compiled templates are kept between builds, and an edited template is compiled again."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from publisher.render.run import CompiledTemplates


class _Counting(CompiledTemplates):
    def __init__(self) -> None:
        super().__init__()
        self.dumps = 0

    def dump_bytecode(self, bucket) -> None:
        self.dumps += 1  # Jinja dumps only what it had to compile
        super().dump_bytecode(bucket)


def test_a_template_is_compiled_once_and_again_when_it_changes(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("<h1>{{ title }}</h1>")
    compiled = _Counting()

    def render() -> str:
        # A new environment per build, as each build makes one.
        env = Environment(
            loader=FileSystemLoader(tmp_path), bytecode_cache=compiled, autoescape=True
        )
        return env.get_template("page.html").render(title="Kirjasto")

    assert render() == "<h1>Kirjasto</h1>"
    assert compiled.dumps == 1
    assert render() == "<h1>Kirjasto</h1>"
    assert compiled.dumps == 1  # loaded, not compiled again
    template.write_text("<h2>{{ title }}</h2>")
    assert render() == "<h2>Kirjasto</h2>"
    assert compiled.dumps == 2

"""The publisher keeps no state in its modules: what it remembers between builds belongs to
the build context (``publisher/context.py``), so a test, a worker or a render process starts
from a known memory, and two contexts never share one. Every name a publisher module binds
at its top is a constant of an immutable value (or a function, class, logger…), and no
function rebinds a module's name (``global``)."""

from __future__ import annotations

import ast
import importlib
import logging
import pkgutil
import re
from contextvars import ContextVar
from dataclasses import fields, is_dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from enum import Enum
from functools import cache, partial
from pathlib import Path, PurePath
from types import (
    BuiltinFunctionType,
    FunctionType,
    GenericAlias,
    MappingProxyType,
    ModuleType,
    UnionType,
)
from typing import Any, TypeVar

import publisher

ATOMS = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    Decimal,
    date,
    datetime,
    time,
    timedelta,
    tzinfo,
    PurePath,
    re.Pattern,
    Enum,
    range,
    TypeVar,
    GenericAlias,
    UnionType,
    ContextVar,  # the context's own handle: each context's value is its own
    logging.Logger,  # the logging module's, configured by settings
)


# Code, not state: functions, classes, builtins, and functions wrapped by functools (a
# cache of a pure function). Not any callable: an instance with ``__call__`` can hold state.
CODE = (
    FunctionType,
    BuiltinFunctionType,
    type,
    ModuleType,
    partial,
    type(cache(lambda: None)),
)


def immutable(value: Any) -> bool:
    """Nothing reachable from ``value`` can be changed in place."""
    if isinstance(value, ATOMS + CODE):
        return True
    if isinstance(value, tuple | frozenset):
        return all(immutable(item) for item in value)
    if isinstance(value, MappingProxyType):
        return all(immutable(k) and immutable(v) for k, v in value.items())
    if is_dataclass(value) and type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
        return all(immutable(getattr(value, f.name)) for f in fields(value))
    return type(value).__module__ == "typing"  # Any, aliases of typing's forms


def module_names(tree: ast.Module) -> set[str]:
    """Names a module binds at its top by assignment (not imports, defs or classes)."""
    names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names - {"__all__"}  # read by tools, never written


def publisher_modules() -> list[ModuleType]:
    found = [publisher]
    for info in pkgutil.walk_packages(publisher.__path__, "publisher."):
        if ".migrations" not in info.name:
            found.append(importlib.import_module(info.name))
    return found


def mutable_state(module: ModuleType) -> list[str]:
    source = Path(module.__file__ or "").read_text()
    tree = ast.parse(source)
    found = [
        f"{module.__name__}.{name} = {type(getattr(module, name)).__name__}"
        for name in sorted(module_names(tree))
        if hasattr(module, name) and not immutable(getattr(module, name))
    ]
    found += [
        f"{module.__name__}:{node.lineno} global {', '.join(node.names)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Global)
    ]
    return found


def test_no_publisher_module_holds_mutable_state():
    modules = publisher_modules()
    assert len(modules) > 50, "every module of the publisher was walked"
    found = [entry for module in modules for entry in mutable_state(module)]
    assert not found, "state the build context should own:\n" + "\n".join(found)


def test_state_in_a_module_is_found():
    planted = ModuleType("planted")
    planted.__file__ = __file__
    source = "CACHE = {}\nKEPT: list = []\nNAMES = ('a',)\ndef f():\n    global CACHE\n"
    tree = ast.parse(source)
    exec(compile(tree, "planted", "exec"), planted.__dict__)  # noqa: S102 (our own source)
    names = module_names(tree)
    assert names == {"CACHE", "KEPT", "NAMES"}
    assert [n for n in sorted(names) if not immutable(getattr(planted, n))] == ["CACHE", "KEPT"]
    assert [isinstance(n, ast.Global) for n in ast.walk(tree)].count(True) == 1
    assert not immutable(MappingProxyType({"a": []})), "a read-only view of lists is not"
    assert immutable(MappingProxyType({"a": ("b",)}))

    class Counter:
        def __init__(self) -> None:
            self.seen: list = []

        def __call__(self) -> None:
            self.seen.append(1)

    assert not immutable(Counter()), "a callable instance can hold state"
    assert immutable(cache(lambda: 1)), "a cached function is code"

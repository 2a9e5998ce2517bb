"""The publisher keeps no state in its modules: what it remembers between builds belongs to
the build context (``publisher/context.py``), so a test, a worker or a render process starts
from a known memory, and two contexts never share one. Every name a publisher module binds
at its top is a constant of an immutable value (or a function, class, logger…), no
function rebinds a module's name (``global``), no class body binds a mutable value (shared
by every instance) and no default argument is a mutable literal (shared by every call).
A ``functools.cache`` of a function is code: the one in the publisher (the renderer's
fingerprint) reads the code and themes of the deploy, which a process never sees change."""

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


MUTABLE_DEFAULTS = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)


def mutable_defaults(tree: ast.Module) -> list[int]:
    """Lines of functions whose default argument is a mutable literal (one object shared by
    every call: state in disguise)."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for default in [*node.args.defaults, *node.args.kw_defaults]
        if isinstance(default, MUTABLE_DEFAULTS)
        or (isinstance(default, ast.Call) and getattr(default.func, "id", "") in BUILDERS)
    ]


BUILDERS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray"}


def declared(value: Any) -> bool:
    """What a class body may bind besides immutable values: descriptors (methods,
    properties, slots, a named tuple's fields) and lazy translated text."""
    from django.utils.functional import Promise

    return hasattr(type(value), "__get__") or isinstance(value, Promise)


def class_state(module: ModuleType, tree: ast.Module) -> list[str]:
    """Class attributes of the module's own classes that hold a mutable value (shared by
    every instance). Django models are declarations of the ORM, read by it, and skipped."""
    from django.db import models

    found = []
    for node in tree.body:
        cls = getattr(module, node.name, None) if isinstance(node, ast.ClassDef) else None
        if not isinstance(cls, type) or issubclass(cls, models.Model):
            continue
        for name in sorted(module_names(ast.Module(body=node.body, type_ignores=[]))):
            value = cls.__dict__.get(name)
            if name in cls.__dict__ and not declared(value) and not immutable(value):
                found.append(f"{module.__name__}.{cls.__name__}.{name} = {type(value).__name__}")
    return found


def mutable_state(module: ModuleType) -> list[str]:
    source = Path(module.__file__ or "").read_text()
    tree = ast.parse(source)
    found = class_state(module, tree)
    found += [f"{module.__name__}:{line} mutable default" for line in mutable_defaults(tree)]
    found += [
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
    disguised = "def remember(key, value, _seen={}):\n    pass\nclass Memo:\n    store: dict = {}\n"
    exec(compile(disguised, "planted", "exec"), planted.__dict__)  # noqa: S102 (as above)
    tree = ast.parse(disguised)
    assert mutable_defaults(tree) == [1]
    assert class_state(planted, tree) == ["planted.Memo.store = dict"]
    assert immutable(cache(lambda: 1)), "a cached function is code"

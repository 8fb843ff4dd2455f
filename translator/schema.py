"""Mappings read from YAML or TOML, validated into frozen dataclasses.

A dataclass field's annotation says what its value must be: ``str``, ``bool``,
``float``, ``Path``, a ``StrEnum``, a ``Literal``, ``X | None``, ``list[...]``,
``dict[str, str]`` or another such dataclass.  A field's ``metadata`` may give an
``alias`` (the key as written, e.g. ``fail-level``) and a ``check`` (a function of the
value returning a problem, or None); ``internal`` fields are set by code, never read.  Every problem is a :class:`SchemaError` naming
the field's path (``examples[0].fix``).  Light enough for ``translator clean`` to
start fast, where a full validation library costs a tenth of a second to import.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args, get_origin

T = TypeVar("T")
Location = tuple[str | int, ...]


class SchemaError(ValueError):
    """A value that does not fit its field: where (a path of keys and indexes) and why."""

    def __init__(self, location: Location, problem: str, *, unknown: bool = False) -> None:
        super().__init__(problem)
        self.location = location
        self.problem = problem
        self.unknown = unknown  # the key itself is not a field

    @property
    def field(self) -> str:
        """The path as written in messages: ``examples[0].fix``."""
        text = ""
        for part in self.location:
            text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
        return text


def build(cls: type[T], data: object, location: Location = ()) -> T:
    """An instance of dataclass ``cls`` from a mapping, every value checked."""
    if not isinstance(data, dict):
        raise SchemaError(location, "a mapping of named fields")
    fields = _fields(cls)
    for key in data:
        if key not in fields:
            raise SchemaError((*location, str(key)), f"unknown field (allowed: {', '.join(fields)})", unknown=True)
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for key, field in fields.items():
        if key not in data:
            if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                raise SchemaError((*location, key), "missing")
            continue
        value = _convert(hints[field.name], data[key], (*location, key))
        problem = field.metadata.get("check", lambda _: None)(value)
        if problem:
            raise SchemaError((*location, key), problem)
        values[field.name] = value
    return cls(**values)


@cache
def _fields(cls: type) -> dict[str, dataclasses.Field]:
    return {
        field.metadata.get("alias", field.name): field
        for field in dataclasses.fields(cls)
        if not field.metadata.get("internal")
    }


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: object, location: Location) -> Any:
    origin, args = get_origin(hint), get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        return _convert(next(a for a in args if a is not type(None)), value, location)
    if origin is list:
        if not isinstance(value, list):
            raise SchemaError(location, "a list")
        return [_convert(args[0], item, (*location, index)) for index, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise SchemaError(location, "a mapping")
        return {_convert(args[0], k, location): _convert(args[1], v, (*location, str(k))) for k, v in value.items()}
    if origin is Literal:
        if value not in args:
            raise SchemaError(location, f"one of {', '.join(map(repr, args))}")
        return value
    if dataclasses.is_dataclass(hint):
        return build(hint, value, location)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError:
            raise SchemaError(location, f"one of {', '.join(repr(m.value) for m in hint)}") from None
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise SchemaError(location, "a number")
        return float(value)
    if hint is Path:
        if not isinstance(value, str):
            raise SchemaError(location, "a path (a string)")
        return Path(value)
    if not isinstance(value, hint):
        raise SchemaError(location, {str: "a string", bool: "true or false"}.get(hint, f"a {hint.__name__}"))
    return value

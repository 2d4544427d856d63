"""/api/openapi.json and /api/docs from the route table and the answer models.

OpenAPI 3.1 (its schemas are JSON Schema, which is what pydantic writes, nulls included).
Every operation lists its success answers with their schemas, and its refusals: the
statuses the door and the handlers give, each with the refusal model. The route table
names its models (api_routes.py); they are looked up here, when the document is first asked.
"""

from __future__ import annotations

import dataclasses
import html
import operator
import types
from functools import reduce
from typing import Any, Union, get_args, get_origin

from pydantic.json_schema import models_json_schema

from app import __version__
from app.gateway import api_models as m
from app.gateway import label_models as lm

REF = "#/components/schemas/{model}"
#: Refusals every route may give: unreadable, no key, unknown, wrong method, too large,
#: a Host that is not ours, a number that cannot do it now, not sendable, not stored.
REFUSALS = (400, 401, 404, 405, 409, 413, 421, 422, 503)
#: Path parameters, with an example a client (and a fuzzer) can start from.
PATH_PARAMS = {
    "session": "default",
    "chatId": "6281234567890@c.us",
    "sha256": "0" * 64,
    "labelId": "1",  # app/gateway/api_labels.py
}


def _model(name: str) -> type[m.Model]:
    found = getattr(m, name, None) or getattr(lm, name, None)
    if not (isinstance(found, type) and issubclass(found, m.Model)):
        raise ValueError(f"no answer model named {name!r}")
    return found


def _named(answer: Any) -> Any:
    """A route's answer with its model names ("Label", ["Label"], "MeInfo | None") as models."""
    if isinstance(answer, list):
        return [_named(answer[0])]
    if isinstance(answer, tuple):
        return tuple(_named(part) for part in answer)
    if answer is None or answer in ("png", "binary"):
        return answer
    if " | " in answer:
        parts = [None if p == "None" else _model(p) for p in answer.split(" | ")]
        return reduce(operator.or_, parts)
    return _model(answer)


def _with_models(route: Any) -> Any:
    return dataclasses.replace(
        route,
        answers={status: _named(answer) for status, answer in route.answers.items()},
        body_model=None if route.body_model is None else _model(route.body_model),
        refusal=_model(route.refusal),
    )


def _models(routes: list[Any]) -> list[type[m.Model]]:
    found: list[type[m.Model]] = [m.ErrorBody, m.FonnteRefusal, m.WebhookBody]
    for route in routes:
        for answer in route.answers.values():
            found += _answer_models(answer)
        if route.body_model is not None:
            found.append(route.body_model)
    unique: list[type[m.Model]] = []
    for model in found:
        if model not in unique:
            unique.append(model)
    return unique


def _answer_models(answer: Any) -> list[type[m.Model]]:
    if isinstance(answer, type) and issubclass(answer, m.Model):
        return [answer]
    if isinstance(answer, (list, tuple)):
        return [x for a in answer for x in _answer_models(a)]
    if get_origin(answer) in (Union, types.UnionType):
        return [x for a in get_args(answer) for x in _answer_models(a)]
    return []


def _schema(answer: Any) -> dict[str, Any]:
    if answer is None or answer is type(None):
        return {"type": "null"}
    if isinstance(answer, type) and issubclass(answer, m.Model):
        return {"$ref": REF.format(model=answer.__name__)}
    if isinstance(answer, list):
        return {"type": "array", "items": _schema(answer[0])}
    if get_origin(answer) in (Union, types.UnionType):
        return {"anyOf": [_schema(a) for a in get_args(answer)]}
    raise ValueError(f"no schema for {answer!r}")


def _content(answer: Any) -> dict[str, Any]:
    if answer == "binary":
        return {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    if isinstance(answer, tuple):  # the QR: a PNG, or JSON when asked
        _png, *json_models = answer
        return {
            "image/png": {"schema": {"type": "string", "format": "binary"}},
            "application/json": {"schema": {"anyOf": [_schema(x) for x in json_models]}},
        }
    return {"application/json": {"schema": _schema(answer)}}


def _parameters(route: Any) -> list[dict[str, Any]]:
    params = [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": {"type": "string", "minLength": 1, "examples": [example]},
        }
        for name, example in PATH_PARAMS.items()
        if "{" + name + "}" in route.path
    ]
    params += [
        {"name": name, "in": "query", "required": False, "description": words, "schema": schema}
        for name, (schema, words) in route.query.items()
    ]
    return params


def _body(route: Any) -> dict[str, Any] | None:
    if route.body_model is not None:
        schema: dict[str, Any] = {"$ref": REF.format(model=route.body_model.__name__)}
    elif route.body:
        schema = {
            "type": "object",
            "properties": {name: _field(spec) for name, spec in route.body.items()},
            "required": [name for name, spec in route.body.items() if spec[1]],
        }
    else:
        return None
    content = {"application/json": {"schema": schema}}
    if route.form:
        content["application/x-www-form-urlencoded"] = {"schema": schema}
        content["multipart/form-data"] = {"schema": schema}
    return {"required": True, "content": content}


def _field(spec: tuple[Any, ...]) -> dict[str, Any]:
    kind, _required, words, *extra = spec
    schema: dict[str, Any] = {"type": kind, "description": words}
    if kind == "array":
        schema["items"] = {"type": "string"}
    if extra:
        schema.update(extra[0])
    return schema


def _operation(route: Any) -> dict[str, Any]:
    refusal = {
        "description": "Refused, in words",
        "content": {"application/json": {"schema": _schema(route.refusal)}},
    }
    responses: dict[str, Any] = {
        str(status): {"description": "OK", "content": _content(answer)}
        for status, answer in route.answers.items()
    }
    for status in REFUSALS:
        responses.setdefault(str(status), refusal)
    operation: dict[str, Any] = {
        "summary": route.summary,
        "tags": [route.tag],
        "parameters": _parameters(route),
        "responses": responses,
    }
    body = _body(route)
    if body is not None:
        operation["requestBody"] = body
    return operation


def openapi_document(routes: list[Any]) -> dict[str, Any]:
    routes = [_with_models(route) for route in routes]
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        paths.setdefault(route.path, {})[route.method.lower()] = _operation(route)
    _, schemas = models_json_schema(
        [(model, "serialization") for model in _models(routes)], ref_template=REF
    )
    return {
        "openapi": "3.1.0",
        "info": {"title": "Jaga local API", "version": __version__},
        "components": {
            "schemas": schemas.get("$defs", {}),
            "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}},
        },
        "security": [{"apiKey": []}],
        "paths": paths,
    }


def docs_page(document: dict[str, Any]) -> str:
    """A plain page listing the routes (the machine may be offline: no CDN, no scripts)."""
    rows = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            cells = (method.upper(), path, operation["summary"])
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Jaga API</title></head><body>"
        "<h1>Jaga local API</h1><p>Send the key in the <code>X-Api-Key</code> header. "
        "The full document: <a href='/api/openapi.json'>/api/openapi.json</a>.</p>"
        "<table border='1' cellpadding='4'><tr><th>Method</th><th>Path</th><th>What</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )

"""What every operation does with its answer: a 2xx parsed by the endpoint module and checked
against the documented model, any other status raised as its typed error (errors.py).

The endpoint module calls these and its own _parse_response in turn; nothing here calls back
into it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._arguments import surrogate_at
from .errors import APIStatusError, ResponseValidationError
from .types import Response, Unset

if TYPE_CHECKING:
    from ._request import Operation

T = TypeVar("T")


def successful(operation: Operation, response: httpx.Response) -> httpx.Response:
    """The answer when its status is 2xx; else the typed error of its status."""
    if not 200 <= response.status_code <= 299:
        raise APIStatusError.from_response(response, idempotent=operation.idempotent)
    return response


def success(operation: Operation, response: httpx.Response, parsed: object, model: type[T]) -> T:
    """`parsed` (the 2xx body the endpoint module parsed) when it is the documented `model`, with
    a next token that can be sent back; else ResponseValidationError."""
    if not isinstance(parsed, model):
        raise ResponseValidationError.from_response(
            f"{operation.id}: undocumented success status", response, idempotent=operation.idempotent
        )
    if operation.next_token is not None:
        _check_next_token(operation, response, parsed, operation.next_token)
    return parsed


def _check_next_token(
    operation: Operation, response: httpx.Response, parsed: object, where: tuple[tuple[str, ...], str]
) -> None:
    """A paged answer's next token is a string that can be sent back (the models take any JSON
    value there): a number or an object would end the listing quietly, a lone surrogate would be
    refused as if the caller had given it."""
    token: Any = parsed
    for name in where[0]:
        token = getattr(token, name, None)
        if token is None or isinstance(token, Unset):
            return
    if not isinstance(token, str):
        problem = f"must be a string, got {type(token).__name__}"
    elif not token.isascii() and surrogate_at(token, where[1]):
        problem = "holds a lone surrogate (half a character): it cannot be sent back"
    else:
        return
    model = type(parsed).__name__
    raise ResponseValidationError.from_response(
        f"{operation.id}: the {response.status_code} body does not fit {model}: {where[1]} {problem}",
        response,
        idempotent=operation.idempotent,
    )


def detailed(response: httpx.Response, parsed: T | None) -> Response[T]:
    """The answer as a Response: status, headers, content and `parsed`, the body the endpoint
    module parsed into the model the spec documents for its status (None for an undocumented
    status or an unreadable error body)."""
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def typed(response: Response[Any], model: type[T]) -> Response[T]:
    """A raw view's answer (the client objects' `with_raw_response`): `parsed` is the documented
    2xx `model`, None for any other status (the error's model stays with the module functions'
    `*_detailed`, whose type names every status's model)."""
    parsed = response.parsed
    return Response(
        response.status_code,
        response.content,
        response.headers,
        parsed if isinstance(parsed, model) and 200 <= response.status_code <= 299 else None,
    )


def invalid_answer(
    operation: Operation, response: httpx.Response, model: str, exc: BaseException
) -> ResponseValidationError:
    """A 2xx body that does not fit its model. The service answered 2xx: an operation that is not
    safe to repeat most likely took effect."""
    problem = f"the field {exc.args[0]!r} is missing" if isinstance(exc, KeyError) and exc.args else repr(exc)
    return ResponseValidationError.from_response(
        f"{operation.id}: the {response.status_code} body does not fit {model}: {problem}",
        response,
        idempotent=operation.idempotent,
    )

"""What the contract tests and `make record` share, on top of tests/spec_support.py (the spec, its
operations and the example calls built from it).

- what each documented status must give back (model or exception);
- the cassette format: the vcrpy settings used to record and to replay, and its matchers;
- openapi-core (pinned 0.23.1) validation of a wire exchange, from httpx objects or from a
  cassette interaction.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from spec_support import (
    API_SERVER,
    ROOT,
    SPEC_PATH,
    Operation,
    check_answer,
    form_parts,
    header_param,
    pair_id,
)
from werkzeug.datastructures import ImmutableMultiDict
from yandex_market_chat import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from yandex_market_chat.types import Response

CASSETTES = Path(os.environ.get("CASSETTES_UNDER_TEST") or ROOT / "tests" / "cassettes")
"""The cassettes of the spec under test (tests/spec_support.py's SPEC_PATH): ours, or a scratch folder."""
REDACTED = "REDACTED"
AUTH_HEADERS = ("Api-Key", "Authorization")
RATE_LIMIT_HEADERS = (
    "X-RateLimit-Resource-Limit",
    "X-RateLimit-Resource-Remaining",
    "X-RateLimit-Resource-Until",
)

# The exception each documented error status must raise. A status the spec gains without an
# entry here fails the tests that look it up.
ERROR_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    420: RateLimitError,
    423: APIStatusError,  # (Locked, documented by other areas of the published API: no class of its own)
    500: InternalServerError,
}


def cassette_path(operation_id: str, status: int) -> Path:
    return CASSETTES / f"{pair_id(operation_id, status)}.yaml"


# --- what each status gives back -----------------------------------------------------------------


def check_success(operation: Operation, status: int, result: object, body: object) -> None:
    """sync()/asyncio() on a 2xx: the documented model, carrying the body unchanged."""
    check_answer(operation, status, result, body)


def check_error(
    operation: Operation, status: int, error: BaseException, body: object, headers: Mapping[str, str]
) -> None:
    """sync()/asyncio() on an error status: the status's exception, with the body's details."""
    expected = ERROR_CLASSES[status]
    assert type(error) is expected, f"{operation.operation_id} {status}: raised {error!r}"
    assert isinstance(error, APIStatusError)
    assert error.status_code == status
    assert error.json == body
    listed = body.get("errors") if isinstance(body, dict) else None
    assert [(e.code, e.message) for e in error.errors] == [
        (item["code"], item.get("message")) for item in listed or []
    ]
    if isinstance(error, RateLimitError):
        lookup = httpx.Headers(headers)
        assert error.limit == _int_or_none(lookup.get("X-RateLimit-Resource-Limit"))
        assert error.remaining == _int_or_none(lookup.get("X-RateLimit-Resource-Remaining"))
        assert error.reset_at == http_date(lookup.get("X-RateLimit-Resource-Until"))


def check_detailed(operation: Operation, status: int, response: Response[Any], body: object) -> None:
    """sync_detailed()/asyncio_detailed(): the status, the raw body and the documented model."""
    assert response.status_code == status
    assert (json.loads(response.content) if response.content else None) == body
    check_answer(operation, status, response.parsed, body)


def http_date(value: str | None) -> datetime | None:
    """An RFC 822 date as an aware datetime (UTC when it names no zone); None if it is not one."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# --- request bodies ---------------------------------------------------------------------------------


def body_meaning(content_type: str, body: bytes | None) -> object:
    """What a request body says, independent of JSON formatting or a random multipart boundary."""
    if not body:
        return None
    media = content_type.split(";", 1)[0].strip().lower()
    if media == "application/json":
        return json.loads(body)
    if media == "multipart/form-data":
        return form_parts(content_type, body)
    return body


# --- wire exchanges for openapi-core ----------------------------------------------------------


def _pairs(headers: Mapping[str, Any] | httpx.Headers) -> list[tuple[str, str]]:
    if isinstance(headers, httpx.Headers):
        return list(headers.multi_items())
    pairs = []
    for name, values in headers.items():
        for value in values if isinstance(values, list) else [values]:
            pairs.append((name, str(value)))
    return pairs


def _bytes(body: object) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, dict) and "string" in body:
        return _bytes(body["string"])
    raise TypeError(f"cannot read a body from {type(body).__name__}")


@dataclass
class WireRequest:
    """A request as openapi-core's Request protocol reads it.

    host_url is always the spec's server: whether the request went to the right host is the
    cassette matcher's business (it compares scheme, host and port); openapi-core checks the
    path, parameters, security and body.
    """

    method_upper: str
    url: str
    header_pairs: list[tuple[str, str]]
    body: bytes
    parameters: RequestParameters = field(init=False, repr=False, compare=False)
    """Query and headers; openapi-core writes the path parameters it resolves into it. Made
    once per object: change a request with dataclasses.replace(), which makes it again."""

    def __post_init__(self) -> None:
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(urlsplit(self.url).query, keep_blank_values=True)),
            header=httpx.Headers(self.header_pairs),
            cookie=ImmutableMultiDict(),
        )

    @classmethod
    def from_httpx(cls, request: httpx.Request) -> WireRequest:
        return cls(request.method, str(request.url), _pairs(request.headers), request.read())

    @classmethod
    def from_cassette(cls, request: Mapping[str, Any]) -> WireRequest:
        return cls(request["method"], request["uri"], _pairs(request["headers"]), _bytes(request["body"]))

    @property
    def host_url(self) -> str:
        return API_SERVER

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    @property
    def method(self) -> str:
        return self.method_upper.lower()

    @property
    def content_type(self) -> str:
        return str(httpx.Headers(self.header_pairs).get("Content-Type", ""))


@dataclass
class WireResponse:
    """A response as openapi-core's Response protocol reads it."""

    status_code: int
    header_pairs: list[tuple[str, str]]
    data: bytes

    @classmethod
    def from_httpx(cls, response: httpx.Response) -> WireResponse:
        return cls(response.status_code, _pairs(response.headers), response.read())

    @classmethod
    def from_cassette(cls, response: Mapping[str, Any]) -> WireResponse:
        return cls(response["status"]["code"], _pairs(response["headers"]), _bytes(response["body"]))

    @property
    def headers(self) -> httpx.Headers:
        return httpx.Headers(self.header_pairs)

    @property
    def content_type(self) -> str:
        return str(self.headers.get("Content-Type", ""))

    def json(self) -> Any:
        """The body as JSON (None for an answer without a body, such as a 204)."""
        return json.loads(self.data) if self.data else None


@cache
def openapi() -> OpenAPI:
    return OpenAPI.from_file_path(str(SPEC_PATH))


def _describe(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}"
    for detail in getattr(error, "schema_errors", None) or []:
        text += f"\n    {getattr(detail, 'message', detail)}"
    cause = error.__cause__
    if cause is not None and str(cause) not in text:
        text += f"\n    caused by {type(cause).__name__}: {cause}"
    return text


def request_errors(request: WireRequest) -> list[str]:
    """Everything openapi-core finds wrong with a request (empty when it conforms)."""
    return [_describe(error) for error in openapi().iter_request_errors(request)]


def response_errors(request: WireRequest, response: WireResponse) -> list[str]:
    """Everything openapi-core finds wrong with a response to `request` (empty when it conforms)."""
    return [_describe(error) for error in openapi().iter_response_errors(request, response)]


def exchange_errors(request: WireRequest, response: WireResponse) -> list[str]:
    return [f"request: {e}" for e in request_errors(request)] + [
        f"response: {e}" for e in response_errors(request, response)
    ]


# --- cassettes ----------------------------------------------------------------------------------


def load_cassette(path: Path) -> list[dict[str, Any]]:
    """The interactions of a vcrpy YAML cassette (read with libyaml's safe loader: data only)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    interactions: list[dict[str, Any]] = data["interactions"]
    return interactions


def cassette_files() -> list[Path]:
    return sorted(CASSETTES.glob("*.yaml"))


def iter_interactions() -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in cassette_files():
        for interaction in load_cassette(path):
            yield path, interaction


def match_body_meaning(r1: Any, r2: Any) -> None:
    """vcrpy matcher: the same JSON value, or the same multipart parts whatever the boundary."""
    content_types = (r1.headers.get("Content-Type", ""), r2.headers.get("Content-Type", ""))
    left = body_meaning(content_types[0], _bytes(r1.body))
    right = body_meaning(content_types[1], _bytes(r2.body))
    assert left == right, f"request bodies differ: {left!r} != {right!r}"


def match_auth_header(r1: Any, r2: Any) -> None:
    """vcrpy matcher: the same authentication header names (the values are REDACTED)."""

    def names(request: Any) -> set[str]:
        return {name.lower() for name in AUTH_HEADERS if request.headers.get(name) is not None}

    assert names(r1) == names(r2), f"auth headers differ: {names(r1)} != {names(r2)}"


MATCHERS: dict[str, Callable[[Any, Any], None]] = {
    "body_meaning": match_body_meaning,
    "auth_header": match_auth_header,
}
MATCH_ON = ["method", "scheme", "host", "port", "path", "query", "body_meaning", "auth_header"]
VOLATILE_RESPONSE_HEADERS = ("date", "connection", "keep-alive", "set-cookie")


def drop_volatile_headers(response: dict[str, Any]) -> dict[str, Any]:
    """Keep cassettes stable across recordings: no dates, connection details or cookies."""
    response["headers"] = {
        name: values
        for name, values in response["headers"].items()
        if name.lower() not in VOLATILE_RESPONSE_HEADERS and not name.lower().startswith("access-control-")
    }
    return response


def vcr_config() -> dict[str, Any]:
    """The vcrpy settings for replaying (and, with record_config(), for recording)."""
    return {
        "filter_headers": [(name, REDACTED) for name in AUTH_HEADERS],
        "before_record_response": drop_volatile_headers,
        "match_on": MATCH_ON,
        "decode_compressed_response": True,
    }


RECORDED_BOUNDARY = "boundary-fixed-in-cassettes-0000"
"""The multipart boundary written into cassettes in place of the one sent. The client sends a
random boundary per request (so file bytes cannot forge a part), which would make every
recording of a sendFileToChat cassette differ; this one is obviously not httpx's (not hex) and
as long as httpx's, so the Content-Length stays true."""


def fix_multipart_boundary(request: Any) -> Any:
    """Rewrite a multipart vcrpy request to RECORDED_BOUNDARY, in its body and Content-Type.

    The body keeps every byte but the boundary's; the parts it parses into are checked to be
    the sent ones (a part containing the placeholder would break that: refused, not written).
    """
    content_type = str(request.headers.get("Content-Type", ""))
    if content_type.split(";", 1)[0].strip().lower() != "multipart/form-data" or not request.body:
        return request
    boundary = header_param(content_type, "boundary")
    if not boundary:
        raise ValueError(f"a multipart request without a boundary: {content_type!r}")
    body = _bytes(request.body)
    fixed_body = body.replace(b"--" + boundary.encode("ascii"), b"--" + RECORDED_BOUNDARY.encode("ascii"))
    fixed_type, replaced = re.subn(
        rf'(boundary=)("?){re.escape(boundary)}\2',
        lambda found: f"{found[1]}{RECORDED_BOUNDARY}",
        content_type,
        count=1,
        flags=re.IGNORECASE,
    )
    if not replaced:
        raise ValueError(f"cannot rewrite the boundary of {content_type!r}")
    sent = form_parts(content_type, body)
    try:
        kept = form_parts(fixed_type, fixed_body) == sent
    except ValueError:
        kept = False
    if not kept:
        raise ValueError(f"cannot store this multipart body: a part contains {RECORDED_BOUNDARY!r}")
    request.body = fixed_body
    request.headers["Content-Type"] = fixed_type
    if "Content-Length" in request.headers:
        request.headers["Content-Length"] = str(len(fixed_body))
    return request


def record_config(base_url: str, ids: Mapping[int, int] | None = None) -> dict[str, Any]:
    """vcrpy settings for recording through Prism at `base_url`.

    The request is written as if it went to the API's own server (so replays run against the
    client's default base URL), and real ids (`ids`: real -> fake) are replaced by the fixed
    fake ones in the path, the query and JSON bodies of requests and responses. A multipart
    body is written with RECORDED_BOUNDARY, so that recording twice writes the same bytes.
    """
    ids = dict(ids or {})

    def rename(text: str) -> str:
        for real, fake in ids.items():
            text = re.sub(rf"(?<![0-9]){real}(?![0-9])", str(fake), text)
        return text

    def before_record_request(request: Any) -> Any:
        uri = str(request.uri)
        if uri.startswith(base_url):
            uri = API_SERVER + uri[len(base_url) :]
        request.uri = rename(uri)
        if "Host" in request.headers:  # (vcrpy's request headers ignore case)
            request.headers["Host"] = urlsplit(API_SERVER).netloc
        if ids and request.body and request.headers.get("Content-Type", "").startswith("application/json"):
            request.body = rename(_bytes(request.body).decode("utf-8")).encode("utf-8")
        return fix_multipart_boundary(request)

    def before_record_response(response: dict[str, Any]) -> dict[str, Any]:
        response = drop_volatile_headers(response)
        if ids:
            text = _bytes(response["body"]).decode("utf-8", errors="surrogateescape")
            response["body"]["string"] = rename(text).encode("utf-8", errors="surrogateescape")
        return response

    return vcr_config() | {
        "before_record_request": before_record_request,
        "before_record_response": before_record_response,
    }


def register_matchers(vcr: Any) -> None:
    for name, matcher in MATCHERS.items():
        vcr.register_matcher(name, matcher)

"""What the contract tests and `make record` share.

- the spec, and the (operation, status) pairs it documents — every list of cases is derived
  from it, so a new operation or status shows up as a failing case until it is covered;
- how to call each operation with fixed, obviously fake inputs, and what each status must
  give back (model or exception);
- the cassette format: the vcrpy settings used to record and to replay, and its matchers;
- openapi-core (pinned 0.23.1) validation of a wire exchange, from httpx objects or from a
  cassette interaction.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.utils import collapse_rfc2231_value, parsedate_to_datetime
from functools import cache
from pathlib import Path
from types import ModuleType, UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints
from urllib.parse import parse_qsl, urlsplit

import attrs
import httpx
import pytest
import yaml
import yandex_market_chat.models
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import ImmutableMultiDict
from yandex_market_chat import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    File,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from yandex_market_chat.models import (
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
    SendFileToChatRequest,
    SendMessageToChatRequest,
)
from yandex_market_chat.types import Response, Unset

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "yandex-market-chat.yaml"
CASSETTES = ROOT / "tests" / "cassettes"
REDACTED = "REDACTED"
AUTH_HEADERS = ("Api-Key", "Authorization")
RATE_LIMIT_HEADERS = (
    "X-RateLimit-Resource-Limit",
    "X-RateLimit-Resource-Remaining",
    "X-RateLimit-Resource-Until",
)
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Fixed inputs of every recorded call. Fake, and below 2**53 (Prism's integer limit).
BUSINESS_ID = 1234567
CHAT_ID = 7654321
ORDER_ID = 48523210
MESSAGE = "Hello! Your order has been handed over to the courier."
FILE_NAME = "receipt.txt"
FILE_BYTES = b"Receipt for order 48523210\r\n--not-a-boundary\r\nTotal: 1990 RUB\r\n"

# The exception each documented error status must raise. A status the spec gains without an
# entry here fails the tests that look it up.
ERROR_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    420: RateLimitError,
    500: InternalServerError,
}


def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


SPEC = load_spec()
API_SERVER: str = SPEC["servers"][0]["url"]


def resolve(node: Mapping[str, Any]) -> dict[str, Any]:
    """Follow local `$ref`s until a node that is not a reference."""
    while "$ref" in node:
        target: Any = SPEC
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return dict(node)


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, and the generated module that calls it."""

    operation_id: str
    method: str
    path: str
    definition: Mapping[str, Any] = field(repr=False)
    """The operation object of the spec."""

    @property
    def responses(self) -> Mapping[str, Any]:
        responses: Mapping[str, Any] = self.definition["responses"]
        return responses

    @property
    def statuses(self) -> list[int]:
        return sorted(int(code) for code in self.responses)

    @property
    def module(self) -> ModuleType:
        """yandex_market_chat.api.<tag>.<module> generated for this operationId."""
        return operation_module(self.operation_id)

    def response(self, status: int) -> dict[str, Any]:
        return resolve(self.responses[str(status)])

    def media(self, status: int) -> dict[str, Any]:
        """The application/json entry of a response: schema and example."""
        media: dict[str, Any] = self.response(status)["content"]["application/json"]
        return media

    def schema_name(self, status: int) -> str:
        return str(self.media(status)["schema"]["$ref"]).rsplit("/", 1)[-1]

    def model(self, status: int) -> type[Any]:
        """The generated model class of the response body at `status`."""
        model: type[Any] = getattr(yandex_market_chat.models, self.schema_name(status))
        return model

    def matches(self, method: str, path: str) -> bool:
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(self.path))
        return method.lower() == self.method and re.fullmatch(pattern, path) is not None


@cache
def operation_modules() -> dict[str, ModuleType]:
    """operationId -> the generated module that calls it (found by the id it declares)."""
    import yandex_market_chat.api

    found = {}
    for info in pkgutil.walk_packages(yandex_market_chat.api.__path__, "yandex_market_chat.api."):
        module = importlib.import_module(info.name)
        operation = getattr(module, "_OPERATION", None)
        if operation is not None:
            found[operation.id] = module
    return found


def operation_module(operation_id: str) -> ModuleType:
    try:
        return operation_modules()[operation_id]
    except KeyError:
        raise LookupError(
            f"the generated package has no module for {operation_id}: run `make generate`"
        ) from None


def operations() -> list[Operation]:
    found = []
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                found.append(Operation(operation["operationId"], method, path, operation))
    return found


OPERATIONS: dict[str, Operation] = {op.operation_id: op for op in operations()}


def documented_pairs() -> list[tuple[str, int]]:
    """Every (operationId, status) the spec documents."""
    return [(op.operation_id, status) for op in OPERATIONS.values() for status in op.statuses]


def operation_for(method: str, url: str) -> Operation:
    """The spec operation a request goes to (by method and path)."""
    path = urlsplit(url).path
    for op in OPERATIONS.values():
        if op.matches(method, path):
            return op
    raise LookupError(f"no operation in the spec for {method} {path}")


def pair_id(operation_id: str, status: int) -> str:
    return f"{operation_id}-{status}"


PAIRS = documented_pairs()
"""Every (operationId, status) the spec documents, read once."""

each_pair = pytest.mark.parametrize(("operation_id", "status"), PAIRS, ids=[pair_id(*pair) for pair in PAIRS])
"""Parametrize a test by every documented (operation_id, status)."""


def cassette_path(operation_id: str, status: int) -> Path:
    return CASSETTES / f"{pair_id(operation_id, status)}.yaml"


# --- calling the operations -------------------------------------------------------------------


def call_kwargs(
    operation_id: str, *, business_id: int = BUSINESS_ID, chat_id: int = CHAT_ID, order_id: int = ORDER_ID
) -> dict[str, Any]:
    """Fresh keyword arguments for one call of the operation with the fixed inputs (the ids
    can be replaced by real ones, for recording the real API)."""
    if operation_id == "createChat":
        context = ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=order_id)
        return {"business_id": business_id, "body": CreateChatRequest(context=context)}
    if operation_id == "sendMessageToChat":
        return {
            "business_id": business_id,
            "chat_id": chat_id,
            "body": SendMessageToChatRequest(message=MESSAGE),
        }
    if operation_id == "sendFileToChat":
        file = File.from_source(FILE_BYTES, file_name=FILE_NAME)
        return {"business_id": business_id, "chat_id": chat_id, "body": SendFileToChatRequest(file=file)}
    raise LookupError(f"no test inputs for operation {operation_id}: add them to call_kwargs()")


def type_problems(value: object, hint: Any, where: str) -> list[str]:
    """Where a parsed value is not of the type the generated code declares for it.

    A model that round-trips its body is not enough: a client generated from an older spec
    (say `chatId` integer, while the spec now says string) hands the new value through
    unchanged under the old annotation.
    """
    if hint is Any:
        return []
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, UnionType):
        options = [type_problems(value, arg, where) for arg in args]
        if any(not problems for problems in options):
            return []
        # Report from the arm the value's class belongs to: it says which field is wrong.
        for arg, problems in zip(args, options, strict=True):
            if isinstance(get_origin(arg) or arg, type) and isinstance(value, get_origin(arg) or arg):
                return problems
        return [f"{where}: {value!r} is not {hint}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {value!r} is not a list"]
        return [p for i, item in enumerate(value) for p in type_problems(item, args[0], f"{where}[{i}]")]
    if origin is dict:
        return [] if isinstance(value, dict) else [f"{where}: {value!r} is not a dict"]
    if hint is type(None):
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if hint in (int, float) and isinstance(value, bool):
        return [f"{where}: {value!r} is a bool, not {hint.__name__}"]
    if isinstance(hint, type):
        if not isinstance(value, hint):
            return [f"{where}: {value!r} is a {type(value).__name__}, not {hint.__name__}"]
        if attrs.has(hint):
            hints = get_type_hints(hint, localns=vars(yandex_market_chat.models) | {"Unset": Unset})
            return [
                problem
                for attribute in attrs.fields(hint)
                for problem in type_problems(
                    getattr(value, attribute.name), hints[attribute.name], f"{where}.{attribute.name}"
                )
            ]
        return []
    raise NotImplementedError(f"{where}: cannot check a value against {hint!r}")


def check_model(model: type[Any], parsed: object, body: object) -> None:
    """`parsed` is a `model` of the declared field types that gives `body` back unchanged."""
    assert type(parsed) is model, f"expected a {model.__name__}, got {parsed!r}"
    assert type_problems(parsed, model, model.__name__) == []
    assert parsed.to_dict() == body  # type: ignore[attr-defined]


def check_success(operation: Operation, status: int, result: object, body: object) -> None:
    """sync()/asyncio() on a 2xx: the documented model, carrying the body unchanged."""
    check_model(operation.model(status), result, body)


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
    assert json.loads(response.content) == body
    check_model(operation.model(status), response.parsed, body)


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


# --- multipart bodies ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FormPart:
    name: str | None
    filename: str | None
    content_type: str | None
    content: bytes


def header_param(value: str, name: str) -> str | None:
    """A parameter of a header value: `boundary` of a Content-Type, `filename` of a disposition."""
    message = Message()
    message["X-Value"] = value
    param = message.get_param(name, header="X-Value")
    if isinstance(param, tuple):
        return collapse_rfc2231_value(param)
    return param if isinstance(param, str) else None


def form_parts(content_type: str, body: bytes) -> list[FormPart]:
    """The parts of a multipart/form-data body, byte for byte (no transfer decoding)."""
    boundary = header_param(content_type, "boundary")
    if not boundary:
        raise ValueError(f"no boundary in {content_type!r}")
    chunks = body.split(b"--" + boundary.encode("ascii"))
    if len(chunks) < 2 or chunks[0] not in (b"", b"\r\n") or not chunks[-1].startswith(b"--"):
        raise ValueError("not a well-formed multipart body")
    parts = []
    for chunk in chunks[1:-1]:
        if not chunk.startswith(b"\r\n") or not chunk.endswith(b"\r\n"):
            raise ValueError("a multipart part is not framed by CRLF")
        head, separator, content = chunk[2:-2].partition(b"\r\n\r\n")
        if not separator:
            raise ValueError("a multipart part has no header/content separator")
        headers = httpx.Headers()
        for line in head.decode("utf-8").split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip()] = value.strip()
        disposition = headers.get("content-disposition", "")
        parts.append(
            FormPart(
                name=header_param(disposition, "name"),
                filename=header_param(disposition, "filename"),
                content_type=headers.get("content-type"),
                content=content,
            )
        )
    return parts


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
        return json.loads(self.data)


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
    """The interactions of a vcrpy YAML cassette (read with yaml.safe_load: data only)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
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

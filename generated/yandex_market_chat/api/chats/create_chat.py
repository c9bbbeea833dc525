from typing import Any
from urllib.parse import quote

import httpx

from ... import _rules, errors
from ...client import AuthenticatedClient
from ...models.api_client_data_error_response import ApiClientDataErrorResponse
from ...models.api_forbidden_error_response import ApiForbiddenErrorResponse
from ...models.api_limit_error_response import ApiLimitErrorResponse
from ...models.api_not_found_error_response import ApiNotFoundErrorResponse
from ...models.api_server_error_response import ApiServerErrorResponse
from ...models.api_unauthorized_error_response import ApiUnauthorizedErrorResponse
from ...models.create_chat_request import CreateChatRequest
from ...models.create_chat_response import CreateChatResponse
from ...types import Response


def _get_kwargs(
    business_id: int,
    *,
    body: CreateChatRequest,
) -> dict[str, Any]:
    _rules.check_request(
        "create_chat",
        {
            "businessId": business_id,
        },
        body,
    )

    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/businesses/{business_id}/chats/new".format(
            business_id=quote(str(business_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, response: httpx.Response
) -> (
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | CreateChatResponse
    | None
):
    if response.status_code == 200:
        try:
            response_200 = CreateChatResponse.from_dict(response.json())

            return response_200

        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise errors.ResponseValidationError(
                f"the 200 body does not fit CreateChatResponse: {exc!r}",
                status_code=response.status_code,
                body=response.content,
                headers=response.headers,
            ) from exc
    if response.status_code == 400:
        try:
            response_400 = ApiClientDataErrorResponse.from_dict(response.json())

            return response_400

        except (ValueError, KeyError, TypeError, AttributeError):
            return None
    if response.status_code == 401:
        try:
            response_401 = ApiUnauthorizedErrorResponse.from_dict(response.json())

            return response_401

        except (ValueError, KeyError, TypeError, AttributeError):
            return None
    if response.status_code == 403:
        try:
            response_403 = ApiForbiddenErrorResponse.from_dict(response.json())

            return response_403

        except (ValueError, KeyError, TypeError, AttributeError):
            return None
    if response.status_code == 404:
        try:
            response_404 = ApiNotFoundErrorResponse.from_dict(response.json())

            return response_404

        except (ValueError, KeyError, TypeError, AttributeError):
            return None
    if response.status_code == 420:
        try:
            response_420 = ApiLimitErrorResponse.from_dict(response.json())

            return response_420

        except (ValueError, KeyError, TypeError, AttributeError):
            return None
    if response.status_code == 500:
        try:
            response_500 = ApiServerErrorResponse.from_dict(response.json())

            return response_500

        except (ValueError, KeyError, TypeError, AttributeError):
            return None
    return None


def _build_response(
    *, response: httpx.Response
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | CreateChatResponse
]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response=response),
    )


def _success(response: httpx.Response) -> CreateChatResponse:
    if not 200 <= response.status_code <= 299:
        idempotent = _rules.OPERATIONS["create_chat"]["idempotent"]
        raise errors.APIStatusError.from_response(response, idempotent=idempotent)
    parsed = _parse_response(response=response)
    if not isinstance(parsed, CreateChatResponse):
        raise errors.ResponseValidationError(
            "undocumented success status",
            status_code=response.status_code,
            body=response.content,
            headers=response.headers,
        )
    return parsed


def sync_detailed(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: CreateChatRequest,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | CreateChatResponse
]:
    """Create a chat with a buyer for an order or a return.

    Creates a chat with the buyer of an order or of a return, or returns the chat that
    already exists for that context: calling it twice is safe. Return chats exist only
    for FBY, FBS and Express stores.

    Needs a token with the `communication` or `all-methods` scope.
    Limit: 1,000 requests per hour.

    Args:
        business_id (int):
        body (CreateChatRequest): What to start a chat about. Give `context`; `orderId` is the
            older way and is
            deprecated. One of the two is needed.

    Raises:
        errors.InvalidRequestError: An argument breaks the spec (raised before any I/O).
        errors.APIConnectionError: No answer came (errors.APITimeoutError when it timed out).
        errors.ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response[ApiClientDataErrorResponse | ApiForbiddenErrorResponse | ApiLimitErrorResponse | ApiNotFoundErrorResponse | ApiServerErrorResponse | ApiUnauthorizedErrorResponse | CreateChatResponse]: status, headers, content; `parsed` set for 2xx.
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
    )
    response = client.request("create_chat", kwargs, scope=business_id)
    return _build_response(response=response)


def sync(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: CreateChatRequest,
) -> CreateChatResponse:
    """Create a chat with a buyer for an order or a return.

    Creates a chat with the buyer of an order or of a return, or returns the chat that
    already exists for that context: calling it twice is safe. Return chats exist only
    for FBY, FBS and Express stores.

    Needs a token with the `communication` or `all-methods` scope.
    Limit: 1,000 requests per hour.

    Args:
        business_id (int):
        body (CreateChatRequest): What to start a chat about. Give `context`; `orderId` is the
            older way and is
            deprecated. One of the two is needed.

    Raises:
        errors.InvalidRequestError: An argument breaks the spec (raised before any I/O).
        errors.APIStatusError: The service answered with a non-2xx status (a subclass per family).
        errors.APIConnectionError: No answer came (errors.APITimeoutError when it timed out).
        errors.ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        CreateChatResponse
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
    )
    return _success(client.request("create_chat", kwargs, scope=business_id))


async def asyncio_detailed(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: CreateChatRequest,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | CreateChatResponse
]:
    """Create a chat with a buyer for an order or a return.

    Creates a chat with the buyer of an order or of a return, or returns the chat that
    already exists for that context: calling it twice is safe. Return chats exist only
    for FBY, FBS and Express stores.

    Needs a token with the `communication` or `all-methods` scope.
    Limit: 1,000 requests per hour.

    Args:
        business_id (int):
        body (CreateChatRequest): What to start a chat about. Give `context`; `orderId` is the
            older way and is
            deprecated. One of the two is needed.

    Raises:
        errors.InvalidRequestError: An argument breaks the spec (raised before any I/O).
        errors.APIConnectionError: No answer came (errors.APITimeoutError when it timed out).
        errors.ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response[ApiClientDataErrorResponse | ApiForbiddenErrorResponse | ApiLimitErrorResponse | ApiNotFoundErrorResponse | ApiServerErrorResponse | ApiUnauthorizedErrorResponse | CreateChatResponse]: status, headers, content; `parsed` set for 2xx.
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
    )
    response = await client.arequest("create_chat", kwargs, scope=business_id)
    return _build_response(response=response)


async def asyncio(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: CreateChatRequest,
) -> CreateChatResponse:
    """Create a chat with a buyer for an order or a return.

    Creates a chat with the buyer of an order or of a return, or returns the chat that
    already exists for that context: calling it twice is safe. Return chats exist only
    for FBY, FBS and Express stores.

    Needs a token with the `communication` or `all-methods` scope.
    Limit: 1,000 requests per hour.

    Args:
        business_id (int):
        body (CreateChatRequest): What to start a chat about. Give `context`; `orderId` is the
            older way and is
            deprecated. One of the two is needed.

    Raises:
        errors.InvalidRequestError: An argument breaks the spec (raised before any I/O).
        errors.APIStatusError: The service answered with a non-2xx status (a subclass per family).
        errors.APIConnectionError: No answer came (errors.APITimeoutError when it timed out).
        errors.ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        CreateChatResponse
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
    )
    return _success(await client.arequest("create_chat", kwargs, scope=business_id))

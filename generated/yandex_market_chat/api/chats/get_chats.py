from typing import Any
from urllib.parse import quote

import httpx

from ... import _answers, _arguments, _request, _validators
from ..._client import AuthenticatedClient
from ...models.api_client_data_error_response import ApiClientDataErrorResponse
from ...models.api_forbidden_error_response import ApiForbiddenErrorResponse
from ...models.api_limit_error_response import ApiLimitErrorResponse
from ...models.api_not_found_error_response import ApiNotFoundErrorResponse
from ...models.api_server_error_response import ApiServerErrorResponse
from ...models.api_unauthorized_error_response import ApiUnauthorizedErrorResponse
from ...models.get_chats_request import GetChatsRequest
from ...models.get_chats_response import GetChatsResponse
from ...typed_dicts import GetChatsRequestDict
from ...types import UNSET, Response, Unset

_OPERATION = _request.Operation(
    "getChats",
    "get_chats",
    idempotent=True,
    validate=_validators.get_chats,
    param_names={"business_id": "businessId", "page_token": "pageToken"},
    body_names={"orderIds": "order_ids", "contextTypes": "context_types"},
    deprecated={"order_ids": "Market order ids. Deprecated — use `contexts`."},
    hourly_limit=5000,
    next_token=(
        (
            "result",
            "paging",
            "next_page_token",
        ),
        "result.paging.nextPageToken",
    ),
    cursor=("page_token", "pageToken", _validators.get_chats_cursor, ("limit",)),
)


def _get_kwargs(
    business_id: int,
    *,
    body: GetChatsRequest | GetChatsRequestDict,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:
    _args = _arguments.arguments(
        {
            "business_id": business_id,
            "page_token": page_token,
            "limit": limit,
            "body": body,
        }
    )
    _request.check(_OPERATION, _args)
    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/businesses/{businessId}/chats".format(
            businessId=quote(str(_args["business_id"]), safe=""),
        ),
        "params": _arguments.pick(
            _args,
            {
                "pageToken": "page_token",
                "limit": "limit",
            },
        ),
        "headers": {
            "Content-Type": "application/json",
        },
    }
    if "body" in _args:
        _kwargs["content"] = _arguments.encode_json(_args["body"])
    return _kwargs


def _parse_response(
    response: httpx.Response,
) -> (
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | GetChatsResponse
    | None
):
    if response.status_code == 200:
        try:
            response_200 = GetChatsResponse.from_dict(response.json())

            return response_200

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise _answers.invalid_answer(
                _OPERATION, response, "GetChatsResponse", exc
            ) from exc
    if response.status_code == 400:
        try:
            response_400 = ApiClientDataErrorResponse.from_dict(response.json())

            return response_400

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # an error answer that does not fit its model: the raw body is kept
    if response.status_code == 401:
        try:
            response_401 = ApiUnauthorizedErrorResponse.from_dict(response.json())

            return response_401

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # an error answer that does not fit its model: the raw body is kept
    if response.status_code == 403:
        try:
            response_403 = ApiForbiddenErrorResponse.from_dict(response.json())

            return response_403

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # an error answer that does not fit its model: the raw body is kept
    if response.status_code == 404:
        try:
            response_404 = ApiNotFoundErrorResponse.from_dict(response.json())

            return response_404

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # an error answer that does not fit its model: the raw body is kept
    if response.status_code == 420:
        try:
            response_420 = ApiLimitErrorResponse.from_dict(response.json())

            return response_420

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # an error answer that does not fit its model: the raw body is kept
    if response.status_code == 500:
        try:
            response_500 = ApiServerErrorResponse.from_dict(response.json())

            return response_500

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # an error answer that does not fit its model: the raw body is kept
    return None


def sync_detailed(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: GetChatsRequest | GetChatsRequestDict,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | GetChatsResponse
]:
    """List the chats with buyers.

    Returns the chats with buyers, a page at a time, filtered by the body: pass `{"statuses":
    ["WAITING_FOR_PARTNER"]}` for the chats that wait for the seller's answer, `contexts` to find the
    chat of an order or a return. Every filter is a list of at least one item: leave out a filter you do
    not need — an empty list is refused (the client never sends `[]`). `{}` returns all chats.

    Paging: the cursor is the query parameter `pageToken`; the filters stay in the body, sent unchanged
    with every page. The order of the chats is not documented.

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit: 5,000
    requests per hour (each page is one request).

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a GetChatsRequest or a dict of the same shape, with these fields.
            orderIds: Market order ids. Deprecated — use `contexts`. (Not empty: leave it out rather
                than pass []; no repeats; each at least 1.)
            contexts: The orders or returns whose chats to return. (Not empty: leave it out rather
                than pass []; no repeats.)
            contextTypes: What the chats are about. (Not empty: leave it out rather than pass []; no
                repeats; each one of ORDER, RETURN, DIRECT.)
            types: The types of the chats. (Not empty: leave it out rather than pass []; no repeats;
                each one of CHAT, ARBITRAGE.)
            statuses: The statuses of the chats. (Not empty: leave it out rather than pass []; no
                repeats; each one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER,
                WAITING_FOR_ARBITER, WAITING_FOR_MARKET, FINISHED.)
        page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
            the first page. (Not empty.)
        limit: How many chats a page holds. (1 to 20; default 10.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response: status, headers and content; `parsed` is the GetChatsResponse of a 2xx answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        page_token=page_token,
        limit=limit,
    )
    response = client.request(_OPERATION, kwargs, business=business_id)
    return _answers.detailed(response, _parse_response(response))


def sync(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: GetChatsRequest | GetChatsRequestDict,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> GetChatsResponse:
    """List the chats with buyers.

    Returns the chats with buyers, a page at a time, filtered by the body: pass `{"statuses":
    ["WAITING_FOR_PARTNER"]}` for the chats that wait for the seller's answer, `contexts` to find the
    chat of an order or a return. Every filter is a list of at least one item: leave out a filter you do
    not need — an empty list is refused (the client never sends `[]`). `{}` returns all chats.

    Paging: the cursor is the query parameter `pageToken`; the filters stay in the body, sent unchanged
    with every page. The order of the chats is not documented.

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit: 5,000
    requests per hour (each page is one request).

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a GetChatsRequest or a dict of the same shape, with these fields.
            orderIds: Market order ids. Deprecated — use `contexts`. (Not empty: leave it out rather
                than pass []; no repeats; each at least 1.)
            contexts: The orders or returns whose chats to return. (Not empty: leave it out rather
                than pass []; no repeats.)
            contextTypes: What the chats are about. (Not empty: leave it out rather than pass []; no
                repeats; each one of ORDER, RETURN, DIRECT.)
            types: The types of the chats. (Not empty: leave it out rather than pass []; no repeats;
                each one of CHAT, ARBITRAGE.)
            statuses: The statuses of the chats. (Not empty: leave it out rather than pass []; no
                repeats; each one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER,
                WAITING_FOR_ARBITER, WAITING_FOR_MARKET, FINISHED.)
        page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
            the first page. (Not empty.)
        limit: How many chats a page holds. (1 to 20; default 10.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIStatusError: The service answered with a non-2xx status (a subclass per family).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        GetChatsResponse: the parsed 200 answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        page_token=page_token,
        limit=limit,
    )
    response = _answers.successful(
        _OPERATION, client.request(_OPERATION, kwargs, business=business_id)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatsResponse
    )


def sync_page(
    kwargs: dict[str, Any], business: object, *, client: AuthenticatedClient
) -> GetChatsResponse:
    """sync() of one page of a listing, its request already built (`pagination.Requests`)."""
    response = _answers.successful(
        _OPERATION, client.request(_OPERATION, kwargs, business=business)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatsResponse
    )


async def asyncio_detailed(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: GetChatsRequest | GetChatsRequestDict,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | GetChatsResponse
]:
    """List the chats with buyers.

    Returns the chats with buyers, a page at a time, filtered by the body: pass `{"statuses":
    ["WAITING_FOR_PARTNER"]}` for the chats that wait for the seller's answer, `contexts` to find the
    chat of an order or a return. Every filter is a list of at least one item: leave out a filter you do
    not need — an empty list is refused (the client never sends `[]`). `{}` returns all chats.

    Paging: the cursor is the query parameter `pageToken`; the filters stay in the body, sent unchanged
    with every page. The order of the chats is not documented.

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit: 5,000
    requests per hour (each page is one request).

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a GetChatsRequest or a dict of the same shape, with these fields.
            orderIds: Market order ids. Deprecated — use `contexts`. (Not empty: leave it out rather
                than pass []; no repeats; each at least 1.)
            contexts: The orders or returns whose chats to return. (Not empty: leave it out rather
                than pass []; no repeats.)
            contextTypes: What the chats are about. (Not empty: leave it out rather than pass []; no
                repeats; each one of ORDER, RETURN, DIRECT.)
            types: The types of the chats. (Not empty: leave it out rather than pass []; no repeats;
                each one of CHAT, ARBITRAGE.)
            statuses: The statuses of the chats. (Not empty: leave it out rather than pass []; no
                repeats; each one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER,
                WAITING_FOR_ARBITER, WAITING_FOR_MARKET, FINISHED.)
        page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
            the first page. (Not empty.)
        limit: How many chats a page holds. (1 to 20; default 10.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response: status, headers and content; `parsed` is the GetChatsResponse of a 2xx answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        page_token=page_token,
        limit=limit,
    )
    response = await client.arequest(_OPERATION, kwargs, business=business_id)
    return _answers.detailed(response, _parse_response(response))


async def asyncio(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: GetChatsRequest | GetChatsRequestDict,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> GetChatsResponse:
    """List the chats with buyers.

    Returns the chats with buyers, a page at a time, filtered by the body: pass `{"statuses":
    ["WAITING_FOR_PARTNER"]}` for the chats that wait for the seller's answer, `contexts` to find the
    chat of an order or a return. Every filter is a list of at least one item: leave out a filter you do
    not need — an empty list is refused (the client never sends `[]`). `{}` returns all chats.

    Paging: the cursor is the query parameter `pageToken`; the filters stay in the body, sent unchanged
    with every page. The order of the chats is not documented.

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit: 5,000
    requests per hour (each page is one request).

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a GetChatsRequest or a dict of the same shape, with these fields.
            orderIds: Market order ids. Deprecated — use `contexts`. (Not empty: leave it out rather
                than pass []; no repeats; each at least 1.)
            contexts: The orders or returns whose chats to return. (Not empty: leave it out rather
                than pass []; no repeats.)
            contextTypes: What the chats are about. (Not empty: leave it out rather than pass []; no
                repeats; each one of ORDER, RETURN, DIRECT.)
            types: The types of the chats. (Not empty: leave it out rather than pass []; no repeats;
                each one of CHAT, ARBITRAGE.)
            statuses: The statuses of the chats. (Not empty: leave it out rather than pass []; no
                repeats; each one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER,
                WAITING_FOR_ARBITER, WAITING_FOR_MARKET, FINISHED.)
        page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
            the first page. (Not empty.)
        limit: How many chats a page holds. (1 to 20; default 10.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIStatusError: The service answered with a non-2xx status (a subclass per family).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        GetChatsResponse: the parsed 200 answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        page_token=page_token,
        limit=limit,
    )
    response = _answers.successful(
        _OPERATION, await client.arequest(_OPERATION, kwargs, business=business_id)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatsResponse
    )


async def asyncio_page(
    kwargs: dict[str, Any], business: object, *, client: AuthenticatedClient
) -> GetChatsResponse:
    """asyncio() of one page of a listing, its request already built (`pagination.Requests`)."""
    response = _answers.successful(
        _OPERATION, await client.arequest(_OPERATION, kwargs, business=business)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatsResponse
    )

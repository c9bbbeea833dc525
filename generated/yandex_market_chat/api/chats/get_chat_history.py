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
from ...models.get_chat_history_request import GetChatHistoryRequest
from ...models.get_chat_history_response import GetChatHistoryResponse
from ...typed_dicts import GetChatHistoryRequestDict
from ...types import UNSET, Response, Unset

_OPERATION = _request.Operation(
    "getChatHistory",
    "get_chat_history",
    idempotent=True,
    validate=_validators.get_chat_history,
    param_names={
        "business_id": "businessId",
        "chat_id": "chatId",
        "page_token": "pageToken",
    },
    body_names={"messageIdFrom": "message_id_from"},
    hourly_limit=10000,
    next_token=(
        (
            "result",
            "paging",
            "next_page_token",
        ),
        "result.paging.nextPageToken",
    ),
    cursor=("page_token", "pageToken", _validators.get_chat_history_cursor, ("limit",)),
)


def _get_kwargs(
    business_id: int,
    *,
    body: GetChatHistoryRequest | GetChatHistoryRequestDict,
    chat_id: int,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:
    _args = _arguments.arguments(
        {
            "business_id": business_id,
            "chat_id": chat_id,
            "page_token": page_token,
            "limit": limit,
            "body": body,
        }
    )
    _request.check(_OPERATION, _args)
    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/businesses/{businessId}/chats/history".format(
            businessId=quote(str(_args["business_id"]), safe=""),
        ),
        "params": _arguments.pick(
            _args,
            {
                "chatId": "chat_id",
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
    | GetChatHistoryResponse
    | None
):
    if response.status_code == 200:
        try:
            response_200 = GetChatHistoryResponse.from_dict(response.json())

            return response_200

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise _answers.invalid_answer(
                _OPERATION, response, "GetChatHistoryResponse", exc
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
    body: GetChatHistoryRequest | GetChatHistoryRequestDict,
    chat_id: int,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | GetChatHistoryResponse
]:
    """Read the messages of a chat.

    Returns the messages of a chat, a page at a time. `messageIdFrom` in the body asks for the messages
    starting from that message id; the documentation does not say whether that message itself is
    included, in which order messages come, or how `messageIdFrom` combines with `pageToken` — this
    client's `after_message_id` argument sends `messageIdFrom`, yields only the messages whose
    `messageId` is greater, and de-duplicates messages by `messageId` across pages.

    Paging: the cursor is the query parameter `pageToken`; `chatId` and the body are sent unchanged with
    every page.

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
    10,000 requests per hour (each page is one request).

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a GetChatHistoryRequest or a dict of the same shape, with these
            fields.
            messageIdFrom: Return the messages starting from this message id. Whether that message
                itself is returned is not documented. (At least 1.)
        chat_id: The chat id. (At least 1.)
        page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
            the first page. (Not empty.)
        limit: How many messages a page holds. (1 to 100; default 50.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response: status, headers and content; `parsed` is the GetChatHistoryResponse of a 2xx answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        chat_id=chat_id,
        page_token=page_token,
        limit=limit,
    )
    response = client.request(_OPERATION, kwargs, business=business_id)
    return _answers.detailed(response, _parse_response(response))


def sync(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: GetChatHistoryRequest | GetChatHistoryRequestDict,
    chat_id: int,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> GetChatHistoryResponse:
    """Read the messages of a chat.

    Returns the messages of a chat, a page at a time. `messageIdFrom` in the body asks for the messages
    starting from that message id; the documentation does not say whether that message itself is
    included, in which order messages come, or how `messageIdFrom` combines with `pageToken` — this
    client's `after_message_id` argument sends `messageIdFrom`, yields only the messages whose
    `messageId` is greater, and de-duplicates messages by `messageId` across pages.

    Paging: the cursor is the query parameter `pageToken`; `chatId` and the body are sent unchanged with
    every page.

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
    10,000 requests per hour (each page is one request).

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a GetChatHistoryRequest or a dict of the same shape, with these
            fields.
            messageIdFrom: Return the messages starting from this message id. Whether that message
                itself is returned is not documented. (At least 1.)
        chat_id: The chat id. (At least 1.)
        page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
            the first page. (Not empty.)
        limit: How many messages a page holds. (1 to 100; default 50.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIStatusError: The service answered with a non-2xx status (a subclass per family).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        GetChatHistoryResponse: the parsed 200 answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        chat_id=chat_id,
        page_token=page_token,
        limit=limit,
    )
    response = _answers.successful(
        _OPERATION, client.request(_OPERATION, kwargs, business=business_id)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatHistoryResponse
    )


def sync_page(
    kwargs: dict[str, Any], business: object, *, client: AuthenticatedClient
) -> GetChatHistoryResponse:
    """sync() of one page of a listing, its request already built (`pagination.Requests`)."""
    response = _answers.successful(
        _OPERATION, client.request(_OPERATION, kwargs, business=business)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatHistoryResponse
    )


async def asyncio_detailed(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: GetChatHistoryRequest | GetChatHistoryRequestDict,
    chat_id: int,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | GetChatHistoryResponse
]:
    """Read the messages of a chat.

    Returns the messages of a chat, a page at a time. `messageIdFrom` in the body asks for the messages
    starting from that message id; the documentation does not say whether that message itself is
    included, in which order messages come, or how `messageIdFrom` combines with `pageToken` — this
    client's `after_message_id` argument sends `messageIdFrom`, yields only the messages whose
    `messageId` is greater, and de-duplicates messages by `messageId` across pages.

    Paging: the cursor is the query parameter `pageToken`; `chatId` and the body are sent unchanged with
    every page.

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
    10,000 requests per hour (each page is one request).

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a GetChatHistoryRequest or a dict of the same shape, with these
            fields.
            messageIdFrom: Return the messages starting from this message id. Whether that message
                itself is returned is not documented. (At least 1.)
        chat_id: The chat id. (At least 1.)
        page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
            the first page. (Not empty.)
        limit: How many messages a page holds. (1 to 100; default 50.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response: status, headers and content; `parsed` is the GetChatHistoryResponse of a 2xx answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        chat_id=chat_id,
        page_token=page_token,
        limit=limit,
    )
    response = await client.arequest(_OPERATION, kwargs, business=business_id)
    return _answers.detailed(response, _parse_response(response))


async def asyncio(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: GetChatHistoryRequest | GetChatHistoryRequestDict,
    chat_id: int,
    page_token: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> GetChatHistoryResponse:
    """Read the messages of a chat.

    Returns the messages of a chat, a page at a time. `messageIdFrom` in the body asks for the messages
    starting from that message id; the documentation does not say whether that message itself is
    included, in which order messages come, or how `messageIdFrom` combines with `pageToken` — this
    client's `after_message_id` argument sends `messageIdFrom`, yields only the messages whose
    `messageId` is greater, and de-duplicates messages by `messageId` across pages.

    Paging: the cursor is the query parameter `pageToken`; `chatId` and the body are sent unchanged with
    every page.

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
    10,000 requests per hour (each page is one request).

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a GetChatHistoryRequest or a dict of the same shape, with these
            fields.
            messageIdFrom: Return the messages starting from this message id. Whether that message
                itself is returned is not documented. (At least 1.)
        chat_id: The chat id. (At least 1.)
        page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
            the first page. (Not empty.)
        limit: How many messages a page holds. (1 to 100; default 50.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIStatusError: The service answered with a non-2xx status (a subclass per family).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        GetChatHistoryResponse: the parsed 200 answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        chat_id=chat_id,
        page_token=page_token,
        limit=limit,
    )
    response = _answers.successful(
        _OPERATION, await client.arequest(_OPERATION, kwargs, business=business_id)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatHistoryResponse
    )


async def asyncio_page(
    kwargs: dict[str, Any], business: object, *, client: AuthenticatedClient
) -> GetChatHistoryResponse:
    """asyncio() of one page of a listing, its request already built (`pagination.Requests`)."""
    response = _answers.successful(
        _OPERATION, await client.arequest(_OPERATION, kwargs, business=business)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatHistoryResponse
    )

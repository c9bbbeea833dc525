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
from ...models.get_chat_message_response import GetChatMessageResponse
from ...types import Response

_OPERATION = _request.Operation(
    "getChatMessage",
    "get_chat_message",
    idempotent=True,
    validate=_validators.get_chat_message,
    param_names={
        "business_id": "businessId",
        "chat_id": "chatId",
        "message_id": "messageId",
    },
    hourly_limit=1000,
)


def _get_kwargs(
    business_id: int,
    *,
    chat_id: int,
    message_id: int,
) -> dict[str, Any]:
    _args = _arguments.arguments(
        {
            "business_id": business_id,
            "chat_id": chat_id,
            "message_id": message_id,
        }
    )
    _request.check(_OPERATION, _args)
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/businesses/{businessId}/chats/message".format(
            businessId=quote(str(_args["business_id"]), safe=""),
        ),
        "params": _arguments.pick(
            _args,
            {
                "chatId": "chat_id",
                "messageId": "message_id",
            },
        ),
    }
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
    | GetChatMessageResponse
    | None
):
    if response.status_code == 200:
        try:
            response_200 = GetChatMessageResponse.from_dict(response.json())

            return response_200

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise _answers.invalid_answer(
                _OPERATION, response, "GetChatMessageResponse", exc
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
    chat_id: int,
    message_id: int,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | GetChatMessageResponse
]:
    """Get one message of a chat by its id.

    Returns one message of a chat: its text or files, who sent it and when. Use it on a
    `CHAT_MESSAGE_SENT` notification, which carries the chat id and the message id (as a string there:
    pass it as an integer here). The path is shared with sendMessageToChat (POST).

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit: 1,000
    requests per hour.

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        chat_id: The chat id. (At least 1.)
        message_id: The message id. (At least 1.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response: status, headers and content; `parsed` is the GetChatMessageResponse of a 2xx answer.
    """
    kwargs = _get_kwargs(
        business_id,
        chat_id=chat_id,
        message_id=message_id,
    )
    response = client.request(_OPERATION, kwargs, business=business_id)
    return _answers.detailed(response, _parse_response(response))


def sync(
    business_id: int,
    *,
    client: AuthenticatedClient,
    chat_id: int,
    message_id: int,
) -> GetChatMessageResponse:
    """Get one message of a chat by its id.

    Returns one message of a chat: its text or files, who sent it and when. Use it on a
    `CHAT_MESSAGE_SENT` notification, which carries the chat id and the message id (as a string there:
    pass it as an integer here). The path is shared with sendMessageToChat (POST).

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit: 1,000
    requests per hour.

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        chat_id: The chat id. (At least 1.)
        message_id: The message id. (At least 1.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIStatusError: The service answered with a non-2xx status (a subclass per family).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        GetChatMessageResponse: the parsed 200 answer.
    """
    kwargs = _get_kwargs(
        business_id,
        chat_id=chat_id,
        message_id=message_id,
    )
    response = _answers.successful(
        _OPERATION, client.request(_OPERATION, kwargs, business=business_id)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatMessageResponse
    )


async def asyncio_detailed(
    business_id: int,
    *,
    client: AuthenticatedClient,
    chat_id: int,
    message_id: int,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | GetChatMessageResponse
]:
    """Get one message of a chat by its id.

    Returns one message of a chat: its text or files, who sent it and when. Use it on a
    `CHAT_MESSAGE_SENT` notification, which carries the chat id and the message id (as a string there:
    pass it as an integer here). The path is shared with sendMessageToChat (POST).

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit: 1,000
    requests per hour.

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        chat_id: The chat id. (At least 1.)
        message_id: The message id. (At least 1.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response: status, headers and content; `parsed` is the GetChatMessageResponse of a 2xx answer.
    """
    kwargs = _get_kwargs(
        business_id,
        chat_id=chat_id,
        message_id=message_id,
    )
    response = await client.arequest(_OPERATION, kwargs, business=business_id)
    return _answers.detailed(response, _parse_response(response))


async def asyncio(
    business_id: int,
    *,
    client: AuthenticatedClient,
    chat_id: int,
    message_id: int,
) -> GetChatMessageResponse:
    """Get one message of a chat by its id.

    Returns one message of a chat: its text or files, who sent it and when. Use it on a
    `CHAT_MESSAGE_SENT` notification, which carries the chat id and the message id (as a string there:
    pass it as an integer here). The path is shared with sendMessageToChat (POST).

    Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit: 1,000
    requests per hour.

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        chat_id: The chat id. (At least 1.)
        message_id: The message id. (At least 1.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIStatusError: The service answered with a non-2xx status (a subclass per family).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        GetChatMessageResponse: the parsed 200 answer.
    """
    kwargs = _get_kwargs(
        business_id,
        chat_id=chat_id,
        message_id=message_id,
    )
    response = _answers.successful(
        _OPERATION, await client.arequest(_OPERATION, kwargs, business=business_id)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), GetChatMessageResponse
    )

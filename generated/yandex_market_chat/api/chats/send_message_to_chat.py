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
from ...models.empty_api_response import EmptyApiResponse
from ...models.send_message_to_chat_request import SendMessageToChatRequest
from ...typed_dicts import SendMessageToChatRequestDict
from ...types import Response

_OPERATION = _request.Operation(
    "sendMessageToChat",
    "send_message_to_chat",
    idempotent=False,
    validate=_validators.send_message_to_chat,
    param_names={"business_id": "businessId", "chat_id": "chatId"},
    hourly_limit=1000,
)


def _get_kwargs(
    business_id: int,
    *,
    body: SendMessageToChatRequest | SendMessageToChatRequestDict,
    chat_id: int,
) -> dict[str, Any]:
    _args = _arguments.arguments(
        {
            "business_id": business_id,
            "chat_id": chat_id,
            "body": body,
        }
    )
    _request.check(_OPERATION, _args)
    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/businesses/{businessId}/chats/message".format(
            businessId=quote(str(_args["business_id"]), safe=""),
        ),
        "params": _arguments.pick(
            _args,
            {
                "chatId": "chat_id",
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
    | EmptyApiResponse
    | None
):
    if response.status_code == 200:
        try:
            response_200 = EmptyApiResponse.from_dict(response.json())

            return response_200

        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise _answers.invalid_answer(
                _OPERATION, response, "EmptyApiResponse", exc
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
    body: SendMessageToChatRequest | SendMessageToChatRequestDict,
    chat_id: int,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | EmptyApiResponse
]:
    """Send a text message to a chat with a buyer.

    Posts a message to a chat with a buyer. The API has no idempotency key: after a server error or a
    read timeout the message may already be in the chat, and sending it again can post it twice.

    Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a SendMessageToChatRequest or a dict of the same shape, with these
            fields.
            message: The text of the message: 1 to 4,096 characters, not all of them whitespace. The
                service counts characters as Java does, in UTF-16 code units: a character outside the
                Basic Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code units;
                matching '\\S'.)
        chat_id: The chat id. (At least 1.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response: status, headers and content; `parsed` is the EmptyApiResponse of a 2xx answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        chat_id=chat_id,
    )
    response = client.request(_OPERATION, kwargs, business=business_id)
    return _answers.detailed(response, _parse_response(response))


def sync(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: SendMessageToChatRequest | SendMessageToChatRequestDict,
    chat_id: int,
) -> EmptyApiResponse:
    """Send a text message to a chat with a buyer.

    Posts a message to a chat with a buyer. The API has no idempotency key: after a server error or a
    read timeout the message may already be in the chat, and sending it again can post it twice.

    Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a SendMessageToChatRequest or a dict of the same shape, with these
            fields.
            message: The text of the message: 1 to 4,096 characters, not all of them whitespace. The
                service counts characters as Java does, in UTF-16 code units: a character outside the
                Basic Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code units;
                matching '\\S'.)
        chat_id: The chat id. (At least 1.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIStatusError: The service answered with a non-2xx status (a subclass per family).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        EmptyApiResponse: the parsed 200 answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        chat_id=chat_id,
    )
    response = _answers.successful(
        _OPERATION, client.request(_OPERATION, kwargs, business=business_id)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), EmptyApiResponse
    )


async def asyncio_detailed(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: SendMessageToChatRequest | SendMessageToChatRequestDict,
    chat_id: int,
) -> Response[
    ApiClientDataErrorResponse
    | ApiForbiddenErrorResponse
    | ApiLimitErrorResponse
    | ApiNotFoundErrorResponse
    | ApiServerErrorResponse
    | ApiUnauthorizedErrorResponse
    | EmptyApiResponse
]:
    """Send a text message to a chat with a buyer.

    Posts a message to a chat with a buyer. The API has no idempotency key: after a server error or a
    read timeout the message may already be in the chat, and sending it again can post it twice.

    Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a SendMessageToChatRequest or a dict of the same shape, with these
            fields.
            message: The text of the message: 1 to 4,096 characters, not all of them whitespace. The
                service counts characters as Java does, in UTF-16 code units: a character outside the
                Basic Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code units;
                matching '\\S'.)
        chat_id: The chat id. (At least 1.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response: status, headers and content; `parsed` is the EmptyApiResponse of a 2xx answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        chat_id=chat_id,
    )
    response = await client.arequest(_OPERATION, kwargs, business=business_id)
    return _answers.detailed(response, _parse_response(response))


async def asyncio(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: SendMessageToChatRequest | SendMessageToChatRequestDict,
    chat_id: int,
) -> EmptyApiResponse:
    """Send a text message to a chat with a buyer.

    Posts a message to a chat with a buyer. The API has no idempotency key: after a server error or a
    read timeout the message may already be in the chat, and sending it again can post it twice.

    Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

    Args:
        business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
        client: The AuthenticatedClient to send with.
        body: The request body: a SendMessageToChatRequest or a dict of the same shape, with these
            fields.
            message: The text of the message: 1 to 4,096 characters, not all of them whitespace. The
                service counts characters as Java does, in UTF-16 code units: a character outside the
                Basic Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code units;
                matching '\\S'.)
        chat_id: The chat id. (At least 1.)

    Raises:
        InvalidRequestError: An argument breaks the spec (raised before any I/O).
        APIStatusError: The service answered with a non-2xx status (a subclass per family).
        APIConnectionError: No answer came (APITimeoutError when it timed out).
        ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        EmptyApiResponse: the parsed 200 answer.
    """
    kwargs = _get_kwargs(
        business_id,
        body=body,
        chat_id=chat_id,
    )
    response = _answers.successful(
        _OPERATION, await client.arequest(_OPERATION, kwargs, business=business_id)
    )
    return _answers.success(
        _OPERATION, response, _parse_response(response), EmptyApiResponse
    )

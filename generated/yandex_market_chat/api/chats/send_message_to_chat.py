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
from ...models.empty_api_response import EmptyApiResponse
from ...models.send_message_to_chat_request import SendMessageToChatRequest
from ...types import UNSET, Response


def _get_kwargs(
    business_id: int,
    *,
    body: SendMessageToChatRequest,
    chat_id: int,
) -> dict[str, Any]:
    _rules.check_request(
        "send_message_to_chat",
        {
            "businessId": business_id,
            "chatId": chat_id,
        },
        body,
    )

    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["chatId"] = chat_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/businesses/{business_id}/chats/message".format(
            business_id=quote(str(business_id), safe=""),
        ),
        "params": params,
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
    | EmptyApiResponse
    | None
):
    if response.status_code == 200:
        try:
            response_200 = EmptyApiResponse.from_dict(response.json())

            return response_200

        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise errors.ResponseValidationError(
                f"the 200 body does not fit EmptyApiResponse: {exc!r}",
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
    | EmptyApiResponse
]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response=response),
    )


def _success(response: httpx.Response) -> EmptyApiResponse:
    if not 200 <= response.status_code <= 299:
        idempotent = _rules.OPERATIONS["send_message_to_chat"]["idempotent"]
        raise errors.APIStatusError.from_response(response, idempotent=idempotent)
    parsed = _parse_response(response=response)
    if not isinstance(parsed, EmptyApiResponse):
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
    body: SendMessageToChatRequest,
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

    Posts a message to a chat with a buyer. The API has no idempotency key: after a
    server error or a read timeout the message may already be in the chat, and sending
    it again can post it twice.

    Needs a token with the `communication` or `all-methods` scope.
    Limit: 1,000 requests per hour.

    Args:
        business_id (int):
        chat_id (int):
        body (SendMessageToChatRequest): A text message.

    Raises:
        errors.InvalidRequestError: An argument breaks the spec (raised before any I/O).
        errors.APIConnectionError: No answer came (errors.APITimeoutError when it timed out).
        errors.ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response[ApiClientDataErrorResponse | ApiForbiddenErrorResponse | ApiLimitErrorResponse | ApiNotFoundErrorResponse | ApiServerErrorResponse | ApiUnauthorizedErrorResponse | EmptyApiResponse]: status, headers, content; `parsed` set for 2xx.
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
        chat_id=chat_id,
    )
    response = client.request("send_message_to_chat", kwargs, scope=business_id)
    return _build_response(response=response)


def sync(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: SendMessageToChatRequest,
    chat_id: int,
) -> EmptyApiResponse:
    """Send a text message to a chat with a buyer.

    Posts a message to a chat with a buyer. The API has no idempotency key: after a
    server error or a read timeout the message may already be in the chat, and sending
    it again can post it twice.

    Needs a token with the `communication` or `all-methods` scope.
    Limit: 1,000 requests per hour.

    Args:
        business_id (int):
        chat_id (int):
        body (SendMessageToChatRequest): A text message.

    Raises:
        errors.InvalidRequestError: An argument breaks the spec (raised before any I/O).
        errors.APIStatusError: The service answered with a non-2xx status (a subclass per family).
        errors.APIConnectionError: No answer came (errors.APITimeoutError when it timed out).
        errors.ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        EmptyApiResponse
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
        chat_id=chat_id,
    )
    return _success(client.request("send_message_to_chat", kwargs, scope=business_id))


async def asyncio_detailed(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: SendMessageToChatRequest,
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

    Posts a message to a chat with a buyer. The API has no idempotency key: after a
    server error or a read timeout the message may already be in the chat, and sending
    it again can post it twice.

    Needs a token with the `communication` or `all-methods` scope.
    Limit: 1,000 requests per hour.

    Args:
        business_id (int):
        chat_id (int):
        body (SendMessageToChatRequest): A text message.

    Raises:
        errors.InvalidRequestError: An argument breaks the spec (raised before any I/O).
        errors.APIConnectionError: No answer came (errors.APITimeoutError when it timed out).
        errors.ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        Response[ApiClientDataErrorResponse | ApiForbiddenErrorResponse | ApiLimitErrorResponse | ApiNotFoundErrorResponse | ApiServerErrorResponse | ApiUnauthorizedErrorResponse | EmptyApiResponse]: status, headers, content; `parsed` set for 2xx.
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
        chat_id=chat_id,
    )
    response = await client.arequest("send_message_to_chat", kwargs, scope=business_id)
    return _build_response(response=response)


async def asyncio(
    business_id: int,
    *,
    client: AuthenticatedClient,
    body: SendMessageToChatRequest,
    chat_id: int,
) -> EmptyApiResponse:
    """Send a text message to a chat with a buyer.

    Posts a message to a chat with a buyer. The API has no idempotency key: after a
    server error or a read timeout the message may already be in the chat, and sending
    it again can post it twice.

    Needs a token with the `communication` or `all-methods` scope.
    Limit: 1,000 requests per hour.

    Args:
        business_id (int):
        chat_id (int):
        body (SendMessageToChatRequest): A text message.

    Raises:
        errors.InvalidRequestError: An argument breaks the spec (raised before any I/O).
        errors.APIStatusError: The service answered with a non-2xx status (a subclass per family).
        errors.APIConnectionError: No answer came (errors.APITimeoutError when it timed out).
        errors.ResponseValidationError: A 2xx answer whose body does not fit the spec.

    Returns:
        EmptyApiResponse
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
        chat_id=chat_id,
    )
    return _success(
        await client.arequest("send_message_to_chat", kwargs, scope=business_id)
    )

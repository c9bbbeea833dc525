"""Contains all the data models used in inputs/outputs"""

from .api_client_data_error_response import ApiClientDataErrorResponse
from .api_error_dto import ApiErrorDTO
from .api_error_response import ApiErrorResponse
from .api_forbidden_error_response import ApiForbiddenErrorResponse
from .api_limit_error_response import ApiLimitErrorResponse
from .api_not_found_error_response import ApiNotFoundErrorResponse
from .api_response import ApiResponse
from .api_response_status_type import ApiResponseStatusType
from .api_server_error_response import ApiServerErrorResponse
from .api_unauthorized_error_response import ApiUnauthorizedErrorResponse
from .chat_context_dto import ChatContextDTO
from .chat_context_identifiable_type import ChatContextIdentifiableType
from .create_chat_request import CreateChatRequest
from .create_chat_response import CreateChatResponse
from .create_chat_result_dto import CreateChatResultDTO
from .empty_api_response import EmptyApiResponse
from .send_file_to_chat_request import SendFileToChatRequest
from .send_message_to_chat_request import SendMessageToChatRequest

__all__ = (
    "ApiClientDataErrorResponse",
    "ApiErrorDTO",
    "ApiErrorResponse",
    "ApiForbiddenErrorResponse",
    "ApiLimitErrorResponse",
    "ApiNotFoundErrorResponse",
    "ApiResponse",
    "ApiResponseStatusType",
    "ApiServerErrorResponse",
    "ApiUnauthorizedErrorResponse",
    "ChatContextDTO",
    "ChatContextIdentifiableType",
    "CreateChatRequest",
    "CreateChatResponse",
    "CreateChatResultDTO",
    "EmptyApiResponse",
    "SendFileToChatRequest",
    "SendMessageToChatRequest",
)

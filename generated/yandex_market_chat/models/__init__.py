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
from .chat_context_type import ChatContextType
from .chat_customer_dto import ChatCustomerDTO
from .chat_full_context_dto import ChatFullContextDTO
from .chat_message_dto import ChatMessageDTO
from .chat_message_payload_dto import ChatMessagePayloadDTO
from .chat_message_sender_type import ChatMessageSenderType
from .chat_messages_result_dto import ChatMessagesResultDTO
from .chat_status_type import ChatStatusType
from .chat_type import ChatType
from .create_chat_request import CreateChatRequest
from .create_chat_response import CreateChatResponse
from .create_chat_result_dto import CreateChatResultDTO
from .empty_api_response import EmptyApiResponse
from .get_chat_history_request import GetChatHistoryRequest
from .get_chat_history_response import GetChatHistoryResponse
from .get_chat_info_dto import GetChatInfoDTO
from .get_chat_message_response import GetChatMessageResponse
from .get_chat_response import GetChatResponse
from .get_chats_info_dto import GetChatsInfoDTO
from .get_chats_request import GetChatsRequest
from .get_chats_response import GetChatsResponse
from .packaging_forward_scrolling_pager_dto import PackagingForwardScrollingPagerDTO
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
    "ChatContextType",
    "ChatCustomerDTO",
    "ChatFullContextDTO",
    "ChatMessageDTO",
    "ChatMessagePayloadDTO",
    "ChatMessageSenderType",
    "ChatMessagesResultDTO",
    "ChatStatusType",
    "ChatType",
    "CreateChatRequest",
    "CreateChatResponse",
    "CreateChatResultDTO",
    "EmptyApiResponse",
    "GetChatHistoryRequest",
    "GetChatHistoryResponse",
    "GetChatInfoDTO",
    "GetChatMessageResponse",
    "GetChatResponse",
    "GetChatsInfoDTO",
    "GetChatsRequest",
    "GetChatsResponse",
    "PackagingForwardScrollingPagerDTO",
    "SendFileToChatRequest",
    "SendMessageToChatRequest",
)

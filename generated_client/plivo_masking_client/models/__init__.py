"""Contains all the data models used in inputs/outputs"""

from .create_session_request import CreateSessionRequest
from .create_session_response import CreateSessionResponse
from .error_response import ErrorResponse
from .expire_session_response import ExpireSessionResponse
from .get_session_response import GetSessionResponse
from .http_callback_method import HttpCallbackMethod
from .interaction import Interaction
from .list_meta import ListMeta
from .list_sessions_response import ListSessionsResponse
from .record_file_format import RecordFileFormat
from .session import Session
from .session_list_item import SessionListItem
from .session_page import SessionPage
from .session_status import SessionStatus
from .session_status_filter import SessionStatusFilter
from .success_response import SuccessResponse
from .update_session_request import UpdateSessionRequest
from .update_session_response import UpdateSessionResponse

__all__ = (
    "CreateSessionRequest",
    "CreateSessionResponse",
    "ErrorResponse",
    "ExpireSessionResponse",
    "GetSessionResponse",
    "HttpCallbackMethod",
    "Interaction",
    "ListMeta",
    "ListSessionsResponse",
    "RecordFileFormat",
    "Session",
    "SessionListItem",
    "SessionPage",
    "SessionStatus",
    "SessionStatusFilter",
    "SuccessResponse",
    "UpdateSessionRequest",
    "UpdateSessionResponse",
)

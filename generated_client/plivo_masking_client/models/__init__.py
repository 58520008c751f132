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
from .recording_callback import RecordingCallback
from .recording_callback_event_name import RecordingCallbackEventName
from .session import Session
from .session_list_item import SessionListItem
from .session_page import SessionPage
from .session_status import SessionStatus
from .session_status_callback import SessionStatusCallback
from .session_status_callback_event_name import SessionStatusCallbackEventName
from .session_status_callback_pin_authentication_status import SessionStatusCallbackPinAuthenticationStatus
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
    "RecordingCallback",
    "RecordingCallbackEventName",
    "Session",
    "SessionListItem",
    "SessionPage",
    "SessionStatus",
    "SessionStatusCallback",
    "SessionStatusCallbackEventName",
    "SessionStatusCallbackPinAuthenticationStatus",
    "SessionStatusFilter",
    "SuccessResponse",
    "UpdateSessionRequest",
    "UpdateSessionResponse",
)

from enum import StrEnum


class ChatStatusType(StrEnum):
    FINISHED = "FINISHED"
    NEW = "NEW"
    WAITING_FOR_ARBITER = "WAITING_FOR_ARBITER"
    WAITING_FOR_CUSTOMER = "WAITING_FOR_CUSTOMER"
    WAITING_FOR_MARKET = "WAITING_FOR_MARKET"
    WAITING_FOR_PARTNER = "WAITING_FOR_PARTNER"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ChatStatusType | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

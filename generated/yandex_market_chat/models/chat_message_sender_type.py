from enum import StrEnum


class ChatMessageSenderType(StrEnum):
    CUSTOMER = "CUSTOMER"
    MARKET = "MARKET"
    PARTNER = "PARTNER"
    SUPPORT = "SUPPORT"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ChatMessageSenderType | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

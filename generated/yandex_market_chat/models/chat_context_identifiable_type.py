from enum import StrEnum


class ChatContextIdentifiableType(StrEnum):
    ORDER = "ORDER"
    RETURN = "RETURN"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ChatContextIdentifiableType | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

from enum import StrEnum


class ChatContextType(StrEnum):
    DIRECT = "DIRECT"
    ORDER = "ORDER"
    RETURN = "RETURN"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ChatContextType | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

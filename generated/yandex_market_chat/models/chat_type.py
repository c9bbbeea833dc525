from enum import StrEnum


class ChatType(StrEnum):
    ARBITRAGE = "ARBITRAGE"
    CHAT = "CHAT"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ChatType | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

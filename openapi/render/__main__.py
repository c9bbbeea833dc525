"""`python -m yandex_market_chat`: the command line (see yandex_market_chat.cli)."""

from ._spec import OPERATIONS
from .cli import run
from .client import YandexMarketChat, __version__
from .notifications import PAYLOAD_FIELDS


def main() -> None:
    raise SystemExit(run(OPERATIONS, YandexMarketChat, notifications=PAYLOAD_FIELDS, version=__version__))


if __name__ == "__main__":
    main()

"""A 5 MB sendFileToChat upload: time, and extra peak memory, vs bare httpx posting the same multipart.

Time is measured in the benchmark's own process, the contenders interleaved round by round.
Memory is measured in a fresh interpreter per contender and repetition (`python bench_upload.py
memory CONTENDER BASE_URL` prints JSON): the client is set up and sends one small file first (so
imports and connections are made), then the 5 MB upload runs under tracemalloc; the extra peak is
the highest traced memory during the upload minus what was traced before it. The payload itself
exists before the measurement starts, so it is not counted: what is counted is every copy made of
it on the way to the socket. The growth of the process's peak RSS over the same upload is
reported too (it also sees memory that tracemalloc does not, such as C buffers).
"""

from __future__ import annotations

import gc
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from bench_util import BUSINESS_ID, CHAT_ID, FAKE_KEY, HERE, median
from yandex_market_chat import AuthenticatedClient, File, YandexMarketChat
from yandex_market_chat.api.chats import send_file_to_chat
from yandex_market_chat.models.send_file_to_chat_request import SendFileToChatRequest

FILE_BYTES = 5_000_000
"""5 MB: under both readings of the API's "5 MB" limit (and ya-market-api's 5,000,000)."""
FILE_NAME = "invoice.bin"
MIME = "application/octet-stream"
FILE_PATH = f"/v2/businesses/{BUSINESS_ID}/chats/file/send"

Upload = Callable[[bytes], object]

BARE = "httpx.Client multipart (floor)"
MODULE = "yandex_market_chat: send_file_to_chat.sync()"
OBJECT = "yandex_market_chat: YandexMarketChat"
OTHER = "ya-market-api 3.0.0 (requests)"


def payload(size: int = FILE_BYTES) -> bytes:
    """Random bytes, made in one allocation (no temporary copy to raise the peak RSS before the
    measurement starts)."""
    return os.urandom(size)


class Contenders:
    """The upload functions, each with its own connection pool to `base_url`."""

    def __init__(self, base_url: str) -> None:
        self.url = base_url + FILE_PATH
        self.bare = httpx.Client(headers={"Api-Key": FAKE_KEY})
        self.low = AuthenticatedClient(token=FAKE_KEY, base_url=base_url, max_retries=0)
        self.chat = YandexMarketChat(
            api_key=FAKE_KEY, business_id=BUSINESS_ID, base_url=base_url, max_retries=0
        )
        self.other: Any = None
        try:
            from ya_market_api.sync_api import SyncAPI

            self.other = SyncAPI.build(FAKE_KEY, base_url=base_url, business_id=BUSINESS_ID)
        except ImportError:
            pass

    def uploads(self) -> dict[str, Upload]:
        found: dict[str, Upload] = {
            BARE: self.bare_upload,
            MODULE: self.module_upload,
            OBJECT: self.object_upload,
        }
        if self.other is not None:
            found[OTHER] = self.other_upload
        return found

    def bare_upload(self, data: bytes) -> object:
        response = self.bare.post(
            self.url, params={"chatId": CHAT_ID}, files={"file": (FILE_NAME, data, MIME)}
        )
        response.raise_for_status()
        return response.json()

    def module_upload(self, data: bytes) -> object:
        body = SendFileToChatRequest(file=File(payload=data, file_name=FILE_NAME, mime_type=MIME))
        return send_file_to_chat.sync(BUSINESS_ID, client=self.low, body=body, chat_id=CHAT_ID)

    def object_upload(self, data: bytes) -> object:
        return self.chat.send_file_to_chat(chat_id=CHAT_ID, file=data, file_name=FILE_NAME)

    def other_upload(self, data: bytes) -> object:
        from ya_market_api.chat.dataclass import ChatMessageCreateFileRequest

        return self.other.chat.create_chat_message_file(
            ChatMessageCreateFileRequest(chat_id=CHAT_ID, file=data)
        )

    def close(self) -> None:
        self.bare.close()
        self.low.close()
        self.chat.close()
        if self.other is not None:
            self.other.config.session.close()


@dataclass
class TimeResult:
    name: str
    seconds: float
    ratio: float


def time_uploads(base_url: str, rounds: int) -> list[TimeResult]:
    contenders = Contenders(base_url)
    uploads = contenders.uploads()
    names = list(uploads)
    data = payload()
    try:
        for upload in uploads.values():
            upload(data)
        per_round: list[dict[str, float]] = []
        for index in range(rounds):
            shift = index % len(names)
            timings: dict[str, float] = {}
            for name in names[shift:] + names[:shift]:
                started = time.perf_counter()
                uploads[name](data)
                timings[name] = time.perf_counter() - started
            per_round.append(timings)
    finally:
        contenders.close()
    return [
        TimeResult(
            name,
            median([timings[name] for timings in per_round]),
            median([timings[name] / timings[BARE] for timings in per_round]),
        )
        for name in names
    ]


@dataclass
class MemoryResult:
    name: str
    traced: int
    """Median extra peak bytes seen by tracemalloc."""
    rss: int
    """Median growth of peak RSS, bytes."""


def memory_of(name: str, base_url: str) -> dict[str, int]:
    """In a fresh interpreter: the extra memory one upload by `name` needs."""
    output = subprocess.run(
        [sys.executable, str(HERE / "bench_upload.py"), "memory", name, base_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    result: dict[str, int] = json.loads(output)
    return result


def memory_uploads(base_url: str, names: list[str], repeats: int) -> list[MemoryResult]:
    samples: dict[str, list[dict[str, int]]] = {name: [] for name in names}
    for _ in range(repeats):
        for name in names:
            samples[name].append(memory_of(name, base_url))
    return [
        MemoryResult(
            name,
            int(median([sample["traced"] for sample in samples[name]])),
            int(median([sample["rss"] for sample in samples[name]])),
        )
        for name in names
    ]


def measure_memory_here(name: str, base_url: str) -> dict[str, int]:
    """The child's side of memory_of()."""
    contenders = Contenders(base_url)
    upload = contenders.uploads()[name]
    upload(payload(4096))  # imports, connection, first-use caches
    data = payload()
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    traced_before, _ = tracemalloc.get_traced_memory()
    upload(data)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    contenders.close()
    return {"traced": traced_peak - traced_before, "rss": (rss_after - rss_before) * 1024}


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "memory":
        sys.exit("usage: bench_upload.py memory CONTENDER BASE_URL")
    print(json.dumps(measure_memory_here(sys.argv[2], sys.argv[3])))

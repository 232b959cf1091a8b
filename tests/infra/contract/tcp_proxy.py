"""A TCP proxy for tests that can cut the connections running through it."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Self


class CuttingProxy:
    """Forwards 127.0.0.1:<port> to a server; ``drop_next`` cuts the next connection that
    sends anything, before what it sent reaches the server."""

    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self._server: asyncio.Server | None = None
        self._pipes: set[asyncio.Task[None]] = set()
        self._drops = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self.cut = 0
        self.port = 0

    async def __aenter__(self) -> Self:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._pipes):
            task.cancel()
        await asyncio.gather(*self._pipes, return_exceptions=True)

    def drop_next(self, count: int = 1) -> None:
        self._drops += count

    def cut_all(self) -> None:
        """Close every connection running through the proxy now (new ones still pass)."""
        for writer in list(self._writers):
            writer.close()
        self.cut += len(self._writers) // 2
        self._writers.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self._target)
        pair = (writer, up_writer)
        self._writers.update(pair)
        pipes = [
            asyncio.create_task(self._pipe(reader, up_writer, pair, upstream=True)),
            asyncio.create_task(self._pipe(up_reader, writer, pair, upstream=False)),
        ]
        self._pipes.update(pipes)
        for task in pipes:
            task.add_done_callback(self._pipes.discard)

    async def _pipe(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        pair: tuple[asyncio.StreamWriter, asyncio.StreamWriter],
        *,
        upstream: bool,
    ) -> None:
        try:
            while data := await reader.read(65536):
                if upstream and self._drops > 0:
                    self._drops -= 1
                    self.cut += 1
                    break
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            for side in pair:
                side.close()
                with contextlib.suppress(Exception):
                    await side.wait_closed()

"""The threaded server's listening socket."""

from __future__ import annotations

import asyncio
import socket

from plivo_masking_mock.server import bind


def test_accepted_connections_get_nagle_switched_off_by_asyncio() -> None:
    """asyncio sets TCP_NODELAY only on sockets created with IPPROTO_TCP (benchmarks found
    ~40 ms per response on a reused connection under asyncio's loop without it)."""

    async def nodelay_of_accepted_connection() -> int:
        listener = bind("127.0.0.1", 0)
        port = listener.getsockname()[1]
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def on_connect(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            conn = writer.get_extra_info("socket")
            accepted.set_result(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listener)
        async with server:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            value = await asyncio.wait_for(accepted, timeout=5)
            writer.close()
        return value

    assert asyncio.run(nodelay_of_accepted_connection()) != 0

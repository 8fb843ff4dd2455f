"""Put on PYTHONPATH by the test suite: any attempt to reach the network fails.

Each attempt is also appended to the file named by TRANSLATOR_TEST_NETWORK_LOG, so a
test can assert that none was made even where the code swallows the error.
"""

import os
import socket


def _blocked(what):
    def refuse(*args, **kwargs):
        log = os.environ.get("TRANSLATOR_TEST_NETWORK_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as stream:
                stream.write(f"{what} {args[:2]!r}\n")
        raise OSError(f"network access blocked by the test suite ({what})")

    return refuse


_connect = socket.socket.connect


def _connect_unless_local(self, address):
    if self.family == socket.AF_UNIX:
        return _connect(self, address)
    return _blocked("connect")(self, address)


socket.getaddrinfo = _blocked("getaddrinfo")
socket.create_connection = _blocked("create_connection")
socket.socket.connect = _connect_unless_local

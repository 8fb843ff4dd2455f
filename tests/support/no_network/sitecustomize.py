"""Put on PYTHONPATH by the test suite: any attempt to reach the network fails.

Only this machine is reachable (loopback: where the tests' stand-in servers listen).
Each refused attempt is also appended to the file named by TRANSLATOR_TEST_NETWORK_LOG,
so a test can assert that none was made even where the code swallows the error.
"""

import ipaddress
import os
import socket

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _is_local(host) -> bool:
    if host is None:
        return True
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse(what, target):
    log = os.environ.get("TRANSLATOR_TEST_NETWORK_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(f"{what} {target!r}\n")
    raise OSError(f"network access blocked by the test suite ({what} {target!r})")


_getaddrinfo = socket.getaddrinfo
_gethostbyname = socket.gethostbyname
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _guarded_getaddrinfo(host, *args, **kwargs):
    return _getaddrinfo(host, *args, **kwargs) if _is_local(host) else _refuse("getaddrinfo", host)


def _guarded_gethostbyname(host):
    return _gethostbyname(host) if _is_local(host) else _refuse("gethostbyname", host)


def _guarded(real):
    def connect(self, address):
        if self.family == socket.AF_UNIX or _is_local(address[0]):
            return real(self, address)
        return _refuse("connect", address)

    return connect


socket.getaddrinfo = _guarded_getaddrinfo
socket.gethostbyname = _guarded_gethostbyname
socket.socket.connect = _guarded(_connect)
socket.socket.connect_ex = _guarded(_connect_ex)

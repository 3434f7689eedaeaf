"""A private PC/SC stack with a virtual My Number card, for the tests and ``kakanai bench
counter``: a real ``pcscd`` (Debian's package) started in the foreground with a private
``reader.conf`` that loads the ``vsmartcard-vpcd`` reader driver on a free TCP port, and a
virtual card (:class:`VirtualMyNumberCard`) that connects to that port as vpcd's card side.

pcscd 1.9.9 does not read ``PCSCLITE_CSOCK_NAME`` (only the client library does), so the lab
hands pcscd its listening socket the systemd way (``LISTEN_FDS``/``LISTEN_PID``, fd 3): the
socket lives in a private folder, pcscd never touches ``/run/pcscd/pcscd.comm``. pcsc-lite's
client reads ``PCSCLITE_CSOCK_NAME`` once per process, so the socket's path is the same for
every lab of one process (``lab_socket_path()``); one lab runs at a time per process.
vpcd listens for the card on every interface (its server mode takes no address; its
reversed mode, ``DEVICENAME 127.0.0.1:port``, aborts pcscd 1.9.9 with "bit out of range
0 - FD_SETSIZE"): the lab lives only as long as a test run or a bench run.

    with SmartcardLab() as lab:            # pcscd up, the reader listed, no card in it
        lab.insert(VirtualMyNumberCard("山田　太郎", "…", "19800401", "1"))
        subprocess.run([...], env={**os.environ, **lab.env})  # the app sees the card
        lab.remove()
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from kakanai.adapters.smartcard.pcsc import (
    STATE_EMPTY,
    CardReaderError,
    PcscContext,
    card_present,
)
from kakanai.benchmarks.virtual_mynumber_card import ATR, VirtualMyNumberCard

__all__ = ["LabCards", "SmartcardLab", "VirtualMyNumberCard", "lab_socket_path"]

PCSCD = "/usr/sbin/pcscd"
VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"
READER = "Kakanai Virtual Reader"
_CONTROL_OFF, _CONTROL_ON, _CONTROL_RESET, _CONTROL_ATR = 0, 1, 2, 4
_WAIT = 10.0  # seconds: pcscd polls a vpcd reader every few hundred milliseconds


class LabCards:
    """A household's cards on the lab's reader, as the bench's clerk uses them
    (``ui/counter/clerk.Cards``): ``present(i)`` puts card ``i`` on the reader (taking the
    one before off), ``pin(i)`` is what its resident types."""

    def __init__(self, lab: SmartcardLab, cards: list[VirtualMyNumberCard]) -> None:
        self.lab = lab
        self.cards = cards

    @classmethod
    def described(cls, lab: SmartcardLab, cards: Sequence[Mapping[str, str]]) -> LabCards:
        """Cards described as ``counter_households.with_cards`` writes them (name, address,
        birth, sex, pin)."""
        return cls(
            lab,
            [
                VirtualMyNumberCard(c["name"], c["address"], c["birth"], c["sex"], pin=c["pin"])
                for c in cards
            ],
        )

    def __len__(self) -> int:
        return len(self.cards)

    def present(self, index: int) -> None:
        self.lab.insert(self.cards[index])

    def pin(self, index: int) -> str:
        return self.cards[index].pin


def lab_socket_path() -> Path:
    """pcscd's socket of this process's labs: one path per process (see the module)."""
    return Path(tempfile.gettempdir()) / f"kakanai-pcsc-{os.getpid()}" / "pcscd.comm"


def _free_port_pair() -> int:
    """A TCP port p with p + 1 free too: vpcd opens one reader slot on each."""
    for _attempt in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = int(first.getsockname()[1])
            if port >= 65535:
                continue
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
            return port
    raise RuntimeError("no two free TCP ports in a row for vpcd")


class SmartcardLab:
    """pcscd + vpcd + a slot for one virtual card; a context manager."""

    def __init__(self) -> None:
        self.socket_path = lab_socket_path()
        self.folder = self.socket_path.parent
        self.reader = f"{READER} 00 00"  # vpcd's first slot; "00 01" stays empty
        self.env = {"PCSCLITE_CSOCK_NAME": str(self.socket_path)}
        self._pcscd: subprocess.Popen[bytes] | None = None
        self._card_socket: socket.socket | None = None
        self._card_thread: threading.Thread | None = None
        self._saved_env: str | None = None
        self.port = 0

    def __enter__(self) -> SmartcardLab:
        if not Path(PCSCD).exists() or not Path(VPCD_DRIVER).exists():
            raise RuntimeError(f"SmartcardLab needs {PCSCD} and {VPCD_DRIVER} (pcscd, vpcd)")
        if self.folder.exists():
            shutil.rmtree(self.folder)  # a lab of this process that did not stop cleanly
        self.folder.mkdir(parents=True)
        self.folder.chmod(0o711)  # pcscd may run as nobody (below): it reads reader.conf
        self.port = _free_port_pair()
        config = self.folder / "reader.conf"
        config.write_text(
            f'FRIENDLYNAME "{READER}"\nDEVICENAME /dev/null:{self.port}\n'
            f"LIBPATH {VPCD_DRIVER}\nCHANNELID {self.port}\n",
            encoding="ascii",
        )
        self._saved_env = os.environ.get("PCSCLITE_CSOCK_NAME")
        os.environ.update(self.env)  # this process (and its children) talk to this pcscd
        self._start_pcscd(config)
        try:
            self._wait(lambda states: self.reader in states, "pcscd lists the virtual reader")
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _start_pcscd(self, config: Path) -> None:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(str(self.socket_path))
        listener.listen(64)
        log = (self.folder / "pcscd.log").open("wb")
        try:
            # pcscd takes fd 3 as its socket when LISTEN_PID is its own pid: the shell's
            # $$ is, since exec keeps it.
            fd = listener.fileno()
            nobody = _nobody()
            move = "" if fd == 3 else f"exec 3<&{fd} {fd}<&-; "
            script = f'{move}LISTEN_PID=$$ exec "$@"'
            self._pcscd = subprocess.Popen(  # noqa: S603 - a fixed system binary
                [*_dies_with_us(), "/bin/bash", "-c", script, "bash", *_pcscd_arguments(config)],
                env={**os.environ, "LISTEN_FDS": "1"},
                pass_fds=(listener.fileno(),),
                stdin=subprocess.DEVNULL,
                user=None if nobody is None else nobody[0],
                group=None if nobody is None else nobody[1],
                extra_groups=None if nobody is None else [],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        finally:
            listener.close()  # pcscd alone holds it: when it stops, clients fail at once
            log.close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._disconnect_card()
        if self._pcscd is not None:
            self._pcscd.terminate()
            try:
                self._pcscd.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._pcscd.kill()
                self._pcscd.wait()
            self._pcscd = None
        if self._saved_env is None:
            os.environ.pop("PCSCLITE_CSOCK_NAME", None)
        else:
            os.environ["PCSCLITE_CSOCK_NAME"] = self._saved_env
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def pcscd_pid(self) -> int | None:
        return None if self._pcscd is None else self._pcscd.pid

    def log(self) -> str:
        """pcscd's own output so far (for a failing test's message)."""
        path = self.folder / "pcscd.log"
        return path.read_text("utf-8", "replace") if path.exists() else ""

    def insert(self, card: VirtualMyNumberCard) -> None:
        """Put ``card`` in the reader; returns once pcscd has powered it up."""
        self.remove()
        connection = socket.create_connection(("127.0.0.1", self.port), timeout=_WAIT)
        connection.settimeout(None)
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._card_socket = connection
        self._card_thread = threading.Thread(
            target=_serve, args=(connection, card), name="virtual-card", daemon=True
        )
        self._card_thread.start()
        self._wait(lambda states: card_present(states.get(self.reader, 0)), "pcscd sees the card")

    def remove(self) -> None:
        """Take the card out; returns once pcscd has seen the reader empty."""
        if self._card_socket is None:
            return
        self._disconnect_card()
        self._wait(lambda states: bool(states.get(self.reader, 0) & STATE_EMPTY), "card out")

    def _disconnect_card(self) -> None:
        if self._card_socket is not None:
            with contextlib.suppress(OSError):  # vpcd closed it first
                self._card_socket.shutdown(socket.SHUT_RDWR)
            self._card_socket.close()
            self._card_socket = None
        if self._card_thread is not None:
            self._card_thread.join(timeout=_WAIT)
            self._card_thread = None

    def _wait(self, done: Callable[[dict[str, int]], bool], what: str) -> None:
        deadline = time.monotonic() + _WAIT
        while time.monotonic() < deadline:
            if self._pcscd is not None and self._pcscd.poll() is not None:
                raise RuntimeError(f"pcscd stopped: {self.log()[-2000:]}")
            try:
                with PcscContext() as pcsc:
                    states = pcsc.states(pcsc.readers())
            except CardReaderError as exc:
                raise RuntimeError(
                    f"SmartcardLab: pcscd at {self.socket_path} does not answer ({exc.kind}); "
                    "pcsc-lite keeps the socket of its first call for the whole process: "
                    "was PC/SC used in this process before the lab started?\n"
                    f"{self.log()[-2000:]}"
                ) from exc
            if done(states):
                return
            time.sleep(0.02)
        raise RuntimeError(f"SmartcardLab: timed out waiting until {what}\n{self.log()[-2000:]}")


def _nobody() -> tuple[int, int] | None:
    """As root, pcscd runs as ``nobody``: it then cannot write ``/run/pcscd/pcscd.pid`` (and
    remove it on exit) under a system pcscd, nor claim the machine's real USB readers."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    import pwd  # noqa: PLC0415 - POSIX only

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        return None
    return nobody.pw_uid, nobody.pw_gid


def _dies_with_us() -> list[str]:
    """util-linux's ``setpriv --pdeathsig``: pcscd gets SIGTERM when the process that
    started it dies, even killed (a test run stopped by a timeout leaves no pcscd behind)."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "TERM", "--"] if setpriv else []


def _pcscd_arguments(config: Path) -> list[str]:
    return [PCSCD, "--foreground", "--info", "--config", str(config)]


def _serve(connection: socket.socket, card: VirtualMyNumberCard) -> None:
    """vpcd's card side: each message is a 2-byte big-endian length and a payload; one
    byte is a control (0 off, 1 on, 2 reset, 4 ATR), anything longer an APDU."""
    try:
        while True:
            payload = _receive(connection)
            if payload is None:
                return
            if len(payload) == 1:
                if payload[0] == _CONTROL_ATR:
                    _send(connection, ATR)
                elif payload[0] in (_CONTROL_OFF, _CONTROL_ON, _CONTROL_RESET):
                    card.reset()
                continue
            _send(connection, card.answer(payload))
    except OSError:
        return  # the card was taken out (remove) or pcscd stopped


def _receive(connection: socket.socket) -> bytes | None:
    header = _exactly(connection, 2)
    if header is None:
        return None
    return _exactly(connection, int.from_bytes(header, "big"))


def _exactly(connection: socket.socket, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        _ack_at_once(connection)
        chunk = connection.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _ack_at_once(connection: socket.socket) -> None:
    """vpcd writes a message's length and its payload separately with Nagle on: the payload
    waits for the ACK of the length, which a delayed ACK holds ~40 ms, per APDU. Linux
    clears TCP_QUICKACK after use, so it is set before every read."""
    quick_ack = getattr(socket, "TCP_QUICKACK", None)
    if quick_ack is not None:
        connection.setsockopt(socket.IPPROTO_TCP, quick_ack, 1)


def _send(connection: socket.socket, payload: bytes) -> None:
    connection.sendall(len(payload).to_bytes(2, "big") + payload)

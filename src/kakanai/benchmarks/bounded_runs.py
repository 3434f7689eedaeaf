"""Running one input through one reader in a worker process, within a time and a memory cap:
"no input may take more than N s or M MB". A hang, a crash (even a segfault) or a blow-up
of the reader becomes an ``Outcome`` instead of taking the caller down with it.

The worker stays up between inputs (imports cost a second); it is killed and replaced when
an input passes a cap or kills it. Memory is the worker's resident set, watched by the
parent while the input runs and reported by the worker as its peak (Linux ``/proc``)."""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import re
import signal
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from kakanai.core.errors import KakanaiError

FAILURES = frozenset({"crashed", "timeout", "memory"})
_POLL_SECONDS = 0.01
_STATUS = Path("/proc/self/status")


@dataclass(frozen=True)
class Sample:
    """One input: ``data`` written to a file called ``name``, or a special file instead:
    ``special`` is "fifo" (a named pipe nobody writes to) or a path such as /dev/zero."""

    name: str
    data: bytes = b""
    special: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What one input did to one reader. ``status``: ok, refused (an expected KakanaiError,
    ``code`` says which), crashed (any other exception or a signal), timeout, memory."""

    reader: str
    sample: str
    status: str
    code: str
    seconds: float
    peak_mb: float | None
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.status in FAILURES


Reader = Callable[[Path], "str | None"]
"""Reads the file at the path; returns None, or an error code when it reported a problem
instead of raising one; raises KakanaiError to refuse."""


class BoundedRunner:
    """Runs samples through readers named ``module:function`` in one worker at a time."""

    def __init__(self, *, seconds: float, megabytes: float) -> None:
        self.seconds = seconds
        self.megabytes = megabytes
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None

    def run(self, reader: str, sample: Sample) -> Outcome:
        """The outcome of ``sample`` in ``reader`` (a ``module:function`` spec)."""
        process, connection = self._worker()
        connection.send((reader, sample))
        start = time.perf_counter()
        peak = 0.0
        while not connection.poll(_POLL_SECONDS):
            elapsed = time.perf_counter() - start
            resident = _resident_mb(process.pid)
            peak = max(peak, resident or 0.0)
            if not process.is_alive():
                detail = _signal_name(process.exitcode)
                return self._lost(
                    reader, sample, "crashed", detail=detail, seconds=elapsed, peak=peak
                )
            if resident is not None and resident > self.megabytes:
                detail = f"{resident:.0f} MB"
                return self._lost(
                    reader, sample, "memory", detail=detail, seconds=elapsed, peak=peak
                )
            if elapsed > self.seconds:
                detail = f"{elapsed:.1f} s"
                return self._lost(
                    reader, sample, "timeout", detail=detail, seconds=elapsed, peak=peak
                )
        try:
            status, code, seconds, peak_mb, detail = connection.recv()
        except (EOFError, OSError):  # the worker died: its pipe closed
            process.join(5)
            elapsed = time.perf_counter() - start
            detail = _signal_name(process.exitcode)
            return self._lost(reader, sample, "crashed", detail=detail, seconds=elapsed, peak=peak)
        return Outcome(reader, sample.name, status, code, seconds, peak_mb, detail)

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.send(None)
        self._stop()

    def __enter__(self) -> BoundedRunner:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _worker(self) -> tuple[multiprocessing.process.BaseProcess, Connection]:
        if self._process is None or self._connection is None or not self._process.is_alive():
            self._stop()
            ours, theirs = self._context.Pipe()
            process = self._context.Process(target=_serve, args=(theirs,), daemon=True)
            process.start()
            theirs.close()
            self._process, self._connection = process, ours
        return self._process, self._connection

    def _lost(  # noqa: PLR0913 - everything an outcome of a lost worker says
        self, reader: str, sample: Sample, status: str, *, detail: str, seconds: float, peak: float
    ) -> Outcome:
        self._stop()
        return Outcome(reader, sample.name, status, status, seconds, peak or None, detail)

    def _stop(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        if self._connection is not None:
            self._connection.close()
        self._process, self._connection = None, None


def _serve(connection: Connection) -> None:
    """The worker: run each (reader, sample) it is sent, in a folder of its own."""
    with tempfile.TemporaryDirectory(prefix="kakanai-bounded-") as folder:
        while (request := connection.recv()) is not None:
            reader, sample = request
            connection.send(_run_one(_resolve(reader), _prepare(Path(folder), sample)))


def _resolve(spec: str) -> Reader:
    module, _, name = spec.partition(":")
    function: Reader = getattr(importlib.import_module(module), name)
    return function


def _prepare(folder: Path, sample: Sample) -> Path:
    if sample.special == "fifo":
        path = folder / sample.name
        path.unlink(missing_ok=True)
        os.mkfifo(path)
        return path
    if sample.special is not None:
        return Path(sample.special)
    path = folder / sample.name
    path.write_bytes(sample.data)
    return path


def _run_one(reader: Reader, path: Path) -> tuple[str, str, float, float | None, str]:
    _reset_peak()
    start = time.perf_counter()
    try:
        code = reader(path)
        status, detail = ("ok", "") if code is None else ("refused", "")
    except KakanaiError as exc:
        status, code, detail = "refused", exc.code.code, ""
    except MemoryError:
        status, code, detail = "memory", "MemoryError", ""
    except Exception as exc:  # noqa: BLE001 - any other exception is the finding
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        status, code, detail = "crashed", type(exc).__name__, f"{where} {str(exc)[:200]}"
    seconds = time.perf_counter() - start
    return status, code or "", seconds, _peak_mb(), detail


def _reset_peak() -> None:
    """Start the peak resident size afresh for this input (Linux: clear_refs 5)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float | None:
    return _status_mb(_STATUS, "VmHWM")


def _resident_mb(pid: int | None) -> float | None:
    return None if pid is None else _status_mb(Path(f"/proc/{pid}/status"), "VmRSS")


def _status_mb(path: Path, field: str) -> float | None:
    try:
        found = re.search(rf"^{field}:\s+(\d+) kB", path.read_text(), re.MULTILINE)
    except OSError:
        return None
    return int(found[1]) / 1024 if found else None


def _signal_name(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            return signal.Signals(-exitcode).name
    return f"exit {exitcode}"

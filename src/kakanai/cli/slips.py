"""``kakanai keys`` (the desk's slip keys), ``kakanai decode`` (a slip's QR code from images,
typed digits or a keyboard-wedge scanner on stdin) and ``kakanai bench payload``.

decode exits 0 when every input opened, 2 for an unreadable input file, 3 when no code was
found, 4 when a code was found but rejected or when the desk has no keys to open any (the
first failing input decides). What it prints never holds raw control or bidi characters."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kakanai.cli.arguments import EXIT_OK, Commands, Subparsers
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.envelope import format_moment
from kakanai.core.slip.keys import Keyring
from kakanai.core.trees.case import is_guidance

if TYPE_CHECKING:
    from kakanai.services.slip.sealing import OpenedSlip

# The services below pull in cryptography, OpenCV and qrcode (about 0.7 s); they are imported
# when a command of this module runs, so that `kakanai check` and the others stay quick.

EXIT_BAD_FILE = 2
EXIT_NO_CODE = 3
EXIT_REJECTED = 4
EXPORT_WARNING = (
    "このファイルは秘密の鍵です。案内票を作ったり読んだりできる鍵がすべて入っています。"
    "USBメモリなどで同じ市の窓口へ運び、kakanai keys import で取り込んだら、"
    "すぐに削除してください。"
    "メールやチャットで送らないでください。"
)


def register(commands: Subparsers) -> Commands:
    keys_parser = commands.add_parser("keys", help="案内票の暗号鍵を作成・切替・移動します")
    actions = keys_parser.add_subparsers(dest="keys_action", required=True)
    actions.add_parser("init", help="この窓口の最初の鍵を作ります")
    actions.add_parser("list", help="鍵の一覧を表示します")
    actions.add_parser("rotate", help="新しい鍵に切り替えます(古い鍵は読み取り用に残します)")
    export = actions.add_parser("export", help="鍵をファイルに書き出します(秘密のファイル)")
    export.add_argument("file", type=Path)
    imported = actions.add_parser("import", help="他の窓口で書き出した鍵を取り込みます")
    imported.add_argument("file", type=Path)
    decode = commands.add_parser(
        "decode",
        help="案内票の二次元コードを読み取り、案件を表示します",
        description=(
            "画像・--text・標準入力(ハンディスキャナ)から案内票を読み取ります。終了コード: "
            "0 成功、2 入力ファイルを読めない、3 コードが見つからない、"
            "4 コードを開けない(この窓口に鍵がないときも)。"
        ),
    )
    decode.add_argument("images", nargs="*", type=Path, help="二次元コードの写った画像")
    decode.add_argument("--text", help="読み取った数字(ハンディスキャナの入力など)")
    decode.add_argument("--raw", action="store_true", help="コードの文字列をそのまま表示します")
    decode.add_argument("--json", action="store_true", help="案件をJSONで出力します")
    return Commands(
        handlers={"keys": _keys, "decode": _decode}, benches={"payload": _bench_payload}
    )


def _bench_payload(repeat: int) -> int:
    from kakanai.benchmarks.payload import bench_payload  # noqa: PLC0415 - see the imports

    return bench_payload(repeat)


# --- keys ---------------------------------------------------------------------------------


def _keys(args: argparse.Namespace) -> int:
    from kakanai.services import keys  # noqa: PLC0415 - see the imports

    if args.keys_action == "init":
        keyring, path = keys.init_keys()
        print(f"鍵を作りました: 鍵ID {keyring.active_id}({path})")
        print(
            "他の窓口でも同じ案内票を読めるように、kakanai keys export で書き出して運んでください。"
        )
    elif args.keys_action == "rotate":
        keyring = keys.rotate_keys()
        print(
            f"新しい鍵 {keyring.active_id} に切り替えました。これからの案内票はこの鍵で作ります。"
        )
        print("古い鍵は、その鍵で作った案内票を読むために残しています。")
        print("他の窓口にも kakanai keys export / import で新しい鍵を配ってください。")
    elif args.keys_action == "list":
        _print_keys(keys.current_keyring())
    elif args.keys_action == "export":
        keyring = keys.export_keys(args.file)
        print(f"鍵 {len(keyring.keys)}個を {args.file} に書き出しました。")
        print(EXPORT_WARNING)
    else:
        merged = keys.import_keys(args.file)
        added = "、".join(merged.added) or "なし(すべて取り込み済み)"
        print(f"取り込んだ鍵: {added}")
        if merged.activated:
            print(f"これからの案内票は鍵 {merged.activated} で作ります。")
        else:
            print(f"使用中の鍵は {merged.keyring.active_id} のままです。")
        print(f"取り込みが終わったら {args.file} を削除してください(秘密の鍵です)。")
    return EXIT_OK


def _print_keys(keyring: Keyring) -> None:
    print("鍵ID\t作成日時\t\t\t状態")
    for key in keyring.keys:
        status = "使用中(案内票を作る)" if key.key_id == keyring.active_id else "読み取り用"
        print(f"{key.key_id}\t{format_moment(key.created_at)}\t{status}")


# --- decode -------------------------------------------------------------------------------


@dataclass
class _SlipAccept:
    """The ``accept`` of the QR reader: a candidate counts only if it opens as a slip. The
    last rejection is remembered for when nothing opens."""

    keyring: Keyring
    opened: OpenedSlip | None = None
    rejection: KakanaiError | None = None

    def __call__(self, text: str) -> bool:
        from kakanai.services.slip.sealing import open_slip_details  # noqa: PLC0415 - see the imports

        try:
            self.opened = open_slip_details(text, keyring=self.keyring)
        except KakanaiError as exc:
            self.rejection = exc
            return False
        return True


@dataclass
class _Results:
    exit_code: int = EXIT_OK
    cases: list[dict[str, Any]] = field(default_factory=list)

    def fail(self, code: int, error: KakanaiError) -> None:
        _say(error.render(), file=sys.stderr)
        if self.exit_code == EXIT_OK:
            self.exit_code = code


def _decode(args: argparse.Namespace) -> int:
    from kakanai.services import keys  # noqa: PLC0415 - see the imports

    results = _Results()
    try:
        keyring = None if args.raw else keys.current_keyring()
    except KakanaiError as exc:  # no keys (or none readable): no slip can be opened here
        results.fail(EXIT_REJECTED, exc)
        return results.exit_code
    texts = [args.text] if args.text is not None else []
    if not texts and not args.images:
        texts.append(_read_stdin())
    for text in texts:
        _decode_text(text, keyring, args, results)
    for image in args.images:
        _decode_image(image, keyring, args, results)
    if args.json and results.cases:
        shown: object = results.cases[0] if len(results.cases) == 1 else results.cases
        _say(json.dumps(shown, ensure_ascii=False, indent=2))
    return results.exit_code


def _read_stdin() -> str:
    """What a scanner typed; never more than one slip can hold (``/dev/zero`` ends too)."""
    from kakanai.core.slip.envelope import MAX_SCANNED_CHARS  # noqa: PLC0415 - see the imports

    if sys.stdin.isatty():
        print("案内票の二次元コードをハンディスキャナで読み取ってください:", file=sys.stderr)
        return sys.stdin.readline(MAX_SCANNED_CHARS + 1)
    return sys.stdin.read(MAX_SCANNED_CHARS + 1)


def _say(text: str, *, file: TextIO | None = None) -> None:
    """Print ``text`` with control, format (bidi) and surrogate characters written as
    ``\\uXXXX``, which is also valid inside JSON strings: a QR code or a name must never
    move the cursor, clear the screen or reorder what the clerk reads."""
    print("".join(_escaped(char) for char in text), file=file or sys.stdout)


def _escaped(char: str) -> str:
    if char in "\n\t" or unicodedata.category(char) not in _HIDDEN:
        return char
    units = char.encode("utf-16-be", "surrogatepass")
    return "".join(
        f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}" for i in (0, 2)[: len(units) // 2]
    )


_HIDDEN = frozenset({"Cc", "Cf", "Cs"})


def _decode_text(
    text: str, keyring: Keyring | None, args: argparse.Namespace, results: _Results
) -> None:
    from kakanai.services.slip.sealing import open_slip_details  # noqa: PLC0415 - see the imports

    if keyring is None:
        _say(text.strip())
        return
    try:
        _show(open_slip_details(text, keyring=keyring), args, results)
    except KakanaiError as exc:
        results.fail(EXIT_REJECTED, exc)


def _decode_image(
    image: Path, keyring: Keyring | None, args: argparse.Namespace, results: _Results
) -> None:
    from kakanai.adapters.qr.reading import load_image, read_code  # noqa: PLC0415 - see above

    try:
        frame = load_image(image)
    except KakanaiError as exc:
        results.fail(EXIT_BAD_FILE, exc)
        return
    accept: Callable[[str], bool] = (
        (lambda _text: True) if keyring is None else _SlipAccept(keyring)
    )
    found = read_code(frame, accept)
    if found is not None and isinstance(accept, _SlipAccept) and accept.opened is not None:
        _show(accept.opened, args, results)
    elif found is not None:
        _say(found.text)
    elif isinstance(accept, _SlipAccept) and accept.rejection is not None:
        rejection = accept.rejection
        results.fail(
            EXIT_REJECTED,
            KakanaiError(rejection.code, rejection.message, path=str(image), line=1, col=1),
        )
    else:
        code = ErrorCode.SLIP_NO_CODE
        error = KakanaiError(code, code.format(detail=image.name), path=str(image), line=1, col=1)
        results.fail(EXIT_NO_CODE, error)


def _show(opened: OpenedSlip, args: argparse.Namespace, results: _Results) -> None:
    if not args.json:
        if results.cases:
            print()
        _say("\n".join(summary_lines(opened)))
    results.cases.append(opened.case)


def summary_lines(opened: OpenedSlip) -> list[str]:
    """The decoded case as a linked department's clerk reads it."""
    case = opened.case
    questionnaire = case["questionnaire"]
    members = case["household"]["members"]
    lines = [
        f"手続き案内票 案件番号 {case['case_id']}",
        (
            f"  {questionnaire['title']}({questionnaire['city']}、設問ツリー "
            f"{questionnaire['id']} 版{questionnaire['version']})"
        ),
        (
            f"  有効期限 {format_moment(opened.expires_at)}(発行 "
            f"{format_moment(opened.issued_at)}、鍵ID {opened.key_id})"
        ),
        f"世帯 {len(members)}人",
    ]
    for member in members:
        head = "(世帯主)" if member["is_head"] and member["relationship"] != "世帯主" else ""
        lines.append(
            f"  {member['index'] + 1}. {member['name']}({member['kana']}) {member['relationship']}"
            f"{head} {member['sex']} {member['birth_date_wareki']}生 {member['age']}歳"
        )
    lines.append("回答")
    lines.extend(f"  {a['text']} → {a['display']}" for a in case["answers"])
    notices = sum(1 for p in case["procedures"] if is_guidance(p))
    counted = f"手続き {len(case['procedures']) - notices}件"
    lines.append(counted + (f"、案内 {notices}件" if notices else ""))
    for department in case["departments"]:
        where = " ".join(p for p in (department["floor"], department["counter"]) if p)
        lines.append(f"  {department['name']}({where})")
        for procedure in case["procedures"]:
            if procedure["department"] == department["id"]:
                mark = "※(案内) " if is_guidance(procedure) else "・"
                lines.append(f"    {mark}{procedure['name']}{_concerning(procedure, members)}")
    return lines


def _concerning(procedure: dict[str, Any], members: list[dict[str, Any]]) -> str:
    member = procedure.get("member")
    if member is None or not 0 <= member < len(members):
        return ""
    return f"({members[member]['name']}さん)"

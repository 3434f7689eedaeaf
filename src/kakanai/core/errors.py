"""Expected problems as data: stable error codes with Japanese message templates.

Every problem a supervisor, clerk or department can cause has a code here. The CLI prints
them as ``path:line:col: CODE message``; the GUI shows them through one presenter.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol


class ErrorCode(Enum):
    """Stable codes, each with a Japanese message template that says what to do."""

    # YAML and structure
    YAML_SYNTAX = (
        "TREE_YAML_001",
        "YAMLの書き方に誤りがあります: {detail}。字下げとコロン(:)を確認してください。",
    )
    YAML_DUPLICATE_KEY = (
        "TREE_YAML_002",
        "キー「{key}」が同じ場所に2回書かれています。どちらか一方を削除してください。",
    )
    YAML_NOT_MAPPING = ("TREE_YAML_003", "{what}は「キー: 値」の形で書いてください。")
    YAML_NOT_LIST = ("TREE_YAML_004", "{what}は「- 」で始まる一覧で書いてください。")
    YAML_BAD_VALUE = ("TREE_YAML_005", "{what}の値「{value}」が正しくありません。{hint}")
    FILE_UNREADABLE = (
        "TREE_FILE_001",
        "ファイルを読めません: {detail}。パスと文字コード(UTF-8)を確認してください。",
    )
    KEY_UNKNOWN = ("TREE_KEY_001", "{where}に知らないキー「{key}」があります。{suggestion}")
    KEY_MISSING = ("TREE_KEY_002", "{where}に必須のキー「{key}」がありません。追加してください。")
    ID_DUPLICATE = (
        "TREE_ID_001",
        "ID「{id}」が重複しています(最初は{first_line}行目)。別のIDに変えてください。",
    )
    ID_INVALID = (
        "TREE_ID_002",
        "ID「{id}」は使えません。英小文字で始まり、英小文字・数字・_ だけを使ってください。",
    )
    # References
    REF_NAME = ("TREE_REF_001", "「{name}」という設問や計算値はありません。{suggestion}")
    REF_CHOICE = ("TREE_REF_002", "設問「{question}」に選択肢「{value}」はありません。{suggestion}")
    REF_PROCEDURE = ("TREE_REF_003", "「{name}」という手続きはありません。{suggestion}")
    REF_DEPARTMENT = ("TREE_REF_004", "「{name}」という課はありません。{suggestion}")
    REF_QUESTION = ("TREE_REF_005", "「{name}」という設問はありません。{suggestion}")
    REF_MEMBER_FIELD = ("TREE_REF_006", "世帯員の項目「{name}」はありません。{suggestion}")
    REF_TREE = (
        "TREE_REF_007",
        "シナリオの対象の設問ツリー「{name}」が見つかりません。tree: の値を確認してください。",
    )
    # Conditions (the expression language)
    EXPR_SYNTAX = ("TREE_EXPR_001", "条件式の書き方に誤りがあります: {detail}。")
    EXPR_FORBIDDEN = ("TREE_EXPR_002", "条件式では{construct}は使えません。{hint}")
    EXPR_CALL = (
        "TREE_EXPR_003",
        "条件式で使える関数ではありません: {name}。使える関数: {allowed}。{suggestion}",
    )
    EXPR_EMPTY = (
        "TREE_EXPR_004",
        "条件式が空です。条件がないなら when: の行ごと削除してください。",
    )
    TYPE_MISMATCH = ("TREE_TYPE_001", "{left}と{right}は比べられません。{hint}")
    TYPE_ARGS = ("TREE_TYPE_002", "関数 {name} の引数が正しくありません: {detail}。")
    TYPE_MEMBER_CONTEXT = (
        "TREE_TYPE_003",
        "member は世帯員ごとの手続き(per: member)か any_member() などの中でだけ使えます。",
    )
    TYPE_NOT_BOOL = (
        "TREE_TYPE_004",
        "条件は「はい/いいえ」になる式にしてください(今は{actual}になります)。{hint}",
    )
    TYPE_OPERATOR = ("TREE_TYPE_005", "{operand}には演算子 {op} を使えません。{hint}")
    TYPE_NOT_NUMBER = (
        "TREE_TYPE_006",
        "copies: は通数を表す数の式にしてください(今は{actual}になります)。例: copies: juuminhyou_copies",
    )
    TYPE_NOT_DATE = (
        "TREE_TYPE_007",
        "due: は届出の期限の日を表す日付の式にしてください(今は{actual}になります)。例: due: koseki_deadline(birth_date, 14)",
    )
    EXTERNAL_FORMS = (
        "TREE_REF_008",
        "手続き「{name}」は市役所の外({department})の手続きなので、様式(forms)は付けられません。持ち物(bring)と期限(deadline)で案内してください。",
    )
    GUIDANCE_ISSUES = (
        "TREE_REF_010",
        "「{name}」は案内(kind: guidance)で、手続きではないので、手数料(fee)と通数(copies)は書けません。証明書を交付するなら kind: を消して手続きにしてください。",
    )
    REASK_NOT_EARLIER = (
        "TREE_REF_009",
        "設問「{question}」の reask_on の「{name}」は、この設問より前にある設問ではありません。前の設問のIDを書いてください。{suggestion}",
    )
    FLOW_MULTI_OPTIONS = (
        "TREE_FLOW_009",
        "複数選択の設問「{name}」は、条件で使う選択肢が{count}個あります。検査できるのは{limit}個までです。設問を分けてください(例: 先に種類を聞き、種類ごとに選択肢を聞く)。",
    )
    FLOW_MEMBER_PROFILES = (
        "TREE_FLOW_010",
        "世帯員を見分ける条件(年齢・続柄・世帯員ごとの設問の回答)の組み合わせが{count}通りあり、検査できるのは{limit}通りまでです。世帯員ごとの設問を減らすか、まとめて聞ける設問は1つの選択肢の設問にしてください。",
    )
    # Flow analysis
    COMPUTED_CYCLE = (
        "TREE_CYCLE_001",
        "計算値が循環しています: {cycle}。どれか1つの式を、他に頼らない形に直してください。",
    )
    FLOW_NOT_ASKED = (
        "TREE_FLOW_001",
        "{where}の条件が読む設問「{name}」は、ここに来る経路で聞かれていないことがあります({example})。answered({name}) で確かめるか、設問の順序や条件を見直してください。",
    )
    FLOW_READS_LATER = (
        "TREE_FLOW_002",
        "{where}の条件が、後で聞く設問「{name}」を読んでいます。設問「{name}」をこの前に移してください。",
    )
    UNREACHABLE_QUESTION = (
        "TREE_FLOW_003",
        "設問「{name}」はどの経路でも聞かれません({reason})。条件を見直すか設問を削除してください。",
    )
    UNREACHABLE_PROCEDURE = (
        "TREE_FLOW_004",
        "手続き「{name}」はどの経路でも該当しません({reason})。条件を見直してください。",
    )
    UNUSED_ANSWER = (
        "TREE_FLOW_005",
        "設問「{name}」の回答はどの条件・計算値・手続きでも使われていません。使わないなら削除し、記録だけが目的なら record_only: true を付けてください。",
    )
    NO_RESULT = (
        "TREE_FLOW_006",
        "該当する手続きが1つもない経路があります: {example}。その場合に案内する手続きを追加してください。",
    )
    TOO_MANY_PATHS = (
        "TREE_FLOW_007",
        "経路が多すぎて({count}件以上)--paths では一覧できません。手続きごとの規則は --rules で見られます(検査そのものは経路の数に関係なく行われています)。",
        "warning",
    )
    # Logic: conditions that hold or fail wherever they stand, duplicates, threshold bands.
    # Warnings: the tree works, but probably not as its author meant.
    LOGIC_ALWAYS = (
        "TREE_LOGIC_001",
        "{where}の条件「{part}」は、ここでは常に成り立ちます({why})。削除しても結果は変わりません。",
        "warning",
    )
    LOGIC_NEVER = (
        "TREE_LOGIC_002",
        "{where}の条件「{part}」は、ここでは成り立つことがありません(例: {example})。条件を見直してください。",
        "warning",
    )
    LOGIC_VALUE_NEVER = (
        "TREE_LOGIC_003",
        "{where}の条件「{part}」: 設問「{name}」はここでは{values}になることがありません(ここで取りうる値: {possible})。比べる値か条件を見直してください。",
        "warning",
    )
    LOGIC_DUPLICATE = (
        "TREE_LOGIC_004",
        "手続き「{name}」は手続き「{other}」と同じ課({department})で、案内される世帯も同じです({rule})。重複していないか確認してください。",
        "warning",
    )
    LOGIC_BAND_GAP = (
        "TREE_LOGIC_005",
        "{subject}の範囲に抜けがあります: {gap}のときは手続き{procedures}のどれにも当てはまりません。範囲の境目(< と <=)を確認してください。",
        "warning",
    )
    LOGIC_BAND_OVERLAP = (
        "TREE_LOGIC_006",
        "{subject}の範囲が重なっています: {overlap}のときは手続き「{first}」と「{second}」の両方に当てはまります。範囲の境目(< と <=)を確認してください。",
        "warning",
    )
    # Questions asked of each household member (per: member)
    MEMBER_QUESTION_TYPE = (
        "TREE_MEMBER_001",
        "世帯員ごとの設問(per: member)にできるのは {kinds} の設問です。",
    )
    MEMBER_QUESTION_ORDER = (
        "TREE_MEMBER_002",
        "世帯員ごとの設問「{name}」は、世帯(household)の設問より後に置いてください。",
    )
    MEMBER_QUESTION_NAME = (
        "TREE_MEMBER_003",
        "設問「{name}」は世帯員ごとの設問です({where}の条件が名前だけで読んでいます)。member.{name} と書き、世帯員ごとの手続きか any_member(...) などの中で使ってください。",
    )
    PATHS_MEMBER_QUESTIONS = (
        "TREE_FLOW_008",
        "世帯員ごとの設問(per: member)があるツリーの経路は --paths では一覧できません。手続きごとの規則は --rules で見られます。",
        "warning",
    )
    # Editing a tree's YAML in place (the supervisor's mode)
    EDIT_NOT_FOUND = (
        "EDIT_001",
        "設問ツリーの中に「{path}」が見つかりません。ファイルが別の場所で変更されていないか確かめてください。",
    )
    EDIT_NOT_SCALAR = (
        "EDIT_002",
        "「{path}」は1つの値ではないため、この方法では書き換えられません。YAML の表示で直接直してください。",
    )
    EDIT_NOT_MAPPING = (
        "EDIT_003",
        "「{path}」は「キー: 値」の形(フロー形式 { } でない)ではないため、項目を追加できません。YAML の表示で直接直してください。",
    )
    EDIT_SAVE = (
        "EDIT_004",
        "下書きを保存できません: {path}({detail})。保存先のフォルダがあり、書き込めるか確かめてください。",
    )
    EDIT_OPEN = (
        "EDIT_005",
        "設問ツリーを開けません: {path}({detail})。UTF-8 の YAML ファイルか確かめてください。",
    )
    EDIT_REVIEW_OUTPUT = (
        "EDIT_006",
        "決裁書を書き出せません: {path}({detail})。保存先のフォルダがあり、書き込めるか確かめてください。",
    )
    EDIT_SCENARIOS_NOT_RUN = (
        "EDIT_007",
        "シナリオを実行できていないため、足りないシナリオを提案できません。検査の問題を直してから、もう一度シナリオを実行してください。",
    )
    # Visits: several life events' trees in one interview
    VISIT_DIFFERS = (
        "TREE_VISIT_001",
        "{item}「{id}」は、一緒に使う別の設問ツリーでは違う意味です(先のツリーでは {first})。同じIDは同じ意味にそろえるか、別のIDにしてください。",
    )
    # Scenarios
    SCENARIO_FAILED = ("TREE_TEST_001", "シナリオ「{name}」が失敗しました: {detail}")
    SCENARIO_ANSWER = ("TREE_TEST_002", "シナリオ「{name}」の回答が正しくありません: {detail}")
    SUGGEST_NOT_APPENDABLE = (
        "TREE_TEST_003",
        "{path} の最後が scenarios: の一覧ではないため、提案したシナリオを追記できません。scenarios: を最後に置くか、--out で別のファイルを指定してください。",
    )
    # Answers: the interview
    ANSWER_INVALID = ("ANSWER_001", "設問「{question}」の回答が正しくありません: {detail}")
    ANSWER_MISSING = (
        "ANSWER_002",
        "設問「{question}」の回答がありません。回答ファイルに {question}: を追加してください。",
    )
    ANSWER_UNKNOWN = (
        "ANSWER_003",
        "回答ファイルの「{question}」はこの設問ツリーにない設問です。{suggestion}",
    )
    ANSWER_NOT_ASKED = (
        "ANSWER_004",
        "回答ファイルの「{question}」は、この回答の流れでは聞かれない設問です(条件を満たしません)。削除してください。",
    )
    INTERVIEW_FINISHED = ("ANSWER_005", "すべての設問に回答済みです。結果を確認してください。")
    # Comparing two versions of a tree (kakanai diff)
    DIFF_GIT_MISSING = (
        "DIFF_001",
        "git が見つかりません。git:版:パス の形で比べるには git をインストールしてください。ファイル同士なら git は不要です。",
    )
    DIFF_REVISION = (
        "DIFF_002",
        "{spec} を読めません({detail})。版(コミット・ブランチ・タグ)とパスを確認してください。",
    )
    DIFF_NOT_CHECKED = (
        "DIFF_003",
        "{which}の設問ツリーに問題があるため比べられません。先に kakanai check で直してください。",
    )
    # Command line
    CLI_NO_TREES = ("CLI_001", "設問ツリー(*.yaml)が見つかりません。パスを確認してください。")
    # Case files (the case JSON given to slip, forms and decode)
    CASE_UNREADABLE = (
        "CASE_001",
        "案件ファイルを読めません: {detail}。kakanai interview が出力したJSONファイルを指定してください。",
    )
    CASE_INVALID = (
        "CASE_002",
        "案件ファイルの内容が正しくありません: {detail}。kakanai interview で作り直してください。",
    )
    # Fonts
    FONT_MISSING = (
        "FONT_001",
        "日本語フォント({family})が見つかりません。scripts/setup.sh を実行するか、KAKANAI_FONT_DIR にフォントのフォルダを指定してください。",
    )
    FONT_NO_GLYPH = (
        "FONT_002",
        "{field}の文字「{char}」({codepoint})を印刷できるフォントがありません。IPAmj明朝を入れるか、文字を確認してください。",
    )

    # --- Guidance slip: payload codec, keys, decoding (SLIP_, KEY_, SCAN_) ---
    # Decoding: what a linked department's scan can run into, in the order it is checked
    SLIP_NO_CODE = (
        "SLIP_001",
        "画像から二次元コードが見つかりません: {detail}。案内票の二次元コード全体が、はっきり写るように撮り直してください。",
    )
    SLIP_SCHEME = (
        "SLIP_002",
        "読み取った内容は手続き案内票の二次元コードではありません({detail})。手続き案内票の二次元コードを読み取ってください。",
    )
    SLIP_VERSION = (
        "SLIP_003",
        "この案内票は形式の版{version}で作られていて、この窓口のkakanaiは読めません(読める版: {known})。kakanaiを最新の版に更新してください。",
    )
    SLIP_TRUNCATED = (
        "SLIP_004",
        "読み取った数字が{missing}桁足りません(途中で切れています)。案内票の二次元コードをもう一度読み取ってください。",
    )
    SLIP_PADDED = (
        "SLIP_005",
        "読み取った数字の後ろに、余分な数字が{extra}桁続いています。入力欄を空にしてから、案内票の二次元コードを1回だけ読み取ってください。",
    )
    SLIP_CHECK_DIGIT = (
        "SLIP_006",
        "読み取った数字に誤りがあります(検査数字が合いません)。読み取りか手入力の誤りです。もう一度読み取ってください。",
    )
    SLIP_UNKNOWN_KEY = (
        "SLIP_007",
        "この案内票は鍵ID {key_id} で暗号化されていますが、この窓口にその鍵がありません。管理者から鍵の書き出しファイルを受け取り、kakanai keys import で取り込んでください。",
    )
    SLIP_WRONG_KEY = (
        "SLIP_008",
        "この案内票は開けません。鍵ID {key_id} の鍵が発行した窓口のものと違うか、案内票の内容が書き換えられています。発行した窓口で案内票を作り直してください。",
    )
    SLIP_EXPIRED = (
        "SLIP_009",
        "この案内票は有効期限({expires})を過ぎています。最初の窓口で案内票を作り直してください。",
    )
    SLIP_QUESTIONNAIRE_MISSING = (
        "SLIP_010",
        "案内票の設問ツリー「{id}」がこの窓口にありません({path})。管理者に連絡し、設問ツリーを入れてください。",
    )
    SLIP_QUESTIONNAIRE_VERSION = (
        "SLIP_011",
        "案内票は設問ツリー「{id}」の版{slip_version}で作られていますが、この窓口の設問ツリーは版{local_version}です。管理者に連絡し、この窓口の設問ツリーを更新して版をそろえてください。",
    )
    SLIP_CONTENT = (
        "SLIP_012",
        "案内票の内容が、この窓口の設問ツリー「{id}」版{version}と合いません({detail})。版を変えずに設問ツリーが変更された可能性があります。管理者に連絡してください。",
    )
    # Sealing: what the first counter can run into when printing a slip
    SLIP_CASE_MISMATCH = (
        "SLIP_013",
        "案件の内容が、設問ツリー「{id}」版{version}で回答をたどり直した結果と一致しません({detail})。kakanai interview で案件を作り直してください。",
    )
    SLIP_VALID_DAYS = (
        "SLIP_014",
        "案内票の有効日数は1日から{maximum}日の間で指定してください(指定: {days}日)。",
    )
    SLIP_TOO_LARGE = (
        "SLIP_015",
        "案件が大きすぎて、二次元コードに入りません(数字{digits}桁、上限{limit}桁)。世帯を分けて案内票を作ってください。",
    )
    # Keys: the desk's keyring
    KEY_NONE = (
        "KEY_001",
        "この窓口には案内票の鍵がまだありません。最初の1台では kakanai keys init で鍵を作り、他の窓口では管理者の書き出しファイルを kakanai keys import で取り込んでください。",
    )
    KEY_EXISTS = (
        "KEY_002",
        "鍵はすでに作られています({path})。新しい鍵に切り替えるときは kakanai keys rotate を使ってください。",
    )
    KEY_FILE_BROKEN = (
        "KEY_003",
        "鍵のファイルを読めません: {detail}。ファイルを直さずに、管理者の書き出しファイルから kakanai keys import で取り込み直してください。",
    )
    KEY_PERMISSIONS = (
        "KEY_004",
        "鍵の{what}を所有者以外も読み書きできます(権限 {mode})。chmod {wanted} {path} で所有者だけにしてから、もう一度実行してください。",
    )
    KEY_EXPORT_EXISTS = (
        "KEY_005",
        "書き出し先 {path} はすでにあります。上書きはしません。別のファイル名を指定してください。",
    )
    KEY_IMPORT_BROKEN = (
        "KEY_006",
        "鍵の書き出しファイルとして読めません: {detail}。kakanai keys export で作ったファイルを指定してください。",
    )
    KEY_CONFLICT = (
        "KEY_007",
        "鍵ID {key_id} の鍵が、この窓口のものと取り込むファイルのものとで違います。別の市の鍵か、壊れたファイルです。管理者に確認してください。",
    )
    KEY_WRITE = (
        "KEY_008",
        "鍵のファイルを書き込めません: {detail}。保存先(KAKANAI_DATA_DIR)のフォルダと権限を確認してください。",
    )

    # --- end of guidance slip codes ---
    #
    #
    # --- Scanning: images and the decoder chain (SCAN_) ---
    SCAN_BAD_IMAGE = (
        "SCAN_001",
        "画像ファイルを読めません: {detail}。PNG・JPEGなどの画像ファイルを指定してください。",
    )

    # --- end of scanning codes ---
    #
    #
    # --- Slip printing (PRINT_) ---
    PRINT_QR_TOO_LONG = (
        "PRINT_001",
        "二次元コードに入りきらないデータです({digits}桁)。手続きの数を減らすか、開発者に連絡してください。",
    )
    PRINT_UNWRITABLE = (
        "PRINT_002",
        "ファイルに書き込めません: {detail}。出力先のフォルダと書き込み権限を確認してください。",
    )
    PRINT_QR_TOO_WIDE = (
        "PRINT_003",
        "二次元コード({digits}桁)が大きすぎて、用紙「{layout}」の幅に入りません。A4の用紙で印刷してください。",
    )

    # --- end of slip printing codes ---
    #
    #
    # --- Forms: templates, rendering (FORM_) ---
    # Structure problems of a template (YAML, keys, ids, expressions) share the TREE_YAML_,
    # TREE_KEY_, TREE_ID_ and TREE_EXPR_ codes with question trees.
    FORM_KIND = (
        "FORM_001",
        "要素の種類(kind)「{kind}」はありません。{suggestion}使える種類: {allowed}。",
    )
    FORM_REF_NAME = (
        "FORM_002",
        "案件に「{name}」という項目はありません。{suggestion}使えるのは case・household・member・answers・procedure・department です。",
    )
    FORM_REF_FIELD = ("FORM_003", "案件に項目「{name}」はありません。{suggestion}")
    FORM_MEMBER_CONTEXT = (
        "FORM_004",
        "member は世帯員ごとの様式(form: の per: member)か、表(table)の列と where: でだけ使えます。",
    )
    FORM_VALUE_TYPE = (
        "FORM_005",
        "{field}には{expected}になる式を書いてください(今は{actual}になります)。",
    )
    FORM_OUTSIDE_PAGE = (
        "FORM_006",
        "{field}が用紙({paper} 幅{width}mm×高さ{height}mm)からはみ出しています(右端 {right}mm、下端 {bottom}mm)。box: の位置と大きさを直してください。",
    )
    FORM_OVERLAP = (
        "FORM_007",
        "{field}が{other}({line}行目)と重なっています。どちらかの box: を直してください。",
    )
    FORM_BACKGROUND_MISSING = (
        "FORM_008",
        "背景のPDF「{file}」が見つかりません。テンプレートと同じフォルダからの相対パスで書いてください。",
    )
    FORM_BACKGROUND_PAGES = (
        "FORM_009",
        "背景のPDF「{file}」は{actual}ページですが、pages: には{expected}ページあります。ページ数を合わせてください。",
    )
    FORM_BACKGROUND_SIZE = (
        "FORM_010",
        "背景のPDF「{file}」の{page}ページ目の大きさ({actual})が用紙({expected})と違います。page: の size と orientation を確認してください。",
    )
    FORM_NOT_FOUND = (
        "FORM_011",
        "様式テンプレート「{id}」がありません。forms_templates/{id}.yaml を作るか、forms: の値を直してください。{suggestion}",
    )
    FORM_ID_FILE = (
        "FORM_012",
        "様式のID「{id}」がファイル名「{file}」と違います。ファイル名を {id}.yaml にするか、id: を直してください。",
    )
    FORM_DEPARTMENT = (
        "FORM_013",
        "課「{name}」は設問ツリーの departments: にありません。{suggestion}",
    )
    FORM_PER_MISMATCH = (
        "FORM_014",
        "様式「{id}」は世帯員ごと(per: member)ですが、手続き「{procedure}」は世帯ごとです。様式を per: household にするか、手続きを per: member にしてください。",
    )
    FORM_DEPARTMENT_MISMATCH = (
        "FORM_015",
        "様式「{id}」は課「{form_department}」の様式ですが、手続き「{procedure}」は課「{department}」の手続きです。どちらかの department: を直してください。",
    )
    FORM_SAMPLE_GLYPH = (
        "FORM_016",
        "サンプルデータ「{sample}」の{field}の文字「{char}」({codepoint})を印刷できるフォントがありません。font: を変えるか、IPAmj明朝を入れてください。",
    )
    FORM_TEXT_CUT = (
        "FORM_017",
        "{field}に「{text}」が入りきらず、「{rest}」を印刷できませんでした。手書きで補ってください(テンプレートの box: を広げるか min_size: を小さくすると直ります)。",
    )
    FORM_DIGITS_CUT = (
        "FORM_018",
        "{field}の「{text}」は {boxes} の枠に入りません。手書きで補ってください(テンプレートの groups: を確認してください)。",
    )
    FORM_CHOICE_MISSING = (
        "FORM_019",
        "{field}の値「{value}」は印刷した選択肢({choices})にないため、○を付けていません。手書きで補ってください(テンプレートの choices: を確認してください)。",
    )
    FORM_ERA_MISSING = (
        "FORM_020",
        "{field}の元号「{era}」は印刷した元号({eras})にないため、年の欄に元号を書きました。テンプレートの eras: を確認してください。",
    )
    FORM_NO_DEPARTMENT = (
        "FORM_021",
        "この案件には課「{department}」の手続きがありません。出力する様式はありません(この案件の課: {departments})。",
    )
    FORM_NOTHING_TO_PRINT = (
        "FORM_022",
        "{what}には印刷する様式がありません(様式のない手続きです)。",
    )
    FORM_NO_PROCEDURE = (
        "FORM_023",
        "この案件に手続き「{id}」はありません。{suggestion}この案件の手続き: {procedures}。",
    )
    FORM_TEMPLATES_MISSING = (
        "FORM_024",
        "様式テンプレートがありません: {ids}。forms_templates/ に追加してから印刷してください(kakanai check で確認できます)。",
    )
    FORM_NO_MEMBER = (
        "FORM_025",
        "この案件に世帯員の番号 {member} はありません(0 から {last} まで)。",
    )
    FORM_OUTPUT = (
        "FORM_026",
        "出力先「{path}」に書き込めません: {detail}。フォルダと書き込み権限を確認してください。",
    )
    FORM_NO_TEMPLATES = (
        "FORM_027",
        "様式テンプレート(form: で始まる *.yaml)が見つかりません。パスを確認してください。",
    )
    FORM_COLUMNS_WIDE = (
        "FORM_028",
        "表の列の幅の合計({total}mm)が表の幅({width}mm)を超えているか、width: のない列に幅が残っていません。width: を直してください。",
    )
    FORM_UNKNOWN_FORM = (
        "FORM_029",
        "様式「{id}」のテンプレートはありません。{suggestion}",
    )
    FORM_ERA_CROWDED = (
        "FORM_030",
        "{field}は、印刷した元号({eras})のあとに年の数字2桁が入る幅がありません(数字が元号と重なるか欠けます)。テンプレートの box: を広げるか era_width: を小さくしてください。",
    )
    FORM_DATE_ABBREVIATED = (
        "FORM_031",
        "{field}は日付を「R8.11.23」の略記(style: short)で印刷します。住民が確かめて署名する様式では「令和8年11月23日」と書いてください(style: short を消し、枠が狭ければ size: や min_size: を小さくします)。",
        "warning",
    )

    # Editing a template in the supervisor's mode (様式の編集)
    TEMPLATE_EDIT_MISSING = (
        "FORM_EDIT_001",
        "様式テンプレートの中に項目「{field}」が見つかりません。ファイルが別の場所で変更されていないか確かめ、開き直してください。",
    )
    TEMPLATE_EDIT_OPEN = (
        "FORM_EDIT_002",
        "様式テンプレートを開けません: {path}({detail})。UTF-8 の YAML ファイルか確かめてください。",
    )
    TEMPLATE_EDIT_SAVE = (
        "FORM_EDIT_003",
        "様式テンプレートを保存できません: {path}({detail})。ディスクの空きと、フォルダに書き込めるかを確かめてください。変更は画面に残っています。",
    )
    TEMPLATE_EDIT_TABLE = (
        "FORM_EDIT_004",
        "項目「{field}」は表(table)なので、種類を変えられません。表を削除してから新しい項目を置いてください。",
    )
    TEMPLATE_EDIT_RESET = (
        "FORM_EDIT_005",
        "市の様式を削除できません: {path}({detail})。ファイルが開かれていないか、フォルダに書き込めるか確かめてください。",
    )

    # --- end of forms codes ---

    # --- The app: settings, data directory, database (APP_) ---
    APP_SETTINGS_UNREADABLE = (
        "APP_001",
        "設定ファイルを読めません: {detail}。ファイルを直すか削除すると既定の設定で起動します。",
    )
    APP_SETTING_BAD = (
        "APP_002",
        "設定「{name}」の値「{value}」は使えません。{hint}",
    )
    APP_DATABASE_UNREACHABLE = (
        "APP_003",
        "データベースに接続できません({detail})。設定のデータベースURLとサーバーを確認してください。",
    )
    APP_DATA_DIR = (
        "APP_004",
        "データフォルダ「{path}」を作れません: {detail}。場所と書き込み権限を確認してください。",
    )
    APP_RETENTION_DAYS = (
        "APP_005",
        "保存期間は0日から{maximum}日までの日数で指定してください(指定: {value})。0日は今までのすべてです。",
    )
    APP_PRINTER_MISSING = (
        "APP_006",
        "プリンター「{name}」が見つかりません。電源と接続を確認するか、設定でプリンターを選び直してください。",
    )
    # --- end of app codes ---

    # --- Issue 15, the store and the data folder: keyring lock, key dates, busy database ---
    KEY_BUSY = (
        "KEY_009",
        "鍵のファイルを別の kakanai が使用中のままです({path})。その操作が終わるのを待ってから、もう一度実行してください。",
    )
    KEY_FROM_THE_FUTURE = (
        "KEY_010",
        "取り込むファイルの鍵 {key_id} の作成日時 {created} が、この端末の時計({now})より1日以上先です。このままでは、その鍵がずっと使用中の鍵になってしまいます。書き出した端末とこの端末の時計を確認し、正しい時計で書き出し直してください。",
    )
    KEY_IDS_EXHAUSTED = (
        "KEY_011",
        "鍵IDの空きがありません(鍵が{count}個あり、使える鍵IDをすべて使っています)。鍵を取り込みすぎている可能性があります。管理者に連絡し、正しい書き出しファイルで鍵を作り直してください。",
    )
    STORE_BUSY = (
        "STORE_001",
        "データベースを他の窓口の処理が使い続けていて、待っても使えませんでした。少し待ってから、もう一度操作してください。何度も続くときは管理者に連絡してください。",
    )
    # --- end of issue 15 store codes ---

    # --- Counter mode: the interview wizard (COUNTER_) ---
    COUNTER_DRAFT_VERSION = (
        "COUNTER_001",
        "中断した面談は設問ツリーの版{draft_version}で始めたもので、いまの版{version}では再開できません。破棄して新しい面談を始めてください。",
    )
    COUNTER_DRAFT_CLOSED = (
        "COUNTER_002",
        "この面談の下書きはすでに終了または破棄されています。新しい面談を始めてください。",
    )
    COUNTER_NOT_FINISHED = (
        "COUNTER_003",
        "まだ回答していない設問があります(「{question}」)。すべて答えてから案内票を作ってください。",
    )
    COUNTER_DRAFT_UNREADABLE = (
        "COUNTER_004",
        "中断した面談を読み込めません: {detail}。破棄して新しい面談を始めてください。",
    )
    COUNTER_NO_EVENT = (
        "COUNTER_005",
        "今回の手続き(ライフイベント)を1つ以上、{most}つまで選んでください。",
    )
    COUNTER_VISIT_TOO_LONG = (
        "COUNTER_006",
        "設問ツリー「{id}」(版 {version})のIDか版が長すぎて、面談を記録できません(IDは{id_chars}文字、版は{version_chars}文字まで)。このライフイベントを外して受け付け、設問ツリーを管理する方に、IDか版を短くするよう連絡してください。",
    )
    COUNTER_TOWNS_UNREADABLE = (
        "COUNTER_007",
        "町字・建物の一覧「{path}」を読み込めません: {detail}。町字は1行目を「郵便番号,都道府県,市区町村,町字,よみ」、建物は「町字,番地・号,建物名」とし、2行目から1行に1つずつ書いてください(UTF-8のCSV)。",
    )
    # --- end of counter codes ---

    # --- Desk mode: scanning and printing (DESK_) ---
    DESK_CAMERA_MISSING = (
        "DESK_001",
        "カメラ{index}番を開けません。接続と、他のアプリが使っていないかを確認し、設定のカメラ番号を選び直してください。ハンディスキャナーと「画像を開く」はこのまま使えます。",
    )
    DESK_FRAMES_UNREADABLE = (
        "DESK_002",
        "読み取り用の画像フォルダ「{path}」に画像がありません。PNGかJPEGの画像を入れてください。",
    )
    # --- end of desk codes ---

    # --- Installation: `kakanai doctor` (DOCTOR_) ---
    DOCTOR_FONT_MISSING = (
        "DOCTOR_001",
        "{family}のフォントがありません。IPAex{family}({file})を入れてください(Debian: apt install fonts-ipaexfont、Windows: フォントを右クリック →「すべてのユーザーに対してインストール」)。別のフォルダに置いたときは KAKANAI_FONT_DIR にそのフォルダを設定します。",
    )
    DOCTOR_RARE_KANJI_FONT = (
        "DOCTOR_002",
        "IPAmj明朝(ipamjm.ttf)がありません。人名の外字(𠮷、髙 など)を様式に印刷できません。IPAmj明朝を入れてください(Debian: apt install fonts-ipamj-mincho)。",
    )
    DOCTOR_UI_FONT = (
        "DOCTOR_003",
        "BIZ UDゴシックがありません。画面の文字は別のフォントで表示されます。Windows の「設定 → 個人用設定 → フォント」で日本語の追加フォントを入れてください。",
    )
    DOCTOR_ZBAR = (
        "DOCTOR_004",
        "QRコードの読み取りに使うライブラリを読み込めません({detail})。Debian: apt install libzbar0、Windows: Visual C++ 2013 再頒布可能パッケージ(x64)を入れてください。",
    )
    DOCTOR_DATA_DIR_OPEN = (
        "DOCTOR_005",
        "{what}「{path}」をほかの利用者も読めます(権限 {mode})。所有者だけにしてください: chmod {wanted} {path}",
    )
    DOCTOR_DATA_DIR_UNWRITABLE = (
        "DOCTOR_006",
        "データフォルダ「{path}」に書き込めません。この利用者に書き込み権限を与えるか、KAKANAI_DATA_DIR で書き込めるフォルダを指定してください。",
    )
    DOCTOR_NO_KEYS = (
        "DOCTOR_007",
        "この窓口に案内票の鍵がありません。最初の1台では kakanai keys init を、ほかの窓口では1台目の kakanai keys export で作ったファイルを kakanai keys import ファイル で取り込んでください。",
    )
    DOCTOR_DATABASE = (
        "DOCTOR_008",
        "データベース({database})に接続できません: {detail}。サーバーが動いているか、URL・利用者名・パスワード・ファイアウォールを確認してください。",
    )
    DOCTOR_SCHEMA_NEWER = (
        "DOCTOR_009",
        "データベースのスキーマ版 {stored} は、この kakanai(版 {head})より新しい版で作られています。この端末の kakanai を更新してください。",
    )
    DOCTOR_PRINTER_FOLDER = (
        "DOCTOR_010",
        "印刷先のフォルダ「{path}」がないか、書き込めません。フォルダを作るか、設定のプリンターを直してください。",
    )
    DOCTOR_PRINTER_MISSING = (
        "DOCTOR_011",
        "設定のプリンター「{name}」がこの端末にありません(あるもの: {known})。ドライバーを入れるか、設定のプリンターを選び直してください。",
    )
    DOCTOR_NO_PRINTER = (
        "DOCTOR_012",
        "プリンターが1台もありません。案内票用(80mm ロール紙)か A4 のプリンターのドライバーを入れてください。",
    )
    DOCTOR_PRINTERS_UNKNOWN = (
        "DOCTOR_013",
        "プリンターの一覧を得られませんでした({detail})。画面版の印刷ダイアログで確かめてください。",
    )
    DOCTOR_CAMERA = (
        "DOCTOR_014",
        "カメラ{index}番を開けません。接続を確かめ、設定のカメラ番号を選び直してください。ハンディスキャナーと「画像を開く」はこのまま使えます。",
    )
    DOCTOR_CONTENT = (
        "DOCTOR_015",
        "設定の設問ツリー「{id}」を開けません: {detail}",
    )
    DOCTOR_CARD_SERVICE = (
        "DOCTOR_016",
        "カードリーダーのサービス(pcscd)に接続できません。マイナンバーカードから氏名等を読むには pcscd を入れて動かしてください(Debian: apt install pcscd)。カードリーダーがなくても、氏名等は手で入力できます。",
    )
    # --- end of doctor codes ---
    # Statistics (統計モード, kakanai stats, demo-data, bench stats): issue 14.
    STATS_PERIOD = (
        "STATS_001",
        "期間の終わり({end})が始まり({start})より前です。--from と --to を確かめてください。",
    )
    STATS_OUTPUT = (
        "STATS_002",
        "統計を書き出せません: {path}({detail})。フォルダがあるか、書き込めるか、ファイルを Excel などで開いたままでないかを確かめてください。",
    )
    STATS_SETTINGS_UNREADABLE = (
        "STATS_003",
        "統計の設定ファイル {path} を読めません: {detail}。ファイルを直すか削除してください(削除すると既定値に戻ります)。",
    )
    STATS_SETTING_BAD = (
        "STATS_004",
        "統計の設定「{name}」の値「{value}」は使えません。{hint}",
    )
    STATS_DEMO_NOT_EMPTY = (
        "STATS_005",
        "このデータベースにはすでに案件が{count}件あります。見本データは空のデータベースにだけ作ります。--url で新しいデータベースを指定してください。",
    )
    STATS_NEEDS_FILE = (
        "STATS_006",
        "{format} の形式は画面に表示できません。--out で書き出すファイル名(例: 統計.{format})を指定してください。",
    )
    # --- end of statistics codes ---

    # --- Input limits and values at the door (INPUT_): every file, answer and case field ---
    # Each limit has its own code, so a refusal says which limit was met and what to do.
    INPUT_NOT_REGULAR = (
        "INPUT_001",
        "「{path}」は通常のファイルではありません({kind})。読み込むファイルそのものを指定してください。",
    )
    INPUT_FILE_TOO_LARGE = (
        "INPUT_002",
        "ファイルが大きすぎます({size}バイト、上限{limit}バイト)。指定したファイルが正しいか確認してください。",
    )
    INPUT_TOO_MANY_VALUES = (
        "INPUT_003",
        "値が多すぎます(エイリアス * の展開を含めて{limit}個まで)。エイリアス(&名前 と *名前)を使わずに書くか、ファイルを分けてください。",
    )
    INPUT_TOO_DEEP = (
        "INPUT_004",
        "入れ子が深すぎます({limit}段まで)。括弧 [ ] {{ }} や「- 」の入れ子を減らしてください。",
    )
    INPUT_IMAGE_TOO_LARGE = (
        "INPUT_005",
        "画像が大きすぎます({size}、上限{limit}万画素、1辺{side}ピクセル)。案内票の二次元コードの部分を撮り直すか、解像度を下げて保存してください。",
    )
    INPUT_HOUSEHOLD_SIZE = (
        "INPUT_006",
        "{where}世帯員が{count}人います。1件で受け付けられるのは{limit}人までです。世帯を分けて受け付けてください。",
    )
    INPUT_TEXT_LENGTH = (
        "INPUT_007",
        "{where}が長すぎます({length}文字、上限{limit}文字)。短くして入力し直してください。",
    )
    INPUT_TEXT_CHARACTER = (
        "INPUT_008",
        "{where}に使えない文字({codepoint})が含まれています。制御文字や書字方向を変える文字を消して入力し直してください。",
    )
    INPUT_NOT_TEXT = (
        "INPUT_009",
        "{where}は文字で入力してください(今は{kind}です)。",
    )
    INPUT_DATE_RANGE = (
        "INPUT_010",
        "{where}の日付({date})は扱えません。{earliest}から{latest}までの日付を入力してください。",
    )
    INPUT_NUMBER_RANGE = (
        "INPUT_011",
        "{where}の数が大きすぎます。{limit}までの数を入力してください。",
    )
    INPUT_SCAN_TOO_LONG = (
        "INPUT_012",
        "読み取った文字が多すぎます({length}文字、上限{limit}文字)。入力欄を空にしてから、案内票の二次元コードを1回だけ読み取ってください。",
    )
    # Case files: what may still print but deserves a look before the forms are handed over
    CASE_QUESTIONNAIRE_VERSION = (
        "CASE_003",
        "案件は設問ツリー「{id}」の版{case_version}で作られましたが、この窓口の設問ツリーは版{local_version}です。様式は案件の内容どおりに印刷します。手続きや回答が今の版と違わないか確かめてから渡してください。",
    )
    CASE_QUESTIONNAIRE_MISSING = (
        "CASE_004",
        "案件の設問ツリー「{id}」がこの窓口にありません。様式は案件の内容どおりに印刷します。設問ツリーの版を管理者に確かめてください。",
    )
    # Opening a slip: a check added with the limits (core/slip/envelope.py)
    SLIP_NOT_YET_VALID = (
        "SLIP_016",
        "この案内票の発行日時({issued})が、この窓口の時計({now})より後になっています。この窓口のパソコンの日付と時刻を確かめてください。正しければ、発行した窓口のパソコンの時計が進んでいます。",
    )
    # --- end of input limit codes ---

    # --- Supervision (監修, issue 13): users and sign-in (USER_, SUPERVISE_), published
    # question-tree versions (TREES_) ---
    USER_NAME_INVALID = (
        "USER_001",
        "利用者名「{name}」は使えません。1文字以上{maximum}文字以内で、空白や制御文字だけにしないでください。",
    )
    USER_EXISTS = (
        "USER_002",
        "利用者「{name}」はすでに登録されています。別の名前にするか、kakanai users list で確かめてください。",
    )
    USER_UNKNOWN = (
        "USER_003",
        "利用者「{name}」は登録されていません。kakanai users list で名前を確かめてください。{suggestion}",
    )
    USER_ROLE_INVALID = (
        "USER_004",
        "役割「{role}」はありません。clerk(窓口)、desk(連携課)、supervisor(監修者)のどれかを指定してください。",
    )
    USER_PASSWORD_SHORT = (
        "USER_005",
        "パスワードが短すぎます({length}文字)。{minimum}文字以上にしてください。覚えやすい長い文(例: 単語をいくつかつないだもの)がおすすめです。",
    )
    USER_PASSWORD_LONG = (
        "USER_006",
        "パスワードが長すぎます。{maximum}文字以内にしてください。",
    )
    USER_PASSWORD_NOT_SUPERVISOR = (
        "USER_007",
        "パスワードは監修者(supervisor)にだけ設定します。「{name}」の役割は{role}です。パスワードを指定せずに登録してください。",
    )
    USER_PASSWORD_MISMATCH = (
        "USER_008",
        "確認のために入力したパスワードが一致しません。もう一度、同じパスワードを2回入力してください。",
    )
    USER_PASSWORD_NOT_GIVEN = (
        "USER_009",
        "{what}のパスワードを入力できません(端末から実行されていません)。端末から実行するか、--{option} でパスワードを1行だけ書いたファイルを指定してください。",
    )
    USER_LAST_SUPERVISOR = (
        "USER_010",
        "「{name}」は有効な最後の監修者なので無効にできません。先に別の監修者を kakanai users add で登録してください。",
    )
    USER_PASSWORD_IS_NAME = (
        "USER_011",
        "パスワードに利用者名と同じものは使えません。別のパスワードにしてください。",
    )
    USER_PASSWORD_FILE = (
        "USER_012",
        "パスワードのファイル「{path}」を読めません({detail})。パスワードを1行だけ書いたUTF-8のファイルを指定してください。",
    )
    SUPERVISE_SIGN_IN_FAILED = (
        "SUPERVISE_001",
        "利用者名かパスワードが違います。確かめて、もう一度入力してください。忘れたときは、ほかの監修者に kakanai users password で設定し直してもらってください。",
    )
    SUPERVISE_NOT_SUPERVISOR = (
        "SUPERVISE_002",
        "「{name}」は監修者ではないため、監修の操作はできません(役割: {role})。監修者の名前で実行してください。",
    )
    SUPERVISE_DISABLED = (
        "SUPERVISE_003",
        "「{name}」は無効にされているため、監修の操作はできません。ほかの監修者に kakanai users enable で有効にしてもらってください。",
    )
    SUPERVISE_NEEDS_SUPERVISOR = (
        "SUPERVISE_004",
        "この操作には監修者の確認が必要です。--as 監修者の名前 を付けて実行し、パスワードを入力してください。",
    )
    TREES_NOT_CHECKED = (
        "TREES_001",
        "設問ツリー「{name}」に問題が{count}件あるため、公開しません(何も保存していません)。上の各行の問題を直し、kakanai check で確かめてから、もう一度実行してください。",
    )
    TREES_NO_SCENARIOS = (
        "TREES_002",
        "設問ツリー「{name}」にはテストシナリオがないため、公開しません。{tests}に確認済みのシナリオを1つ以上書き、kakanai check で通ることを確かめてください。",
    )
    TREES_VERSION_EXISTS = (
        "TREES_003",
        "設問ツリー「{id}」の版{version}はすでに公開されています(取り下げた版も含みます)。新しい版を指定してください。例: {suggested}",
    )
    TREES_VERSION_LOWER = (
        "TREES_004",
        "版{version}は、公開済みの最新の版{newest}より前の版です。{newest}より後の版を指定してください。例: {suggested}",
    )
    TREES_VERSION_INVALID = (
        "TREES_005",
        "版「{version}」は使えません。英数字で始まる{maximum}文字以内の英数字・「.」「-」「_」で書いてください(+ は使えません)。例: 2027.4",
    )
    TREES_EFFECTIVE_EARLIER = (
        "TREES_006",
        "施行日 {effective} は、公開中の版{version}の施行日 {current} より前です。この日付では一度も使われない版になります。{current} 以降の施行日を指定するか、先に版{version}を取り下げてください。",
    )
    TREES_EFFECTIVE_RANGE = (
        "TREES_007",
        "施行日 {effective} は扱えません。{earliest}から{latest}までの日付を指定してください。",
    )
    TREES_VERSION_UNKNOWN = (
        "TREES_008",
        "設問ツリー「{id}」の版{version}はデータベースにありません。kakanai trees list で公開済みの版を確かめてください。",
    )
    TREES_ALREADY_WITHDRAWN = (
        "TREES_009",
        "設問ツリー「{id}」の版{version}は、{at}に{by}がすでに取り下げています。",
    )
    TREES_NOTHING_TO_EXPORT = (
        "TREES_010",
        "書き出す版がありません{what}。kakanai trees list で公開済みの版を確かめてください。",
    )
    TREES_EXPORT_FAILED = (
        "TREES_011",
        "「{path}」に書き出せません({detail})。フォルダがあるか、書き込めるかを確かめてください。",
    )
    TREES_ONE_VERSION_MANY_FILES = (
        "TREES_012",
        "--version はファイルを1つだけ取り込むときに使います。ファイルごとに実行するか、各ファイルの version: を直してください。",
    )
    TREES_SAME_TREE_TWICE = (
        "TREES_013",
        "設問ツリー「{id}」が2回指定されています。1つのファイルだけを指定してください。",
    )
    TREES_ID_INVALID = (
        "TREES_014",
        "設問ツリーのID「{id}」は使えません。英小文字で始まり、英小文字・数字・_ だけのIDを指定してください。",
    )
    # --- end of supervision codes ---

    # --- The counter and the desk at the clerk's desk (issue 11: printing, window) ---
    COUNTER_PRINT_SPOOL = (
        "COUNTER_101",
        "プリンター「{name}」に印刷を送れませんでした({detail})。プリンターの電源と接続を確かめて、もう一度印刷してください。",
    )
    # --- end of counter and desk codes ---

    def __init__(self, code: str, template: str, severity: str = "error") -> None:
        self.code = code
        self.template = template
        self.severity = severity  # "error" fails a check; "warning" is reported only

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def format(self, **fields: object) -> str:
        """Fill the template; missing fields become empty so a message is never lost."""
        return self.template.format_map(_Blank(fields)).replace("。。", "。")


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return ""


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """Return a Japanese "did you mean" hint, or an empty string when nothing is close."""
    close = difflib.get_close_matches(name, list(candidates), n=3, cutoff=0.6)
    if not close:
        return ""
    return "もしかして: " + "、".join(close)


class Where(Protocol):
    """Anything that names a place in a file (a located YAML value's ``Loc``)."""

    @property
    def path(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def col(self) -> int: ...


@dataclass(frozen=True)
class Problem:
    """One problem found in a file, pointing at a 1-based line and column."""

    path: str
    line: int
    col: int
    code: ErrorCode
    message: str

    @classmethod
    def at(cls, place: Where, code: ErrorCode, /, **fields: object) -> Problem:
        """A problem at ``place`` with the code's template filled from ``fields``."""
        return cls(place.path, place.line, place.col, code, code.format(**fields))

    @classmethod
    def said(cls, place: Where, code: ErrorCode, message: str) -> Problem:
        """A problem at ``place`` whose message is already written."""
        return cls(place.path, place.line, place.col, code, message)

    @property
    def is_warning(self) -> bool:
        return self.code.is_warning

    def render(self) -> str:
        note = "(警告) " if self.is_warning else ""
        return f"{self.path}:{self.line}:{self.col}: {self.code.code} {note}{self.message}"


class KakanaiError(Exception):
    """An expected problem with a stable code and a Japanese message."""

    def __init__(
        self, code: ErrorCode, message: str, *, path: str = "", line: int = 0, col: int = 0
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.col = col

    @classmethod
    def from_problem(cls, problem: Problem) -> KakanaiError:
        return cls(
            problem.code, problem.message, path=problem.path, line=problem.line, col=problem.col
        )

    @classmethod
    def of(cls, code: ErrorCode, **fields: object) -> KakanaiError:
        return cls(code, code.format(**fields))

    def render(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}: " if self.path else ""
        return f"{where}{self.code.code} {self.message}"


class AnswerError(KakanaiError):
    """An answer that does not fit its question; the interview stays unchanged."""

"""What the guidance slip says: the resident, the household, the procedures grouped by
department in visiting order, 和暦 times, and the English slip's terms."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from kakanai.core.slip.content import SlipContent, slip_content
from kakanai.core.slip.texts import counter_en, floor_en, go_to_en, labels
from tests.conftest import ROOT
from tests.slip_cases import EXPIRES_AT, ISSUED_AT, reference_case


def content(lang: str = "ja", desk: str = "総合窓口") -> SlipContent:
    return slip_content(
        reference_case(), issued_at=ISSUED_AT, expires_at=EXPIRES_AT, lang=lang, desk=desk
    )


def test_header_names_city_desk_issue_time_in_wareki_and_case_number() -> None:
    slip = content()
    assert slip.office == "サンプル市 総合窓口"
    assert slip.issued == "発行 令和8年11月23日 10:15"
    assert slip.case_id == "20261123-3FA2C1"


def test_times_are_shown_on_the_japanese_clock() -> None:
    utc = dt.datetime(2026, 11, 23, 1, 15, tzinfo=dt.UTC)
    slip = slip_content(reference_case(), issued_at=utc, expires_at=utc, lang="ja", desk="")
    assert slip.issued == "発行 令和8年11月23日 10:15"


def test_resident_is_the_head_of_household_with_honorific() -> None:
    case = reference_case()
    case["household"]["head"] = 1
    slip = slip_content(case, issued_at=ISSUED_AT, expires_at=EXPIRES_AT, lang="ja", desk="")
    assert slip.resident == "山田 花子 様"
    assert slip.office == "サンプル市"


def test_after_a_death_the_slip_is_for_the_person_who_came_not_the_deceased() -> None:
    """The death tree's household is the deceased's (its head); the slip and the counter's
    summary name the bereaved who came (applicant_name / applicant_kana)."""
    case = json.loads((ROOT / "forms_templates" / "samples" / "shibou.json").read_text("utf-8"))
    head = case["household"]["members"][case["household"].get("head", 0)]["name"]
    slip = slip_content(case, issued_at=ISSUED_AT, expires_at=EXPIRES_AT, lang="ja", desk="")
    assert slip.resident == "田中 浩 様"
    assert slip.resident_kana == "タナカ\u3000ヒロシ"
    assert head not in slip.resident


def test_address_is_the_new_address_in_one_line() -> None:
    assert content().address == (
        "〒100-0001 東京都サンプル市中央一丁目2番3号 サンプルハイツ中央 101号室"
    )


def test_departments_come_in_the_order_of_their_first_procedure() -> None:
    slip = content()
    assert [d.name for d in slip.departments] == [
        "市民課",
        "保険年金課",
        "こども育成課",
        "学務課",
        "環境課",
    ]
    assert slip.departments[0].where == "1階 1番窓口 内線1101"
    assert slip.summary.startswith("手続きは5つの課で12件あります。")


def test_member_procedures_name_the_member_and_deadlines_are_emphasised() -> None:
    nenkin = content().departments[0].procedures[3]
    rows = {row.label: row for row in nenkin.rows}
    assert rows["対象"].texts == ("山田 太郎 様",)
    assert rows["期限"].emphasis
    assert rows["持ち物"].bullets
    assert [row.label for row in nenkin.rows] == ["対象", "期限", "持ち物", "理由"]


def test_validity_note_gives_the_expiry_in_wareki() -> None:
    assert content().validity == "有効期限\n令和8年12月23日 10:15まで"


def test_english_slip_translates_labels_but_keeps_names_and_procedures() -> None:
    slip = content("en")
    assert slip.title.startswith("Guidance slip")
    assert slip.resident == "山田 太郎"
    assert slip.issued == "Issued 23 Nov 2026, 10:15 (令和8年11月23日)"
    assert slip.members[0].relationship == "Head of household"
    assert slip.members[0].birth == "10 May 1982"
    assert slip.departments[0].guide == "Go to: 1F counter 1, 市民課 (Citizens Division)"
    assert slip.departments[0].procedures[0].name == "転入届"
    assert slip.departments[0].procedures[0].rows[0].label == "Deadline"


@pytest.mark.parametrize(
    ("japanese", "english"),
    [("1階", "1F"), ("地下1階", "B1F"), ("１２階", "12F"), ("別館", "別館")],
)
def test_floor_terms(japanese: str, english: str) -> None:
    assert floor_en(japanese) == english


@pytest.mark.parametrize(
    ("japanese", "english"), [("12番窓口", "counter 12"), ("総合案内", "総合案内")]
)
def test_counter_terms(japanese: str, english: str) -> None:
    assert counter_en(japanese) == english


def test_an_unknown_department_keeps_its_japanese_name() -> None:
    assert go_to_en("市民協働課", "2階", "") == "Go to: 2F, 市民協働課"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        labels("fr")


def test_departments_come_in_visiting_order_not_the_order_of_their_procedures() -> None:
    """A city lists its departments floor by floor; the route follows that list."""
    case = copy.deepcopy(reference_case())
    case["procedures"] = list(reversed(case["procedures"]))  # 環境課 (4階) first
    slip = slip_content(case, issued_at=ISSUED_AT, expires_at=EXPIRES_AT, lang="ja", desk="")
    names = [d.name for d in slip.departments]
    assert names == ["市民課", "保険年金課", "こども育成課", "学務課", "環境課"]


def test_a_procedure_for_one_member_names_them_for_the_route_line() -> None:
    nenkin = content().departments[0].procedures[3]
    assert nenkin.member == "山田 太郎 様"
    assert content().departments[0].procedures[0].member == ""


SAMPLES = ROOT / "forms_templates" / "samples"


@pytest.mark.parametrize(
    ("sample", "label", "starts"),
    [
        ("tenkyo", "新しい住所", "〒"),  # 転居: the new address in the city
        ("kokugai_tennyu", "新しい住所", "〒"),  # 国外から転入
        ("tenshutsu", "転出先の住所", "〒"),  # 転出: where they go
        ("shusshou", "住所", "〒"),  # 出生: the household's address, no move
        ("konin", "住所", "〒"),  # 婚姻
        ("rikon", "住所", "〒"),  # 離婚
        ("shizan", "住所", "〒"),  # 死産
        ("shoumei_juuminhyou", "住所", "〒"),  # 証明書: the requester's address
    ],
)
def test_the_address_row_is_labelled_by_what_the_case_is(
    sample: str, label: str, starts: str
) -> None:
    case = json.loads((SAMPLES / f"{sample}.json").read_text(encoding="utf-8"))
    slip = slip_content(case, issued_at=ISSUED_AT, expires_at=EXPIRES_AT, lang="ja", desk="")
    assert slip.address_label == label
    assert slip.address.startswith(starts)


def test_a_move_abroad_has_no_new_address_to_show() -> None:
    case = json.loads((SAMPLES / "kokugai_tenshutsu.json").read_text(encoding="utf-8"))
    slip = slip_content(case, issued_at=ISSUED_AT, expires_at=EXPIRES_AT, lang="ja", desk="")
    assert slip.address_label == "転出先の住所"
    assert slip.address == ""


def test_a_case_with_no_move_is_labelled_address_in_english_too() -> None:
    """A death (おくやみ) visit: the household's address, not a new one."""
    case = reference_case()
    case["questionnaire"]["id"] = "okuyami"
    case["answers"] = [a for a in case["answers"] if a["question"] != "move_type"]
    slip = slip_content(case, issued_at=ISSUED_AT, expires_at=EXPIRES_AT, lang="en", desk="")
    assert slip.address_label == "Address"
    assert content("en").address_label == "New address"

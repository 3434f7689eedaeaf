"""A small question tree with its scenarios for the publishing tests (checked in
milliseconds), and ways to change it."""

from __future__ import annotations

PETS = """\
# ペットの手続き(公開のテスト用の小さな設問ツリー)
# このコメントも、公開したとおりに残ります。
questionnaire:
  id: pets
  title: ペットの手続き
  version: "2027.1"
  effective_from: 2027-01-01
departments:
  - id: kankyo
    name: 環境課
    floor: 2階
sections:
  - id: pets
    title: ペット
    questions:
      - id: pet_dog
        type: yesno
        text: 犬を飼っていますか。  # 猫は届出がいりません
      - id: pet_count
        type: number
        text: 犬は何頭ですか。
        when: pet_dog
        record_only: true
procedures:
  - id: dog_address
    name: 犬の登録事項変更
    department: kankyo
    when: pet_dog
    because: 犬を飼っているため。
  - id: pet_none
    name: 手続きなし(ご案内のみ)
    department: kankyo
    when: not pet_dog
    because: 犬を飼っていないため。
"""

PETS_TESTS = """\
# pets.yaml のテストシナリオ
questionnaire: pets
scenarios:
  - name: 犬が2頭
    as_of: 2026-11-23
    answers: {pet_dog: はい, pet_count: 2}
    expect:
      procedures: [dog_address]
  - name: 犬なし
    as_of: 2026-11-23
    answers: {pet_dog: いいえ}
    expect:
      procedures: [pet_none]
      not_asked: [pet_count]
"""


def replaced(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; fails loudly when ``old`` is not there."""
    assert old in text, f"{old!r} is not in the text"
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` that holds ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in the text")

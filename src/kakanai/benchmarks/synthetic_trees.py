"""Synthetic question trees for `kakanai bench engine`'s scale series: the shapes a city's
trees grow into (many independent yes/no facts, thresholds on numbers and dates, households
with many member profiles), generated as YAML text the way a supervisor would write them."""

from __future__ import annotations

from dataclasses import dataclass

_HEADER = """\
questionnaire: {{id: {id}, title: 合成ツリー, version: "1"}}
departments:
  - {{id: shimin, name: 市民課}}
  - {{id: fukushi, name: 福祉課}}
sections:
  - id: main
    title: 設問
    questions:
"""
_HOUSEHOLD = "      - {id: household, type: household, text: 世帯全員を教えてください。}\n"


@dataclass(frozen=True)
class Synthetic:
    """One generated tree: its name in the series and its YAML text."""

    name: str
    text: str
    questions: int
    procedures: int


def independent(count: int, extra_pairs: int = 0) -> Synthetic:
    """``count`` independent yes/no questions, each gating one procedure, plus procedures
    that need two neighbouring answers (``extra_pairs`` of them)."""
    lines = [_HEADER.format(id=f"independent_{count}")]
    for i in range(count):
        lines.append(f"      - {{id: fact_{i}, type: yesno, text: 事実{i}はありますか。}}\n")
    lines.append(
        "procedures:\n  - {id: base, name: 基本の届出, department: shimin, because: 全員。}\n"
    )
    for i in range(count):
        lines.append(_procedure(f"gate_{i}", f"fact_{i}"))
    for i in range(extra_pairs):
        a, b = i % count, (i + 1) % count
        lines.append(_procedure(f"pair_{i}", f"fact_{a} and not fact_{b}", "fukushi"))
    return Synthetic(
        f"independent yes/no ×{count}" + (f" (+{extra_pairs} pair rules)" if extra_pairs else ""),
        "".join(lines),
        count,
        count + extra_pairs + 1,
    )


def thresholds(yesno: int = 20, measured: int = 10) -> Synthetic:
    """Yes/no questions plus number and date questions, each with two thresholds."""
    lines = [_HEADER.format(id="thresholds")]
    for i in range(yesno):
        lines.append(f"      - {{id: fact_{i}, type: yesno, text: 事実{i}はありますか。}}\n")
    for i in range(measured):
        kind = "number" if i % 2 == 0 else "date"
        lines.append(f"      - {{id: value_{i}, type: {kind}, text: 値{i}を教えてください。}}\n")
    lines.append(
        "procedures:\n  - {id: base, name: 基本の届出, department: shimin, because: 全員。}\n"
    )
    for i in range(yesno):
        lines.append(_procedure(f"gate_{i}", f"fact_{i}"))
    for i in range(measured):
        low, high = 3 + i, 10 + 2 * i
        if i % 2 == 0:
            lines.append(_procedure(f"low_{i}", f"value_{i} < {low}"))
            lines.append(_procedure(f"mid_{i}", f"{low} <= value_{i} < {high}"))
        else:
            lines.append(_procedure(f"recent_{i}", f"age(value_{i}) < {low}"))
            lines.append(_procedure(f"old_{i}", f"age(value_{i}) >= {high}"))
    return Synthetic(
        f"{yesno} yes/no + {measured} number/date thresholds",
        "".join(lines),
        yesno + measured,
        yesno + 2 * measured + 1,
    )


def household_profiles(bands: int = 10) -> Synthetic:
    """Per-member procedures on ``bands`` age bands: a household of ``bands`` + 1 profiles."""
    lines = [_HEADER.format(id="household"), _HOUSEHOLD]
    lines.append("      - {id: kokuho, type: yesno, text: 国民健康保険に加入していますか。}\n")
    lines.append("computed:\n")
    lines.append("  - {id: has_child, title: 子がいる, value: any_member(member.age < 18)}\n")
    lines.append(
        "procedures:\n  - {id: base, name: 基本の届出, department: shimin, because: 全員。}\n"
    )
    for i in range(bands):
        low, high = 8 * i, 8 * i + 8
        condition = f"{low} <= member.age < {high}" + (" and kokuho" if i % 2 else "")
        lines.append(_procedure(f"band_{i}", condition, "fukushi", per_member=True))
    lines.append(_procedure("family", "has_child and kokuho"))
    return Synthetic(f"household, {bands} age bands", "".join(lines), 2, bands + 2)


def member_ages(count: int = 40) -> Synthetic:
    """``count`` procedures of the form any_member(member.age == k) (issue: 48 s before)."""
    lines = [_HEADER.format(id="member_ages"), _HOUSEHOLD]
    lines.append(
        "procedures:\n  - {id: base, name: 基本の届出, department: shimin, because: 全員。}\n"
    )
    for k in range(count):
        lines.append(_procedure(f"age_{k}", f"any_member(member.age == {k})"))
    return Synthetic(f"any_member(member.age == k) ×{count}", "".join(lines), 1, count + 1)


def optional_member_questions(count: int = 6) -> Synthetic:
    """``count`` optional yes/no questions asked of each member, each gating a per-member
    procedure: a member answers them or leaves them blank (issue 12: four of them used to
    overflow the recursion building the household's profiles)."""
    lines = [_HEADER.format(id="member_questions"), _HOUSEHOLD]
    for i in range(count):
        lines.append(
            f"      - {{id: q_{i}, type: yesno, per: member, required: false, "
            f"text: 質問{i}に当てはまりますか。}}\n"
        )
    lines.append(
        "procedures:\n  - {id: base, name: 基本の届出, department: shimin, because: 全員。}\n"
    )
    for i in range(count):
        lines.append(_procedure(f"member_{i}", f"member.q_{i} == True", per_member=True))
    name = f"optional per-member yes/no ×{count}"
    return Synthetic(name, "".join(lines), count + 1, count + 1)


def multi_options(count: int) -> Synthetic:
    """One multi question whose ``count`` options each gate a procedure (with a yes/no):
    its classes are the subsets of the options, 2**count of them (12 is the limit)."""
    lines = [_HEADER.format(id=f"multi_{count}")]
    options = ", ".join(f"o{i}" for i in range(count))
    lines.append(
        f"      - {{id: chosen, type: multi, text: 選んでください。, choices: [{options}]}}\n"
    )
    lines.append("      - {id: urgent, type: yesno, text: 急ぎますか。}\n")
    lines.append(
        "procedures:\n  - {id: base, name: 基本の届出, department: shimin, because: 全員。}\n"
    )
    for i in range(count):
        lines.append(_procedure(f"option_{i}", f"'\"o{i}\" in chosen and not urgent'"))
    return Synthetic(f"multi question, {count} options", "".join(lines), 2, count + 1)


def _procedure(pid: str, when: str, department: str = "shimin", *, per_member: bool = False) -> str:
    per = "\n    per: member" if per_member else ""
    because = "{member.name}さんが該当するため。" if per_member else "該当するため。"
    return (
        f"  - id: {pid}\n    name: 手続き {pid}\n    department: {department}{per}\n"
        f'    when: {when}\n    because: "{because}"\n'
    )


def series() -> list[Synthetic]:
    """The scale series `kakanai bench engine` prints, smallest first."""
    return [
        *(independent(n) for n in (10, 20, 40, 80)),
        independent(40, extra_pairs=19),
        thresholds(),
        household_profiles(),
        member_ages(),
        optional_member_questions(6),
        *(multi_options(n) for n in (4, 8, 12)),
    ]

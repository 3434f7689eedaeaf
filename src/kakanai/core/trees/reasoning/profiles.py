"""Household members as profiles: members no member condition can tell apart. Member fields
that no condition reads together (age, sex, relationship, each per-member answer) are told
apart one *component* at a time, and profiles are the product of the components' classes, so
adding a per-member question multiplies the profiles by its answers, not the candidates."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.trees.reasoning.labels import profile_labels

Key = tuple[object, ...]
DERIVED = {"age": "birth_date", "is_head": "relationship"}  # fields computed from others
IGNORED = {"name", "kana"}  # no condition tells members apart by their names


MAX_PROFILES = 300
"""Member profiles a tree may draw. Each is a variable of every household condition; 257
(eight optional yes/no questions per member) check in a few seconds. Beyond, TREE_FLOW_010."""


class ProfileLimitError(Exception):
    """More profiles than ``MAX_PROFILES``: ``count`` is how many there would be."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


@dataclass
class Profiles:
    """Household members as profiles, each with a representative member."""

    members: list[dict[str, object]]
    keyed: dict[Key, int]
    key_of: Callable[[dict[str, object]], Key]
    count_cap: int = 1
    parts: list[tuple[frozenset[str], Callable[[dict[str, object]], Key]]] = field(
        default_factory=list
    )  # each component's fields and its key; the full key is theirs in order
    # The labels, made when first shown (a check that finds nothing never shows them).
    _label: Callable[[], list[str]] = field(default=list, repr=False)
    _labels: list[str] | None = field(default=None, repr=False)

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def labels(self) -> list[str]:
        """Each profile as a supervisor reads it (``65〜74歳・男``)."""
        if self._labels is None:
            self._labels = self._label()
        return self._labels

    def classify(self, member: dict[str, object]) -> int | None:
        return self.keyed.get(self.key_of(member))

    def representatives(self, fields: frozenset[str]) -> list[int]:
        """For each profile, the first profile whose members agree with it on ``fields``."""
        ordered = sorted(fields)
        firsts: dict[object, int] = {}
        return [
            firsts.setdefault(tuple([exact(member.get(n)) for n in ordered]), index)
            for index, member in enumerate(self.members)
        ]

    def possible(
        self, member: dict[str, object], open_fields: dict[str, list[object]]
    ) -> frozenset[int]:
        """The profiles ``member`` may be when each of ``open_fields`` may take any of its
        values: keys are told apart one component at a time, so the cost is the sum of the
        components' alternatives, not their product."""
        options: list[set[Key]] = []
        for fields, keyer in self.parts:
            free = sorted(fields & set(open_fields))
            combos = itertools.product(*(open_fields[f] for f in free))
            options.append({keyer({**member, **dict(zip(free, c, strict=True))}) for c in combos})
        found = (self.keyed.get(key) for key in itertools.product(*options))
        return frozenset(index for index in found if index is not None)


@dataclass
class MemberAtom:
    """A condition part read with a member bound, and how to evaluate it on candidates."""

    fields: frozenset[str]
    evaluate: Callable[[dict[str, object]], Key]  # outcomes over the atom's other inputs


def exact(value: object) -> object:
    """A member field's value as an exact key: equal only for the same value of the same type
    (``True`` is not ``1``, ``1`` is not ``1.0``), lists and mappings item by item."""
    if isinstance(value, list | tuple):
        return type(value), tuple(map(exact, value))
    if isinstance(value, dict):
        return dict, frozenset((k, exact(v)) for k, v in value.items())
    if isinstance(value, set | frozenset):
        return frozenset, frozenset(map(exact, value))
    return type(value), value


def member_fields_of(node: object) -> frozenset[str]:
    """The member fields a condition part reads, derived ones named by their source."""
    fields = at.member_fields(node)  # type: ignore[arg-type]
    return frozenset(DERIVED.get(f, f) for f in fields) - IGNORED


def build_profiles(
    base: dict[str, object],
    choices: dict[str, list[object]],
    reading: Sequence[MemberAtom],
    as_of: dt.date,
    blank: frozenset[str] = frozenset(),
) -> Profiles:
    """Profiles from each member field's candidate values (``choices``) and the atoms that
    read members. ``base`` fills the fields a component does not set. The caller sets
    ``count_cap`` on the result.

    ``blank`` names optional per-member answers (None among their choices). A member either
    answers them or leaves them all blank: blanks are combined into one state instead of
    multiplying the profiles by three for every optional question (3**6 = 729 profiles for
    six of them, each a variable of every household condition)."""
    components = _components([set(a.fields) & set(choices) for a in reading], set(choices))
    keyers: list[Callable[[dict[str, object]], Key]] = []
    for fields in components:
        atoms = [a for a in reading if a.fields and a.fields <= fields]

        def key_of(member: dict[str, object], _atoms: list[MemberAtom] = atoms) -> Key:
            return tuple(atom.evaluate(member) for atom in _atoms)

        keyers.append(key_of)

    def full_key(member: dict[str, object]) -> Key:
        return tuple(keyer(member) for keyer in keyers)

    answering = {
        f: [v for v in vs if v is not None] if f in blank else vs for f, vs in choices.items()
    }
    passes = [answering]
    if blank & set(choices):
        passes.append({f: [None] if f in blank else vs for f, vs in choices.items()})
    members: list[dict[str, object]] = []
    groups: list[list[dict[str, object]]] = []
    keyed: dict[Key, int] = {}
    for chosen in passes:
        classes = [
            _classes(_candidates(base, fields, chosen), keyer)
            for fields, keyer in zip(components, keyers, strict=True)
        ]
        total = len(members) + math.prod(len(c) for c in classes)
        if total > MAX_PROFILES:
            raise ProfileLimitError(total)
        for combo in itertools.product(*classes):
            member = dict(base)
            for group, fields in zip(combo, components, strict=True):
                own = fields | ({"is_head"} if "relationship" in fields else set())
                member.update({name: group[0][name] for name in own})
            key = full_key(member)
            if key not in keyed:
                keyed[key] = len(members)
                members.append(member)
                groups.append(_group(member, combo, components))
    parts = list(zip(components, keyers, strict=True))
    label = functools.partial(profile_labels, groups, as_of, set(choices))
    return Profiles(members, keyed, full_key, 1, parts, label)


def _components(read_together: list[set[str]], fields: set[str]) -> list[frozenset[str]]:
    """Fields joined when one atom reads them together (union of overlapping sets)."""
    parts: list[set[str]] = [{f} for f in sorted(fields)]
    for together in read_together:
        joined = [p for p in parts if p & together]
        if len(joined) > 1:
            merged = set().union(*joined)
            parts = [p for p in parts if not p & together] + [merged]
    return [frozenset(p) for p in parts]


def _candidates(
    base: dict[str, object], fields: frozenset[str], choices: dict[str, list[object]]
) -> list[dict[str, object]]:
    ordered = sorted(fields)
    found = []
    for values in itertools.product(*(choices[f] for f in ordered)):
        member = dict(base)
        member.update(zip(ordered, values, strict=True))
        if "relationship" in fields:
            member["is_head"] = member["relationship"] == "世帯主"
        found.append(member)
    return found


def _classes(
    candidates: list[dict[str, object]], key_of: Callable[[dict[str, object]], Key]
) -> list[list[dict[str, object]]]:
    keyed: dict[Key, int] = {}
    groups: list[list[dict[str, object]]] = []
    for candidate in candidates:
        key = key_of(candidate)
        if key not in keyed:
            keyed[key] = len(groups)
            groups.append([])
        groups[keyed[key]].append(candidate)
    return groups


def _group(
    member: dict[str, object],
    combo: tuple[list[dict[str, object]], ...],
    components: list[frozenset[str]],
) -> list[dict[str, object]]:
    """The candidates a profile stands for, for its label: the member with each component's
    field values replaced by those of its class, one component at a time."""
    found = [member]
    for group, fields in zip(combo, components, strict=True):
        found.extend({**member, **{name: c[name] for name in fields}} for c in group)
    return found

"""The decision diagrams: canonical nodes, boolean operations, quantification, witnesses."""

from __future__ import annotations

import itertools

import pytest

from kakanai.core.trees.reasoning.diagrams import FALSE, TRUE, Diagrams, Node


@pytest.fixture
def dd() -> Diagrams:
    """Three variables: a yes/no, a three-way choice and another yes/no."""
    manager = Diagrams()
    manager.add_variable("a", 2)
    manager.add_variable("b", 3)
    manager.add_variable("c", 2)
    return manager


def members(dd: Diagrams, node: Node) -> set[tuple[int, ...]]:
    """Every full assignment in ``node``, by brute force over the domains."""
    sizes = [v.size for v in dd.variables]
    found = set()
    for values in itertools.product(*(range(s) for s in sizes)):
        assignment = dict(enumerate(values))
        if dd.restrict(node, assignment) == TRUE:
            found.add(values)
    return found


def test_equal_sets_are_the_same_node(dd: Diagrams) -> None:
    left = dd.conj(dd.literal(0, [1]), dd.literal(1, [0, 2]))
    right = dd.neg(dd.disj(dd.literal(0, [0]), dd.literal(1, [1])))
    assert left == right


def test_a_literal_of_every_value_is_true(dd: Diagrams) -> None:
    assert dd.literal(1, [0, 1, 2]) == TRUE
    assert dd.literal(1, []) == FALSE


@pytest.mark.parametrize(
    ("operation", "expected"),
    [
        ("conj", lambda x, y: x and y),
        ("disj", lambda x, y: x or y),
    ],
)
def test_operations_agree_with_brute_force(dd: Diagrams, operation: str, expected: object) -> None:
    x = dd.disj(dd.literal(0, [1]), dd.literal(2, [0]))
    y = dd.literal(1, [2])
    result = getattr(dd, operation)(x, y)
    want = {
        v
        for v in itertools.product(range(2), range(3), range(2))
        if expected(v[0] == 1 or v[2] == 0, v[1] == 2)  # type: ignore[operator]
    }
    assert members(dd, result) == want


def test_negation_is_the_complement(dd: Diagrams) -> None:
    x = dd.conj(dd.literal(1, [1]), dd.literal(2, [1]))
    assert members(dd, dd.neg(x)) | members(dd, x) == members(dd, TRUE)
    assert not members(dd, dd.neg(x)) & members(dd, x)


def test_exists_forgets_a_variable(dd: Diagrams) -> None:
    x = dd.conj(dd.literal(0, [1]), dd.literal(1, [2]))
    assert dd.exists(x, frozenset({1})) == dd.literal(0, [1])


def test_pick_returns_an_assignment_inside_the_set(dd: Diagrams) -> None:
    x = dd.conj(dd.literal(1, [1, 2]), dd.literal(2, [0]))
    chosen = dd.pick(x)
    assert chosen is not None
    assert dd.restrict(x, chosen) == TRUE


def test_pick_takes_a_preferred_value_when_allowed(dd: Diagrams) -> None:
    x = dd.literal(1, [1, 2])
    assert dd.pick(x, {1: 2}) == {1: 2}
    assert dd.pick(x, {1: 0}) == {1: 1}  # 0 is not allowed: the first allowed value


def test_pick_of_the_empty_set_is_none(dd: Diagrams) -> None:
    assert dd.pick(FALSE) is None


def test_cubes_cover_the_set_exactly(dd: Diagrams) -> None:
    x = dd.disj(dd.literal(0, [1]), dd.conj(dd.literal(1, [0]), dd.literal(2, [1])))
    union = dd.any_of(dd.cube(cube) for cube in dd.cubes(x))
    assert union == x


def test_count_counts_assignments_over_the_given_variables(dd: Diagrams) -> None:
    x = dd.literal(1, [0, 2])
    assert dd.count(x, [0, 1, 2]) == 2 * 2 * 2
    assert dd.count(TRUE, [0, 1, 2]) == 12


def test_support_names_only_the_variables_tested(dd: Diagrams) -> None:
    x = dd.conj(dd.literal(0, [1]), dd.literal(2, [0]))
    assert dd.support(x) == frozenset({0, 2})


def test_meets_says_whether_two_sets_share_an_assignment_as_their_conjunction_does(
    dd: Diagrams,
) -> None:
    """Every pair of sets built from the literals, asked both ways round and asked again
    (the pairs found apart are remembered)."""
    literals = [dd.literal(var, [value]) for var in range(3) for value in range(2)]
    sets = [
        *literals,
        *(dd.conj(x, y) for x, y in itertools.combinations(literals, 2)),
        *(dd.disj(dd.conj(x, y), z) for x, y, z in itertools.combinations(literals, 3)),
        TRUE,
        FALSE,
    ]
    for _ in range(2):
        for x, y in itertools.product(sets, repeat=2):
            assert dd.meets(x, y) == bool(members(dd, x) & members(dd, y)), (x, y)


# --- deep diagrams: built with explicit stacks instead of recursion -----------------------


def mixed(dd: Diagrams, seed: int) -> Node:
    """A diagram over every variable of ``dd``, different for each seed."""
    node = FALSE
    for var in range(len(dd.variables)):
        size = dd.variables[var].size
        term = dd.conj(
            dd.literal(var, [(var + seed) % size]), dd.literal((var + 1) % 3, [seed % 2])
        )
        node = dd.disj(node, term) if (var + seed) % 2 else dd.conj(dd.disj(node, term), TRUE)
    return node


@pytest.mark.parametrize("operation", ["conj", "disj"])
def test_deep_operations_give_the_sets_the_recursive_ones_give(
    dd: Diagrams, operation: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    x, y = mixed(dd, 1), mixed(dd, 2)
    shallow = members(dd, getattr(dd, operation)(x, y))
    monkeypatch.setattr("kakanai.core.trees.reasoning.diagrams.SHALLOW_LEVELS", -1)
    deep = Diagrams()
    for variable in dd.variables:
        deep.add_variable(variable.name, variable.size)
    monkeypatch.setattr(Diagrams, "_combine", None)  # no step may take the recursive path
    dx, dy = mixed(deep, 1), mixed(deep, 2)
    assert members(deep, getattr(deep, operation)(dx, dy)) == shallow
    assert members(deep, deep.neg(dx)) == members(dd, dd.neg(x))


def test_a_diagram_deeper_than_the_recursion_limit_can_be_combined_and_negated() -> None:
    dd = Diagrams()
    chain = 3000  # three frames a level would pass Python's limit of 1000 many times over
    for var in range(chain):
        dd.add_variable(f"q{var}", 2)
    # Built from the bottom up, each step adds one node above the chain.
    every = dd.all_of(dd.literal(var, [1]) for var in reversed(range(chain)))
    some = dd.any_of(dd.literal(var, [0]) for var in reversed(range(chain)))
    assert dd.neg(every) == some
    assert dd.conj(every, some) == FALSE
    assert dd.disj(every, some) == TRUE
    assert dd.pick(every) == dict.fromkeys(range(chain), 1)


def test_meets_on_a_diagram_deeper_than_the_recursion_limit() -> None:
    dd = Diagrams()
    chain = 3000
    for var in range(chain):
        dd.add_variable(f"q{var}", 2)
    every = dd.all_of(dd.literal(var, [1]) for var in reversed(range(chain)))
    some = dd.any_of(dd.literal(var, [0]) for var in reversed(range(chain)))
    assert not dd.meets(every, some)
    assert dd.meets(every, every)

"""Everything reasoning finds in one tree: its space of residents, its diagrams, the flow
checks' problems and warnings, and (on demand) the decision table (`kakanai check`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kakanai.core.errors import Problem
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.reasoning.bands import BandChecker
from kakanai.core.trees.reasoning.diagrams import collector_paused
from kakanai.core.trees.reasoning.facts import FactLogic
from kakanai.core.trees.reasoning.flow import Flow, FlowChecker
from kakanai.core.trees.reasoning.logic_checks import LogicChecker
from kakanai.core.trees.reasoning.rules import Table, tables
from kakanai.core.trees.reasoning.space import Space
from kakanai.core.trees.reasoning.symbolic import TreeLogic


@dataclass
class Analysis:
    space: Space
    logic: TreeLogic
    flow: Flow
    problems: list[Problem] = field(default_factory=list)
    _facts: FactLogic | None = None
    _tables: list[Table] | None = None

    def facts(self) -> FactLogic:
        """The diagrams in the supervisor's vocabulary of household facts."""
        if self._facts is None:
            with collector_paused():
                self._facts = FactLogic(self.logic)
        return self._facts

    def tables(self) -> list[Table]:
        """Each procedure's minimal rules, in tree order."""
        if self._tables is None:
            with collector_paused():
                self._tables = tables(self.facts(), self.logic.runtime.tree.procedures)
        return self._tables


def analyse(runtime: TreeRuntime, as_of: dt.date) -> Analysis:
    """Reason over a checked tree's conditions for interviews held on ``as_of``."""
    with collector_paused():
        space = Space([runtime], as_of)
        logic = TreeLogic(space, runtime)
        flow = FlowChecker(logic).run()
        warnings = [*LogicChecker(logic, flow).run(), *BandChecker(logic).run()]
    return Analysis(space, logic, flow, [*flow.problems, *warnings])

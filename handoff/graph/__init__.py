"""Rule set → validated networkx decision graph → flat evaluation plan."""

from handoff.graph.compile import CompiledRules, LaneInfo, compile_rules
from handoff.graph.plan import CompiledRule, Plan, to_vector

__all__ = ["CompiledRule", "CompiledRules", "LaneInfo", "Plan", "compile_rules", "to_vector"]

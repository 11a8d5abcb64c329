"""Detect the publisher: every plugin scores the document; the best claim wins.

Ranking: score (higher first), then the plugin's declared priority (higher first),
then its name — never registration order, so the result is the same on every machine.
"""

from __future__ import annotations

from typing import Optional

from attrs import frozen

from .model import Claim, Document
from .plugins import PluginEntry, Registry


@frozen
class Candidate:
    """One plugin's claim on a document (score 0 and the failure if its hook failed)."""

    plugin: PluginEntry
    score: float
    reason: str
    failure: Optional[str] = None

    @property
    def name(self) -> str:
        return self.plugin.name


def rank(document: Document, registry: Registry) -> list[Candidate]:
    """Every loaded plugin's claim on ``document``, best first."""
    entries = {e.name: e for e in registry.entries()}
    candidates = []
    for name, claim, failure in registry.each(entries, "zhenggai_claim", check=Claim.__instancecheck__,
                                              document=document):
        if failure is not None:
            candidates.append(Candidate(entries[name], 0.0, "claim failed", failure.error))
        elif claim is None:
            candidates.append(Candidate(entries[name], 0.0, "not claimed"))
        else:
            candidates.append(Candidate(entries[name], float(claim.score), claim.reason))
    return sorted(candidates, key=lambda c: (-c.score, -c.plugin.info.priority, c.name))

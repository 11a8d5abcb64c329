"""The hooks a publisher plugin implements: this module is the plugin author's manual.

A publisher plugin is any object (usually a module, or an instance of
``zhenggai.DeclaredPublisher``) registered under the entry-point group
``zhenggai.publishers``. The entry point's *name* is the plugin's name: it is what
``record.publisher.plugin`` says, what ``normalize(..., plugin=NAME)`` forces and what
``zhenggai plugins`` lists. The built-in plugins (``generic``, ``liaoning``, ``fujian``,
``hunan``, ``zhejiang``) are registered in the very same way, in this project's
``pyproject.toml``; the core imports none of them.

How a document flows through the hooks::

    load → decode → extract blocks → strip chrome (core rules) → frame (title, body)
        → zhenggai_claim            every plugin scores the document; the best wins
        → zhenggai_chrome_rules     the winner's own boilerplate rules run on the body
        → zhenggai_parse            the winner turns the body into outline + problems
        → (core: metadata, figures, enrichment)
        → zhenggai_enrich           every plugin may amend the finished record
        → validate → emit

Implement hooks with the ``zhenggai.hookimpl`` marker. Every hook is optional except
``zhenggai_publisher_info``; most plugins need not write any hook by hand, because
``zhenggai.DeclaredPublisher`` implements them all from a declaration (claim terms,
chrome rules, a ``Layout``). See ``docs/writing-a-plugin.md``.

Isolation: a plugin that raises, or returns the wrong type, from any hook is skipped
for that document; the record's ``warnings`` name the plugin, the hook and the error,
and the next candidate is used. A plugin never sees another plugin's results.
"""

from __future__ import annotations

from typing import Optional, Sequence

import pluggy

from .model import Claim, ChromeRule, Document, Parts, PublisherInfo
from .record import Record

PROJECT = "zhenggai"
ENTRY_POINT_GROUP = "zhenggai.publishers"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def zhenggai_publisher_info() -> PublisherInfo:
    """Describe the plugin: a human label, the province it covers and its tie priority.

    Required. Called once, when the plugin is loaded. ``province`` is the full name
    ("辽宁省") that ends up in ``record.publisher.province`` when this plugin parses a
    document; ``None`` for plugins that cover no single province (``generic``).
    ``priority`` decides between equal claims — the higher wins; ``generic`` declares
    -100 so that any real publisher plugin beats it at equal scores. Two plugins with
    equal score and priority are ordered by name, never by registration order.
    ``sites`` lists the hosts or site names the plugin knows (shown by ``zhenggai plugins``).
    """


@hookspec
def zhenggai_claim(document: Document) -> Optional[Claim]:
    """Say how sure you are that ``document`` comes from your publisher.

    Return a ``Claim(score, reason)`` with ``score`` in 0..1 and a one-line ``reason``
    ("host dljp.gov.cn in 原文链接; issuer 大连金普新区"), or ``None`` for "not mine"
    (score 0). Judge on ``document.meta`` (canonical URL, 原文链接, site name), the
    title, the lines already removed as chrome (site banners and footers name the site)
    and the first and last paragraphs (issuer, signature). Do not parse the body here.

    Rough scale: 0.9+ the page names your site or host; 0.6–0.8 the issuer or title
    names your province's places; 0.1 the generic fallback. ``zhenggai detect PATH``
    shows every plugin's score and reason for a page.
    """


@hookspec
def zhenggai_chrome_rules(document: Document) -> Sequence[ChromeRule]:
    """Return boilerplate rules for your publisher's pages: lines to drop from the body.

    Called only on the plugin that won the claim, after the core's generic rules have
    run (those cover breadcrumbs, 发布时间/来源 lines, 打印/关闭, 上一篇/下一篇, ICP
    lines … — see ``docs/chrome-rules.md``). Name each rule; ``record.removed`` says
    which rule took which line, so keep rules narrow: a rule that removes a sentence of
    the report is a bug. The core prefixes each name with the plugin's name.
    """


@hookspec
def zhenggai_parse(document: Document) -> Parts:
    """Turn the cleaned body into the report's structure: outline and problems.

    Called only on the winning plugin (and, if it fails, on the next candidate). Most
    plugins call ``zhenggai.structure.parse(document, layout)`` with their ``Layout``
    declaration — the shared machinery for headings, items, statuses and deadlines —
    and return its ``Parts``. Metadata (title, issuer, dates, inspection block, figures,
    contacts) is extracted by the core for every plugin; amend it in ``zhenggai_enrich``
    if your publisher needs to.
    """


@hookspec
def zhenggai_enrich(record: Record, document: Document) -> Optional[Record]:
    """Amend a finished record: return a new one (``attrs.evolve``) or ``None``.

    Called on every plugin, in order of priority then name, after the core's own
    enrichment (keywords, topics). Use it to add or replace ``topics`` and
    ``keywords``, fill ``publisher.name``, or add warnings. The record returned must
    still be valid; a plugin that raises here is skipped with a warning.
    """

"""The generic publisher plugin: claims every document with a low score and parses it
with the genre's conventions (``zhenggai.layout.GENRE``). It is what a report from a
publisher without a plugin of its own gets."""

from zhenggai import DeclaredPublisher

plugin = DeclaredPublisher(
    label="Any publisher (genre conventions)",
    priority=-100,
    base_score=0.1,
)

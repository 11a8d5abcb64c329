"""zhenggai.testing: tools for plugin authors (strategies, renderers, conformance)."""

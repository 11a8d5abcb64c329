"""Built-in publisher plugins, registered through the zhenggai.publishers entry points."""

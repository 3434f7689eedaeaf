"""Use cases over form templates: rendering a desk's forms, checking templates."""

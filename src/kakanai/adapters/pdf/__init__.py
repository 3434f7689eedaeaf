"""PDF drawing and reading: fonts and their subsets, measured text, rasterizing."""

"""Painting laid-out forms into PDFs, over the city's blank forms where they exist."""

"""The slip's PDF layouts and the cipher and key files of its payload."""

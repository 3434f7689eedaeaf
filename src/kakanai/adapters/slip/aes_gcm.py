"""AES-256-GCM from ``cryptography``: the slip's authenticated encryption (the core's
``Cipher``). A wrong key and an altered byte look the same: the tag does not verify."""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32


class AesGcmCipher:
    """One slip key; nonces come from the envelope (issue time + 8 random bytes)."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) != KEY_BYTES:
            raise ValueError(f"an AES-256 key has {KEY_BYTES} bytes, not {len(secret)}")
        self._aead = AESGCM(secret)

    def encrypt(self, nonce: bytes, plaintext: bytes, associated: bytes) -> bytes:
        return self._aead.encrypt(nonce, plaintext, associated)

    def decrypt(self, nonce: bytes, sealed: bytes, associated: bytes) -> bytes | None:
        try:
            return self._aead.decrypt(nonce, sealed, associated)
        except InvalidTag:
            return None

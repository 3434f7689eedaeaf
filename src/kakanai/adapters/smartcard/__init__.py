"""IC card readers through PC/SC (pcsc-lite's ``pcscd``): the My Number card's
券面事項入力補助AP, read after the resident's 4-digit PIN."""

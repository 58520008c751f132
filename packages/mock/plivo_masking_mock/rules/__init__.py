"""The session rules of the mock, one small module each: expiry arithmetic, create defaults,
parties, PINs, fields that cannot change on update, virtual-number allocation."""

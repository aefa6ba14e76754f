"""Checked records → what a reader may see: the public or internal projection, small-number
protection, and every figure computed from the projection (never from the records)."""

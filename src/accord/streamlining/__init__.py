"""Streamlining: find overlapping texts (plan items, resolutions, Questions, regional
priorities) and turn a cluster of them into a proposal to merge."""

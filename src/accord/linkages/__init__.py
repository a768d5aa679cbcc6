"""Linkage suggestions: which SDGs, SDG targets and WSIS action lines an item of the plan
serves, suggested by the linkage engine with evidence, accepted or rejected by people."""

"""Reference data: regions, Member States, RTOs, membership categories, constituent groups, SDGs, WSIS."""

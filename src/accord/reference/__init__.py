"""Reference data: regions, Member States, RTOs, categories, constituent groups, SDGs, WSIS."""

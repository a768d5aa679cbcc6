"""Pure Python engines. They import no Django, so each is tested and benchmarked alone."""

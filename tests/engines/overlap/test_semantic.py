"""The semantic path: batching, cleaning, the exact blocked neighbour search, the pure-Python
fallback, and (when wordllama is installed) the real model, loaded offline."""

import logging
import math
import random
import socket

import pytest

from accord.engines.overlap import semantic

pytestmark = pytest.mark.unit

needs_model = pytest.mark.skipif(
    not semantic.available(), reason="wordllama (pip install 'accord[semantic]') not installed"
)
needs_numpy = pytest.mark.skipif(semantic._numpy() is None, reason="numpy not installed")


class LetterEmbedder:
    """Deterministic fake: a text's vector counts its letters a-z; records every call."""

    def __init__(self):
        self.calls = []

    def embed(self, texts):
        self.calls.append(list(texts))
        return [
            [text.lower().count(letter) for letter in "abcdefghijklmnopqrstuvwxyz"]
            for text in texts
        ]


@pytest.fixture
def fresh_model_cache():
    """Tests that change how the model is found start and end with nothing cached."""
    semantic.available.cache_clear()
    semantic.load.cache_clear()
    yield
    semantic.available.cache_clear()
    semantic.load.cache_clear()


def norm(vector):
    return math.sqrt(sum(float(v) * float(v) for v in vector))


def test_embed_returns_unit_vectors_in_input_order():
    texts = ["abc", "a much longer text than the others", "b"]
    vectors = semantic.embed(texts, LetterEmbedder())
    assert [round(norm(v), 6) for v in vectors] == [1.0, 1.0, 1.0]
    assert semantic.cosine(vectors[2], [0.0, 1.0] + [0.0] * 24) == pytest.approx(1.0)


def test_embed_text_without_letters_is_a_zero_vector():
    vectors = semantic.embed(["", "abc"], LetterEmbedder())
    assert [float(v) for v in vectors[0]] == [0.0] * 26
    assert semantic.cosine(vectors[0], vectors[1]) == 0.0


def test_embed_sends_long_texts_in_small_batches(monkeypatch):
    monkeypatch.setattr(semantic, "BATCH_CHARS", 100)
    fake = LetterEmbedder()
    texts = ["x" * 60, "short", "y" * 60, "tiny"]
    semantic.embed(texts, fake)
    assert fake.calls == [["tiny", "short"], ["x" * 60], ["y" * 60]]


def test_embed_reports_progress_up_to_the_number_of_texts(monkeypatch):
    monkeypatch.setattr(semantic, "BATCH_TEXTS", 2)
    seen = []
    semantic.embed(
        ["a", "b", "c", "d", "e"], LetterEmbedder(), progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(2, 5), (4, 5), (5, 5)]


def test_embed_caps_length_and_replaces_lone_surrogates():
    fake = LetterEmbedder()
    broken = b"caf\xe9 strategy".decode("utf-8", "surrogateescape")
    semantic.embed(["z" * (semantic.MAX_EMBED_CHARS + 500), broken], fake)
    sent = fake.calls[0]
    assert sent[0] == "caf? strategy"
    assert len(sent[1]) == semantic.MAX_EMBED_CHARS


def test_clean_lowercases_a_text_written_in_capitals():
    assert semantic.clean("HANDBOOK ON SPECTRUM MANAGEMENT") == "handbook on spectrum management"
    assert semantic.clean("ITU-D Action Plan for LDCs") == "ITU-D Action Plan for LDCs"


def test_embedder_returning_too_few_vectors_is_an_error():
    class Broken:
        def embed(self, texts):
            return [[1.0, 0.0]]

    with pytest.raises(ValueError, match="1 vectors for 2"):
        semantic.embed(["a", "b"], Broken())


def random_unit_vectors(count, dimensions, seed):
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        row = [rng.gauss(0, 1) for _ in range(dimensions)]
        length = norm(row)
        rows.append([v / length for v in row])
    return rows


def brute_force(rows, threshold):
    return {
        (i, j)
        for i in range(len(rows))
        for j in range(i + 1, len(rows))
        if semantic.cosine(rows[i], rows[j]) >= threshold
    }


@needs_numpy
def test_similar_pairs_is_exact_across_tiles(monkeypatch):
    import numpy

    rows = random_unit_vectors(150, 6, seed=1)
    monkeypatch.setattr(semantic, "TILE_ROWS", 16)
    monkeypatch.setattr(semantic, "TILE_COLUMNS", 40)
    found = semantic.similar_pairs(numpy.asarray(rows, dtype=numpy.float32), threshold=0.8)
    assert {(i, j) for i, j, _ in found} == brute_force(rows, 0.8)
    assert found == sorted(found)
    assert all(i < j for i, j, _ in found)


def test_similar_pairs_without_numpy_gives_the_same_pairs(monkeypatch):
    rows = random_unit_vectors(60, 5, seed=2)
    monkeypatch.setattr(semantic, "_numpy", lambda: None)
    found = semantic.similar_pairs(rows, threshold=0.7)
    assert {(i, j) for i, j, _ in found} == brute_force(rows, 0.7)


@pytest.mark.parametrize("use_numpy", [True, False])
def test_similar_pairs_keeps_the_best_neighbours_per_text(monkeypatch, use_numpy):
    if use_numpy and semantic._numpy() is None:
        pytest.skip("numpy not installed")
    if not use_numpy:
        monkeypatch.setattr(semantic, "_numpy", lambda: None)
    rows = [[1.0, 0.0], [1.0, 0.0], [0.99, 0.141], [0.98, 0.199], [0.0, 1.0]]
    rows = [[v / norm(r) for v in r] for r in rows]
    if use_numpy:
        import numpy

        rows = numpy.asarray(rows, dtype=numpy.float32)
    found = semantic.similar_pairs(rows, threshold=0.5, max_neighbours=2)
    assert [(i, j) for i, j, _ in found if i == 0] == [(0, 1), (0, 2)]


def test_similar_pairs_of_fewer_than_two_texts_is_empty():
    seen = []
    assert (
        semantic.similar_pairs([[1.0, 0.0]], threshold=0.5, progress=lambda d, t: seen.append(d))
        == []
    )
    assert seen == [1]


def test_pair_cosines_without_numpy(monkeypatch):
    monkeypatch.setattr(semantic, "_numpy", lambda: None)
    rows = [[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]]
    assert semantic.pair_cosines(rows, [(0, 2), (1, 2), (0, 1)]) == pytest.approx([0.6, 0.8, 0.0])


def test_group_sums_without_numpy(monkeypatch):
    monkeypatch.setattr(semantic, "_numpy", lambda: None)
    rows = [[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]]
    assert semantic.group_sums(rows, [[0, 1], [2], [0, 0]]) == [[1.0, 1.0], [2.0, 2.0], [2.0, 0.0]]


def test_model_is_unavailable_when_wordllama_is_not_installed(monkeypatch, fresh_model_cache):
    monkeypatch.setattr(semantic, "_model_folder", lambda: None)
    assert semantic.available() is False
    assert semantic.load() is None


def test_model_is_unavailable_without_numpy(monkeypatch, fresh_model_cache):
    monkeypatch.setattr(semantic, "_numpy", lambda: None)
    assert semantic.available() is False


def test_model_folder_without_weights_is_unavailable(monkeypatch, fresh_model_cache, tmp_path):
    (tmp_path / "tokenizers").mkdir()
    (tmp_path / "tokenizers" / "t.json").write_text("{}")
    monkeypatch.setattr(semantic, "_model_folder", lambda: tmp_path)
    assert semantic.available() is False


@needs_model
def test_real_model_loads_without_touching_the_network(monkeypatch, fresh_model_cache):
    def refuse(*args, **kwargs):
        raise AssertionError("the model tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    embedder = semantic.load()
    assert embedder is not None
    assert len(semantic.embed(["Spectrum management"], embedder)[0]) == 256


@needs_model
def test_real_model_leaves_logging_configuration_alone(fresh_model_cache):
    root = logging.getLogger()
    before = list(root.handlers)
    assert semantic.load() is not None
    assert root.handlers == before


@needs_model
def test_real_model_scores_a_paraphrase_above_an_unrelated_text():
    vectors = semantic.embed(
        [
            "Assist Member States in developing national cybersecurity strategies.",
            "Help countries draw up their national strategies for cyber security.",
            "Publish an annual report on the prices of mobile broadband services.",
        ],
        semantic.load(),
    )
    paraphrase = semantic.cosine(vectors[0], vectors[1])
    unrelated = semantic.cosine(vectors[0], vectors[2])
    assert paraphrase > unrelated + 0.2


@needs_model
def test_real_model_embeds_empty_capitalised_and_huge_texts():
    embedder = semantic.load()
    vectors = semantic.embed(
        ["", "SPECTRUM MANAGEMENT", "spectrum management", "broadband " * 300_000], embedder
    )
    assert [float(v) for v in vectors[0]] == [0.0] * 256
    assert semantic.cosine(vectors[1], vectors[2]) == pytest.approx(1.0, abs=1e-5)
    assert norm(vectors[3]) == pytest.approx(1.0, abs=1e-5)

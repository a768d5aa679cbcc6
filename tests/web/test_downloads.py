import json
import re

import pytest
from django.urls import reverse

from tests.web.conftest import publish

pytestmark = pytest.mark.integration

ITEM_CODES = ["D.1-a", "D.1-1", "D.1-b", "D.2-a", "D.2-1", "D.2-b"]
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
}


def _download(client, fmt, number=1, slug="conf"):
    return client.get(reverse("plan_export", args=[slug, number, fmt]))


@pytest.mark.parametrize("fmt", list(CONTENT_TYPES))
def test_download_each_format_is_an_attachment_with_its_type_and_name(client, published, fmt):
    response = _download(client, fmt)

    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    assert response["Content-Disposition"] == (f'attachment; filename="conf-action-plan-v1.{fmt}"')
    assert "private" in response["Cache-Control"]


def test_download_json_holds_every_item(client, published):
    response = _download(client, "json")

    data = json.loads(response.content)
    assert data["schema"] == "accord.working-document/1"
    assert [o["id"] for o in data["objectives"]] == ["D.1", "D.2"]
    assert [i["id"] for o in data["objectives"] for i in o["items"]] == ITEM_CODES


def test_download_html_holds_every_item(client, published):
    html = _download(client, "html").content.decode()

    assert html.startswith("<!DOCTYPE html>")
    assert [code for code in ITEM_CODES if code in html] == ITEM_CODES
    assert "Text of item 0 under priority 1 about broadband connectivity" in html


def test_download_markdown_holds_every_item(client, published):
    markdown = _download(client, "md").content.decode()

    assert [code for code in ITEM_CODES if code in markdown] == ITEM_CODES
    assert re.search(r"^#+ .*D\.2", markdown, re.M)


def test_download_pdf_is_a_pdf(client, published):
    assert _download(client, "pdf").content[:5] == b"%PDF-"


def test_download_docx_is_a_word_document_with_the_items(client, published, tmp_path):
    from accord.engines.documents.reader import read_document

    content = _download(client, "docx").content
    path = tmp_path / "plan.docx"
    path.write_bytes(content)

    assert content[:4] == b"PK\x03\x04"
    assert sorted(item.id for item in read_document(path).items()) == sorted(ITEM_CODES)


def test_download_draft_is_404_for_the_public(client, draft):
    assert _download(client, "json").status_code == 404


def test_download_draft_is_404_for_a_delegate(client, delegate, draft):
    client.force_login(delegate)

    assert _download(client, "json").status_code == 404


def test_download_circulated_version_for_a_delegate(client, admin, delegate, draft):
    from accord.plans.enums import VersionState

    publish(admin, draft, VersionState.CIRCULATED)
    client.force_login(delegate)

    assert _download(client, "md").status_code == 200


def test_download_draft_for_the_chair(client, chair, draft):
    client.force_login(chair)

    response = _download(client, "json")

    assert response.status_code == 200
    assert json.loads(response.content)["objectives"][0]["id"] == "D.1"


def test_download_unknown_format_is_404(client, published):
    assert _download(client, "exe").status_code == 404
    assert client.get("/c/conf/plan/v1/export.").status_code == 404


def test_download_unknown_version_is_404(client, published):
    assert _download(client, "json", number=9).status_code == 404


def test_download_private_conference_is_404_for_anonymous(client, admin, private_conference):
    from tests import factories

    version = publish(admin, factories.make_plan_version(admin, private_conference))

    assert _download(client, "json", number=version.number, slug="closed").status_code == 404


def test_plan_page_links_each_format_of_the_version_shown(client, published):
    response = client.get(reverse("plan", args=["conf"]))

    links = re.findall(
        r'<a class="downloads__link" href="([^"]+)" download>(\w+) '
        r'<span class="downloads__ext">([^<]+)</span></a>',
        response.text,
    )
    assert links == [
        ("/c/conf/plan/v1/export.docx", "Word", ".docx"),
        ("/c/conf/plan/v1/export.pdf", "PDF", ".pdf"),
        ("/c/conf/plan/v1/export.html", "HTML", ".html"),
        ("/c/conf/plan/v1/export.md", "Markdown", ".md"),
        ("/c/conf/plan/v1/export.json", "JSON", ".json"),
    ]
    assert "Download version 1" in response.text
    assert "/c/conf/plan/import/" not in response.text


def test_plan_page_offers_import_to_the_chair(client, chair, draft):
    client.force_login(chair)

    response = client.get(reverse("plan", args=["conf"]))

    assert (
        '<a class="button button--quiet" href="/c/conf/plan/import/">Import a working document</a>'
    ) in response.text

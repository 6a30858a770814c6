"""The API docs: /docs and /redoc load only assets this server serves (they work offline), and the
OpenAPI schema describes every add-vocals field with its range."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from topline.service.app import create_app
from topline.service.schemas import AddVocalsRequest
from topline.settings import Settings


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("docs")), start_workers=False)
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_reference_only_local_assets_and_they_are_served(client, page):
    r = client.get(page)
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", r.text)
    refs += re.findall(r"""(?:url|spec-url)\s*[:=]\s*["']([^"']+)["']""", r.text)
    assert refs, r.text
    assert not [u for u in refs if re.match(r"^(?:[a-z]+:)?//", u)], f"{page} loads from another host: {refs}"
    for u in refs:
        got = client.get(u)
        assert got.status_code == 200 and len(got.content) > 50, u
    assert "/openapi.json" in refs


def test_openapi_describes_every_request_field_with_its_range(client):
    schema = client.get("/openapi.json").json()["components"]["schemas"]["AddVocalsRequest"]["properties"]
    assert set(schema) == set(AddVocalsRequest.model_fields)
    for name, prop in schema.items():
        assert len(prop.get("description", "")) > 40, name
    for name in ("styleWeight", "weirdnessConstraint", "audioWeight"):
        assert "0 to 1" in schema[name]["description"]
    assert "2147483647" in schema["seed"]["description"]
    assert "V4_5PLUS" in schema["model"]["description"]


def test_the_field_reference_in_docs_covers_every_field():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()
    rows = {m.group(1) for m in re.finditer(r"^\| `(\w+)` \|", doc, re.M)}
    assert set(AddVocalsRequest.model_fields) <= rows


def test_repository_docs_do_not_point_outside_the_repository():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        text = doc.read_text()
        assert "shared/design" not in text and "/work/" not in text, doc
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if not re.match(r"^[a-z]+:", target):
                assert (doc.parent / target).exists(), f"{doc.name} links to missing {target}"

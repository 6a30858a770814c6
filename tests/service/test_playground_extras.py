"""The playground's on-demand downloads (full MIDI, lead / backing stems) in a real browser."""

from __future__ import annotations

import httpx
import pytest

from tests.service.extras_support import make_finished_task
from tests.service.test_playground import browser, open_page, svc  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_full_midi_and_stems_from_a_finished_track(open_page, svc):  # noqa: F811
    key = svc.new_key(credits=10)
    make_finished_task(svc, key["accountId"], seconds=4.0)
    page = open_page(key["apiKey"])
    page.click(".history-item")
    page.wait_for_selector(".track .dl-fullmidi")
    page.locator(".track").first.locator("button.dl-fullmidi").click()
    link = page.locator(".track").first.locator("a.dl-fullmidi")
    link.wait_for(timeout=60000)
    assert httpx.get(link.get_attribute("href")).content[:4] == b"MThd"
    page.locator(".track").first.locator("button.dl-stems").click()
    stems = page.locator(".track").first.locator("a.dl-stems")
    stems.first.wait_for(timeout=30000)
    assert [a.inner_text() for a in stems.all()] == ["Lead vocal (WAV)", "Backing vocals (WAV)"]
    assert httpx.get(stems.first.get_attribute("href")).content[:4] == b"RIFF"
    assert "ready below" in page.locator(".track").first.locator(".extras-status").inner_text()


WORDS = [{"word": "[Verse]\nhold", "success": True, "startS": 4.0, "endS": 4.5, "palign": 0},
         {"word": "me", "success": True, "startS": 4.5, "endS": 5.0, "palign": 0},
         {"word": "now", "success": True, "startS": 5.0, "endS": 6.0, "palign": 0}]


def test_replace_this_line_and_the_lyric_video(open_page, svc):  # noqa: F811
    import json

    key = svc.new_key(credits=20)
    src = make_finished_task(svc, key["accountId"], seconds=14.0, tracks=1)
    svc.ctx.store.put(src["tracks"][0]["files"]["lyrics"], json.dumps(WORDS).encode())
    page = open_page(key["apiKey"])
    page.click(".history-item")
    card = page.locator(".track").first
    card.locator(".kreplace").first.wait_for(timeout=30000)
    assert card.locator(".kreplace").first.get_attribute("aria-label") == "Replace the line “hold me now”"
    card.locator(".kreplace").first.click()
    form = card.locator(".replace-form")
    # the line (4-6 s) widened to the 6 s minimum around it, pre-filled with the words sung there
    assert "0:02–0:08" in form.inner_text()
    assert form.locator("textarea").input_value() == "hold me now"
    form.locator("textarea").fill("silver trains are calling")
    form.locator("button[type=submit]").click()
    # this stored task has no sung take to re-sing: the API's 409 is shown, nothing charged
    card.locator(".replace-status", has_text="cannot be replaced").wait_for(timeout=20000)
    assert httpx.get(svc.url + "/api/v1/chat/credit",
                     headers={"Authorization": f"Bearer {key['apiKey']}"}).json()["data"] == 20
    card.locator("button.dl-video").click()
    link = card.locator("a.dl-video")
    link.wait_for(timeout=60000)
    assert httpx.get(link.get_attribute("href")).content[4:8] == b"ftyp"

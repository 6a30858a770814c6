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

"""The playground page in a real browser (Debian's Chromium via Playwright) against a real server.

Screenshots of each step go to ``test-artifacts/playground/``.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
import pytest

from tests.instrumentals import instrumental_wav
from tests.service.live import LiveService
from tests.support import need_service

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "playground"
LYRICS = "[Verse]\nCity lights are fading slow\nI keep walking, on my own\n[Chorus]\nHold on, hold on tonight"
KEY = "topline.apiKey"


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    with LiveService(tmp_path_factory.mktemp("playground"), TOPLINE_DEV_KEYS="1") as s:
        yield s


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        need_service("Debian chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser, svc):
    """``open_page(key=None, width=1100, height=900)``: a fresh browser context on the playground."""
    contexts, errors = [], []

    def make(key: str | None = None, width: int = 1100, height: int = 900):
        ctx = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        if key is not None:
            ctx.add_init_script(f"localStorage.setItem({KEY!r}, {key!r})")
        page = ctx.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        # the page runs under its Content-Security-Policy: anything it blocks is a bug of the page
        page.on("console", lambda m: "Content Security Policy" in m.text and errors.append(m.text))
        page.goto(svc.url + "/")
        page.wait_for_selector("html[data-ready='1']")
        return page

    yield make
    for ctx in contexts:
        ctx.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="module")
def wav_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("audio") / "night-drive.wav"
    path.write_bytes(instrumental_wav(12.0))
    return path


def until(page, expression: str, timeout: float = 30_000) -> None:
    """Wait until a JavaScript expression is true. (Playwright's wait_for_function evaluates strings
    with eval inside the page, which the playground's Content-Security-Policy rightly forbids.)"""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout / 1000:g} s: {expression}")
        time.sleep(0.1)


def shot(page, name: str, *, full: bool = True) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def canvas_ink(page, selector: str) -> int:
    """How many pixels of a canvas are drawn (non-transparent)."""
    return page.eval_on_selector(selector, """c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }""")


def fill_song(page, wav: Path) -> None:
    page.set_input_files("#file", str(wav))
    page.fill("#prompt", LYRICS)
    page.fill("#title", "Night Drive")


def error_text(page) -> str:
    page.wait_for_selector("#error:not([hidden])")
    return page.inner_text("#error")


def test_whole_song(open_page, svc, wav_file):
    page = open_page()
    # stages the page announces, in the order it announced them
    page.evaluate("""() => { window.seen = [];
        new MutationObserver(() => {
            const stages = [...document.querySelectorAll('#stages li.done')].map(li => li.dataset.stage);
            const pending = !!document.querySelector('#results .track.pending');
            const snap = stages.join(',') + (pending ? '+pending' : '');
            if (window.seen[window.seen.length - 1] !== snap) window.seen.push(snap);
        }).observe(document.body, {subtree: true, childList: true, attributes: true}); }""")
    assert page.is_visible("#key-panel")
    shot(page, "01-start")

    page.click("#dev-key")
    until(page, "document.getElementById('credits').textContent.includes('credit')")
    key = page.evaluate(f"localStorage.getItem({KEY!r})")
    assert key and page.is_hidden("#key-panel")
    assert "Development key created" in page.inner_text("#key-status")

    fill_song(page, wav_file)
    page.wait_for_selector("#input-wave-box:not([hidden])")
    assert "0:12" in page.inner_text("#file-status")
    assert canvas_ink(page, "#input-wave") > 1000
    page.get_by_role("button", name="pop", exact=True).click()
    assert page.input_value("#style") == "pop"
    assert page.get_attribute(".chip >> text=pop >> nth=0", "aria-pressed") == "true"
    page.fill("#seed", "7")
    page.locator("#styleWeight").fill("0.7")
    assert page.inner_text("#styleWeight-out") == "0.70"
    shot(page, "02-picked")

    started = time.time()
    page.click("#submit")
    page.wait_for_selector("#stages li[data-stage='text'].done", timeout=60_000)
    assert page.is_visible("#lyrics")
    assert "Hold on, hold on tonight" in page.inner_text("#lyrics")
    shot(page, "03-text")

    page.wait_for_selector("#stages li[data-stage='first'].done", timeout=60_000)
    page.wait_for_selector("#results .track:not(.pending) audio")
    # the first variant plays on its own while the second renders (the submit click allows autoplay)
    until(page, "!document.querySelector('#results audio').paused", timeout=10_000)
    shot(page, "04-first")
    page.wait_for_selector("#stages li[data-stage='complete'].done", timeout=90_000)
    elapsed = time.time() - started
    page.wait_for_selector("#analysis .facts")
    assert "BPM" in page.inner_text("#analysis")
    assert page.locator("#results .track:not(.pending)").count() == 2
    assert page.locator("#results .track.pending").count() == 0
    until(page, "document.querySelectorAll('#results .kw').length > 5")
    shot(page, "05-complete")

    seen = page.evaluate("window.seen")
    firsts = [s for s in seen if "first" in s]
    # when the page saw each stage (a stage passed between two polls has no time)
    at = {st: page.get_attribute(f"#stages li[data-stage='{st}']", "data-at") for st in ("text", "first", "complete")}
    at = {st: float(v.split()[0]) for st, v in at.items() if v}
    assert list(at.values()) == sorted(at.values()) and "complete" in at
    # polled every second: with a long enough gap the page must have shown one variant out of two
    if at["complete"] - at.get("first", at["complete"]) > 2.5:
        assert any(s.endswith("+pending") for s in firsts), f"no moment with one variant out of two: {seen}"
    order = [s.split("+")[0].split(",")[-1] for s in seen if s.split("+")[0]]
    ranks = [["upload", "queued", "text", "first", "complete"].index(s) for s in order]
    assert ranks == sorted(ranks), seen
    assert re.search(r"done in \d+\.\d s", page.inner_text("#elapsed"))

    # the API's view of the same task
    task_id = page.evaluate("document.querySelector('#history button').dataset.taskId")
    with svc.client(key) as c:
        info = c.get("/api/v1/generate/record-info", params={"taskId": task_id}).json()["data"]
    assert info["status"] == "SUCCESS"
    tracks = info["response"]["sunoData"]
    card = page.locator("#results .track").first
    assert card.get_attribute("data-audio-id") == tracks[0]["id"]
    assert card.locator(".cover").get_attribute("src") == tracks[0]["imageUrl"]

    # downloads point at the task's files, which answer
    mp3 = card.locator("a.dl-mp3").get_attribute("href")
    midi = card.locator("a.dl-midi").get_attribute("href")
    assert mp3 == tracks[0]["audioUrl"] and midi == tracks[0]["midiUrl"]
    r = httpx.get(mp3, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"] == "audio/mpeg" and r.content[:3] in (b"ID3", b"\xff\xfb")
    for label in ("wav", "vocal", "instrumental", "timed", "lyrics"):
        assert card.locator(f"a.dl-{label}").count() == 1, label

    # playing: time advances, the waveform fills, the sung word is highlighted and follows the time
    audio = "#results .track >> nth=0 >> audio"
    page.eval_on_selector(audio, "a => { a.currentTime = 0; return a.play(); }")
    until(page, "(() => { const a = document.querySelector('#results audio');"
                           " return !a.paused && a.currentTime > 0.5; })()", timeout=15_000)
    starts = page.eval_on_selector_all("#results .track >> nth=0 >> .kw[data-start]",
                                       "ws => ws.map(w => [w.textContent, Number(w.dataset.start)])")
    assert len(starts) > 5
    first_card = page.locator("#results .track").first
    assert first_card.locator(".ktag").all_inner_texts() == ["[Verse]", "[Chorus]"]
    assert first_card.locator(".kline").all_inner_texts() == [
        "City lights are fading slow", "I keep walking, on my own", "Hold on, hold on tonight"]
    page.eval_on_selector(audio, "a => a.pause()")
    seen_words = []
    for word, start in (starts[1], starts[-2]):
        page.eval_on_selector(audio, f"a => {{ a.currentTime = {start + 0.02}; }}")
        until(page, f"(() => {{ const w = document.querySelector('#results .track .kw.on');"
                               f" return w && Math.abs(Number(w.dataset.start) - {start}) < 1e-6; }})()")
        seen_words.append(page.inner_text("#results .track >> nth=0 >> .kw.on"))
        assert page.get_attribute("#results .track >> nth=0 >> .kw.on", "aria-current") == "true"
    assert seen_words == [starts[1][0], starts[-2][0]]
    assert page.locator("#results .track >> nth=0 >> .kw.on").count() == 1
    shot(page, "06-karaoke")

    # history lists the task; opening it shows the finished players again
    page.click("#history-refresh")
    item = page.locator(f"#history button[data-task-id='{task_id}']")
    item.wait_for()
    assert "Night Drive" in item.inner_text() and "done" in item.inner_text()
    page.reload()
    page.wait_for_selector("html[data-ready='1']")
    page.locator(f"#history button[data-task-id='{task_id}']").click()
    page.wait_for_selector("#stages li[data-stage='complete'].done")
    assert page.locator("#results .track").count() == 2
    shot(page, "07-history")
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#results").scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "07b-phone-results", full=False)
    assert elapsed < 90


def test_keyboard_and_phone(open_page, svc, wav_file):
    key = svc.new_key()["apiKey"]
    page = open_page(key=key, width=390, height=844)
    assert page.is_hidden("#key-panel")
    fill_song(page, wav_file)
    page.wait_for_selector("#input-wave-box:not([hidden])")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "08-phone-top", full=False)
    shot(page, "09-phone-full")

    # keyboard only: Tab from the top reaches the submit button, which has an accessible name
    page.reload()
    page.wait_for_selector("html[data-ready='1']")
    reached = False
    for _ in range(25):  # few stops: the chips are one
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "submit":
            reached = True
            break
    assert reached, "Tab never reached the submit button"
    # the style chips are one Tab stop; arrow keys move between them and Space toggles one
    page.keyboard.press("Shift+Tab")
    while page.evaluate("document.activeElement.className") != "chip":
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "pop"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    assert page.input_value("#style") == "indie pop"
    page.focus("#seed")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "submit"
    from playwright.sync_api import expect

    expect(page.locator("#submit")).to_have_accessible_name("Add vocals")
    expect(page.locator("#prompt")).to_have_accessible_name(re.compile("^Lyrics, or a description"))
    expect(page.locator("#styleWeight")).to_have_accessible_name(re.compile("^Style weight"))
    assert page.get_attribute("#progress-live", "aria-live") == "polite"
    # submitting from the keyboard without an instrumental says what is missing, and moves focus there
    page.keyboard.press("Enter")
    assert "Choose an instrumental first" in error_text(page)
    assert page.evaluate("document.activeElement.id") == "file"
    shot(page, "10-keyboard", full=False)


def test_karaoke_lines(open_page):
    page = open_page()
    got = page.evaluate("""async () => {
        const k = await import('/static/karaoke.js');
        return [k.lineLengths('[Verse] Hello there\\nI - am here ...\\n\\n[Chorus]\\n(oh oh)'),
                k.lineLengths('')];
    }""")
    assert got == [[2, 3, 2], []]


def test_wrong_key(open_page):
    page = open_page()
    page.fill("#api-key", "not-a-key")
    page.keyboard.press("Enter")
    text = error_text(page)
    assert "Invalid API key" in text and "Enter a valid API key" in text
    assert page.is_visible("#key-panel")
    shot(page, "11-wrong-key")
    page.get_by_role("button", name="Dismiss").click()
    assert page.is_hidden("#error")


def test_not_audio(open_page, svc, tmp_path):
    page = open_page(key=svc.new_key()["apiKey"])
    notes = tmp_path / "notes.txt"
    notes.write_text("these are not sounds\n" * 50)
    page.set_input_files("#file", str(notes))
    assert "does not look like audio" in error_text(page)
    page.fill("#prompt", LYRICS)
    page.click("#submit")
    until(page, "document.getElementById('error').textContent.includes('Topline can read')")
    text = page.inner_text("#error")
    assert "not audio Topline can read" in text and "MP3, WAV" in text
    shot(page, "12-not-audio")


def test_no_credits(open_page, svc, wav_file):
    page = open_page(key=svc.new_key(credits=0)["apiKey"])
    until(page, "document.getElementById('credits').textContent === '0 credits'")
    fill_song(page, wav_file)
    page.wait_for_selector("#input-wave-box:not([hidden])")
    page.click("#submit")
    until(page, "document.getElementById('error').textContent.includes('credits')")
    text = page.inner_text("#error")
    assert "Insufficient credits" in text and "add some" in text
    box = page.locator("#error").bounding_box()  # in sight although the submit button is far below
    assert 0 <= box["y"] and box["y"] + box["height"] <= 900
    assert page.locator("#stages li.failed").count() == 1
    shot(page, "13-no-credits")


def test_pasted_url_and_rate_limit(open_page, svc, wav_file):
    key = svc.new_key()["apiKey"]
    url = svc.upload(key, wav_file.read_bytes())
    page = open_page(key=key)
    page.fill("#url", url)
    page.press("#url", "Tab")  # "change" fires when the field is left
    page.wait_for_selector("#input-wave-box:not([hidden])")  # same origin: the browser may read it
    assert canvas_ink(page, "#input-wave") > 1000
    page.fill("#prompt", "a hopeful song about leaving home")

    bodies = []

    codes = []

    def answer(route):
        bodies.append(route.request.post_data_json)
        if len(bodies) == 1:
            # spend this key's requests for the minute right before the request goes on, so no token
            # can come back in between however slow the machine is
            with svc.client(key) as c:
                codes.extend(c.get("/api/v1/chat/credit").status_code for _ in range(70))
            route.continue_()  # to the server, whose rate limiter answers 429
        else:
            route.abort()

    page.route("**/api/v1/generate/add-vocals", answer)
    page.click("#submit")
    text = error_text(page)
    assert codes[-1] == 429
    assert "Too many requests" in text and re.search(r"wait \d+ seconds? and try again", text), text
    shot(page, "14-rate-limited")
    page.click("#submit")
    until(page, "document.getElementById('error').textContent.includes('Could not reach')")
    body = bodies[-1]
    assert body["uploadUrl"] == url and body["prompt"] == "a hopeful song about leaving home"
    assert body["callBackUrl"].startswith("https://") and body["model"] == "V4_5PLUS"
    assert body["styleWeight"] == body["weirdnessConstraint"] == body["audioWeight"] == 0.5
    assert "vocalGender" not in body and "seed" not in body


def test_drop_a_file(open_page, svc, wav_file):
    key = svc.new_key()["apiKey"]
    url = svc.upload(key, wav_file.read_bytes(), name="dropped.wav")
    page = open_page(key=key)
    page.evaluate("""async (url) => {
        const blob = await (await fetch(url)).blob();
        const dt = new DataTransfer();
        dt.items.add(new File([blob], 'dropped.wav', {type: 'audio/wav'}));
        const zone = document.getElementById('drop');
        zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", url)
    page.wait_for_selector("#input-wave-box:not([hidden])")
    assert "dropped.wav" in page.inner_text("#file-status")
    assert page.evaluate("document.getElementById('file').files[0].name") == "dropped.wav"
    assert page.input_value("#title") == "dropped"


def test_dev_keys_off(open_page):
    page = open_page()
    # what a server started without --dev answers (the envelope of ops.dev_key's NotFoundError)
    page.route("**/api/v1/dev/keys", lambda route: route.fulfill(
        status=404, content_type="application/json",
        body='{"code": 404, "msg": "Key creation over HTTP is off; run \'topline keys create\' on the server '
             '(or start it with --dev for local development).", "data": null}'))
    page.click("#dev-key")
    text = error_text(page)
    assert "No development key" in text and "topline keys create" in text
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    assert page.is_visible("#key-panel")
